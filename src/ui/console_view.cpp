// Console layout: status bar on top, then three columns — agenda (+ projector
// pane with --single-window, + join area) | clock, controls, notes | prompts.
// Modals and the keys overlay are drawn last, above everything.
#include <algorithm>
#include <cmath>

#include "ui/fonts.hpp"
#include "ui/mastery_view.hpp"
#include "ui/views.hpp"

namespace facilita::ui {
namespace {

// No window or column backgrounds: the app clears to the window colour, and
// every full-window fill costs real time on software-rendered displays.
constexpr ImGuiWindowFlags kRootFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                                        ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoBackground;

void projector_pane(const Session& session, const State& state, const Timing& timing, const Dispatch& dispatch,
                    UiState& ui, float height) {
  ImGui::TextDisabled("%s", ui.t(S::ProjectorPane));
  float width = ImGui::GetContentRegionAvail().x;
  ImVec2 size(width, std::min(height, width * 9.0f / 16.0f));
  ImVec2 pos = ImGui::GetCursorScreenPos();
  draw_projector(session, state, timing, dispatch, ui, pos, size);
  ImGui::Dummy(size);
}

void left_column(const Session& session, const State& state, const Timing& timing, const Dispatch& dispatch,
                 UiState& ui) {
  const float em = ImGui::GetFontSize();
  const float width = ImGui::GetContentRegionAvail().x;
  const float avail = ImGui::GetContentRegionAvail().y;
  const bool pane = (ui.single_window || ui.projector_docked) && ui.projector_visible;
  float join_h = (ui.join_url.empty() ? em * 2.5f : em * 4.5f + std::min(em * 9, width)) +
                 (ui.admin_url.empty() ? 0 : em * 1.8f);
  float pane_h = pane ? width * 9.0f / 16.0f + em * 2.2f : 0;
  float agenda_h = std::max(em * 8, avail - join_h - pane_h);
  ImGui::BeginChild("agenda", ImVec2(0, agenda_h), false);
  probe_window(ui.layout, "agenda", "left");
  draw_agenda(session, state, timing, dispatch, ui);
  ImGui::EndChild();
  if (pane) projector_pane(session, state, timing, dispatch, ui, pane_h);
  ImGui::Separator();
  ImGui::BeginChild("join", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollbar);
  probe_window(ui.layout, "join", "left");
  draw_join_area(session, state, timing, dispatch, ui);
  ImGui::EndChild();
}

void center_column(const Session& session, const State& state, const Timing& timing, const Dispatch& dispatch,
                   UiState& ui) {
  draw_clock(session, state, timing, dispatch, ui);
  ImGui::Separator();
  draw_controls(session, state, timing, dispatch, ui);
  draw_room_message(session, state, timing, dispatch, ui);
  draw_break(session, state, timing, dispatch, ui);
  ImGui::Separator();
  ImGui::BeginChild("notes", ImVec2(0, 0), false);
  probe_window(ui.layout, "notes", "center");
  if (state.agenda.ended) draw_mastery(session, state, timing, dispatch, ui);  // what the room mastered, at the end
  else draw_notes(session, state, timing, dispatch, ui);
  ImGui::EndChild();
}

}  // namespace

void draw_console(const Session& session, const State& state, const Timing& timing, const Dispatch& dispatch,
                  UiState& ui) {
  const ImGuiIO& io = ImGui::GetIO();
  const float em = ImGui::GetFontSize();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em * 0.6f, em * 0.5f));
  ImGui::Begin("##console", nullptr, kRootFlags);
  ImGui::PopStyleVar();
  probe_window(ui.layout, "console", "");

  draw_screen_banner(session, state, timing, dispatch, ui);  // "visible to the room", a disconnected projector
  draw_status_bar(session, state, timing, dispatch, ui);
  ImGui::Separator();
  draw_storage_banner(session, state, timing, dispatch, ui);
  draw_reload_notice(session, state, timing, dispatch, ui);

  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float width = ImGui::GetContentRegionAvail().x - gap * 2;
  const float left_w = std::round(width * 0.30f), center_w = std::round(width * 0.37f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em * 0.5f, em * 0.4f));
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));
  ImGui::BeginChild("left", ImVec2(left_w, 0), true);
  probe_window(ui.layout, "left", "console");
  left_column(session, state, timing, dispatch, ui);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("center", ImVec2(center_w, 0), true);
  probe_window(ui.layout, "center", "console");
  center_column(session, state, timing, dispatch, ui);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("right", ImVec2(0, 0), true);
  probe_window(ui.layout, "right", "console");
  {
    const float avail = ImGui::GetContentRegionAvail().y;
    const float questions_h = ui.questions_open ? std::round(avail * 0.55f) : em * 2.4f;
    ImGui::BeginChild("prompts", ImVec2(0, avail - questions_h), false);
    probe_window(ui.layout, "prompts", "right");
    draw_prompts(session, state, timing, dispatch, ui);
    ImGui::EndChild();
    ImGui::Separator();
    ImGui::BeginChild("questions", ImVec2(0, 0), false);
    probe_window(ui.layout, "questions", "right");
    draw_questions(session, state, timing, dispatch, ui);
    ImGui::EndChild();
  }
  ImGui::EndChild();
  ImGui::PopStyleColor();
  ImGui::PopStyleVar();
  ImGui::End();

  draw_dialogs(session, state, timing, dispatch, ui);
}

// The dialogs the keys open (rebalance, end, message, break, console, keys):
// over the console and over the presentation alike.
void draw_dialogs(const Session& session, const State& state, const Timing& timing, const Dispatch& dispatch, UiState& ui) {
  draw_rebalance_preview(session, state, timing, dispatch, ui);
  draw_confirm_end(session, state, timing, dispatch, ui);
  draw_room_message_dialog(session, state, timing, dispatch, ui);
  draw_break_dialog(session, state, timing, dispatch, ui);
  draw_confirm_console(session, state, timing, dispatch, ui);
  draw_keys_overlay(session, state, timing, dispatch, ui);
}

}  // namespace facilita::ui
