// Presentation mode (room_safety.hpp): on a screen the room sees, the window
// shows the projector view and, under it, a discreet strip for the
// facilitator that the room may read too — the clock, the current section and
// the next one, the last refusal, and which keys lead on. No notes, no correct
// answers, no names. The dialogs the keys open (rebalance preview, end,
// room message, break, keys) draw on top: they show nothing the room must not see.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "ui/draw_text.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "ui/views.hpp"

namespace facilita::ui {
namespace {

std::string overlay_line(const Session& session, const State& state, const Timing& timing, const UiState& ui) {
  const AgendaState& a = state.agenda;
  std::string line = theme::countdown_text(timing);
  const char* state_label = theme::clock_state_label(ui, state);
  line += "  ";
  line += *state_label ? state_label : theme::phase_label(ui, timing.phase);
  if (a.current >= 0 && a.current < static_cast<int>(session.sections.size())) {
    char counter[64];
    std::snprintf(counter, sizeof counter, ui.t(S::Section), a.current + 1, static_cast<int>(session.sections.size()));
    line += "   ·   " + std::string(counter) + ": " + session.sections[static_cast<std::size_t>(a.current)].title;
  }
  line += "   ·   ";
  if (timing.next_section >= 0 && timing.next_section < static_cast<int>(session.sections.size()))
    line += std::string(ui.t(S::NextSection)) + " " + session.sections[static_cast<std::size_t>(timing.next_section)].title;
  else
    line += ui.t(S::LastSection);
  return line;
}

void overlay(const Session& session, const State& state, const Timing& timing, UiState& ui, ImVec2 pos, ImVec2 size) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const FontSet& fonts = current_fonts();
  const float px = std::round(size.y * 0.5f), pad = std::round(size.y * 0.25f);
  dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), IM_COL32(24, 24, 28, 255));
  ImU32 color = state.agenda.running ? theme::phase_color(timing.phase) : theme::kProjectorMuted;
  // The fullscreen button (F11) at the right end, the hint or the last refusal before it.
  const std::string button = std::string("F11##fullscreen");
  const float button_w = ImGui::CalcTextSize("F11").x + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::SetCursorScreenPos(ImVec2(pos.x + size.x - pad - button_w,
                                   pos.y + (size.y - ImGui::GetFrameHeight()) * 0.5f));
  if (ImGui::Button(button.c_str())) ui.request_toggle_fullscreen = true;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ui.t(S::ProjectorFullscreen));
  std::string hint = std::string("Tab: ") + ui.t(S::ScreenConsole) + "  ·  F1";
  if (ui.screen_notice) hint = ui.t(S::SharedScreenNotice);  // the console was hidden: say why and how back
  if (!ui.message.empty()) hint = ui.message;  // a refused key says why, here too
  char storage[160];
  if (ui.storage.failing) {  // the journal refuses writes: say so, without its reason (it may name files)
    std::snprintf(storage, sizeof storage, ui.t(S::StorageFailed), "");
    hint = storage;
  }
  const bool alert = !ui.message.empty() || ui.storage.failing || ui.screen_notice;
  const float right = size.x - pad * 2 - button_w;
  const float hint_w = std::min(right * 0.45f, text_size(fonts.body, px * 0.85f, hint).x);
  const float line_w = right - pad - hint_w;
  dl->PushClipRect(pos, ImVec2(pos.x + pad + line_w, pos.y + size.y), true);
  draw_text(dl, fonts.bold, px, ImVec2(pos.x + pad, pos.y + pad * 0.8f), color,
            overlay_line(session, state, timing, ui));
  dl->PopClipRect();
  ImVec2 hint_pos(pos.x + right - hint_w, pos.y + pad * 0.8f + px * 0.08f);
  dl->PushClipRect(hint_pos, ImVec2(pos.x + right, pos.y + size.y), true);
  draw_text(dl, fonts.body, px * 0.85f, hint_pos, alert ? (ui.storage.failing ? theme::kOvertime : theme::kWrapUp) : theme::kProjectorMuted, hint);
  dl->PopClipRect();
}

}  // namespace

void draw_presentation(const Session& session, const State& state, const Timing& timing, const Dispatch& dispatch,
                       UiState& ui) {
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::Begin("##presentation", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoBackground);
  const float strip = std::round(std::clamp(io.DisplaySize.y * 0.04f, 24.0f, 56.0f));
  const ImVec2 room(io.DisplaySize.x, std::max(0.0f, io.DisplaySize.y - strip));
  draw_projector(session, state, timing, dispatch, ui, ImVec2(0, 0), room);
  overlay(session, state, timing, ui, ImVec2(0, room.y), ImVec2(io.DisplaySize.x, strip));
  ImGui::End();
  ImGui::PopStyleVar();

  draw_dialogs(session, state, timing, dispatch, ui);
}

}  // namespace facilita::ui
