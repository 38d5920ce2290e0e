// Fonts of one ImGui context: Noto Sans (DejaVu Sans as fallback and for the
// symbols Noto lacks), baked at sizes derived from an em and the window.
// Each context owns its atlas; views read the fonts through current_fonts().
#pragma once
#include <imgui.h>

namespace facilita::ui {

// Pixel sizes to bake. Text may be drawn smaller than baked (ImDrawList::AddText
// with a size) without rebuilding; rebuild when the window changes a lot.
struct FontSizes {
  float body = 18;
  float h1 = 28;
  float h2 = 23;
  float large = 36;  // section titles, prompt text on the projector
  float clock = 120; // digits only
  bool operator==(const FontSizes&) const = default;
};

struct FontSet {
  ImFont* body = nullptr;
  ImFont* bold = nullptr;
  ImFont* italic = nullptr;
  ImFont* bold_italic = nullptr;
  ImFont* h1 = nullptr;
  ImFont* h2 = nullptr;
  ImFont* large = nullptr;
  ImFont* clock = nullptr;
  FontSizes sizes;
};

// Console: em from the window height and the monitor content scale.
FontSizes console_font_sizes(float window_height, float content_scale);
// Projector: body text at least 1/25 of the window height (the back of the room).
FontSizes projector_font_sizes(float window_height);
// True when `wanted` differs enough from `baked` to be worth a rebuild.
bool fonts_need_rebuild(const FontSizes& baked, const FontSizes& wanted);

// Clears `atlas` and adds every font; the caller re-uploads the texture.
// Returns false when no usable font file was found (ImGui's default is used).
bool build_fonts(ImFontAtlas& atlas, const FontSizes& sizes, FontSet& out);

// The fonts of the current ImGui context (stored in io.UserData by the app).
const FontSet& current_fonts();
void set_current_fonts(FontSet* fonts);

}  // namespace facilita::ui
