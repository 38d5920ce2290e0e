#include "ui/theme.hpp"

#include <cstdio>
#include <cstdlib>
#include <ctime>

#include "core/duration.hpp"

namespace facilita::ui::theme {

ImU32 phase_color(Phase phase) {
  switch (phase) {
    case Phase::Normal: return kNormal;
    case Phase::WrapUp: return kWrapUp;
    case Phase::Overtime: return kOvertime;
  }
  return kNormal;
}

const char* phase_label(const UiState& ui, Phase phase) {
  switch (phase) {
    case Phase::Normal: return ui.t(S::PhaseNormal);
    case Phase::WrapUp: return ui.t(S::PhaseWrapUp);
    case Phase::Overtime: return ui.t(S::PhaseOvertime);
  }
  return "";
}

std::string countdown_text(const Timing& timing) {
  // Round up while counting down (shows 00:01 until the last second has gone), down when over.
  Millis remaining = timing.section_remaining_ms;
  if (remaining > 0) return format_clock(static_cast<int>((remaining + 999) / 1000));
  // Appended, not `"+" + std::string`: GCC 12's -Wrestrict false positive (bug 105329).
  return std::string("+").append(format_clock(static_cast<int>(-remaining / 1000)));
}

const char* clock_state_label(const UiState& ui, const State& state) {
  if (!state.agenda.started) return ui.t(S::NotStarted);
  if (state.agenda.ended) return ui.t(S::Ended);
  if (!state.agenda.running) return ui.t(S::Paused);
  return "";
}

std::string local_hhmm(Millis epoch_ms) {
  std::time_t seconds = static_cast<std::time_t>(epoch_ms / 1000);
  std::tm local{};
  localtime_r(&seconds, &local);
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%02d:%02d", local.tm_hour, local.tm_min);
  return buffer;
}

ImVec4 to_vec4(ImU32 color) { return ImGui::ColorConvertU32ToFloat4(color); }

void apply_console_style() {
  ImGui::StyleColorsDark();
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowRounding = 0;
  style.ChildRounding = 4;
  style.FrameRounding = 4;
  style.GrabRounding = 4;
  style.WindowBorderSize = 0;
  style.FramePadding = ImVec2(8, 5);
  style.ItemSpacing = ImVec2(8, 6);
  ImVec4* c = style.Colors;
  c[ImGuiCol_WindowBg] = ImVec4(0.09f, 0.09f, 0.10f, 1.0f);
  c[ImGuiCol_ChildBg] = ImVec4(0.12f, 0.12f, 0.135f, 1.0f);
  c[ImGuiCol_Border] = ImVec4(0.30f, 0.30f, 0.34f, 1.0f);
  c[ImGuiCol_PopupBg] = ImVec4(0.13f, 0.13f, 0.15f, 0.98f);
  c[ImGuiCol_Button] = ImVec4(0.22f, 0.30f, 0.42f, 1.0f);
  c[ImGuiCol_ButtonHovered] = ImVec4(0.28f, 0.40f, 0.58f, 1.0f);
  c[ImGuiCol_ButtonActive] = ImVec4(0.32f, 0.48f, 0.70f, 1.0f);
  c[ImGuiCol_Header] = ImVec4(0.25f, 0.33f, 0.45f, 0.9f);
  c[ImGuiCol_PlotHistogram] = ImVec4(0.35f, 0.60f, 0.90f, 1.0f);
  c[ImGuiCol_Text] = ImVec4(0.93f, 0.93f, 0.94f, 1.0f);
  c[ImGuiCol_TextDisabled] = ImVec4(0.62f, 0.62f, 0.66f, 1.0f);
}

}  // namespace facilita::ui::theme
