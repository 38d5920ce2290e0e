// On a screen the room sees: the question before the console shows there, and
// while it does, a banner saying so with the way back. Also the line that says
// the projector output is gone and its view is a pane here.
#include <algorithm>
#include <string>

#include "ui/fonts.hpp"
#include "ui/modal.hpp"
#include "ui/shortcuts.hpp"
#include "ui/theme.hpp"
#include "ui/views.hpp"

namespace facilita::ui {

void draw_confirm_console(const Session&, const State&, const Timing&, const Dispatch&, UiState& ui) {
  constexpr const char* kPopup = "##confirm-console";
  if (!begin_centered_modal(kPopup, ui.confirm_console, 30)) return;
  ImGui::PushFont(current_fonts().h2);
  ImGui::TextWrapped("%s", ui.t(S::ConfirmConsoleTitle));
  ImGui::PopFont();
  ImGui::TextWrapped("%s", ui.t(S::ConfirmConsoleBody));
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Button, theme::to_vec4(IM_COL32(170, 50, 45, 255)));
  if (ImGui::Button((std::string(ui.t(S::ConfirmConsoleYes)) + " (Enter)").c_str())) {
    ui.screen = ScreenMode::Console;
    ui.screen_notice = false;
    ui.confirm_console = false;
  }
  ImGui::PopStyleColor();
  ImGui::SameLine();
  if (ImGui::Button(ui.t(S::Cancel))) ui.confirm_console = false;
  if (!ui.confirm_console) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

void draw_screen_banner(const Session&, const State&, const Timing&, const Dispatch&, UiState& ui) {
  if (visible_parts(ui.screen, ui.shared_screen).room_banner) {
    const float em = ImGui::GetFontSize();
    ImVec2 pos = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x, height = em * 1.9f;
    ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + height), IM_COL32(170, 50, 45, 255),
                                              em * 0.2f);
    ImGui::SetCursorScreenPos(ImVec2(pos.x + em * 0.5f, pos.y + em * 0.35f));
    ImGui::PushFont(current_fonts().bold);
    ImGui::TextUnformatted((std::string("● ") + ui.t(S::RoomBanner)).c_str());
    ImGui::PopFont();
    const std::string back = std::string(ui.t(S::BackToPresentation)) + " (Tab)";
    const float button_w = ImGui::CalcTextSize(back.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetContentRegionMax().x - button_w - em * 0.4f));
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, pos.y + em * 0.2f));
    if (ImGui::Button(back.c_str())) switch_screen(ui);
    ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + height + em * 0.2f));
  }
  if (ui.projector_docked) {
    ImGui::PushStyleColor(ImGuiCol_Text, theme::to_vec4(theme::kWrapUp));
    ImGui::TextWrapped("%s", ui.t(S::ProjectorDocked));
    ImGui::PopStyleColor();
  }
}

}  // namespace facilita::ui
