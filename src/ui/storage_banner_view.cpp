// The storage banner: a red band under the status bar while the journal
// refuses writes (disk full, read-only medium), from whatever source — a key,
// the remote, a fellow's answer, a prompt closing on time, the heartbeat. It
// stays until a write succeeds; it cannot be dismissed, because until then
// nothing new is recorded.
#include <cstdio>
#include <string>

#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "ui/views.hpp"

namespace facilita::ui {
namespace {

S source_key(const std::string& source) {
  if (source == "start") return S::StorageSourceStart;
  if (source == "remote") return S::StorageSourceRemote;
  if (source == "fellow") return S::StorageSourceFellow;
  if (source == "timer") return S::StorageSourceTimer;
  if (source == "heartbeat") return S::StorageSourceHeartbeat;
  return S::StorageSourceKey;
}

}  // namespace

StorageBannerText storage_banner_text(const UiState& ui) {
  if (!ui.storage.failing) return {};
  char headline[512], detail[1024];
  std::snprintf(headline, sizeof headline, ui.t(S::StorageBanner), theme::local_hhmm(ui.storage.since).c_str());
  std::snprintf(detail, sizeof detail, ui.t(S::StorageFrom), ui.t(source_key(ui.storage.source)),
                ui.storage.reason.c_str());
  return {headline, detail};
}

void draw_storage_banner(const Session&, const State&, const Timing&, const Dispatch&, UiState& ui) {
  const StorageBannerText text = storage_banner_text(ui);
  if (text.headline.empty()) return;
  const float em = ImGui::GetFontSize();
  const float width = ImGui::GetContentRegionAvail().x;
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - em * 0.6f);
  const ImVec2 head = ImGui::CalcTextSize(text.headline.c_str(), nullptr, false, width - em * 1.2f);
  const ImVec2 body = ImGui::CalcTextSize(text.detail.c_str(), nullptr, false, width - em * 1.2f);
  const ImVec2 top = ImGui::GetCursorScreenPos();
  const float height = head.y + body.y + em * 0.9f;
  ImGui::GetWindowDrawList()->AddRectFilled(top, ImVec2(top.x + width, top.y + height), theme::kStorageAlarm, em * 0.2f);
  ImGui::SetCursorScreenPos(ImVec2(top.x + em * 0.6f, top.y + em * 0.3f));
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
  ImGui::PushFont(current_fonts().bold);
  ImGui::TextUnformatted(text.headline.c_str());
  ImGui::PopFont();
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + em * 0.6f);
  ImGui::TextUnformatted(text.detail.c_str());
  ImGui::PopStyleColor();
  ImGui::PopTextWrapPos();
  ImGui::SetCursorScreenPos(ImVec2(top.x, top.y + height + em * 0.3f));
  ImGui::Dummy(ImVec2(width, 0));
}

}  // namespace facilita::ui
