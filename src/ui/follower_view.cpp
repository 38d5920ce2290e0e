// The fellow's window: see follower_view.hpp. Layout, top to bottom: status
// line; section counter, title, clock and phase; then content (left) and the
// prompt card with results (right), stacked when the window is narrow.
#include "ui/follower_view.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ui/fonts.hpp"
#include "ui/tally_chart.hpp"
#include "ui/theme.hpp"

namespace facilita::ui {
namespace {

using nlohmann::json;

// j[key] without the const operator[]'s undefined behaviour on a missing key.
const json& at(const json& j, const char* key) {
  static const json null;
  if (!j.is_object()) return null;
  auto it = j.find(key);
  return it == j.end() ? null : *it;
}

std::string str(const json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}
long long num(const json& j, const char* key, long long fallback = 0) {
  return j.is_object() && j.contains(key) && j[key].is_number() ? j[key].get<long long>() : fallback;
}

void colored_text(ImU32 color, const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
}

const char* error_text(const FollowerModel& m, UiState& ui) {
  if (m.error_code == "not-facilita") return ui.t(S::ErrNotFacilita);
  if (m.error_code == "protocol") return ui.t(S::ErrProtocol);
  if (m.error_code == "bad-name" || m.error_code == "join-failed") return ui.t(S::ErrBadName);
  if (m.error_code == "room-full") return ui.t(S::ErrRoomFull);
  return nullptr;
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
  if (const char* known = error_text(m, ui)) colored_text(theme::kOvertime, known);
  else if (m.link == FollowerLink::Failed && !m.error.empty()) colored_text(theme::kOvertime, m.error);
}

// Section counter, title, clock and phase label.
void section_header(const FollowerModel& m, UiState& ui) {
  const json& st = *m.state;
  const FontSet& fonts = current_fonts();
  const json& sec = at(st, "section");
  if (!sec.is_object()) return;
  char counter[96];
  std::snprintf(counter, sizeof counter, ui.t(S::Section), static_cast<int>(num(sec, "index") + 1),
                static_cast<int>(num(sec, "count")));
  std::string title = str(at(st, "session"), "title");
  ImGui::TextDisabled("%s%s%s", title.c_str(), title.empty() ? "" : "  ·  ", counter);
  ImGui::PushFont(fonts.h1);
  ImGui::TextWrapped("%s", str(sec, "title").c_str());
  ImGui::PopFont();

  const std::string status = str(st, "status");
  Millis remaining = num(sec, "remaining_s") * 1000;
  if (status == "running" && sec.contains("ends_at") && sec["ends_at"].is_number())
    remaining = num(sec, "ends_at") - m.server_now;
  const Millis planned = num(sec, "planned_s") * 1000;
  Phase phase = remaining < 0 ? Phase::Overtime
                : remaining <= std::max<Millis>(60000, planned / 5) ? Phase::WrapUp : Phase::Normal;
  const char* label = theme::phase_label(ui, phase);
  ImU32 color = theme::phase_color(phase);
  if (status == "waiting") label = ui.t(S::NotStarted), color = theme::kIdle;
  else if (status == "paused") label = ui.t(S::Paused), color = theme::kIdle;
  else if (status == "ended") label = ui.t(S::Ended), color = theme::kIdle;
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
  if (st.contains("next_section") && st["next_section"].is_object())
    ImGui::TextDisabled("%s %s", ui.t(S::NextSection), str(st["next_section"], "title").c_str());
}

std::vector<std::string> options_of(const json& p) {
  std::vector<std::string> out;
  if (p.contains("options") && p["options"].is_array())
    for (const auto& o : p["options"]) out.push_back(o.is_string() ? o.get<std::string>() : o.dump());
  return out;
}

// Resets the draft when the prompt changes, starting from the fellow's last answer.
void sync_draft(const json& p, const FollowerModel& m, FollowerDraft& d) {
  const std::string id = str(p, "id");
  if (d.prompt == id) return;
  const auto name = d.name;
  d = FollowerDraft{};
  d.name = name;
  d.prompt = id;
  const auto options = options_of(p);
  d.multi.assign(options.size(), false);
  const json& scale = at(p, "scale");
  d.scale = static_cast<int>(num(scale, "min", 1));
  auto mine = m.answers.find(id);
  if (mine == m.answers.end()) return;
  const json& v = mine->second.value;
  for (std::size_t i = 0; i < options.size(); ++i) {
    if (v.is_string() && v.get<std::string>() == options[i]) d.choice = static_cast<int>(i);
    if (v.is_array())
      for (const auto& x : v)
        if (x.is_string() && x.get<std::string>() == options[i]) d.multi[i] = true;
  }
  if (v.is_number_integer()) d.scale = v.get<int>();
  if (v.is_string()) std::snprintf(d.text.data(), d.text.size(), "%s", v.get<std::string>().c_str());
}

// The input for the prompt's kind; returns the value to send, or null when incomplete.
json prompt_input(const json& p, FollowerDraft& d, UiState& ui) {
  const std::string kind = str(p, "kind");
  const auto options = options_of(p);
  if (kind == "choice" || kind == "poll") {
    ImGui::TextDisabled("%s", ui.t(S::ChooseOne));
    for (std::size_t i = 0; i < options.size(); ++i) {
      ImGui::PushID(static_cast<int>(i));
      if (ImGui::RadioButton(options[i].c_str(), d.choice == static_cast<int>(i))) d.choice = static_cast<int>(i), d.dirty = true;
      ImGui::PopID();
    }
    return d.choice >= 0 && d.choice < static_cast<int>(options.size()) ? json(options[d.choice]) : json();
  }
  if (kind == "multi") {
    ImGui::TextDisabled("%s", ui.t(S::ChooseMany));
    json chosen = json::array();
    for (std::size_t i = 0; i < options.size(); ++i) {
      bool on = d.multi[i];
      ImGui::PushID(static_cast<int>(i));
      if (ImGui::Checkbox(options[i].c_str(), &on)) d.multi[i] = on, d.dirty = true;
      ImGui::PopID();
      if (d.multi[i]) chosen.push_back(options[i]);
    }
    return chosen.empty() ? json() : chosen;
  }
  if (kind == "scale") {
    const json& scale = at(p, "scale");
    const int lo = static_cast<int>(num(scale, "min", 1)), hi = static_cast<int>(num(scale, "max", 5));
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
    if (scale.contains("labels") && scale["labels"].is_array() && !scale["labels"].empty()) {
      std::string labels;
      for (const auto& l : scale["labels"]) labels += (labels.empty() ? "" : "  ·  ") + (l.is_string() ? l.get<std::string>() : l.dump());
      ImGui::TextDisabled("%s", labels.c_str());
    }
    return d.dirty || d.scale != lo ? json(d.scale) : json();
  }
  // text
  if (ImGui::InputTextMultiline("##text", d.text.data(), d.text.size(),
                                ImVec2(-1, ImGui::GetTextLineHeight() * 4.5f)))
    d.dirty = true;
  std::string text(d.text.data());
  return text.find_first_not_of(" \t\r\n") == std::string::npos ? json() : json(text);
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

void results_view(const json& r, const json& p, UiState& ui) {
  const FontSet& fonts = current_fonts();
  ImGui::Spacing();
  ImGui::PushFont(fonts.h2);
  ImGui::TextUnformatted(ui.t(S::Results));
  ImGui::PopFont();
  char answered[64];
  std::snprintf(answered, sizeof answered, ui.t(S::AnswersOf), static_cast<int>(num(r, "answered")),
                static_cast<int>(num(r, "participants")));
  ImGui::TextDisabled("%s", answered);
  if (r.contains("texts") && r["texts"].is_array()) {
    for (const auto& t : r["texts"])
      if (t.is_string()) ImGui::BulletText("%s", t.get<std::string>().c_str());
    return;
  }
  Tally t;
  t.answered = static_cast<int>(num(r, "answered"));
  t.participants = static_cast<int>(num(r, "participants"));
  if (r.contains("options") && r["options"].is_array())
    for (const auto& o : r["options"]) {
      t.labels.push_back(str(o, "label"));
      t.counts.push_back(static_cast<int>(num(o, "count")));
      t.percent.push_back(o.contains("percent") && o["percent"].is_number() ? o["percent"].get<double>() : 0.0);
      t.correct.push_back(o.contains("correct") && o["correct"] == true);
    }
  TallyChartStyle style;
  style.fonts = &fonts;
  style.px = fonts.sizes.body;
  tally_chart_widget(t, style);
  if (str(p, "kind") == "scale" && r.contains("mean") && r["mean"].is_number())
    ImGui::Text(ui.t(S::Mean), r["mean"].get<double>());
}

void prompt_card(const FollowerModel& m, FollowerDraft& d, const FollowerActions& actions, UiState& ui) {
  const json& st = *m.state;
  if (!st.contains("prompt") || !st["prompt"].is_object()) return;
  const json& p = st["prompt"];
  sync_draft(p, m, d);
  const FontSet& fonts = current_fonts();
  ImGui::TextDisabled("%s", ui.t(S::FellowPrompt));
  ImGui::PushFont(fonts.h2);
  ImGui::TextWrapped("%s", str(p, "text").c_str());
  ImGui::PopFont();
  ImGui::Spacing();
  const std::string id = str(p, "id");
  auto mine = m.answers.find(id);
  if (p.value("open", false)) {
    json value = prompt_input(p, d, ui);
    ImGui::Spacing();
    const bool can_send = !value.is_null() && (d.dirty || mine == m.answers.end() ||
                                               mine->second.status == FollowerAnswerStatus::Rejected);
    ImGui::BeginDisabled(!can_send);
    if (ImGui::Button(mine == m.answers.end() ? ui.t(S::SendAnswer) : ui.t(S::ChangeAnswer))) {
      if (actions.answer) actions.answer(id, value);
      d.dirty = false;
    }
    ImGui::EndDisabled();
  } else {
    ImGui::TextDisabled("%s", ui.t(S::PromptIsClosed));
    if (mine != m.answers.end()) {
      const json& v = mine->second.value;
      std::string text = v.is_string() ? v.get<std::string>() : v.dump();
      ImGui::TextWrapped(ui.t(S::YourAnswer), text.c_str());
    }
  }
  if (mine != m.answers.end()) answer_status(mine->second, ui);
  if (st.contains("results") && st["results"].is_object()) results_view(st["results"], p, ui);
}

void content(const FollowerModel& m, UiState& ui) {
  const json& sec = at(*m.state, "section");
  const std::string text = str(sec, "content");
  if (text.empty()) return;
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
  if (!m.state || !m.state->is_object()) {
    if (m.link != FollowerLink::Failed) ImGui::TextDisabled("%s", ui.t(S::WaitingServer));
    ImGui::End();
    return;
  }
  section_header(m, ui);
  ImGui::Separator();
  const float width = ImGui::GetContentRegionAvail().x;
  const bool has_prompt = m.state->contains("prompt") && (*m.state)["prompt"].is_object();
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
