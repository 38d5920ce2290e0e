// Break on the console: "DESCANSO hasta 11:05 · quedan 4:12" with "Terminar
// descanso" while one is under way, else a button for the D dialog; and the
// dialog (5 / 10 / 15 / other minutes or a clock time HH:MM, the resulting
// clock time, "Iniciar descanso"). The break never ends by itself.
#include <algorithm>
#include <cstdio>
#include <string>

#include "ui/fonts.hpp"
#include "ui/room_parts.hpp"
#include "ui/theme.hpp"
#include "ui/modal.hpp"
#include "ui/views.hpp"

namespace facilita::ui {

void draw_break(const Session&, const State& state, const Timing&, const Dispatch& dispatch, UiState& ui) {
  const AgendaState& a = state.agenda;
  if (state.break_until == 0) {
    ImGui::BeginDisabled(!a.started || a.ended);
    if (ImGui::Button(ui.t(S::BreakButton))) open_break_dialog(ui);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("D");
    return;
  }
  char line[160];
  const std::string at = theme::local_hhmm(state.break_until);
  const Millis left = state.break_until - ui.now;
  if (left > 0) std::snprintf(line, sizeof line, ui.t(S::BreakStatus), at.c_str(), break_countdown_text(left).c_str());
  else std::snprintf(line, sizeof line, ui.t(S::BreakOver), at.c_str());
  ImGui::PushFont(current_fonts().bold);
  ImGui::PushStyleColor(ImGuiCol_Text, theme::to_vec4(theme::kWrapUp));
  ImGui::TextWrapped("%s", line);
  ImGui::PopStyleColor();
  ImGui::PopFont();
  if (ImGui::Button(ui.t(S::BreakEnd))) dispatch(cmd::EndBreak{});
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Space");
  ImGui::SameLine();
  if (ImGui::Button(ui.t(S::BreakButton))) open_break_dialog(ui);  // a new end time
}

void draw_break_dialog(const Session&, const State&, const Timing&, const Dispatch& dispatch, UiState& ui) {
  constexpr const char* kPopup = "##break";
  if (!begin_centered_modal(kPopup, ui.break_dialog, 28)) return;
  const float em = ImGui::GetFontSize();
  if (ui.dialog_opened) {  // the D that opened the dialog must not land in a field
    ImGui::GetIO().InputQueueCharacters.resize(0);
    ui.dialog_opened = false;
  }
  ImGui::PushFont(current_fonts().h2);
  ImGui::TextUnformatted(ui.t(S::BreakTitle));
  ImGui::PopFont();
  ImGui::TextUnformatted(ui.t(S::BreakMinutes));
  for (int minutes : {5, 10, 15}) {
    ImGui::SameLine();
    if (ImGui::RadioButton(std::to_string(minutes).c_str(), ui.break_minutes == minutes)) ui.break_minutes = minutes;
  }
  ImGui::SameLine();
  const bool other = ui.break_minutes > 0 && ui.break_minutes != 5 && ui.break_minutes != 10 && ui.break_minutes != 15;
  if (ImGui::RadioButton(ui.t(S::BreakOther), other)) ui.break_minutes = 20;
  if (other) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 6);
    ImGui::InputInt("##minutes", &ui.break_minutes, 1, 5);
    ui.break_minutes = std::clamp(ui.break_minutes, 1, 240);
  }
  if (ImGui::RadioButton(ui.t(S::BreakAtClock), ui.break_minutes == 0)) {
    ui.break_minutes = 0;
    if (ui.break_clock[0] == '\0')
      std::snprintf(ui.break_clock, sizeof ui.break_clock, "%s", theme::local_hhmm(ui.now + 15 * 60'000).c_str());
  }
  if (ui.break_minutes == 0) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 4);
    ImGui::InputText("##clock", ui.break_clock, sizeof ui.break_clock);
  }
  const auto until = break_until_choice(ui);
  const bool fits = until && *until - ui.now <= kMaxBreakMs;
  ImGui::Spacing();
  if (fits) {
    char ends[64];
    std::snprintf(ends, sizeof ends, ui.t(S::BreakEndsAt), theme::local_hhmm(*until).c_str());
    ImGui::PushFont(current_fonts().bold);
    ImGui::TextUnformatted(ends);
    ImGui::PopFont();
  } else {
    ImGui::PushStyleColor(ImGuiCol_Text, theme::to_vec4(theme::kOvertime));
    ImGui::TextWrapped("%s", ui.t(S::BreakBadClock));
    ImGui::PopStyleColor();
  }
  ImGui::Separator();
  ImGui::BeginDisabled(!fits);
  if (ImGui::Button(ui.t(S::BreakStart))) start_break(dispatch, ui);
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button(ui.t(S::Cancel))) ui.break_dialog = false;
  if (!ui.break_dialog) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace facilita::ui
