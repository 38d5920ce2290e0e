// Rebalance preview (R): old -> new durations of the sections still to come,
// each one's allowed range (plans set by hand marked, kept), the sections
// proposed for cutting, the forecast end before and after, and whether the
// session still ends late.
// Enter / Accept applies it (an AcceptRebalance command), Esc / Cancel drops it.
#include <algorithm>
#include <cstdio>
#include <string>

#include "core/duration.hpp"
#include "ui/fonts.hpp"
#include "ui/shortcuts.hpp"
#include "ui/theme.hpp"
#include "ui/views.hpp"

namespace facilita::ui {
namespace {

constexpr const char* kPopup = "##rebalance";

bool is_cut(const RebalancePlan& plan, int index) {
  for (int c : plan.cut)
    if (c == index) return true;
  return false;
}

std::string range_text(const Section& section, bool locked, UiState& ui) {
  if (locked) return ui.t(S::LockedMark);
  if (section.fixed) return format_clock(section.duration_s);
  return format_clock(section.effective_min_s()) + "–" + format_clock(section.effective_max_s());
}

// The forecast end if the plan were accepted: the same derive() on a copy.
Millis forecast_after(const Session& session, const State& state, const RebalancePlan& plan, Millis now) {
  State after = state;
  apply(session, after, Event{std::max(now, state.last_event_at), ev::Rebalanced{plan.new_s, plan.cut}});
  return derive(session, after, now).forecast_end;
}

void plan_table(const Session& session, const State& state, const Timing& timing, const RebalancePlan& plan,
                UiState& ui) {
  const float em = ImGui::GetFontSize();
  if (!ImGui::BeginTable("plan", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) return;
  ImGui::TableSetupColumn(ui.t(S::ColSection), ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn(ui.t(S::RebalanceRange), ImGuiTableColumnFlags_WidthFixed, em * 5.5f);
  ImGui::TableSetupColumn(ui.t(S::RebalanceOld), ImGuiTableColumnFlags_WidthFixed, em * 4.5f);
  ImGui::TableSetupColumn(ui.t(S::RebalanceNew), ImGuiTableColumnFlags_WidthFixed, em * 6.5f);
  ImGui::TableHeadersRow();
  for (std::size_t i = 0; i < session.sections.size() && i < plan.old_s.size() && i < plan.new_s.size(); ++i) {
    if (i < timing.sections.size() && timing.sections[i].status == SectionStatus::Done) continue;
    const bool cut = is_cut(plan, static_cast<int>(i));
    const bool changed = plan.old_s[i] != plan.new_s[i];
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::TextWrapped("%s", session.sections[i].title.c_str());
    ImGui::TableSetColumnIndex(1);
    const bool locked = i < state.agenda.locked.size() && state.agenda.locked[i];
    ImGui::TextDisabled("%s", range_text(session.sections[i], locked, ui).c_str());
    if (locked && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ui.t(S::LockedHint));
    ImGui::TableSetColumnIndex(2);
    ImGui::TextUnformatted(format_clock(plan.old_s[i]).c_str());
    ImGui::TableSetColumnIndex(3);
    if (cut) {
      ImGui::PushStyleColor(ImGuiCol_Text, theme::to_vec4(theme::kOvertime));
      ImGui::Text("✗ %s", ui.t(S::CutMark));
      ImGui::PopStyleColor();
    } else if (changed) {
      ImGui::PushStyleColor(ImGuiCol_Text, theme::to_vec4(theme::kAccent));
      ImGui::Text("→ %s", format_clock(plan.new_s[i]).c_str());
      ImGui::PopStyleColor();
    } else {
      ImGui::TextDisabled("%s", format_clock(plan.new_s[i]).c_str());
    }
  }
  ImGui::EndTable();
}

}  // namespace

void draw_rebalance_preview(const Session& session, const State& state, const Timing& timing,
                            const Dispatch& dispatch, UiState& ui) {
  if (!ui.rebalance) {
    if (ImGui::IsPopupOpen(kPopup)) {
      // Closed by a key (Enter / Esc are handled with the other shortcuts).
      if (ImGui::BeginPopupModal(kPopup)) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
      }
    }
    return;
  }
  const RebalancePlan& plan = *ui.rebalance;
  if (!ImGui::IsPopupOpen(kPopup)) ImGui::OpenPopup(kPopup);
  ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(display.x * 0.9f, ImGui::GetFontSize() * 34), 0));
  if (!ImGui::BeginPopupModal(kPopup, nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize)) return;
  ImGui::PushFont(current_fonts().h2);
  ImGui::TextUnformatted(ui.t(S::RebalanceTitle));
  ImGui::PopFont();
  if (!plan.changes()) {
    ImGui::TextWrapped("%s", ui.t(S::RebalanceNoChange));
  } else {
    plan_table(session, state, timing, plan, ui);
    if (!plan.cut.empty()) {
      std::string cut_list;
      for (int c : plan.cut)
        if (c >= 0 && c < static_cast<int>(session.sections.size()))
          cut_list += (cut_list.empty() ? "" : ", ") + session.sections[static_cast<std::size_t>(c)].title;
      ImGui::PushStyleColor(ImGuiCol_Text, theme::to_vec4(theme::kOvertime));
      ImGui::TextWrapped("%s %s", ui.t(S::RebalanceCut), cut_list.c_str());
      ImGui::PopStyleColor();
    }
  }
  if (plan.changes() && plan.old_s.size() == state.agenda.planned_s.size()) {
    const Millis now = std::max(ui.now, state.last_event_at);
    char ends[160];
    std::snprintf(ends, sizeof ends, ui.t(S::RebalanceEnd), theme::local_hhmm(timing.forecast_end).c_str(),
                  theme::local_hhmm(forecast_after(session, state, plan, now)).c_str(),
                  theme::local_hhmm(timing.planned_end).c_str());
    ImGui::TextWrapped("%s", ends);
  }
  if (plan.overrun_s > 0) {
    char over[160];
    std::snprintf(over, sizeof over, ui.t(S::RebalanceStillOver), format_clock(plan.overrun_s).c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, theme::to_vec4(theme::kWrapUp));
    ImGui::TextWrapped("%s", over);
    ImGui::PopStyleColor();
  }
  ImGui::Spacing();
  if (ImGui::Button(ui.t(S::Accept))) accept_rebalance(dispatch, ui);
  ImGui::SameLine();
  if (ImGui::Button(ui.t(S::Cancel))) ui.rebalance.reset();
  if (!ui.rebalance) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace facilita::ui
