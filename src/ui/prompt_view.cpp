// Prompts of the current section: open / close / reveal, responses n/m, what
// is left of the open prompt's answer window, the live tally (bars, or the text
// answers), who has not answered yet. A prompt never opened shows "sin abrir":
// no count, no missing list.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "core/duration.hpp"
#include "core/projection.hpp"
#include "core/tally.hpp"
#include "core/timers.hpp"
#include "ui/fonts.hpp"
#include "ui/layout_fit.hpp"
#include "ui/prompt_parts.hpp"
#include "ui/shortcuts.hpp"
#include "ui/tally_chart.hpp"
#include "ui/theme.hpp"
#include "ui/views.hpp"

namespace facilita::ui {
namespace {

S kind_label(PromptKind kind) {
  switch (kind) {
    case PromptKind::Choice: return S::PromptKindChoice;
    case PromptKind::Multi: return S::PromptKindMulti;
    case PromptKind::Scale: return S::PromptKindScale;
    case PromptKind::Text: return S::PromptKindText;
    case PromptKind::Poll: return S::PromptKindPoll;
  }
  return S::PromptKindChoice;
}

const PromptState* prompt_state(const State& state, const std::string& id) {
  auto it = state.prompts.find(id);
  return it == state.prompts.end() ? nullptr : &it->second;
}

// Which prompt the details show: the open one, else the one V would reveal,
// else the last one opened in this section, else the first.
const Prompt* focused_prompt(const Section& section, const State& state, const Session& session) {
  if (!state.open_prompt.empty())
    if (const Prompt* p = session.find_prompt(state.open_prompt); p && session.section_of_prompt(p->id) == state.agenda.current)
      return p;
  if (auto id = prompt_to_reveal(session, state); !id.empty()) return session.find_prompt(id);
  const Prompt* latest = nullptr;
  Millis latest_at = -1;
  for (const Prompt& p : section.prompts)
    if (const PromptState* ps = prompt_state(state, p.id); ps && ps->was_opened && ps->opened_at > latest_at) {
      latest = &p;
      latest_at = ps->opened_at;
    }
  if (latest) return latest;
  return section.prompts.empty() ? nullptr : &section.prompts.front();
}

void prompt_row(const Prompt& prompt, const State& state, bool focused, const Dispatch& dispatch, UiState& ui) {
  const PromptState* ps = prompt_state(state, prompt.id);
  const bool open = state.open_prompt == prompt.id;
  const bool opened = ps && ps->was_opened;
  const bool revealed = ps && ps->revealed;
  S status = open ? S::PromptOpen : revealed ? S::PromptRevealed : opened ? S::PromptClosed : S::PromptIdle;
  ImU32 color = open ? theme::kNormal : revealed ? theme::kAccent : opened ? theme::kIdle : IM_COL32(150, 150, 158, 255);
  ImGui::PushID(prompt.id.c_str());
  ImGui::PushStyleColor(ImGuiCol_Text, theme::to_vec4(color));
  ImGui::Text("%s %s", open ? "●" : revealed ? "✓" : opened ? "■" : "○", ui.t(status));
  ImGui::PopStyleColor();
  ImGui::SameLine();
  ImGui::TextDisabled("· %s", ui.t(kind_label(prompt.kind)));
  ImGui::PushFont(focused ? current_fonts().bold : current_fonts().body);
  ImGui::TextWrapped("%s", prompt.text.c_str());
  ImGui::PopFont();
  // Closed but not yet revealed prompts can be opened again (closed too early);
  // a revealed one needs a new round.
  bool first = true;
  auto button = [&](S label) {
    if (!first) ImGui::SameLine();
    first = false;
    return ImGui::SmallButton(ui.t(label));
  };
  if (!open && !revealed && button(S::OpenPrompt)) dispatch(cmd::OpenPrompt{prompt.id});
  if (open && button(S::ClosePrompt)) dispatch(cmd::ClosePrompt{prompt.id});
  if (opened && !revealed && button(S::RevealPrompt)) dispatch(cmd::RevealPrompt{prompt.id});
  // Asking a revealed question again hides its results first (decide refuses a plain reopen).
  if (revealed && !open && button(S::NewRound)) dispatch(cmd::NewRound{prompt.id});
  ImGui::PopID();
}

void not_answered(const Tally& t, const State& state, UiState& ui, int max_lines) {
  if (t.participants == 0) {
    ImGui::TextDisabled("%s", ui.t(S::NobodyJoined));
    return;
  }
  if (t.not_answered.empty()) {
    ImGui::TextDisabled("%s", ui.t(S::EveryoneAnswered));
    return;
  }
  std::vector<std::string> names;
  for (const std::string& id : t.not_answered) {
    auto it = state.participants.find(id);
    names.push_back(it == state.participants.end() ? id : it->second.name);
    if (ui.presence.gone_ids.count(id)) names.back() += std::string(" ") + ui.t(S::PresenceGone);
  }
  draw_name_list(names, ui.t(S::NotAnswered), ui, max_lines, "not-answered", "prompt-details");
}

void prompt_details(const Session& session, const Prompt& prompt, const State& state, const Dispatch& dispatch,
                    UiState& ui) {
  const FontSet& fonts = current_fonts();
  Tally t = tally(session, state, prompt.id);
  ImGui::PushFont(fonts.bold);
  ImGui::TextWrapped("%s", prompt.text.c_str());
  ImGui::PopFont();
  const PromptState* ps = prompt_state(state, prompt.id);
  if (!ps || !ps->was_opened) {  // nothing to count yet: nobody could answer
    ImGui::PushFont(fonts.large);
    ImGui::TextDisabled("%s", ui.t(S::PromptNotOpened));
    ImGui::PopFont();
    return;
  }
  char answered[64];
  std::snprintf(answered, sizeof answered, ui.t(S::AnswersOf), t.answered, t.participants);
  ImGui::PushFont(fonts.large);
  ImGui::TextUnformatted(answered);
  ImGui::PopFont();
  if (auto left = prompt_time_left_ms(session, state, prompt.id, std::max(ui.now, state.last_event_at))) {
    char window[96];
    const int seconds = static_cast<int>((*left + 999) / 1000);
    std::snprintf(window, sizeof window, ui.t(S::PromptTimeLeft), format_clock(seconds).c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, theme::to_vec4(seconds <= 10 ? theme::kWrapUp : theme::kNormal));
    ImGui::PushFont(fonts.bold);
    ImGui::TextUnformatted(*left > 0 ? window : ui.t(S::PromptTimeUp));
    ImGui::PopFont();
    ImGui::PopStyleColor();
  }
  // Who has not answered keeps up to three lines at the bottom; the answers take the rest.
  const int name_lines = 3;
  const float names_h = names_height(name_lines) + ImGui::GetStyle().ItemSpacing.y * 2;
  if (prompt.kind == PromptKind::Text) {
    draw_text_answers(t, dispatch, ui, ImGui::GetContentRegionAvail().y - names_h);
  } else {
    TallyChartStyle style;
    style.fonts = &fonts;
    style.px = fonts.sizes.body;
    tally_chart_widget(t, style);
    if (prompt.kind == PromptKind::Scale && t.answered > 0) ImGui::Text(ui.t(S::Mean), t.mean);
  }
  ImGui::Spacing();
  not_answered(t, state, ui, name_lines);
}

// What the projector shows once a prompt is open or revealed here, and the
// switch (T) between that prompt's results and the section's content.
void projector_switch(const Session& session, const State& state, const Dispatch& dispatch, UiState& ui) {
  const Prompt* shown = results_prompt(session, state);
  if (!shown) return;  // the projector shows the content anyway
  const bool content = state.projector_content;
  const bool open = state.open_prompt == shown->id;  // the question, not yet its results
  ImGui::TextDisabled("%s", ui.t(content ? S::ProjectorShowsContent
                                 : open  ? S::ProjectorShowsQuestion
                                         : S::ProjectorShowsResults));
  ImGui::SameLine();
  if (ImGui::SmallButton(ui.t(!content ? S::ShowContent : open ? S::ShowQuestion : S::ShowResults)))
    toggle_projector_view(state, dispatch);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("T");
}

// Who has joined, for sections without prompts: as many names as the panel
// has lines for, then "+N más".
void roster(const State& state, UiState& ui) {
  ImGui::Spacing();
  char title[64];
  std::snprintf(title, sizeof title, ui.t(S::Roster), static_cast<int>(state.participants.size()));
  ImGui::PushFont(current_fonts().bold);
  ImGui::TextUnformatted(title);
  ImGui::PopFont();
  if (state.participants.empty()) {
    ImGui::TextDisabled("%s", ui.t(S::NobodyJoined));
    return;
  }
  std::vector<std::string> names;
  for (const auto& [id, participant] : state.participants) names.push_back(participant.name);
  std::sort(names.begin(), names.end());
  const float line_h = ImGui::GetTextLineHeightWithSpacing();
  const int lines = std::max(1, static_cast<int>(ImGui::GetContentRegionAvail().y / line_h) - 1);
  draw_name_list(names, nullptr, ui, lines, "roster", "prompts");
}

}  // namespace

void draw_prompts(const Session& session, const State& state, const Timing&, const Dispatch& dispatch, UiState& ui) {
  const FontSet& fonts = current_fonts();
  ImGui::PushFont(fonts.h2);
  ImGui::TextUnformatted(ui.t(S::Prompts));
  ImGui::PopFont();
  if (session.sections.empty()) return;
  const Section& section = session.sections[static_cast<std::size_t>(state.agenda.current)];
  if (section.prompts.empty()) {
    ImGui::TextDisabled("%s", ui.t(S::NoPrompts));
    roster(state, ui);
    return;
  }
  const Prompt* focus = focused_prompt(section, state, session);
  projector_switch(session, state, dispatch, ui);
  // The list scrolls when a section has many prompts (the quiz); the line
  // under it says how many are out of view.
  const float line_h = ImGui::GetTextLineHeightWithSpacing();
  float wanted = 0;  // each row: status line, the wrapped question (bold), buttons, separator
  ImGui::PushFont(fonts.bold);
  for (const Prompt& prompt : section.prompts)
    wanted += line_h + ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y * 2 +
              ImGui::CalcTextSize(prompt.text.c_str(), nullptr, false, ImGui::GetContentRegionAvail().x).y;
  ImGui::PopFont();
  const float cap = ImGui::GetContentRegionAvail().y * 0.42f;
  const bool scrolls = wanted > cap;
  ImGui::BeginChild("prompt-list", ImVec2(0, scrolls ? cap - line_h : wanted + line_h * 0.5f), false);
  probe_window(ui.layout, "prompt-list", "prompts");
  std::vector<std::pair<float, float>> rows;
  for (const Prompt& prompt : section.prompts) {
    ImGui::BeginGroup();
    prompt_row(prompt, state, &prompt == focus, dispatch, ui);
    ImGui::EndGroup();
    rows.emplace_back(ImGui::GetItemRectMin().y, ImGui::GetItemRectMax().y);
    probe_item(ui.layout, "row", prompt.id, "prompt-list");
    ImGui::Separator();
  }
  const float top = ImGui::GetWindowPos().y, bottom = top + ImGui::GetWindowSize().y;
  ImGui::EndChild();
  const int hidden = rows_out_of_view(rows, top, bottom);
  probe_list(ui.layout, "prompt-list", "prompt-list", static_cast<int>(rows.size()), hidden);
  if (scrolls) more_line(ui, hidden, "prompt-list", "prompts", ui.t(S::MoreHint));
  ImGui::BeginChild("prompt-details", ImVec2(0, 0), false);
  probe_window(ui.layout, "prompt-details", "prompts");
  if (focus) prompt_details(session, *focus, state, dispatch, ui);
  ImGui::EndChild();
}

}  // namespace facilita::ui
