// Horizontal bars of a tally (choice, multi, poll, scale), shared by the
// console and the projector: label, bar, count and percentage, correct answers
// marked with ✓ and colour.
#pragma once
#include <imgui.h>

#include "core/tally.hpp"
#include "ui/fonts.hpp"

namespace facilita::ui {

struct TallyChartStyle {
  const FontSet* fonts = nullptr;
  float px = 18;
  bool mark_correct = true;
  ImU32 text = IM_COL32(235, 235, 235, 255);
  ImU32 muted = IM_COL32(180, 180, 185, 255);
  ImU32 bar = IM_COL32(90, 150, 230, 255);
  ImU32 correct = IM_COL32(120, 225, 150, 255);
  ImU32 track = IM_COL32(255, 255, 255, 30);
};

// Height of the chart at `width`; draws it when `dl` is set.
float draw_tally_chart(ImDrawList* dl, ImVec2 pos, float width, const Tally& tally, const TallyChartStyle& style);
// Draws at the ImGui cursor and reserves the space.
void tally_chart_widget(const Tally& tally, const TallyChartStyle& style);

}  // namespace facilita::ui
