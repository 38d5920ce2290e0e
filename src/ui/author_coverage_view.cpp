// Objective coverage: one row per objective, one column per section (its
// number; hover for the title), a dot where the section lists the objective.
// An objective no section covers is highlighted. Below, the sections as a list
// to pick the one previewed, with the durations of the file as saved.
#include <cstdio>
#include <string>

#include "core/duration.hpp"
#include "ui/author_views.hpp"
#include "ui/theme.hpp"

namespace facilita::ui {
namespace {

// Durations from the file as saved, like the timing bar; a duration the
// preview does not have yet (the file has errors) is marked "borrador".
void section_list(AuthorState& author, UiState& ui) {
  if (!author.last_valid) return;
  const auto rows = author_sections(author);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const AuthorSectionRow& row = rows[i];
    std::string label = std::to_string(i + 1) + ".  " + format_clock(row.duration_s) + "   " + row.title;
    if (row.draft) label += std::string("  (") + ui.t(S::AuthorDraftMark) + ")";
    ImGui::PushID(static_cast<int>(i));
    if (row.draft) ImGui::PushStyleColor(ImGuiCol_Text, theme::kWrapUp);
    ImGui::BeginDisabled(row.valid_index < 0);  // not in the previewed version yet
    if (ImGui::Selectable(label.c_str(), author.selected == row.valid_index && row.valid_index >= 0))
      author.selected = row.valid_index;
    ImGui::EndDisabled();
    if (row.draft) ImGui::PopStyleColor();
    if (row.draft && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
      ImGui::SetTooltip("%s", ui.t(S::AuthorDraftHint));
    ImGui::PopID();
  }
}

}  // namespace

void draw_author_coverage(AuthorState& author, UiState& ui) {
  const Session* s = author.draft ? &*author.draft : author.last_valid ? &*author.last_valid : nullptr;
  ImGui::TextUnformatted(ui.t(S::AuthorCoverage));
  if (!s) return;
  if (s->objectives.empty()) {
    ImGui::TextDisabled("%s", ui.t(S::AuthorNoObjectives));
  } else {
    const auto covered = objective_coverage(*s);
    const int columns = static_cast<int>(s->sections.size()) + 1;
    const float em = ImGui::GetFontSize();
    ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;
    if (columns <= 64 && ImGui::BeginTable("coverage", columns, flags)) {
      ImGui::TableSetupColumn("##objective", ImGuiTableColumnFlags_WidthStretch);
      for (std::size_t c = 0; c < s->sections.size(); ++c)
        ImGui::TableSetupColumn(std::to_string(c + 1).c_str(), ImGuiTableColumnFlags_WidthFixed, em * 1.3f);
      ImGui::TableHeadersRow();
      for (int c = 1; c < columns; ++c) {  // section titles on hover over the header numbers
        ImGui::TableSetColumnIndex(c);
        if (ImGui::TableGetColumnFlags(c) & ImGuiTableColumnFlags_IsHovered)
          ImGui::SetTooltip("%s", s->sections[static_cast<std::size_t>(c - 1)].title.c_str());
      }
      for (std::size_t o = 0; o < s->objectives.size(); ++o) {
        bool any = false;
        for (bool c : covered[o]) any = any || c;
        ImGui::TableNextRow();
        if (!any) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, IM_COL32(120, 40, 35, 255));
        ImGui::TableSetColumnIndex(0);
        std::string label = s->objectives[o].id;
        if (!any) label += "  (" + std::string(ui.t(S::AuthorUncovered)) + ")";
        ImGui::TextUnformatted(label.c_str());
        if (ImGui::IsItemHovered() && !s->objectives[o].text.empty())
          ImGui::SetTooltip("%s", s->objectives[o].text.c_str());
        for (std::size_t c = 0; c < s->sections.size(); ++c) {
          ImGui::TableSetColumnIndex(static_cast<int>(c) + 1);
          if (covered[o][c]) ImGui::TextColored(ImColor(theme::kNormal), "●");
        }
      }
      ImGui::EndTable();
    }
  }
  ImGui::Spacing();
  ImGui::Separator();
  section_list(author, ui);
}

}  // namespace facilita::ui
