// Connection health in the console's status bar: connected / reconnecting /
// gone, in the warning colour when anyone is not connected.
#include <cstdio>

#include "ui/theme.hpp"
#include "ui/views.hpp"

namespace facilita::ui {

std::string presence_line(const UiState& ui) {
  const auto& p = ui.presence;
  if (!p.known || p.connected + p.reconnecting + p.gone == 0) return {};
  char line[160];
  std::snprintf(line, sizeof line, ui.t(S::Presence), p.connected, p.reconnecting, p.gone);
  return line;
}

void draw_presence_line(const UiState& ui, const std::string& line) {
  const bool trouble = ui.presence.reconnecting + ui.presence.gone > 0;
  if (trouble) ImGui::PushStyleColor(ImGuiCol_Text, theme::to_vec4(ui.presence.gone > 0 ? theme::kOvertime : theme::kWrapUp));
  ImGui::TextUnformatted(line.c_str());
  if (trouble) ImGui::PopStyleColor();
}

}  // namespace facilita::ui
