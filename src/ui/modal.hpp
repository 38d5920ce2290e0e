// The console's small dialogs (end confirmation, room message, break): a
// centred modal without a title bar that follows a UiState flag.
#pragma once
#include <imgui.h>

#include <algorithm>

namespace facilita::ui {

// Opens the modal `id` while `wanted` (closes it when not); true when it is open
// this frame: draw its content, then call ImGui::EndPopup().
inline bool begin_centered_modal(const char* id, bool wanted, float width_em) {
  if (!wanted) {
    if (ImGui::IsPopupOpen(id) && ImGui::BeginPopupModal(id)) {
      ImGui::CloseCurrentPopup();
      ImGui::EndPopup();
    }
    return false;
  }
  if (!ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
  ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(display.x * 0.9f, ImGui::GetFontSize() * width_em), 0));
  return ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize);
}

}  // namespace facilita::ui
