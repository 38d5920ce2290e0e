#include "core/snapshot.hpp"

#include <algorithm>

#include "core/snapshot_admin.hpp"
#include "core/snapshot_questions.hpp"
#include "core/tally.hpp"
#include "core/timers.hpp"

namespace facilita {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxTextsShown = 300;  // a revealed text prompt; keeps a state message bounded

const char* status_of(const AgendaState& agenda) {
  if (agenda.ended) return "ended";
  if (!agenda.started) return "waiting";
  return agenda.running ? "running" : "paused";
}

int seconds_ceil(Millis ms) {  // 0.2 s left shows as 1 s; -0.2 s as 0 (overtime starts below zero)
  return ms >= 0 ? static_cast<int>((ms + 999) / 1000) : -static_cast<int>((-ms) / 1000);
}

const PromptState* prompt_state(const State& state, const std::string& id) {
  auto it = state.prompts.find(id);
  return it == state.prompts.end() ? nullptr : &it->second;
}

// `section.steps` (the plan of each) and `section.step` (the current one, or
// null when the section has none).
void add_steps_json(json& j, const Section& sec, int planned_s, const Timing& timing, bool running, Millis now) {
  const auto plan = step_plan_s(sec, planned_s);
  json steps = json::array();
  for (std::size_t i = 0; i < sec.steps.size() && i < plan.size(); ++i)
    steps.push_back({{"id", sec.steps[i].id}, {"title", sec.steps[i].title}, {"planned_s", plan[i]}});
  j["steps"] = std::move(steps);
  j["step"] = nullptr;
  if (timing.step < 0 || static_cast<std::size_t>(timing.step) >= sec.steps.size()) return;
  const Step& step = sec.steps[static_cast<std::size_t>(timing.step)];
  j["step"] = {{"index", timing.step},
               {"count", timing.step_count},
               {"id", step.id},
               {"title", step.title},
               {"text", step.text},
               {"planned_s", timing.step_planned_s},
               {"remaining_s", seconds_ceil(timing.step_remaining_ms)},
               {"ends_at", running ? json(now + timing.step_remaining_ms) : json(nullptr)}};
}

json section_json(const Session& session, const State& state, const Timing& timing, Millis now) {
  const int index = std::clamp(state.agenda.current, 0, static_cast<int>(session.sections.size()) - 1);
  if (session.sections.empty()) return nullptr;
  const Section& sec = session.sections[static_cast<std::size_t>(index)];
  int planned_s = sec.duration_s;
  if (static_cast<std::size_t>(index) < timing.sections.size()) planned_s = timing.sections[index].planned_s;
  json j{{"id", sec.id},
         {"title", sec.title},
         {"index", index},
         {"count", session.sections.size()},
         {"planned_s", planned_s},
         {"remaining_s", seconds_ceil(timing.section_remaining_ms)},
         {"phase", to_string(timing.phase)},
         {"ends_at", nullptr},
         {"content", sec.content}};
  if (state.agenda.running) j["ends_at"] = now + timing.section_remaining_ms;
  add_steps_json(j, sec, planned_s, timing, state.agenda.running, now);
  return j;
}

json prompt_json(const Session& session, const State& state, const Prompt& p, const PromptState* ps) {
  json j{{"id", p.id}, {"kind", to_string(p.kind)}, {"text", p.text}, {"options", p.options}};
  j["open"] = ps && ps->open;
  j["revealed"] = ps && ps->revealed;
  j["round"] = ps ? ps->round : 1;  // a page that missed a new round still sees it began
  if (p.scale) j["scale"] = {{"min", p.scale->min}, {"max", p.scale->max}, {"labels", p.scale->labels}};
  j["time_s"] = p.time_s;
  // Null while the session is paused: the window stands still (see timers.hpp).
  const Millis closes_at = prompt_closes_at(session, state, p.id);
  j["closes_at"] = closes_at > 0 ? json(closes_at) : json(nullptr);
  return j;
}

// Counts per option (or scale step), the mean for scales, the visible texts
// for text prompts. `with_correct` only once revealed or for the facilitator.
json results_json(const Tally& t, bool with_correct) {
  json j{{"answered", t.answered}, {"participants", t.participants}};
  if (t.kind == PromptKind::Text) {
    json texts = json::array();
    for (const auto& text : t.texts) {
      if (text.hidden) continue;
      if (texts.size() >= kMaxTextsShown) break;
      texts.push_back(text.text);
    }
    j["texts"] = std::move(texts);
    json words = json::array();
    for (const auto& [word, n] : t.top_words) {
      if (words.size() >= 20) break;
      words.push_back({{"word", word}, {"count", n}});
    }
    j["top_words"] = std::move(words);
    return j;
  }
  json options = json::array();
  for (std::size_t i = 0; i < t.labels.size(); ++i) {
    json o{{"label", t.labels[i]},
           {"count", i < t.counts.size() ? t.counts[i] : 0},
           {"percent", i < t.percent.size() ? t.percent[i] : 0.0}};
    if (with_correct && i < t.correct.size() && t.correct[i]) o["correct"] = true;
    options.push_back(std::move(o));
  }
  j["options"] = std::move(options);
  if (t.kind == PromptKind::Scale) j["mean"] = t.mean;
  if (with_correct && std::find(t.correct.begin(), t.correct.end(), true) != t.correct.end())
    j["answered_correctly"] = t.answered_correctly;
  return j;
}

}  // namespace

const Prompt* displayed_prompt(const Session& session, const State& state) {
  if (!state.open_prompt.empty())
    if (const Prompt* p = session.find_prompt(state.open_prompt)) return p;
  if (session.sections.empty()) return nullptr;
  const int index = std::clamp(state.agenda.current, 0, static_cast<int>(session.sections.size()) - 1);
  const Prompt* best = nullptr;
  Millis best_closed = -1;
  for (const auto& p : session.sections[static_cast<std::size_t>(index)].prompts) {
    const PromptState* ps = prompt_state(state, p.id);
    if (ps && ps->was_opened && ps->closed_at >= best_closed) {
      best = &p;
      best_closed = ps->closed_at;
    }
  }
  return best;
}

json public_state(const Session& session, const State& state, const Timing& timing, Millis now,
                  std::uint64_t version) {
  json j{{"type", "state"},
         {"version", version},
         {"server_time", now},
         {"session", {{"id", session.id}, {"title", session.title}, {"language", session.language}}},
         {"status", status_of(state.agenda)},
         {"section", section_json(session, state, timing, now)},
         {"next_section", nullptr},
         {"prompt", nullptr},
         {"results", nullptr},
         {"answered", 0},
         {"participants", state.participants.size()},
         {"message", state.room_message.empty() ? json(nullptr) : json(state.room_message)},
         {"break", state.break_until == 0 ? json(nullptr) : json{{"until", state.break_until},
                                                                        {"length_ms", state.break_until - state.break_since}}}};
  if (timing.next_section >= 0 && static_cast<std::size_t>(timing.next_section) < session.sections.size()) {
    const auto& next = session.sections[static_cast<std::size_t>(timing.next_section)];
    j["next_section"] = {{"id", next.id}, {"title", next.title}};
  }
  if (const Prompt* p = displayed_prompt(session, state)) {
    const PromptState* ps = prompt_state(state, p->id);
    j["prompt"] = prompt_json(session, state, *p, ps);
    j["answered"] = ps ? ps->answers.size() : 0;
    // Results carry the correct marks: never while the prompt takes answers
    // (decide closes before revealing; this holds even for a damaged journal).
    const bool takes_answers = (ps && ps->open) || state.open_prompt == p->id;
    if (ps && ps->revealed && !takes_answers) j["results"] = results_json(tally(session, state, p->id), true);
  }
  add_public_questions(j, state);
  return j;
}

json admin_state(const Session& session, const State& state, const Timing& timing, Millis now,
                 std::uint64_t version) {
  json j = public_state(session, state, timing, now, version);
  json sections = json::array();
  for (std::size_t i = 0; i < session.sections.size(); ++i) {
    const auto& sec = session.sections[i];
    json s{{"id", sec.id}, {"title", sec.title}, {"planned_s", sec.duration_s}, {"actual_s", 0},
           {"status", "upcoming"}};
    if (i < timing.sections.size()) {
      s["planned_s"] = timing.sections[i].planned_s;
      s["actual_s"] = timing.sections[i].actual_ms / 1000;
      s["status"] = to_string(timing.sections[i].status);
    }
    s["locked"] = i < state.agenda.locked.size() && state.agenda.locked[i];  // plan set by hand
    sections.push_back(std::move(s));
  }
  json prompts = json::array();
  std::string notes;
  if (!session.sections.empty()) {
    const int index = std::clamp(state.agenda.current, 0, static_cast<int>(session.sections.size()) - 1);
    const auto& sec = session.sections[static_cast<std::size_t>(index)];
    notes = sec.notes;
    for (const auto& p : sec.prompts) {
      const PromptState* ps = prompt_state(state, p.id);
      prompts.push_back({{"id", p.id},
                         {"kind", to_string(p.kind)},
                         {"text", p.text},
                         {"correct", p.correct},  // the facilitator's phone only
                         {"open", ps && ps->open},
                         {"revealed", ps && ps->revealed},
                         {"was_opened", ps && ps->was_opened},
                         {"round", ps ? ps->round : 1},
                         {"answered", ps ? ps->answers.size() : 0}});
    }
  }
  json live = nullptr;
  if (const Prompt* p = displayed_prompt(session, state)) live = results_json(tally(session, state, p->id), true);
  j["admin"] = {{"sections", std::move(sections)},
                {"prompts", std::move(prompts)},
                {"open_prompt", state.open_prompt},
                {"live", std::move(live)},
                {"notes", notes},
                {"drift_s", timing.drift_s},
                {"session_elapsed_s", timing.session_elapsed_ms / 1000},
                {"session_remaining_s", timing.session_remaining_ms / 1000},
                {"planned_end", timing.planned_end},
                {"forecast_end", timing.forecast_end},
                {"paused_s", timing.paused_ms / 1000},
                {"can_undo", !state.undo_stack.empty()}};
  add_admin_questions(j["admin"], state);
  add_admin_live(j["admin"], session, state, timing, now);
  return j;
}

}  // namespace facilita
