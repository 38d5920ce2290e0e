// Layout arithmetic of the views, kept free of ImGui so it can be tested:
// how many rows of a list fit a box (and how many are left for "+N más"),
// how many names fit a few lines, shortening a label with "…", and where a
// URL may break (after '/'). Widths come from a `Measure` the caller gives
// (the views pass the font's; tests a fixed width per code point).
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace facilita::ui {

using Measure = std::function<float(std::string_view)>;

// A list shown in a box: the first `shown` rows are drawn, `hidden` are not
// (the list says "+hidden más").
struct RowFit {
  int shown = 0;
  int hidden = 0;
};

// Rows of the given heights, from the first: as many as fit `avail_h` whole.
// When some do not fit, `more_h` (the "+N más" line) is kept free as well.
RowFit fit_rows(const std::vector<float>& heights, float avail_h, float more_h);

// Rows of the given heights in pages of `avail_h`: the index where each page
// starts. When they do not all fit, every page keeps `footer_h` free for its
// position line ("Respuestas 9–16 de 40"); a row taller than a page gets a page
// of its own. Always at least one page (starting at 0).
std::vector<int> page_starts(const std::vector<float>& heights, float avail_h, float footer_h);

// Rows laid out at [top, bottom] in a scrolled box showing [view_top,
// view_bottom]: how many are not wholly visible (scrolled off or cut).
int rows_out_of_view(const std::vector<std::pair<float, float>>& rows, float view_top, float view_bottom);

// Names joined by a separator of `sep_w`, wrapped at `line_w` on at most
// `max_lines` lines (a name never splits). How many fit from the first; when
// not all do, the last line keeps `more_w` free for "+N más".
int names_that_fit(const std::vector<float>& widths, float sep_w, float line_w, int max_lines, float more_w);

// `text` shortened at a code point boundary with "…" so that it measures at
// most `width`; unchanged (shortened = false) when it fits.
std::string ellipsize_text(std::string_view text, float width, const Measure& measure, bool& shortened);

// A URL on as few lines of `width` as possible, broken only after a '/'
// (never inside the scheme's "//"), or after '.', '?', '&', '=' or '-' when
// a piece between slashes is too long, and inside a piece only when even
// that is wider than a line. Concatenating the lines gives the URL back.
std::vector<std::string> break_url(std::string_view url, float width, const Measure& measure);

}  // namespace facilita::ui
