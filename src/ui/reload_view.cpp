// Hot reload notice on the console, under the status bar: the errors of a
// saved file that does not load (the session keeps the last valid version),
// or the diff of a saved version that changes the structure, with Accept
// (Ctrl+Enter) / Dismiss, or a one-line note (applied / refused).
#include <algorithm>
#include <cstdio>

#include "ui/theme.hpp"
#include "ui/views.hpp"

namespace facilita::ui {
namespace {

void change_list(const char* heading, const std::vector<std::string>& items, ImU32 color) {
  if (items.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::TextUnformatted(heading);
  ImGui::PopStyleColor();
  for (const std::string& item : items) ImGui::BulletText("%s", item.c_str());
}

}  // namespace

void draw_reload_notice(const Session&, const State&, const Timing&, const Dispatch&, UiState& ui) {
  ReloadNotice& r = ui.reload;
  if (!r.shown()) return;
  const float line = ImGui::GetTextLineHeightWithSpacing();
  auto list_rows = [](const std::vector<std::string>& items) { return items.empty() ? 0 : items.size() + 1; };
  std::size_t rows = (r.note.empty() ? 0 : 1) + (r.errors.empty() ? 0 : r.errors.size() + 1);
  if (r.pending) rows += 1 + list_rows(r.needs_acceptance) + list_rows(r.live_changes);
  float height = line * static_cast<float>(rows) + ImGui::GetStyle().WindowPadding.y * 2 + 2;
  if (r.pending) height += ImGui::GetFrameHeightWithSpacing();
  height = std::min(ImGui::GetContentRegionAvail().y * 0.45f, height);
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.22f, 0.16f, 0.05f, 1.0f));
  ImGui::BeginChild("reload", ImVec2(0, height), true);
  if (!r.note.empty()) {
    ImGui::TextUnformatted(r.note.c_str());
    if (!r.pending) {  // a one-line note: the facilitator can put it away
      ImGui::SameLine();
      if (ImGui::SmallButton(ui.t(S::ReloadDismiss))) r.request_dismiss = true;
    }
  }
  if (!r.errors.empty()) {
    char banner[256];
    std::snprintf(banner, sizeof banner, ui.t(S::ReloadErrors), static_cast<int>(r.errors.size()));
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kOvertime);
    ImGui::TextWrapped("%s", banner);
    ImGui::PopStyleColor();
    for (const std::string& e : r.errors) ImGui::BulletText("%s", e.c_str());
  }
  if (r.pending) {
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kWrapUp);
    ImGui::TextWrapped("%s", ui.t(S::ReloadPending));
    ImGui::PopStyleColor();
    change_list(ui.t(S::ReloadNeedsAccept), r.needs_acceptance, theme::kWrapUp);
    change_list(ui.t(S::ReloadLive), r.live_changes, theme::kAccent);
    if (ImGui::Button(ui.t(S::ReloadAccept))) r.request_accept = true;
    ImGui::SameLine();
    if (ImGui::Button(ui.t(S::ReloadDismiss))) r.request_dismiss = true;
  }
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

}  // namespace facilita::ui
