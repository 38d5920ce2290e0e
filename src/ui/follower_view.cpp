// The fellow's window: see follower_view.hpp. Layout, top to bottom: status
// line; section counter, title, clock and phase; then content (left) and the
// prompt card with results (right), stacked when the window is narrow.
#include "ui/follower_view.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

#include "ui/fonts.hpp"
#include "ui/tally_chart.hpp"
#include "ui/theme.hpp"

namespace facilita::ui {
namespace {

using net::FellowPrompt;
using net::FellowState;
using net::FellowValue;
using net::RoomStatus;

void colored_text(ImU32 color, const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
}

void status_line(const FollowerModel& m, UiState& ui) {
  char line[256];
  ImU32 color = theme::kNormal;
  switch (m.link) {
    case FollowerLink::Connecting:
      std::snprintf(line, sizeof line, "%s", ui.t(S::ConnConnecting));
      color = theme::kIdle;
      break;
    case FollowerLink::Online:
      if (m.welcomed) std::snprintf(line, sizeof line, ui.t(S::ConnJoined), m.name.c_str());
      else std::snprintf(line, sizeof line, "%s", ui.t(S::ConnOnline));
      break;
    case FollowerLink::Retrying:
      std::snprintf(line, sizeof line, ui.t(S::ConnRetrying), std::max(0, m.retry_in_s));
      color = theme::kWrapUp;
      break;
    case FollowerLink::Failed:
      std::snprintf(line, sizeof line, "%s", ui.t(S::ConnFailed));
      color = theme::kOvertime;
      break;
  }
  ImGui::PushFont(current_fonts().bold);
  colored_text(color, std::string("● ") + line);
  ImGui::PopFont();
  if (m.pending > 0) {
    ImGui::SameLine();
    ImGui::TextDisabled(ui.t(S::PendingAnswers), m.pending);
  }
  if (m.room && m.room->ended()) {  // said once, plainly: nothing more to answer
    ImGui::PushFont(current_fonts().h2);
    colored_text(theme::kIdle, ui.t(S::SessionEnded));
    ImGui::PopFont();
  } else if (const char* known = follower_error_text(m.error_code, ui)) {
    colored_text(theme::kOvertime, known);
  }
}

// Section counter, title, clock and phase label.
// "Paso 2 de 4 · En parejas  01:32" and the step's text.
void step_line(const net::FellowState& st, const net::FellowStep& step, const FollowerModel& m, UiState& ui) {
  Millis remaining = static_cast<Millis>(step.remaining_s) * 1000;
  if (st.status == RoomStatus::Running && step.ends_at) remaining = *step.ends_at - m.server_now;
  char counter[96];
  std::snprintf(counter, sizeof counter, ui.t(S::StepOf), step.index + 1, step.count);
  ImGui::TextDisabled("%s", counter);
  ImGui::PushFont(current_fonts().h2);
  ImGui::TextWrapped("%s", step.title.c_str());
  ImGui::SameLine();
  colored_text(remaining < 0 ? theme::kOvertime : theme::kAccent, follower_clock_text(remaining).c_str());
  ImGui::PopFont();
  if (!step.text.empty()) ImGui::TextWrapped("%s", step.text.c_str());
}

void section_header(const FollowerModel& m, UiState& ui) {
  const FellowState& st = *m.room;
  const FontSet& fonts = current_fonts();
  if (!st.section) return;
  const net::FellowSection& sec = *st.section;
  char counter[96];
  std::snprintf(counter, sizeof counter, ui.t(S::Section), sec.index + 1, sec.count);
  const std::string& title = st.session_title;
  ImGui::TextDisabled("%s%s%s", title.c_str(), title.empty() ? "" : "  ·  ", counter);
  ImGui::PushFont(fonts.h1);
  ImGui::TextWrapped("%s", sec.title.c_str());
  ImGui::PopFont();

  Millis remaining = static_cast<Millis>(sec.remaining_s) * 1000;
  if (st.status == RoomStatus::Running && sec.ends_at) remaining = *sec.ends_at - m.server_now;
  const Millis planned = static_cast<Millis>(sec.planned_s) * 1000;
  Phase phase = remaining < 0 ? Phase::Overtime
                : remaining <= std::max<Millis>(60000, planned / 5) ? Phase::WrapUp : Phase::Normal;
  const char* label = theme::phase_label(ui, phase);
  ImU32 color = theme::phase_color(phase);
  if (st.status == RoomStatus::Waiting) label = ui.t(S::NotStarted), color = theme::kIdle;
  else if (st.status == RoomStatus::Paused) label = ui.t(S::Paused), color = theme::kIdle;
  else if (st.status == RoomStatus::Ended) label = ui.t(S::Ended), color = theme::kIdle;
  // The clock font is baked large; drawn at about three body heights.
  ImGui::PushFont(fonts.clock);
  ImGui::SetWindowFontScale(std::min(1.0f, fonts.sizes.body * 2.6f / std::max(1.0f, fonts.sizes.clock)));
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::TextUnformatted(follower_clock_text(remaining).c_str());
  ImGui::PopStyleColor();
  ImGui::SetWindowFontScale(1.0f);
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::BeginGroup();
  ImGui::TextDisabled("%s", ui.t(S::TimeLeft));
  ImGui::PushFont(fonts.bold);
  colored_text(color, label);
  ImGui::PopFont();
  ImGui::EndGroup();
  if (sec.step && st.status != RoomStatus::Ended) step_line(st, *sec.step, m, ui);
  if (st.next_section_title) ImGui::TextDisabled("%s %s", ui.t(S::NextSection), st.next_section_title->c_str());
}

// Resets the draft when the prompt changes, starting from the fellow's last answer.
void sync_draft(const FellowPrompt& p, const FollowerModel& m, FollowerDraft& d) {
  if (d.prompt == p.id) return;
  const auto name = d.name;
  d = FollowerDraft{};
  d.name = name;
  d.prompt = p.id;
  d.multi.assign(p.options.size(), false);
  d.scale = p.scale ? p.scale->min : 1;
  auto mine = m.answers.find(p.id);
  if (mine == m.answers.end()) return;
  const FellowValue& v = mine->second.value;
  for (std::size_t i = 0; i < p.options.size(); ++i) {
    if (v.text && *v.text == p.options[i]) d.choice = static_cast<int>(i);
    for (const auto& x : v.list)
      if (x == p.options[i]) d.multi[i] = true;
  }
  if (v.number) d.scale = *v.number;
  if (v.text) std::snprintf(d.text.data(), d.text.size(), "%s", v.text->c_str());
}

// The input for the prompt's kind; returns the value to send, or nullopt when incomplete.
std::optional<FellowValue> prompt_input(const FellowPrompt& p, FollowerDraft& d, UiState& ui) {
  const auto& options = p.options;
  if (p.kind == "choice" || p.kind == "poll") {
    ImGui::TextDisabled("%s", ui.t(S::ChooseOne));
    for (std::size_t i = 0; i < options.size(); ++i) {
      ImGui::PushID(static_cast<int>(i));
      if (ImGui::RadioButton(options[i].c_str(), d.choice == static_cast<int>(i))) d.choice = static_cast<int>(i), d.dirty = true;
      ImGui::PopID();
    }
    if (d.choice < 0 || d.choice >= static_cast<int>(options.size())) return std::nullopt;
    FellowValue v;
    v.text = options[static_cast<std::size_t>(d.choice)];
    return v;
  }
  if (p.kind == "multi") {
    ImGui::TextDisabled("%s", ui.t(S::ChooseMany));
    FellowValue chosen;
    chosen.is_list = true;
    d.multi.resize(options.size(), false);
    for (std::size_t i = 0; i < options.size(); ++i) {
      bool on = d.multi[i];
      ImGui::PushID(static_cast<int>(i));
      if (ImGui::Checkbox(options[i].c_str(), &on)) d.multi[i] = on, d.dirty = true;
      ImGui::PopID();
      if (d.multi[i]) chosen.list.push_back(options[i]);
    }
    if (chosen.list.empty()) return std::nullopt;
    return chosen;
  }
  if (p.kind == "scale") {
    const int lo = p.scale ? p.scale->min : 1, hi = p.scale ? p.scale->max : 5;
    if (hi - lo <= 10) {
      for (int v = lo; v <= hi; ++v) {
        if (v > lo) ImGui::SameLine();
        const bool on = d.scale == v && d.dirty;
        if (on) ImGui::PushStyleColor(ImGuiCol_Button, theme::to_vec4(theme::kAccent));
        char label[16];
        std::snprintf(label, sizeof label, " %d ", v);
        if (ImGui::Button(label)) d.scale = v, d.dirty = true;
        if (on) ImGui::PopStyleColor();
      }
    } else if (ImGui::SliderInt("##scale", &d.scale, lo, hi)) {
      d.dirty = true;
    }
    if (p.scale && !p.scale->labels.empty()) {
      std::string labels;
      for (const auto& l : p.scale->labels) labels += (labels.empty() ? "" : "  ·  ") + l;
      ImGui::TextDisabled("%s", labels.c_str());
    }
    if (!d.dirty && d.scale == lo) return std::nullopt;
    FellowValue v;
    v.number = d.scale;
    return v;
  }
  // text
  if (ImGui::InputTextMultiline("##text", d.text.data(), d.text.size(),
                                ImVec2(-1, ImGui::GetTextLineHeight() * 4.5f)))
    d.dirty = true;
  std::string text(d.text.data());
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) return std::nullopt;
  FellowValue v;
  v.text = std::move(text);
  return v;
}

std::string value_text(const FellowValue& v) {
  if (v.text) return *v.text;
  if (v.number) return std::to_string(*v.number);
  std::string out;
  for (const auto& item : v.list) out += (out.empty() ? "" : ", ") + item;
  return out;
}

void answer_status(const FollowerAnswer& a, UiState& ui) {
  switch (a.status) {
    case FollowerAnswerStatus::Sending: ImGui::TextDisabled("%s", ui.t(S::AnswerSending)); break;
    case FollowerAnswerStatus::Acked: colored_text(theme::kNormal, ui.t(S::AnswerReceived)); break;
    case FollowerAnswerStatus::Rejected: {
      char line[256];
      std::snprintf(line, sizeof line, ui.t(S::AnswerRejected), a.reason.c_str());
      colored_text(theme::kOvertime, line);
      break;
    }
  }
}

void results_view(const net::FellowResults& r, const FellowPrompt& p, UiState& ui) {
  const FontSet& fonts = current_fonts();
  ImGui::Spacing();
  ImGui::PushFont(fonts.h2);
  ImGui::TextUnformatted(ui.t(S::Results));
  ImGui::PopFont();
  char answered[64];
  std::snprintf(answered, sizeof answered, ui.t(S::AnswersOf), r.answered, r.participants);
  ImGui::TextDisabled("%s", answered);
  if (r.text) {
    for (const auto& t : r.texts) ImGui::BulletText("%s", t.c_str());
    return;
  }
  Tally t;
  t.answered = r.answered;
  t.participants = r.participants;
  for (const auto& o : r.options) {
    t.labels.push_back(o.label);
    t.counts.push_back(o.count);
    t.percent.push_back(o.percent);
    t.correct.push_back(o.correct);
  }
  TallyChartStyle style;
  style.fonts = &fonts;
  style.px = fonts.sizes.body;
  tally_chart_widget(t, style);
  if (p.kind == "scale" && r.mean) ImGui::Text(ui.t(S::Mean), *r.mean);
}

void prompt_card(const FollowerModel& m, FollowerDraft& d, const FollowerActions& actions, UiState& ui) {
  const FellowState& st = *m.room;
  if (!st.prompt) return;
  const FellowPrompt& p = *st.prompt;
  sync_draft(p, m, d);
  const FontSet& fonts = current_fonts();
  ImGui::TextDisabled("%s", ui.t(S::FellowPrompt));
  ImGui::PushFont(fonts.h2);
  ImGui::TextWrapped("%s", p.text.c_str());
  ImGui::PopFont();
  ImGui::Spacing();
  auto mine = m.answers.find(p.id);
  if (p.open && !st.ended()) {
    std::optional<FellowValue> value = prompt_input(p, d, ui);
    ImGui::Spacing();
    const bool can_send = value && (d.dirty || mine == m.answers.end() ||
                                    mine->second.status == FollowerAnswerStatus::Rejected);
    ImGui::BeginDisabled(!can_send);
    if (ImGui::Button(mine == m.answers.end() ? ui.t(S::SendAnswer) : ui.t(S::ChangeAnswer))) {
      if (actions.answer && value) actions.answer(p.id, *value);
      d.dirty = false;
    }
    ImGui::EndDisabled();
  } else {
    ImGui::TextDisabled("%s", ui.t(S::PromptIsClosed));
    if (mine != m.answers.end()) ImGui::TextWrapped(ui.t(S::YourAnswer), value_text(mine->second.value).c_str());
  }
  if (mine != m.answers.end()) answer_status(mine->second, ui);
  if (st.results) results_view(*st.results, p, ui);
  if (!p.open && p.revealed) draw_own_verdict(st, p, ui);
}

void content(const FollowerModel& m, UiState& ui) {
  if (!m.room->content || m.room->content->empty()) return;
  const std::string& text = *m.room->content;
  const FontSet& fonts = current_fonts();
  MdStyle style;
  style.fonts = &fonts;
  style.body_px = fonts.sizes.body;
  style.h1_scale = fonts.sizes.h1 / fonts.sizes.body;
  style.h2_scale = fonts.sizes.h2 / fonts.sizes.body;
  markdown_widget(ui.markdown.get(text), style, ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x);
}

void join_form(FollowerDraft& d, const FollowerActions& actions, UiState& ui) {
  ImGui::Spacing();
  ImGui::PushFont(current_fonts().h2);
  ImGui::TextUnformatted(ui.t(S::YourName));
  ImGui::PopFont();
  ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 20));
  bool enter = ImGui::InputText("##name", d.name.data(), d.name.size(), ImGuiInputTextFlags_EnterReturnsTrue);
  std::string name(d.name.data());
  ImGui::BeginDisabled(name.find_first_not_of(' ') == std::string::npos);
  if ((ImGui::Button(ui.t(S::JoinButton)) || enter) && actions.join) actions.join(name);
  ImGui::EndDisabled();
}

}  // namespace

const char* follower_error_text(const std::string& code, const UiState& ui) {
  if (code == "not-facilita") return ui.t(S::ErrNotFacilita);
  if (code == "protocol") return ui.t(S::ErrProtocol);
  if (code == "bad-name" || code == "join-failed") return ui.t(S::ErrBadName);
  if (code == "room-full") return ui.t(S::ErrRoomFull);
  if (code == "ended") return ui.t(S::SessionEnded);
  if (code == "busy") return ui.t(S::ErrBusy);
  if (code == "resolve" || code == "refused") return ui.t(S::ErrUnreachable);
  return nullptr;
}

std::string follower_clock_text(Millis remaining_ms) {
  const bool over = remaining_ms < 0;
  // Counting down, a partial second shows as the next whole one (like the page).
  long long s = over ? (-remaining_ms) / 1000 : (remaining_ms + 999) / 1000;
  char out[32];
  std::snprintf(out, sizeof out, "%s%02lld:%02lld", over ? "+" : "", s / 60, s % 60);
  return out;
}

void draw_follower_window(const FollowerModel& m, FollowerDraft& d, const FollowerActions& actions, UiState& ui) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  ImGui::Begin("##follower", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus);
  status_line(m, ui);
  ImGui::Separator();
  const bool need_name = m.name.empty() || m.error_code == "bad-name";
  if (need_name && m.link != FollowerLink::Failed) join_form(d, actions, ui);
  if (!m.room || !m.room->known) {
    if (m.link != FollowerLink::Failed) ImGui::TextDisabled("%s", ui.t(S::WaitingServer));
    ImGui::End();
    return;
  }
  if (draw_follower_room(m, ui)) {  // a break: its countdown instead of the section
    ImGui::End();
    return;
  }
  section_header(m, ui);
  draw_score_cards(*m.room, ui);
  ImGui::Separator();
  const float width = ImGui::GetContentRegionAvail().x;
  const bool has_prompt = m.room->prompt.has_value();
  if (!has_prompt) {
    ImGui::BeginChild("content", ImVec2(0, 0), false);
    content(m, ui);
    ImGui::EndChild();
  } else if (width >= 900) {  // side by side
    const float left = std::floor(width * 0.55f);
    ImGui::BeginChild("content", ImVec2(left, 0), false);
    content(m, ui);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("prompt", ImVec2(0, 0), true);
    prompt_card(m, d, actions, ui);
    ImGui::EndChild();
  } else {  // stacked: the prompt first (it is what the fellow acts on)
    ImGui::BeginChild("stack", ImVec2(0, 0), false);
    prompt_card(m, d, actions, ui);
    ImGui::Separator();
    content(m, ui);
    ImGui::EndChild();
  }
  ImGui::End();
}

}  // namespace facilita::ui
