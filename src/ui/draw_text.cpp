#include "ui/draw_text.hpp"

namespace facilita::ui {

std::string_view ellipsize(ImFont* font, float px, std::string_view text, float width, bool& shortened) {
  shortened = false;
  if (text_size(font, px, text).x <= width) return text;
  shortened = true;
  float room = width - text_size(font, px, "…").x;
  const char* end = font->CalcWordWrapPositionA(px / font->FontSize, text.data(), text.data() + text.size(), room);
  return text.substr(0, static_cast<std::size_t>(end - text.data()));
}

}  // namespace facilita::ui
