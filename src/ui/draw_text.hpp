// Text on an ImDrawList at an explicit size (views lay out by hand so the
// projector can scale everything with the window).
#pragma once
#include <imgui.h>

#include <string_view>

#include "ui/layout_fit.hpp"

namespace facilita::ui {

inline ImVec2 text_size(ImFont* font, float px, std::string_view text, float wrap_width = 0) {
  return font->CalcTextSizeA(px, 1e30f, wrap_width, text.data(), text.data() + text.size());
}

// Draws (when `dl` is set) wrapped text; returns its size.
inline ImVec2 draw_text(ImDrawList* dl, ImFont* font, float px, ImVec2 pos, ImU32 color, std::string_view text,
                        float wrap_width = 0) {
  if (dl) dl->AddText(font, px, pos, color, text.data(), text.data() + text.size(), wrap_width);
  return text_size(font, px, text, wrap_width);
}

// Widths of text in `font` at `px`, for the layout functions (layout_fit.hpp).
inline Measure font_measure(ImFont* font, float px) {
  return [font, px](std::string_view text) { return text_size(font, px, text).x; };
}
// Widths in ImGui's current font.
inline Measure current_font_measure() { return font_measure(ImGui::GetFont(), ImGui::GetFontSize()); }

// Shortens `text` with "…" so it fits `width` on one line.
std::string_view ellipsize(ImFont* font, float px, std::string_view text, float width, bool& shortened);

}  // namespace facilita::ui
