// The join QR on the terminal: the text, read back module by module, is
// libqrencode's own matrix inside a four-module quiet zone.
#include <doctest/doctest.h>
#include <qrencode.h>

#include <sstream>
#include <string>
#include <vector>

#include "app/terminal_qr.hpp"

namespace facilita {
namespace {

// Splits a line into its characters (the half blocks are three bytes each).
std::vector<std::string> glyphs(const std::string& line) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < line.size();) {
    const unsigned char c = static_cast<unsigned char>(line[i]);
    const std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    out.push_back(line.substr(i, n));
    i += n;
  }
  return out;
}

// The text back to rows of modules (true = dark); each glyph is two rows.
std::vector<std::vector<bool>> read_back(const std::string& text) {
  std::vector<std::vector<bool>> rows;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    std::vector<bool> top, bottom;
    for (const auto& g : glyphs(line)) {
      REQUIRE((g == " " || g == "\u2580" || g == "\u2584" || g == "\u2588"));
      top.push_back(g == "\u2580" || g == "\u2588");
      bottom.push_back(g == "\u2584" || g == "\u2588");
    }
    rows.push_back(top);
    rows.push_back(bottom);
  }
  return rows;
}

}  // namespace

TEST_CASE("terminal QR: the half blocks read back as libqrencode's matrix inside a 4-module quiet zone") {
  const std::string url = "http://192.168.1.20:8080/";
  const std::string text = qr_text(qr_matrix(url), false);
  QRcode* code = QRcode_encodeString8bit(url.c_str(), 0, QR_ECLEVEL_M);
  REQUIRE(code != nullptr);
  const int width = code->width;
  const int side = width + 2 * kQrQuietZone;
  auto rows = read_back(text);
  // An odd side leaves a last half row of quiet zone.
  REQUIRE(static_cast<int>(rows.size()) == side + side % 2);
  int dark = 0;
  for (int y = 0; y < static_cast<int>(rows.size()); ++y) {
    REQUIRE(static_cast<int>(rows[static_cast<std::size_t>(y)].size()) == side);
    for (int x = 0; x < side; ++x) {
      const int mx = x - kQrQuietZone;
      const int my = y - kQrQuietZone;
      const bool inside = mx >= 0 && my >= 0 && mx < width && my < width;
      const bool expected = inside && (code->data[my * width + mx] & 1) != 0;
      CHECK_MESSAGE(rows[static_cast<std::size_t>(y)][static_cast<std::size_t>(x)] == expected,
                    "module " << mx << "," << my);
      dark += expected ? 1 : 0;
    }
  }
  QRcode_free(code);
  CHECK(dark > width);  // a real code, not an empty square
}

TEST_CASE("terminal QR: in colour every line is black on white and resets after itself") {
  const std::string text = qr_text(qr_matrix("http://10.0.0.2:8080/"), true);
  std::istringstream in(text);
  std::string line;
  int lines = 0;
  while (std::getline(in, line)) {
    ++lines;
    CHECK(line.rfind("\x1b[30;107m", 0) == 0);
    CHECK(line.size() > 4);
    CHECK(line.substr(line.size() - 4) == "\x1b[0m");
  }
  CHECK(lines > 10);
}

TEST_CASE("terminal QR: nothing to draw prints nothing") {
  CHECK(qr_matrix("").size == 0);
  CHECK(qr_text(qr_matrix(""), false).empty());
}

}  // namespace facilita
