// Mastery per objective at the end of a delivery (console, in place of the
// notes): one row per objective with its text, a bar and "72 % · 18 de 25
// respuestas", or "sin preguntas de quiz" / "sin respuestas". The rule is in
// core/mastery.hpp.
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
  ImGui::BeginChild("mastery-rows", ImVec2(0, 0), false);
  const float em = ImGui::GetFontSize();
  for (const auto& m : rows) {
    ImGui::Spacing();
    ImGui::PushFont(fonts.bold);
    ImGui::TextUnformatted(m.id.c_str());
    ImGui::PopFont();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(m.text.c_str());
    ImGui::PopTextWrapPos();
    const std::string value = mastery_row_text(ui, m);
    if (auto share = m.share()) {
      ImGui::PushStyleColor(ImGuiCol_PlotHistogram, ImGui::ColorConvertU32ToFloat4(theme::kCorrect));
      ImGui::PushStyleColor(ImGuiCol_FrameBg, ImGui::ColorConvertU32ToFloat4(theme::kBarTrack));
      ImGui::ProgressBar(static_cast<float>(*share), ImVec2(-1.0f, em * 1.3f), "");
      ImGui::PopStyleColor(2);
      ImGui::TextUnformatted(value.c_str());
    } else {
      ImGui::TextDisabled("%s", value.c_str());
    }
  }
  ImGui::EndChild();
}

}  // namespace facilita::ui
