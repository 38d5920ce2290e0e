// Agenda: every section with its start (local time: when a done section really
// began, the projected one for the rest, "—" for a cut one; the planned start on
// hover), planned and actual duration, done / current / next marks;
// overruns in colour; a plan set by hand is marked "fijo" (click releases it).
// Double-click a row to go to that section.
#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "core/duration.hpp"
#include "ui/fonts.hpp"
#include "ui/layout_fit.hpp"
#include "ui/step_parts.hpp"
#include "ui/theme.hpp"
#include "ui/views.hpp"

namespace facilita::ui {
namespace {

const char* status_mark(SectionStatus status, bool is_next) {
  switch (status) {
    case SectionStatus::Done: return "✓";
    case SectionStatus::Current: return "▶";
    case SectionStatus::Cut: return "✗";
    case SectionStatus::Upcoming: return is_next ? "›" : "";
  }
  return "";
}

ImU32 actual_color(const SectionTiming& st, const Timing& timing) {
  if (st.status == SectionStatus::Current) return theme::phase_color(timing.phase);
  if (st.overrun_s > 0) return theme::kOvertime;
  return theme::kNormal;
}

std::pair<float, float> section_row(const Session& session, const State& state, const Timing& timing, int index, Millis base,
                 const Dispatch& dispatch, UiState& ui) {
  const Section& section = session.sections[static_cast<std::size_t>(index)];
  const SectionTiming& st = timing.sections[static_cast<std::size_t>(index)];
  const bool cut = st.status == SectionStatus::Cut;
  const bool current = st.status == SectionStatus::Current;
  ImGui::TableNextRow();
  ImGui::PushID(index);

  ImGui::TableSetColumnIndex(0);
  const float row_top = ImGui::GetCursorScreenPos().y;
  if (current && ui.agenda_scrolled_to != index) {  // a new current section: bring it into view once
    ImGui::SetScrollHereY(0.25f);
    ui.agenda_scrolled_to = index;
  }
  ImGui::PushStyleColor(ImGuiCol_Text, theme::to_vec4(current ? theme::kAccent : theme::kIdle));
  ImGui::TextUnformatted(status_mark(st.status, index == timing.next_section));
  ImGui::PopStyleColor();
  ImGui::SameLine();
  // The whole row is one selectable: double-click jumps there.
  if (ImGui::Selectable("##row", current, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowDoubleClick |
                                      ImGuiSelectableFlags_AllowItemOverlap) &&
      ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && !current && !cut)
    dispatch(cmd::GoTo{index});

  ImGui::TableSetColumnIndex(1);
  const std::string planned_start =
      theme::local_hhmm(base + Millis{session.planned_start_s(static_cast<std::size_t>(index))} * 1000);
  const std::string projected = theme::local_hhmm(st.projected_start);
  if (cut) {
    ImGui::TextDisabled("—");  // it will not happen: no start to read (the planned one on hover)
  } else if (projected != planned_start && st.status != SectionStatus::Done) {
    ImGui::PushStyleColor(ImGuiCol_Text, theme::to_vec4(theme::kAccent));
    ImGui::TextUnformatted(projected.c_str());
    ImGui::PopStyleColor();
  } else {
    ImGui::TextDisabled("%s", projected.c_str());
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip(ui.t(S::PlannedStartHint), planned_start.c_str());

  ImGui::TableSetColumnIndex(2);
  if (cut || st.status == SectionStatus::Done) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  // Title and its mark wrap together: the mark never runs off the column.
  ImGui::PushFont(current ? current_fonts().bold : current_fonts().body);
  std::string label = section.title;
  if (cut || section.optional) label += std::string(" · ") + ui.t(cut ? S::CutMark : S::OptionalMark);
  ImGui::TextWrapped("%s", label.c_str());
  ImGui::PopFont();
  if (cut || st.status == SectionStatus::Done) ImGui::PopStyleColor();
  const float title_bottom = ImGui::GetItemRectMax().y;
  probe_item(ui.layout, "row", "agenda-title:" + section.id, "agenda-table");

  ImGui::TableSetColumnIndex(3);
  bool changed = st.planned_s != st.original_s;
  if (changed) ImGui::PushStyleColor(ImGuiCol_Text, theme::to_vec4(theme::kAccent));
  ImGui::TextUnformatted(format_clock(st.planned_s).c_str());
  if (changed) {
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s → %s", format_clock(st.original_s).c_str(), format_clock(st.planned_s).c_str());
  }
  const auto k = static_cast<std::size_t>(index);
  if (k < state.agenda.locked.size() && state.agenda.locked[k]) {
    ImGui::SameLine(0, ImGui::GetFontSize() * 0.3f);
    if (ImGui::SmallButton(ui.t(S::LockedMark)) && state.agenda.started && !state.agenda.ended)
      dispatch(cmd::UnlockPlan{index});
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ui.t(S::LockedHint));
  }

  ImGui::TableSetColumnIndex(4);
  if (st.status == SectionStatus::Done || current) {
    ImGui::PushStyleColor(ImGuiCol_Text, theme::to_vec4(actual_color(st, timing)));
    ImGui::TextUnformatted(format_clock(static_cast<int>(st.actual_ms / 1000)).c_str());
    ImGui::PopStyleColor();
    if (st.overrun_s != 0 && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", format_drift(st.overrun_s).c_str());
  } else {
    ImGui::TextDisabled("—");
  }
  ImGui::PopID();
  return {row_top, std::max(title_bottom, ImGui::GetItemRectMax().y)};
}

}  // namespace

void draw_agenda(const Session& session, const State& state, const Timing& timing, const Dispatch& dispatch, UiState& ui) {
  ImGui::PushFont(current_fonts().h2);
  ImGui::TextUnformatted(ui.t(S::Agenda));
  ImGui::PopFont();
  const float em = ImGui::GetFontSize();
  const Millis base = timing.planned_end - Millis{session.duration_s} * 1000;
  ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                          ImGuiTableFlags_PadOuterX;
  // One line under the table stays for "+N más" (rows scrolled out of view).
  const float more_h = ImGui::GetTextLineHeightWithSpacing();
  if (!ImGui::BeginTable("agenda", 5, flags, ImVec2(0, ImGui::GetContentRegionAvail().y - more_h))) return;
  probe_window(ui.layout, "agenda-table", "agenda");
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, em * 1.2f);
  ImGui::TableSetupColumn(ui.t(S::ColStart), ImGuiTableColumnFlags_WidthFixed, em * 2.9f);
  ImGui::TableSetupColumn(ui.t(S::ColSection), ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn(ui.t(S::ColPlanned), ImGuiTableColumnFlags_WidthFixed, em * 5.2f);  // room for "fijo"
  ImGui::TableSetupColumn(ui.t(S::ColActual), ImGuiTableColumnFlags_WidthFixed, em * 3.0f);
  ImGui::TableHeadersRow();
  const float view_top = ImGui::GetItemRectMax().y;  // under the frozen header row
  const float view_bottom = ImGui::GetWindowPos().y + ImGui::GetWindowSize().y;
  std::vector<std::pair<float, float>> rows;
  for (int i = 0; i < static_cast<int>(session.sections.size()) && i < static_cast<int>(timing.sections.size()); ++i) {
    rows.push_back(section_row(session, state, timing, i, base, dispatch, ui));
    draw_agenda_steps(session, state, timing, i, ui);  // the current section's steps
  }
  ImGui::EndTable();
  const int hidden = rows_out_of_view(rows, view_top, view_bottom);
  probe_list(ui.layout, "agenda", "agenda-table", static_cast<int>(rows.size()), hidden);
  if (hidden > 0) {
    char more[48];
    std::snprintf(more, sizeof more, ui.t(S::MoreItems), hidden);
    ImGui::PushStyleColor(ImGuiCol_Text, theme::to_vec4(theme::kAccent));
    ImGui::TextUnformatted(more);
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ui.t(S::MoreHint));
    probe_item(ui.layout, "item", "agenda:more", "agenda");
  }
}

}  // namespace facilita::ui
