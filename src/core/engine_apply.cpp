// apply(): the pure reducer. Events were validated by decide(), but apply still
// guards every index so a damaged journal cannot crash a replay.
#include <algorithm>

#include "core/engine.hpp"
#include "core/engine_decide.hpp"
#include "core/engine_internal.hpp"

namespace facilita {

State initial_state(const Session& session) {
  State state;
  state.qa_moderation = session.questions_moderated;
  const std::size_t n = session.sections.size();
  state.agenda.actual_ms.assign(n, 0);
  state.agenda.cut.assign(n, false);
  state.agenda.visited.assign(n, false);
  state.agenda.locked.assign(n, false);
  state.agenda.entered_at.assign(n, 0);
  for (const auto& section : session.sections) {
    state.agenda.planned_s.push_back(section.duration_s);
    // Every prompt has an entry from the start, so views can look any one up.
    for (const auto& prompt : section.prompts) state.prompts[prompt.id];
  }
  return state;
}

namespace {

bool valid_section(const AgendaState& a, int i) { return i >= 0 && i < static_cast<int>(a.planned_s.size()); }

// The time since the running span began goes to the current section.
void close_span(AgendaState& a, Millis at) {
  if (a.running && valid_section(a, a.current)) a.actual_ms[static_cast<std::size_t>(a.current)] += at - a.span_start;
  a.span_start = at;
}

// The first entry into a section is its real start; a later entry keeps it.
void mark_entered(AgendaState& a, int i, Millis at) {
  if (!valid_section(a, i)) return;
  a.entered_at.resize(a.planned_s.size(), 0);
  Millis& entered = a.entered_at[static_cast<std::size_t>(i)];
  if (entered == 0) entered = at;
}

// Turning an outage into a pause only moves time whose span covered the outage;
// a paused agenda already counts the outage as pause.
void shift_for_outage(AgendaState& a, const ev::OutagePaused& e) {
  if (!a.running || a.span_start > e.from) return;
  a.span_start += e.to - e.from;
  a.paused_total_ms += e.to - e.from;
}

struct Applier {
  State& state;
  Millis at;

  AgendaState& agenda() { return state.agenda; }

  // Called before each undoable agenda change.
  void snapshot() {
    state.undo_stack.push_back(state.agenda);
    if (state.undo_stack.size() > kUndoDepth) state.undo_stack.erase(state.undo_stack.begin());
  }

  void operator()(const ev::Started&) {
    snapshot();
    AgendaState& a = agenda();
    a.started = a.running = true;
    a.ended = false;
    a.started_at = a.span_start = at;
    a.paused_total_ms = 0;
    a.current = std::max(0, detail::step_section(a, -1, +1));
    if (valid_section(a, a.current)) a.visited[static_cast<std::size_t>(a.current)] = true;
    mark_entered(a, a.current, at);
    detail::enter_section_step(a, at);
  }
  void operator()(const ev::Paused&) {
    snapshot();
    close_span(agenda(), at);
    agenda().running = false;
    agenda().paused_since = at;
  }
  void operator()(const ev::Resumed&) {
    snapshot();
    agenda().paused_total_ms += at - agenda().paused_since;
    agenda().running = true;
    agenda().span_start = at;
  }
  void operator()(const ev::SectionChanged& e) {
    if (!valid_section(agenda(), e.to)) return;
    snapshot();
    close_span(agenda(), at);
    agenda().current = e.to;
    agenda().visited[static_cast<std::size_t>(e.to)] = true;
    mark_entered(agenda(), e.to, at);
    state.projector_content = false;  // a new section: its prompts show as usual
    detail::enter_section_step(agenda(), at);
  }
  void operator()(const ev::Adjusted& e) {
    if (!valid_section(agenda(), e.section)) return;
    snapshot();
    agenda().planned_s[static_cast<std::size_t>(e.section)] += e.delta_s;
    agenda().locked.resize(agenda().planned_s.size(), false);
    agenda().locked[static_cast<std::size_t>(e.section)] = true;  // rebalance keeps a hand-set plan
  }
  void operator()(const ev::PlanUnlocked& e) {
    if (!valid_section(agenda(), e.section)) return;
    snapshot();
    agenda().locked.resize(agenda().planned_s.size(), false);
    agenda().locked[static_cast<std::size_t>(e.section)] = false;
  }
  void operator()(const ev::Rebalanced& e) {
    if (e.durations_s.size() != agenda().planned_s.size()) return;
    snapshot();
    agenda().planned_s = e.durations_s;
    for (int i : e.cut)
      if (valid_section(agenda(), i)) agenda().cut[static_cast<std::size_t>(i)] = true;
  }
  void operator()(const ev::Undone&) {
    if (state.undo_stack.empty()) return;
    // The restored span_start / paused_since still lie in the past, so the time
    // that passed since the undone action stays counted (as section time, or
    // as pause when the restored agenda is paused).
    state.agenda = std::move(state.undo_stack.back());
    state.undo_stack.pop_back();
  }
  void operator()(const ev::PromptOpened& e) {
    PromptState& p = state.prompts[e.prompt];
    p.open = p.was_opened = true;
    p.opened_at = at;
    p.pause_at_open = detail::paused_so_far(agenda(), at);
    state.open_prompt = e.prompt;
    state.projector_content = false;  // the room needs to see what it is asked
  }
  void operator()(const ev::PromptClosed& e) {
    PromptState& p = state.prompts[e.prompt];
    p.open = false;
    p.closed_at = at;
    if (state.open_prompt == e.prompt) state.open_prompt.clear();
  }
  void operator()(const ev::PromptRevealed& e) {
    state.prompts[e.prompt].revealed = true;
    state.projector_content = false;  // a reveal is meant to be seen
  }
  void operator()(const ev::ProjectorShown& e) { state.projector_content = e.what == ProjectorView::Content; }
  void operator()(const ev::RoundStarted& e) {
    PromptState& p = state.prompts[e.prompt];
    if (p.open) return;  // decide refuses "prompt-open"; a damaged journal changes nothing
    p.earlier_rounds.push_back(std::move(p.answers));
    p.answers.clear();
    p.revealed = false;
    p.was_opened = false;
    ++p.round;
  }
  void operator()(const ev::AnswerHidden& e) {
    auto& answers = state.prompts[e.prompt].answers;
    // A toggle: journals from before AnswerUnhidden used a second hide to show it again.
    if (auto it = answers.find(e.participant); it != answers.end()) it->second.hidden = !it->second.hidden;
  }
  void operator()(const ev::AnswerUnhidden& e) {
    auto& answers = state.prompts[e.prompt].answers;
    if (auto it = answers.find(e.participant); it != answers.end()) it->second.hidden = false;
  }
  void operator()(const ev::Joined& e) {
    auto [it, fresh] = state.participants.try_emplace(e.participant);
    if (!fresh && it->second.name != e.name) ++it->second.renames;
    it->second.name = e.name;
    if (fresh) it->second.joined_at = at;
  }
  void operator()(const ev::Answered& e) {
    auto& answers = state.prompts[e.prompt].answers;
    // A replacement keeps a hidden flag: a hidden text must not reach the
    // projector again just because its author sent it once more.
    const bool hidden = answers.count(e.participant) ? answers[e.participant].hidden : false;
    answers[e.participant] = StoredAnswer{e.value, e.seq, at, hidden};
    state.participants[e.participant].seen_seq[e.seq] = SeenAnswer{e.prompt, e.value, ""};
  }
  void operator()(const ev::OutageRecorded& e) { state.outages.push_back(Outage{e.from, e.to, false}); }
  void operator()(const ev::OutagePaused& e) {
    auto it = std::find_if(state.outages.rbegin(), state.outages.rend(),
                           [&](const Outage& o) { return !o.as_pause && o.from == e.from && o.to == e.to; });
    if (it == state.outages.rend()) return;
    it->as_pause = true;
    shift_for_outage(state.agenda, e);
    // Undo must not bring the outage back as section time.
    for (AgendaState& saved : state.undo_stack) shift_for_outage(saved, e);
  }
  void operator()(const ev::MessageShown& e) { state.room_message = e.text; }
  void operator()(const ev::MessageCleared&) { state.room_message.clear(); }
  void operator()(const ev::BreakStarted& e) {
    state.break_until = e.until;
    state.break_since = at;
  }
  void operator()(const ev::BreakEnded&) { state.break_until = state.break_since = 0; }
  void operator()(const ev::SessionReloaded&) {}  // handled by apply() before the visit
  void operator()(const ev::StepChanged& e) {  // apply() checked it fits (step_fits)
    snapshot();
    agenda().step = e.to;
    agenda().step_started_ms = detail::current_elapsed_ms(agenda(), at);
  }
  // Questions: engine_questions.cpp.
  template <class QuestionEvent>
  void operator()(const QuestionEvent& e) { detail::apply_question(state, e, at); }
  void operator()(const ev::Ended&) {
    AgendaState& a = agenda();
    if (a.running) close_span(a, at);
    else if (a.started && !a.ended) a.paused_total_ms += at - a.paused_since;
    a.running = false;
    a.ended = true;
  }
};

}  // namespace

void apply(const Session& session, State& state, const Event& event) {
  // A reload changes the section list: the state still fits the old session,
  // `session` is the new one, so the well-formedness check below cannot apply.
  if (const auto* reloaded = std::get_if<ev::SessionReloaded>(&event.data)) {
    if (detail::apply_reload(session, state, *reloaded, event.at))
      state.last_event_at = std::max(state.last_event_at, event.at);
    return;
  }
  // A state from another session would be indexed out of range; decide()
  // reports it as "bad-state", apply() leaves it alone.
  if (!detail::well_formed(session, state.agenda)) return;
  if (const auto* step = std::get_if<ev::StepChanged>(&event.data))
    if (!detail::step_fits(session, state.agenda, *step)) return;
  std::visit(Applier{state, event.at}, event.data);
  state.last_event_at = std::max(state.last_event_at, event.at);
}

}  // namespace facilita
