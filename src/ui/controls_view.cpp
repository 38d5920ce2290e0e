// Buttons for everything the keys do (each tooltip names its key), plus the
// projector state badges and the last problem reported by the engine.
#include <cstdio>
#include <string>

#include "ui/shortcuts.hpp"
#include "ui/theme.hpp"
#include "ui/views.hpp"

namespace facilita::ui {
namespace {

// Lays buttons left to right, wrapping when the next one would not fit.
class ButtonRow {
 public:
  bool button(const char* label, const char* key, bool enabled = true, bool active = false) {
    ImVec2 size = ImGui::CalcTextSize(label, nullptr, true);
    float width = size.x + ImGui::GetStyle().FramePadding.x * 2;
    float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (!first_ && last_x_ + ImGui::GetStyle().ItemSpacing.x + width <= right) ImGui::SameLine();
    first_ = false;
    if (active) ImGui::PushStyleColor(ImGuiCol_Button, theme::to_vec4(IM_COL32(200, 120, 30, 255)));
    if (!enabled) ImGui::BeginDisabled();
    bool pressed = ImGui::Button(label);
    if (!enabled) ImGui::EndDisabled();
    if (active) ImGui::PopStyleColor();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && key && *key) ImGui::SetTooltip("%s", key);
    last_x_ = ImGui::GetItemRectMax().x;
    return pressed;
  }

 private:
  bool first_ = true;
  float last_x_ = 0;
};

void badge(const char* text, ImU32 color) {
  ImGui::PushStyleColor(ImGuiCol_Text, theme::to_vec4(color));
  ImGui::TextUnformatted(text);
  ImGui::PopStyleColor();
}

}  // namespace

void draw_controls(const Session& session, const State& state, const Timing&, const Dispatch& dispatch, UiState& ui) {
  const AgendaState& a = state.agenda;
  const bool live = a.started && !a.ended;
  ButtonRow row;
  const char* clock_label = !a.started ? ui.t(S::Start) : a.running ? ui.t(S::Pause) : ui.t(S::Resume);
  if (row.button((std::string(clock_label) + "##clock").c_str(), "Space", !a.ended)) toggle_clock(state, dispatch);
  if (row.button((std::string("◀ ") + ui.t(S::Previous)).c_str(), "← / PgUp", live)) dispatch(cmd::Previous{});
  if (row.button((std::string(ui.t(S::Next)) + " ▶").c_str(), "→ / PgDn", live)) dispatch(cmd::Next{});
  if (row.button(ui.t(S::MinusMinute), "-", live)) dispatch(cmd::Adjust{-60});
  if (row.button(ui.t(S::PlusMinute), "+", live)) dispatch(cmd::Adjust{60});
  if (row.button(ui.t(S::Rebalance), "R", live)) ui.request_rebalance_preview = true;
  if (row.button(ui.t(S::Undo), "Ctrl+Z", live && !state.undo_stack.empty())) dispatch(cmd::Undo{});
  if (row.button(ui.t(S::Blackout), "B", true, ui.blackout)) ui.blackout = !ui.blackout;
  if (row.button(ui.t(S::Freeze), "F", true, ui.frozen)) ui.request_freeze_toggle = true;
  if (row.button(ui.t(S::Projector), "P", true, !ui.projector_visible)) ui.request_toggle_projector = true;
  if (row.button(ui.t(S::ProjectorFullscreen), "F11")) ui.request_toggle_fullscreen = true;
  if (row.button(ui.t(S::QuizSummaryButton), "A", true, ui.show_quiz_summary))
    ui.show_quiz_summary = !ui.show_quiz_summary;
  if (row.button(ui.t(S::Keys), "F1 / ?")) ui.show_keys = true;
  const std::string sound = std::string(ui.t(ui.muted ? S::SoundOff : S::SoundOn)) + "##sound";
  if (row.button(sound.c_str(), "K", true, ui.muted)) ui.muted = !ui.muted;
  if (row.button(ui.t(S::EndSession), "", live)) ui.confirm_end = true;
  // After a crash the down time counted as elapsed (the room kept going); one
  // click gives it back to the clock as a pause instead.
  if (!state.outages.empty() && !state.outages.back().as_pause && !a.ended) {
    const Outage& gap = state.outages.back();
    const long long seconds = (gap.to - gap.from) / 1000;
    char label[128];
    std::snprintf(label, sizeof label, ui.t(S::OutageAsPause), static_cast<int>(seconds / 60),
                  static_cast<int>(seconds % 60));
    if (row.button(label, "")) dispatch(cmd::OutageAsPause{});
  }

  if (ui.blackout) badge(ui.t(S::ProjectorBlackedOut), theme::kWrapUp);
  if (ui.frozen) {
    if (ui.blackout) ImGui::SameLine();
    badge(ui.t(S::ProjectorFrozen), theme::kWrapUp);
  }
  if (answers_paged(session, state, ui)) {
    char page[128];
    std::snprintf(page, sizeof page, ui.t(S::AnswersPage), ui.answer_first, ui.answer_last, ui.answer_total);
    ImGui::TextDisabled("%s", page);
  } else if (ui.content_pages > 1) {
    char page[96];
    std::snprintf(page, sizeof page, ui.t(S::ContentPage), ui.content_page + 1, ui.content_pages);
    ImGui::TextDisabled("%s", page);
  }
  if (!ui.message.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, theme::to_vec4(ui.message_is_error ? theme::kOvertime : theme::kWrapUp));
    ImGui::TextWrapped("%s", ui.message.c_str());
    ImGui::PopStyleColor();
  }
}

}  // namespace facilita::ui
