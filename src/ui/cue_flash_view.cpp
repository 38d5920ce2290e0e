#include "ui/cue_flash_view.hpp"

#include <algorithm>

#include "ui/theme.hpp"

namespace facilita::ui {

void draw_cue_flash(ImDrawList* dl, const CueFlash& flash, ImVec2 pos, ImVec2 size) {
  if (!flash.active()) return;
  ImVec4 c = ImGui::ColorConvertU32ToFloat4(flash.kind == CueFlash::Kind::Zero ? theme::kOvertime : theme::kWrapUp);
  // At most 70 % opaque: the clock and the title stay readable through it.
  c.w = 0.7f * std::clamp(flash.alpha, 0.0f, 1.0f);
  dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), ImGui::ColorConvertFloat4ToU32(c));
}

}  // namespace facilita::ui
