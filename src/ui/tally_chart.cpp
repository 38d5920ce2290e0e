#include "ui/tally_chart.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

#include "ui/draw_text.hpp"

namespace facilita::ui {

float draw_tally_chart(ImDrawList* dl, ImVec2 pos, float width, const Tally& t, const TallyChartStyle& st) {
  const float px = st.px, gap = px * 0.5f;
  // Labels take what the longest needs, up to 45 % of the width (then they wrap).
  float longest = 0;
  for (std::size_t i = 0; i < t.labels.size(); ++i) {
    std::string label = t.kind == PromptKind::Scale ? std::to_string(i + 1) + " · " + t.labels[i] : t.labels[i];
    longest = std::max(longest, text_size(st.fonts->bold, px, label).x);
  }
  const float label_w = std::clamp(longest + px * 0.5f, px * 3, std::max(px * 3, width * 0.45f));
  const float bar_h = px * 1.1f;
  float y = 0;
  for (std::size_t i = 0; i < t.labels.size(); ++i) {
    bool correct = st.mark_correct && i < t.correct.size() && t.correct[i];
    ImFont* font = correct ? st.fonts->bold : st.fonts->body;
    std::string label = t.labels[i];
    if (t.kind == PromptKind::Scale) label = std::to_string(i + 1) + " · " + label;
    ImVec2 label_size = text_size(font, px, label, label_w);
    float row_h = std::max(label_size.y, bar_h);
    if (dl) {
      ImU32 color = correct ? st.correct : st.text;
      draw_text(dl, font, px, ImVec2(pos.x, pos.y + y + (row_h - label_size.y) * 0.5f), color, label, label_w);
      // Count and percentage first, so the bar takes what is left.
      char numbers[48];
      int count = i < t.counts.size() ? t.counts[i] : 0;
      double percent = i < t.percent.size() ? t.percent[i] : 0;
      std::snprintf(numbers, sizeof numbers, "%d · %.0f %%%s", count, percent, correct ? "  ✓" : "");
      float numbers_w = text_size(st.fonts->bold, px, "000 · 100 %  ✓").x;
      float bar_x = pos.x + label_w + gap, bar_w = std::max(px, width - label_w - gap * 2 - numbers_w);
      float bar_y = pos.y + y + (row_h - bar_h) * 0.5f;
      dl->AddRectFilled(ImVec2(bar_x, bar_y), ImVec2(bar_x + bar_w, bar_y + bar_h), st.track, px * 0.15f);
      float fill = bar_w * static_cast<float>(std::clamp(percent / 100.0, 0.0, 1.0));
      if (fill > 0.5f)
        dl->AddRectFilled(ImVec2(bar_x, bar_y), ImVec2(bar_x + fill, bar_y + bar_h), correct ? st.correct : st.bar,
                          px * 0.15f);
      draw_text(dl, st.fonts->bold, px, ImVec2(bar_x + bar_w + gap, pos.y + y + (row_h - px) * 0.5f),
                correct ? st.correct : st.text, numbers);
    }
    y += row_h + px * 0.45f;
  }
  return y;
}

void tally_chart_widget(const Tally& t, const TallyChartStyle& st) {
  float width = ImGui::GetContentRegionAvail().x;
  ImVec2 pos = ImGui::GetCursorScreenPos();
  float h = draw_tally_chart(ImGui::GetWindowDrawList(), pos, width, t, st);
  ImGui::Dummy(ImVec2(width, h));
}

}  // namespace facilita::ui
