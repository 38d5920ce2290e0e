// The room's accuracy on the projector (`A`): one row per revealed quiz prompt
// of the current section, its text and a bar of the share that answered
// exactly right ("6 de 8 · 75 %"). Never names anyone; speed never counts.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/personal.hpp"
#include "ui/draw_text.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "ui/views.hpp"

namespace facilita::ui {

void draw_quiz_summary(const Session& session, const State& state, UiState& ui, ImVec2 pos, ImVec2 size) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const FontSet& fonts = current_fonts();
  const float body = std::max(10.0f, std::ceil(ImGui::GetIO().DisplaySize.y / 25.0f));
  float px = std::min(body, size.y / 12.0f);
  float y = pos.y;
  y += draw_text(dl, fonts.large, px * 1.4f, ImVec2(pos.x, y), theme::kProjectorText, ui.t(S::QuizSummary)).y;
  y += px * 0.5f;
  const auto rows = quiz_summary(session, state, state.agenda.current);
  if (rows.empty()) {
    draw_text(dl, fonts.body, px, ImVec2(pos.x, y), theme::kProjectorMuted, ui.t(S::QuizSummaryNone), size.x);
    return;
  }
  // Rows share what is left; text shrinks (never below ~60 % of the body size) rather than overflow.
  const float left = pos.y + size.y - y;
  const float row_h = std::min(px * 2.0f, left / static_cast<float>(rows.size()));
  px = std::max(px * 0.6f, row_h / 2.0f);
  // The count sits right of its bar, in the text colour, readable whatever the bar's length.
  char widest[64];
  std::snprintf(widest, sizeof widest, ui.t(S::QuizAccuracyRow), 888, 888, 100.0);
  const float value_w = text_size(fonts.bold, px * 0.8f, widest).x;
  const float text_w = size.x * 0.5f, bar_x = pos.x + text_w + px;
  const float bar_w = std::max(px * 3.0f, size.x - text_w - px - value_w - px * 0.6f);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const QuizAccuracy& row = rows[i];
    bool shortened = false;
    char number[32];
    std::snprintf(number, sizeof number, "%zu. ", i + 1);
    std::string label = number + row.text;
    std::string_view shown = ellipsize(fonts.body, px, label, text_w, shortened);
    std::string line(shown);
    if (shortened) line += "…";
    const float cy = y + (row_h - px) * 0.5f;
    draw_text(dl, fonts.body, px, ImVec2(pos.x, cy), theme::kProjectorText, line);
    const ImVec2 a(bar_x, cy + px * 0.1f), b(bar_x + bar_w, cy + px * 1.05f);
    dl->AddRectFilled(a, b, theme::kBarTrack, px * 0.2f);
    if (row.accuracy > 0)
      dl->AddRectFilled(a, ImVec2(a.x + bar_w * static_cast<float>(row.accuracy), b.y), theme::kCorrect, px * 0.2f);
    char value[64];
    std::snprintf(value, sizeof value, ui.t(S::QuizAccuracyRow), row.right, row.answered, row.accuracy * 100.0);
    draw_text(dl, fonts.bold, px * 0.8f, ImVec2(b.x + px * 0.6f, cy + px * 0.15f), theme::kProjectorText, value);
    y += row_h;
  }
}

}  // namespace facilita::ui
