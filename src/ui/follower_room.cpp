// The room message and the break in the fellow's window (`facilita join`):
// the message as a highlighted line under the status, a break as "Descanso"
// with its countdown to the clock time (server clock) instead of the section.
#include <algorithm>
#include <cstdio>

#include "ui/follower_view.hpp"
#include "ui/fonts.hpp"
#include "ui/room_parts.hpp"
#include "ui/theme.hpp"

namespace facilita::ui {

bool draw_follower_room(const FollowerModel& m, UiState& ui) {
  if (!m.room || !m.room->known) return false;
  const net::FellowState& st = *m.room;
  const FontSet& fonts = current_fonts();
  if (!st.message.empty()) {
    ImGui::PushFont(fonts.bold);
    ImGui::PushStyleColor(ImGuiCol_Text, theme::to_vec4(theme::kWrapUp));
    ImGui::TextWrapped("%s", st.message.c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::Separator();
  }
  if (!st.break_until || st.ended()) return false;
  const Millis left = *st.break_until - m.server_now;
  ImGui::PushFont(fonts.h1);
  ImGui::TextUnformatted(ui.t(S::BreakTitle));
  ImGui::PopFont();
  ImGui::PushFont(fonts.clock);
  ImGui::SetWindowFontScale(std::min(1.0f, fonts.sizes.body * 3.2f / std::max(1.0f, fonts.sizes.clock)));
  ImGui::PushStyleColor(ImGuiCol_Text, theme::to_vec4(left > 0 ? theme::kAccent : theme::kWrapUp));
  ImGui::TextUnformatted(break_countdown_text(left).c_str());
  ImGui::PopStyleColor();
  ImGui::SetWindowFontScale(1.0f);
  ImGui::PopFont();
  char back[96];
  std::snprintf(back, sizeof back, ui.t(S::BreakBackAt), theme::local_hhmm(*st.break_until).c_str());
  ImGui::PushFont(fonts.bold);
  ImGui::TextUnformatted(left > 0 ? back : ui.t(S::BreakBackNow));
  ImGui::PopFont();
  return true;
}

}  // namespace facilita::ui
