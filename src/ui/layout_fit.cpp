#include "ui/layout_fit.hpp"

#include <algorithm>

namespace facilita::ui {
namespace {

bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Byte offsets where a UTF-8 code point starts, plus the end.
std::vector<std::size_t> code_point_starts(std::string_view text) {
  std::vector<std::size_t> at;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (!continuation(static_cast<unsigned char>(text[i]))) at.push_back(i);
  at.push_back(text.size());
  return at;
}

}  // namespace

RowFit fit_rows(const std::vector<float>& heights, float avail_h, float more_h) {
  const int total = static_cast<int>(heights.size());
  float sum = 0;
  for (float h : heights) sum += h;
  if (sum <= avail_h) return RowFit{total, 0};
  float used = 0;
  int shown = 0;
  for (float h : heights) {
    if (used + h > avail_h - more_h) break;
    used += h;
    ++shown;
  }
  return RowFit{shown, total - shown};
}

std::vector<int> page_starts(const std::vector<float>& heights, float avail_h, float footer_h) {
  std::vector<int> starts{0};
  float sum = 0;
  for (float h : heights) sum += h;
  if (sum <= avail_h) return starts;
  const float page_h = avail_h - footer_h;
  float used = 0;
  for (std::size_t i = 0; i < heights.size(); ++i) {
    if (used + heights[i] > page_h && static_cast<int>(i) > starts.back()) {
      starts.push_back(static_cast<int>(i));
      used = 0;
    }
    used += heights[i];
  }
  return starts;
}

int rows_out_of_view(const std::vector<std::pair<float, float>>& rows, float view_top, float view_bottom) {
  constexpr float kSlack = 0.5f;  // rounding of pixel positions
  int out = 0;
  for (const auto& [top, bottom] : rows)
    if (top < view_top - kSlack || bottom > view_bottom + kSlack) ++out;
  return out;
}

int names_that_fit(const std::vector<float>& widths, float sep_w, float line_w, int max_lines, float more_w) {
  auto place = [&](int count, float reserve) {  // do the first `count` names fit, keeping `reserve` on the last line?
    int line = 1;
    float x = 0;
    for (int i = 0; i < count; ++i) {
      const float w = widths[static_cast<std::size_t>(i)] + (x > 0 ? sep_w : 0);
      if (x > 0 && x + w > line_w) {
        ++line;
        x = widths[static_cast<std::size_t>(i)];
      } else {
        x += w;
      }
      if (line > max_lines) return false;
    }
    if (reserve <= 0) return true;
    if (x + sep_w + reserve <= line_w) return true;
    return line < max_lines && reserve <= line_w;  // "+N más" on a line of its own
  };
  const int total = static_cast<int>(widths.size());
  if (max_lines <= 0) return 0;
  if (place(total, 0)) return total;
  int shown = 0;
  while (shown < total && place(shown + 1, more_w)) ++shown;
  return shown;
}

std::string ellipsize_text(std::string_view text, float width, const Measure& measure, bool& shortened) {
  shortened = false;
  if (measure(text) <= width) return std::string(text);
  shortened = true;
  const auto starts = code_point_starts(text);
  std::size_t best = 0;  // longest prefix (in code points) that fits with the ellipsis
  for (std::size_t k = 1; k + 1 < starts.size(); ++k) {
    std::string candidate(text.substr(0, starts[k]));
    candidate += "…";
    if (measure(candidate) > width) break;
    best = starts[k];
  }
  std::string out(text.substr(0, best));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + "…";
}

std::vector<std::string> break_url(std::string_view url, float width, const Measure& measure) {
  // Pieces that end at a break point: after each '/' except inside "://".
  auto pieces_at = [](std::string_view text, std::string_view breaks, bool skip_scheme) {
    std::vector<std::string> pieces;
    std::size_t begin = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (breaks.find(text[i]) == std::string_view::npos) continue;
      if (skip_scheme && text[i] == '/' &&
          ((i + 1 < text.size() && text[i + 1] == '/') || (i > 0 && text[i - 1] == '/')))
        continue;  // never "http:/" + "/host": the "//" stays whole
      pieces.emplace_back(text.substr(begin, i + 1 - begin));
      begin = i + 1;
    }
    if (begin < text.size()) pieces.emplace_back(text.substr(begin));
    return pieces;
  };
  std::vector<std::string> pieces;
  for (const std::string& piece : pieces_at(url, "/", true)) {
    if (measure(piece) <= width) {
      pieces.push_back(piece);
      continue;
    }
    for (const std::string& part : pieces_at(piece, ".?&=-", false)) {
      if (measure(part) <= width) {
        pieces.push_back(part);
        continue;
      }
      const auto starts = code_point_starts(part);  // last resort: as many code points as fit
      std::size_t begin = 0;
      for (std::size_t k = 1; k < starts.size(); ++k) {
        if (measure(std::string_view(part).substr(begin, starts[k] - begin)) > width && starts[k - 1] > begin) {
          pieces.push_back(part.substr(begin, starts[k - 1] - begin));
          begin = starts[k - 1];
        }
      }
      pieces.push_back(part.substr(begin));
    }
  }
  std::vector<std::string> lines;
  for (const std::string& piece : pieces) {
    if (!lines.empty() && measure(lines.back() + piece) <= width) lines.back() += piece;
    else lines.push_back(piece);
  }
  return lines;
}

}  // namespace facilita::ui
