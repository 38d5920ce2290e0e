// The projector's flash after a cue: a full-window colour veil (wrap-up amber,
// zero red) whose opacity the app fades out over about a second.
#pragma once
#include <imgui.h>

#include "ui/ui_state.hpp"

namespace facilita::ui {

void draw_cue_flash(ImDrawList* dl, const CueFlash& flash, ImVec2 pos, ImVec2 size);

}  // namespace facilita::ui
