// Mastery per objective at the end of a delivery (console, in place of the
// notes): one line per objective with its id, a bar and "72 % · 18 de 25
// respuestas", or "sin preguntas de quiz" / "sin respuestas" (its text on hover). The rule is in
// core/mastery.hpp.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/mastery.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "ui/mastery_view.hpp"

namespace facilita::ui {

std::string mastery_row_text(const UiState& ui, const ObjectiveMastery& m) {
  if (m.quiz_prompts == 0) return ui.t(S::MasteryNoQuiz);
  auto share = m.share();
  if (!share) return ui.t(S::MasteryNoAnswers);
  char text[128];
  std::snprintf(text, sizeof text, ui.t(S::MasteryRow), static_cast<int>(std::lround(*share * 100)), m.correct,
                m.answers);
  return text;
}

void draw_mastery(const Session& session, const State& state, const Timing&, const Dispatch&, UiState& ui) {
  const FontSet& fonts = current_fonts();
  ImGui::PushFont(fonts.h2);
  ImGui::TextUnformatted(ui.t(S::MasteryTitle));
  ImGui::PopFont();
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextDisabled("%s", ui.t(S::MasteryHint));
  ImGui::PopTextWrapPos();
  const auto rows = compute_mastery(session, state);
  if (rows.empty()) {
    ImGui::TextDisabled("%s", ui.t(S::MasteryNoObjectives));
    return;
  }
  // One line per objective (id, bar, value) so all of a module's objectives fit
  // under the controls; the objective's text is its tooltip.
  ImGui::BeginChild("mastery-rows", ImVec2(0, 0), false);
  const float em = ImGui::GetFontSize();
  float id_w = 0;
  for (const auto& m : rows) id_w = std::max(id_w, ImGui::CalcTextSize(m.id.c_str()).x);
  id_w = std::min(id_w, ImGui::GetContentRegionAvail().x * 0.3f);
  const float value_w = em * 10.5f;
  if (ImGui::BeginTable("mastery", 3, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg)) {
    ImGui::TableSetupColumn("id", ImGuiTableColumnFlags_WidthFixed, id_w);
    ImGui::TableSetupColumn("bar", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthFixed, value_w);
    for (const auto& m : rows) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::PushFont(fonts.bold);
      ImGui::TextUnformatted(m.id.c_str());
      ImGui::PopFont();
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", m.text.c_str());
      ImGui::TableNextColumn();
      const std::string value = mastery_row_text(ui, m);
      if (auto share = m.share()) {
        ImGui::PushStyleColor(ImGuiCol_PlotHistogram, ImGui::ColorConvertU32ToFloat4(theme::kCorrect));
        ImGui::PushStyleColor(ImGuiCol_FrameBg, ImGui::ColorConvertU32ToFloat4(theme::kBarTrack));
        ImGui::ProgressBar(static_cast<float>(*share), ImVec2(-1.0f, em * 1.1f), "");
        ImGui::PopStyleColor(2);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", m.text.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(value.c_str());
      } else {
        ImGui::TextDisabled("%s", value.c_str());
        ImGui::TableNextColumn();
      }
    }
    ImGui::EndTable();
  }
  ImGui::EndChild();
}

}  // namespace facilita::ui
