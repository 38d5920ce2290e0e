// Top bar of the console: session title, forecast end with its drift in words
// ("3:10 atrasado", "termina 1:20 antes": forecast end vs planned end, see
// Timing::end_drift_s), planned end (local HH:MM), the agenda position with the
// share of the time elapsed, and roster size.
#include <cstdio>
#include <string>

#include "core/duration.hpp"
#include "ui/draw_text.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "ui/views.hpp"

namespace facilita::ui {
namespace {

// Late is a warning; ending early is neutral (it may come from shortened sections).
ImU32 drift_color(int drift_s) {
  if (drift_s > 60) return theme::kOvertime;
  if (drift_s > 0) return theme::kWrapUp;
  return theme::kIdle;
}

std::string drift_words(const Timing& timing, UiState& ui) {
  const int d = timing.end_drift_s;
  if (d == 0) return ui.t(S::DriftOnTime);
  char text[96];
  std::snprintf(text, sizeof text, ui.t(d > 0 ? S::DriftLate : S::DriftEarly), format_clock(d > 0 ? d : -d).c_str());
  return text;
}

}  // namespace

void draw_status_bar(const Session& session, const State& state, const Timing& timing, const Dispatch&, UiState& ui) {
  const FontSet& fonts = current_fonts();
  const float em = ImGui::GetFontSize();
  const float spacing = em * 1.4f;

  // Right-hand group first (fixed widths), the title gets what is left.
  const std::string forecast = std::string(ui.t(S::ForecastEnd)) + " " + theme::local_hhmm(timing.forecast_end);
  std::string drift = "(";  // appended: `"(" + std::string` trips GCC 12's -Wrestrict (bug 105329)
  drift += drift_words(timing, ui);
  drift += ')';
  const std::string ends = std::string(ui.t(S::PlannedEnd)) + " " + theme::local_hhmm(timing.planned_end);
  char roster[64];
  std::snprintf(roster, sizeof roster, ui.t(S::Roster), static_cast<int>(state.participants.size()));
  char progress[96];
  std::snprintf(progress, sizeof progress, ui.t(S::ProgressLine), state.agenda.current + 1,
                static_cast<int>(session.sections.size()), static_cast<int>(timing.progress * 100.0 + 0.5));
  const float progress_w = ImGui::CalcTextSize(progress).x + em;
  float drift_w = ImGui::CalcTextSize(forecast.c_str()).x + em * 0.4f + text_size(fonts.bold, em, drift).x;
  float group_w = drift_w + ImGui::CalcTextSize(ends.c_str()).x + progress_w + ImGui::CalcTextSize(roster).x + spacing * 3;
  const std::string presence = presence_line(ui);
  if (!presence.empty()) group_w += ImGui::CalcTextSize(presence.c_str()).x + spacing;

  float avail = ImGui::GetContentRegionAvail().x;
  float title_w = avail - group_w - spacing;
  if (!ui.demo_label.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, theme::to_vec4(theme::kWrapUp));
    ImGui::TextUnformatted(ui.demo_label.c_str());
    ImGui::PopStyleColor();
    ImGui::SameLine(0, spacing);
    title_w -= ImGui::GetItemRectSize().x + spacing;
  }
  if (title_w > em * 4) {
    bool shortened = false;
    std::string_view title = ellipsize(fonts.bold, em, session.title, title_w, shortened);
    ImGui::PushFont(fonts.bold);
    ImGui::TextUnformatted(title.data(), title.data() + title.size());
    if (shortened) {
      ImGui::SameLine(0, 0);
      ImGui::TextUnformatted("…");
    }
    ImGui::PopFont();
    if (shortened && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", session.title.c_str());
    ImGui::SameLine();
  }
  ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - group_w));

  ImGui::TextUnformatted(forecast.c_str());
  ImGui::SameLine(0, em * 0.4f);
  ImGui::PushFont(fonts.bold);
  ImGui::PushStyleColor(ImGuiCol_Text, theme::to_vec4(drift_color(timing.end_drift_s)));
  ImGui::TextUnformatted(drift.c_str());
  ImGui::PopStyleColor();
  ImGui::PopFont();
  ImGui::SameLine(0, spacing);
  ImGui::TextUnformatted(ends.c_str());
  ImGui::SameLine(0, spacing);
  ImGui::ProgressBar(static_cast<float>(timing.progress), ImVec2(progress_w, 0), progress);
  ImGui::SameLine(0, spacing);
  ImGui::TextUnformatted(roster);
  if (!presence.empty()) {
    ImGui::SameLine(0, spacing);
    draw_presence_line(ui, presence);
  }
}

}  // namespace facilita::ui
