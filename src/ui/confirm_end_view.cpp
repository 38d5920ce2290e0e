// "End the session?" modal: ending a delivery is the one action Undo cannot
// take back, so it always asks (Enter confirms, Esc cancels).
#include <algorithm>
#include <string>

#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "ui/modal.hpp"
#include "ui/views.hpp"

namespace facilita::ui {

void draw_confirm_end(const Session&, const State&, const Timing&, const Dispatch& dispatch, UiState& ui) {
  constexpr const char* kPopup = "##confirm-end";
  if (!begin_centered_modal(kPopup, ui.confirm_end, 28)) return;
  ImGui::PushFont(current_fonts().h2);
  ImGui::TextUnformatted(ui.t(S::ConfirmEndTitle));
  ImGui::PopFont();
  ImGui::TextWrapped("%s", ui.t(S::ConfirmEndBody));
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Button, theme::to_vec4(IM_COL32(170, 50, 45, 255)));
  if (ImGui::Button((std::string(ui.t(S::ConfirmEndYes)) + " (Enter)").c_str())) {
    dispatch(cmd::End{});
    ui.confirm_end = false;
  }
  ImGui::PopStyleColor();
  ImGui::SameLine();
  if (ImGui::Button(ui.t(S::Cancel))) ui.confirm_end = false;
  if (!ui.confirm_end) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace facilita::ui
