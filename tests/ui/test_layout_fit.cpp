// Layout arithmetic of the views (ui/layout_fit.hpp): rows that fit and the
// "+N más" count, names on a few lines, ellipsizing, URL break points. Widths
// here are 10 px per code point.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "ui/layout_fit.hpp"

using namespace facilita::ui;

namespace {

float cp10(std::string_view s) {
  float n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) n += 10;
  return n;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string all;
  for (const auto& l : lines) all += l;
  return all;
}

}  // namespace

TEST_CASE("layout: rows that fit leave a line for \"+N más\" when some do not") {
  CHECK(fit_rows({20, 20, 20}, 60, 20).shown == 3);  // all fit: no line kept
  CHECK(fit_rows({20, 20, 20}, 60, 20).hidden == 0);
  RowFit nine = fit_rows(std::vector<float>(9, 20), 170, 20);  // 8 would fit, but the "+1 más" line needs room
  CHECK(nine.shown == 7);
  CHECK(nine.hidden == 2);
  CHECK(nine.shown + nine.hidden == 9);
  RowFit tall = fit_rows({30, 100, 10}, 100, 20);  // a row that does not fit stops the list: order kept
  CHECK(tall.shown == 1);
  CHECK(tall.hidden == 2);
  CHECK(fit_rows({}, 10, 20).shown == 0);
}

TEST_CASE("layout: rows that do not fit go in pages, each with room for its position line") {
  CHECK(page_starts({}, 100, 10) == std::vector<int>{0});
  CHECK(page_starts({30, 30, 30}, 100, 10) == std::vector<int>{0});  // all fit: one page, no line
  // 40 rows of 20 px in 100 px: 4 per page (80 + a 20 px line), 10 pages.
  const std::vector<int> starts = page_starts(std::vector<float>(40, 20), 100, 20);
  REQUIRE(starts.size() == 10);
  CHECK(starts[1] == 4);
  CHECK(starts.back() == 36);
  // A row taller than a page still gets one page of its own; nothing is skipped.
  CHECK(page_starts({20, 300, 20, 20}, 100, 20) == std::vector<int>{0, 1, 2});
}

TEST_CASE("layout: rows scrolled out of view or cut are counted") {
  std::vector<std::pair<float, float>> rows = {{0, 20}, {20, 40}, {40, 60}, {60, 80}};
  CHECK(rows_out_of_view(rows, 0, 80) == 0);
  CHECK(rows_out_of_view(rows, 0, 50) == 2);   // the third is cut in half: not shown whole
  CHECK(rows_out_of_view(rows, 20, 80) == 1);  // scrolled: the first is above
  CHECK(rows_out_of_view(rows, 0.3f, 79.7f) == 0);  // pixel rounding is not a cut
}

TEST_CASE("layout: names fill a few lines, then \"+N más\"") {
  std::vector<float> w(40, 50);  // 40 names of 50 px, ", " is 20 px, lines of 200 px
  // 3 per line (50 + 70 + 70 = 190): three lines would hold 9, but the last keeps ", +32 más" (80 px)
  CHECK(names_that_fit(w, 20, 200, 3, 60) == 8);
  CHECK(names_that_fit(w, 20, 200, 3, 130) == 7);
  CHECK(names_that_fit(std::vector<float>(9, 50), 20, 200, 3, 60) == 9);  // all fit: no room kept
  CHECK(names_that_fit(w, 20, 200, 0, 60) == 0);
  CHECK(names_that_fit({250}, 20, 200, 2, 60) == 1);  // a name wider than a line takes its own
}

TEST_CASE("layout: labels are shortened with an ellipsis at a code point") {
  bool shortened = true;
  CHECK(ellipsize_text("Agenda", 60, cp10, shortened) == "Agenda");
  CHECK_FALSE(shortened);
  std::string label = "Estado de avance · opcional";
  std::string out = ellipsize_text(label, 110, cp10, shortened);
  CHECK(shortened);
  CHECK(cp10(out) <= 110);
  CHECK(out == "Estado de…");  // trailing space dropped before the ellipsis
  CHECK(ellipsize_text("ñññññ", 30, cp10, shortened) == "ññ…");  // never half a character
}

TEST_CASE("layout: a URL breaks after a slash, never inside a word or the scheme") {
  std::vector<std::string> lines = break_url("http://192.168.1.20:8080/", 1000, cp10);
  CHECK(lines == std::vector<std::string>{"http://192.168.1.20:8080/"});
  lines = break_url("http://facilita.local:8080/sala/gobierno-abierto/", 280, cp10);
  CHECK(joined(lines) == "http://facilita.local:8080/sala/gobierno-abierto/");
  for (const auto& l : lines) CHECK(cp10(l) <= 280);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "http://facilita.local:8080/");
  CHECK(lines[1] == "sala/gobierno-abierto/");
  lines = break_url("http://facilita.local:8080/sala/gobierno-abierto/", 200, cp10);
  REQUIRE(lines.size() == 3);  // the host is wider than a line: broken at its dots
  CHECK(lines[0] == "http://facilita.");
  CHECK(lines[1] == "local:8080/sala/");
  CHECK(lines[2] == "gobierno-abierto/");
  // "//" stays with the host: never "http:/" + "/host"
  lines = break_url("http://host/ruta", 130, cp10);
  CHECK(lines == std::vector<std::string>{"http://host/", "ruta"});
  // a piece wider than a line breaks at '.', '-' … and only then inside
  lines = break_url("http://averyveryverylonghostname.example/", 150, cp10);
  CHECK(joined(lines) == "http://averyveryverylonghostname.example/");
  for (const auto& l : lines) CHECK(cp10(l) <= 150);
}
