#include "ui/fonts.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>

namespace facilita::ui {
namespace {

// Latin-1, Latin Extended-A, General Punctuation (« » “ ” – — … ·, ¿ ¡ are Latin-1).
constexpr ImWchar kTextRanges[] = {0x0020, 0x017F, 0x2000, 0x206F, 0};
// Symbols Noto Sans lacks, merged from DejaVu Sans: arrows, minus, ■ ▶ ● ○, ⚠, ✓ ✗.
constexpr ImWchar kSymbolRanges[] = {0x2190, 0x2193, 0x2212, 0x2212, 0x25A0, 0x25A0, 0x25B2, 0x25B6, 0x25C0, 0x25C0,
                                     0x25BC, 0x25BC, 0x25CB, 0x25CB, 0x25CF, 0x25CF, 0x26A0, 0x26A0,
                                     0x2713, 0x2713, 0x2717, 0x2717, 0};
constexpr ImWchar kClockRanges[] = {0x0020, 0x0020, 0x002B, 0x003A, 0x2212, 0x2212, 0};

constexpr const char* kFontDirs[] = {"/usr/share/fonts/truetype/noto", "/usr/share/fonts/truetype/dejavu"};

std::string find_font(const char* noto_name, const char* dejavu_name) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (*noto_name)
    if (auto p = fs::path(kFontDirs[0]) / noto_name; fs::is_regular_file(p, ec)) return p.string();
  if (auto p = fs::path(kFontDirs[1]) / dejavu_name; fs::is_regular_file(p, ec)) return p.string();
  return {};
}

struct FontFiles {
  std::string regular, bold, italic, bold_italic, symbols, symbols_bold;
};

FontFiles locate_fonts() {
  FontFiles f;
  f.regular = find_font("NotoSans-Regular.ttf", "DejaVuSans.ttf");
  f.bold = find_font("NotoSans-Bold.ttf", "DejaVuSans-Bold.ttf");
  f.italic = find_font("NotoSans-Italic.ttf", "DejaVuSans-Oblique.ttf");
  f.bold_italic = find_font("NotoSans-BoldItalic.ttf", "DejaVuSans-BoldOblique.ttf");
  f.symbols = find_font("", "DejaVuSans.ttf");
  f.symbols_bold = find_font("", "DejaVuSans-Bold.ttf");
  if (f.bold.empty()) f.bold = f.regular;
  if (f.italic.empty()) f.italic = f.regular;
  if (f.bold_italic.empty()) f.bold_italic = f.bold;
  return f;
}

ImFont* add_font(ImFontAtlas& atlas, const std::string& file, const std::string& symbols, float px,
                 const ImWchar* ranges, bool merge_symbols = true) {
  ImFontConfig config;
  config.OversampleH = 1;  // large sizes: oversampling only costs atlas space
  config.OversampleV = 1;
  config.PixelSnapH = true;
  ImFont* font = atlas.AddFontFromFileTTF(file.c_str(), px, &config, ranges);
  if (font && merge_symbols && !symbols.empty() && symbols != file) {
    ImFontConfig merge = config;
    merge.MergeMode = true;
    atlas.AddFontFromFileTTF(symbols.c_str(), px, &merge, kSymbolRanges);
  }
  return font;
}

}  // namespace

FontSizes console_font_sizes(float window_height, float content_scale) {
  float scale = std::max(1.0f, content_scale);
  float em = std::clamp(window_height / 48.0f, 15.0f * scale, 30.0f * scale);
  em = std::round(em);
  FontSizes s;
  s.body = em;
  s.h1 = std::round(em * 1.45f);
  s.h2 = std::round(em * 1.2f);
  s.large = std::round(em * 1.6f);
  s.clock = std::round(std::max(em * 5.0f, window_height * 0.13f));
  return s;
}

FontSizes projector_font_sizes(float window_height) {
  float body = std::round(std::max(14.0f, window_height / 22.0f));
  FontSizes s;
  s.body = body;
  s.h1 = std::round(body * 1.5f);
  s.h2 = std::round(body * 1.22f);
  s.large = std::round(body * 1.6f);
  s.clock = std::round(std::max(40.0f, window_height / 5.0f));
  return s;
}

bool fonts_need_rebuild(const FontSizes& baked, const FontSizes& wanted) {
  if (baked.body <= 0) return true;
  float ratio = wanted.body / baked.body;
  float clock_ratio = wanted.clock / std::max(1.0f, baked.clock);
  return ratio < 0.88f || ratio > 1.12f || clock_ratio < 0.88f || clock_ratio > 1.12f;
}

bool build_fonts(ImFontAtlas& atlas, const FontSizes& sizes, FontSet& out) {
  atlas.Clear();
  out = FontSet{};
  out.sizes = sizes;
  FontFiles files = locate_fonts();
  if (files.regular.empty()) {
    ImFontConfig config;
    config.SizePixels = sizes.body;
    ImFont* fallback = atlas.AddFontDefault(&config);
    out.body = out.bold = out.italic = out.bold_italic = out.h1 = out.h2 = out.large = out.clock = fallback;
    return false;
  }
  out.body = add_font(atlas, files.regular, files.symbols, sizes.body, kTextRanges);
  out.bold = add_font(atlas, files.bold, files.symbols_bold, sizes.body, kTextRanges);
  out.italic = add_font(atlas, files.italic, files.symbols, sizes.body, kTextRanges);
  out.bold_italic = add_font(atlas, files.bold_italic, files.symbols_bold, sizes.body, kTextRanges);
  out.h1 = add_font(atlas, files.bold, files.symbols_bold, sizes.h1, kTextRanges);
  out.h2 = add_font(atlas, files.bold, files.symbols_bold, sizes.h2, kTextRanges);
  out.large = add_font(atlas, files.bold, files.symbols_bold, sizes.large, kTextRanges);
  out.clock = add_font(atlas, files.bold, files.symbols_bold, sizes.clock, kClockRanges);
  for (ImFont** f : {&out.bold, &out.italic, &out.bold_italic, &out.h1, &out.h2, &out.large, &out.clock})
    if (!*f) *f = out.body;
  return out.body != nullptr;
}

const FontSet& current_fonts() {
  if (auto* fonts = static_cast<const FontSet*>(ImGui::GetIO().UserData)) return *fonts;
  // No fonts registered (should not happen): everything in ImGui's current font.
  static FontSet fallback;
  ImFont* f = ImGui::GetFont();
  fallback.body = fallback.bold = fallback.italic = fallback.bold_italic = f;
  fallback.h1 = fallback.h2 = fallback.large = fallback.clock = f;
  fallback.sizes = FontSizes{f->FontSize, f->FontSize, f->FontSize, f->FontSize, f->FontSize};
  return fallback;
}

void set_current_fonts(FontSet* fonts) { ImGui::GetIO().UserData = fonts; }

}  // namespace facilita::ui
