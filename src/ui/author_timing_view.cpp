// Timing bar: one segment per section, its width its share of the session
// (optional sections striped lighter), labelled with the duration; then the
// total against the session's duration, red when they differ. Drawn from the
// file as saved (the draft), so a wrong sum shows even though it does not load;
// a duration the previewed (last valid) version does not have yet is marked
// "borrador" in amber, here and in the section list alike.
// Clicking a segment previews that section. A section's steps show as a
// striped band along its bottom edge and are listed in its tooltip.
#include <algorithm>
#include <cstdio>
#include <string>

#include "core/duration.hpp"
#include "ui/author_views.hpp"
#include "ui/draw_text.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"

namespace facilita::ui {
namespace {

constexpr ImU32 kSegment[] = {IM_COL32(70, 120, 190, 255), IM_COL32(60, 150, 140, 255),
                              IM_COL32(120, 100, 180, 255), IM_COL32(150, 120, 70, 255)};

// A section's steps as ticks along the bottom of its segment, one per step boundary.
void draw_step_ticks(ImDrawList* dl, const Section& section, ImVec2 a, ImVec2 b) {
  if (section.steps.empty() || section.duration_s <= 0) return;
  const float w = b.x - a.x, h = b.y - a.y;
  float at = 0;
  for (std::size_t k = 0; k < section.steps.size(); ++k) {
    const float x0 = a.x + w * at / static_cast<float>(section.duration_s);
    at += static_cast<float>(std::max(0, section.steps[k].duration_s));
    const float x1 = a.x + w * std::min(1.0f, at / static_cast<float>(section.duration_s));
    const ImU32 color = k % 2 ? IM_COL32(255, 255, 255, 90) : IM_COL32(255, 255, 255, 160);
    dl->AddRectFilled(ImVec2(x0 + 1, b.y - h * 0.14f), ImVec2(std::max(x0 + 2, x1 - 1), b.y - 2), color, 1.0f);
  }
}

}  // namespace

void draw_author_timing(AuthorState& author, UiState& ui) {
  const Session* s = author.draft ? &*author.draft : author.last_valid ? &*author.last_valid : nullptr;
  if (!s || s->sections.empty()) return;
  const float em = ImGui::GetFontSize();
  int total = 0;
  for (const Section& section : s->sections) total += std::max(0, section.duration_s);
  bool over = false;
  std::string sum = total_against_target(total, s->duration_s, over);
  ImGui::TextUnformatted(ui.t(S::AuthorTiming));
  ImGui::SameLine();
  ImGui::TextDisabled("·  %s", ui.t(S::AuthorTotal));
  ImGui::SameLine();
  ImGui::PushStyleColor(ImGuiCol_Text, over ? theme::kOvertime : theme::kNormal);
  ImGui::TextUnformatted(sum.c_str());
  ImGui::PopStyleColor();

  const float width = ImGui::GetContentRegionAvail().x, height = em * 2.6f;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##timing", ImVec2(width, height));
  const bool clicked = ImGui::IsItemClicked();
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float scale = static_cast<float>(std::max(total, s->duration_s));
  const std::vector<AuthorSectionRow> rows = author_sections(author);  // the same durations as the section list
  float x = origin.x;
  for (std::size_t i = 0; i < s->sections.size(); ++i) {
    const Section& section = s->sections[i];
    const AuthorSectionRow& row = rows[i];
    float w = scale > 0 ? width * static_cast<float>(std::max(0, section.duration_s)) / scale : 0;
    ImVec2 a(x, origin.y), b(x + w - 2, origin.y + height);
    ImU32 color = kSegment[i % 4];
    if (section.optional) color = (color & 0x00FFFFFF) | 0x99000000;
    const bool selected = author.last_valid && author.selected >= 0 &&
                          author.selected < static_cast<int>(author.last_valid->sections.size()) &&
                          author.last_valid->sections[static_cast<std::size_t>(author.selected)].id == section.id;
    dl->AddRectFilled(a, b, color, 3.0f);
    if (selected) dl->AddRect(a, b, theme::kProjectorText, 3.0f, 0, 2.0f);
    if (row.draft && !selected) dl->AddRect(a, b, theme::kWrapUp, 3.0f, 0, 2.0f);  // differs from the preview
    std::string label = format_clock(section.duration_s);
    if (row.draft) label += std::string(" · ") + ui.t(S::AuthorDraftMark);
    std::string title = row.title;
    const FontSet& fonts = current_fonts();
    float px = em * 0.85f;
    dl->PushClipRect(a, b, true);
    draw_text(dl, fonts.bold, px, ImVec2(a.x + 4, a.y + 2), row.draft ? theme::kWrapUp : theme::kProjectorText, label);
    draw_text(dl, fonts.body, px, ImVec2(a.x + 4, a.y + 2 + px * 1.2f), theme::kProjectorText, title);
    dl->PopClipRect();
    draw_step_ticks(dl, section, a, b);
    const bool hovered = mouse.x >= a.x && mouse.x < b.x && mouse.y >= a.y && mouse.y < b.y;
    if (hovered) {
      std::string tip = title + "  " + label;
      char share[32];
      std::snprintf(share, sizeof share, " (%.0f%%)", scale > 0 ? 100.0 * section.duration_s / scale : 0.0);
      tip += share;
      if (row.draft) tip += std::string("\n") + ui.t(S::AuthorDraftHint);
      for (std::size_t k = 0; k < section.steps.size(); ++k)  // the steps, one per line
        tip += "\n  " + std::to_string(k + 1) + ". " + section.steps[k].title + "  " +
               format_clock(section.steps[k].duration_s);
      ImGui::SetTooltip("%s", tip.c_str());
    }
    if (hovered && clicked && author.last_valid) {
      int index = author.last_valid->find_section(section.id);
      if (index >= 0) author.selected = index;
    }
    x += w;
  }
  if (total < s->duration_s)  // what is missing, as an empty track
    dl->AddRect(ImVec2(x, origin.y), ImVec2(origin.x + width, origin.y + height), theme::kOvertime, 3.0f);
}

}  // namespace facilita::ui
