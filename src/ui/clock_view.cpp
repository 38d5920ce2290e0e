// Current section with a large countdown, its phase by colour AND label
// (● on time, ▲ wrap up, ■ overtime;
// paused and ended in their place), elapsed vs planned, and the next section.
#include <cstdio>
#include <string>

#include "core/duration.hpp"
#include "ui/draw_text.hpp"
#include "ui/fonts.hpp"
#include "ui/step_parts.hpp"
#include "ui/theme.hpp"
#include "ui/views.hpp"

namespace facilita::ui {
namespace {

const char* phase_shape(Phase phase) {
  switch (phase) {
    case Phase::Normal: return "●";
    case Phase::WrapUp: return "▲";
    case Phase::Overtime: return "■";
  }
  return "";
}

void centered_text(ImFont* font, float px, ImU32 color, const std::string& text) {
  float width = ImGui::GetContentRegionAvail().x;
  ImVec2 size = text_size(font, px, text);
  ImVec2 pos = ImGui::GetCursorScreenPos();
  draw_text(ImGui::GetWindowDrawList(), font, px, ImVec2(pos.x + (width - size.x) * 0.5f, pos.y), color, text);
  ImGui::Dummy(ImVec2(width, size.y));
}

}  // namespace

void draw_clock(const Session& session, const State& state, const Timing& timing, const Dispatch& dispatch,
                UiState& ui) {
  const FontSet& fonts = current_fonts();
  const AgendaState& a = state.agenda;
  if (session.sections.empty()) return;
  const Section& section = session.sections[static_cast<std::size_t>(a.current)];
  const SectionTiming* st = a.current < static_cast<int>(timing.sections.size())
                                ? &timing.sections[static_cast<std::size_t>(a.current)]
                                : nullptr;

  char counter[64];
  std::snprintf(counter, sizeof counter, ui.t(S::Section), a.current + 1, static_cast<int>(session.sections.size()));
  ImGui::TextDisabled("%s", counter);
  if (const char* label = theme::clock_state_label(ui, state); *label) {
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, theme::to_vec4(theme::kWrapUp));
    ImGui::Text("· %s", label);
    ImGui::PopStyleColor();
  }
  ImGui::PushFont(fonts.large);
  ImGui::TextWrapped("%s", section.title.c_str());
  ImGui::PopFont();

  // Big countdown. Dimmed when the clock is not running.
  ImU32 color = theme::phase_color(timing.phase);
  if (!a.running) color = (color & 0x00FFFFFF) | (IM_COL32_A_MASK & IM_COL32(0, 0, 0, 150));
  centered_text(fonts.clock, fonts.sizes.clock, color, theme::countdown_text(timing));

  // Paused and ended replace the phase: "● En tiempo" under a stopped clock misleads.
  if (a.ended) {
    centered_text(fonts.bold, fonts.sizes.body * 1.3f, theme::kIdle, ui.t(S::ClockEnded));
  } else if (a.started && !a.running) {
    centered_text(fonts.bold, fonts.sizes.body * 1.3f, theme::kWrapUp, ui.t(S::ClockPaused));
  } else {
    std::string phase = std::string(phase_shape(timing.phase)) + " " + theme::phase_label(ui, timing.phase);
    centered_text(fonts.bold, fonts.sizes.body * 1.15f, theme::phase_color(timing.phase), phase);
  }
  if (st) {
    std::string elapsed = std::string(ui.t(S::Elapsed)) + " " + format_clock(static_cast<int>(timing.section_elapsed_ms / 1000)) +
                          " / " + format_clock(st->planned_s);
    centered_text(fonts.body, fonts.sizes.body, IM_COL32(170, 170, 178, 255), elapsed);
  }
  draw_step_clock(session, state, timing, dispatch, ui);  // when the section has steps

  ImGui::Spacing();
  ImGui::TextDisabled("%s", ui.t(S::NextSection));
  ImGui::SameLine();
  if (timing.next_section >= 0 && timing.next_section < static_cast<int>(session.sections.size())) {
    const Section& next = session.sections[static_cast<std::size_t>(timing.next_section)];
    const SectionTiming& nt = timing.sections[static_cast<std::size_t>(timing.next_section)];
    ImGui::TextWrapped("%s (%s)", next.title.c_str(), format_clock(nt.planned_s).c_str());
  } else {
    ImGui::TextUnformatted(ui.t(S::LastSection));
  }
}

}  // namespace facilita::ui
