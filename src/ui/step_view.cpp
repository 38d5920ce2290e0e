// The current step on the console: "Paso 2 de 4 · En parejas", its own
// countdown (coloured when past zero), elapsed / planned, its text, and the
// previous / next step buttons; plus the steps' rows in the agenda.
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

void centered(ImFont* font, float px, ImU32 color, const std::string& text) {
  const float width = ImGui::GetContentRegionAvail().x;
  const ImVec2 size = text_size(font, px, text, width);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  draw_text(ImGui::GetWindowDrawList(), font, px, ImVec2(pos.x + std::max(0.0f, (width - size.x) * 0.5f), pos.y),
            color, text, width);
  ImGui::Dummy(ImVec2(width, size.y));
}

ImU32 step_color(const State& state, const Timing& timing) {
  ImU32 color = timing.step_remaining_ms < 0 ? theme::kOvertime : theme::kAccent;
  if (!state.agenda.running) color = (color & 0x00FFFFFF) | (IM_COL32_A_MASK & IM_COL32(0, 0, 0, 150));
  return color;
}

}  // namespace

const Step* current_step(const Session& session, const State& state, const Timing& timing) {
  if (timing.step < 0 || session.sections.empty()) return nullptr;
  const auto& steps = session.sections[static_cast<std::size_t>(state.agenda.current)].steps;
  return static_cast<std::size_t>(timing.step) < steps.size() ? &steps[static_cast<std::size_t>(timing.step)] : nullptr;
}

std::string step_countdown_text(const Timing& timing) {
  const Millis remaining = timing.step_remaining_ms;
  if (remaining > 0) return format_clock(static_cast<int>((remaining + 999) / 1000));
  // Appended, not `"+" + std::string`: GCC 12's -Wrestrict false positive (bug 105329).
  return std::string("+").append(format_clock(static_cast<int>(-remaining / 1000)));
}

std::string step_heading(const UiState& ui, const Timing& timing, const Step& step) {
  char head[96];
  std::snprintf(head, sizeof head, ui.t(S::StepOf), timing.step + 1, timing.step_count);
  return std::string(head) + " · " + step.title;
}

void draw_step_clock(const Session& session, const State& state, const Timing& timing, const Dispatch& dispatch,
                     UiState& ui) {
  const Step* step = current_step(session, state, timing);
  if (!step) return;
  const FontSet& fonts = current_fonts();
  ImGui::Spacing();
  centered(fonts.bold, fonts.sizes.h2, theme::kProjectorText, step_heading(ui, timing, *step));
  centered(fonts.h1, fonts.sizes.clock * 0.42f, step_color(state, timing), step_countdown_text(timing));
  const std::string elapsed = std::string(ui.t(S::Elapsed)) + " " +
                              format_clock(static_cast<int>(timing.step_elapsed_ms / 1000)) + " / " +
                              format_clock(timing.step_planned_s);
  centered(fonts.body, fonts.sizes.body, IM_COL32(170, 170, 178, 255), elapsed);
  if (!step->text.empty()) ImGui::TextWrapped("%s", step->text.c_str());

  const bool live = state.agenda.started && !state.agenda.ended;
  const float width = ImGui::GetContentRegionAvail().x;
  const std::string prev = std::string("◀ ") + ui.t(S::PreviousStep) + "##step-prev";
  const std::string next = std::string(ui.t(S::NextStep)) + " ▶##step-next";
  const float pad = ImGui::GetStyle().FramePadding.x * 2, gap = ImGui::GetStyle().ItemSpacing.x;
  const float total = ImGui::CalcTextSize(prev.c_str(), nullptr, true).x + ImGui::CalcTextSize(next.c_str(), nullptr, true).x +
                      pad * 2 + gap;
  if (total < width) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - total) * 0.5f);
  const bool can_prev = live && timing.step > 0, can_next = live && timing.step + 1 < timing.step_count;
  if (!can_prev) ImGui::BeginDisabled();
  if (ImGui::Button(prev.c_str())) dispatch(cmd::PreviousStep{});
  if (!can_prev) ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Shift+S");
  ImGui::SameLine();
  if (!can_next) ImGui::BeginDisabled();
  if (ImGui::Button(next.c_str())) dispatch(cmd::NextStep{});
  if (!can_next) ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("S");
}

void draw_agenda_steps(const Session& session, const State& state, const Timing& timing, int index, UiState&) {
  if (index < 0 || index >= static_cast<int>(session.sections.size()) || index != state.agenda.current) return;
  const Section& section = session.sections[static_cast<std::size_t>(index)];
  if (section.steps.empty() || static_cast<std::size_t>(index) >= timing.sections.size()) return;
  const auto plan = step_plan_s(section, timing.sections[static_cast<std::size_t>(index)].planned_s);
  for (std::size_t k = 0; k < section.steps.size() && k < plan.size(); ++k) {
    const bool current = static_cast<int>(k) == timing.step;
    const bool done = static_cast<int>(k) < timing.step;
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(2);
    ImGui::Indent(ImGui::GetFontSize());
    const ImU32 color = current ? theme::kAccent : done ? IM_COL32(130, 130, 138, 255) : IM_COL32(190, 190, 196, 255);
    ImGui::PushStyleColor(ImGuiCol_Text, theme::to_vec4(color));
    ImGui::TextWrapped("%s %zu. %s", current ? "▶" : " ", k + 1, section.steps[k].title.c_str());
    ImGui::PopStyleColor();
    ImGui::Unindent(ImGui::GetFontSize());
    ImGui::TableSetColumnIndex(3);
    ImGui::TextDisabled("%s", format_clock(plan[k]).c_str());
    if (current) {
      ImGui::TableSetColumnIndex(4);
      ImGui::PushStyleColor(ImGuiCol_Text, theme::to_vec4(step_color(state, timing)));
      ImGui::TextUnformatted(step_countdown_text(timing).c_str());
      ImGui::PopStyleColor();
    }
  }
}

}  // namespace facilita::ui
