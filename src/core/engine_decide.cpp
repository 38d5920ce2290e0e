// decide() for the agenda: start, pause, navigation, plan changes, undo,
// outages, end. Prompt commands live in engine_prompts.cpp, participants and
// answers in engine_answers.cpp.
// Every command is checked against the state here, so apply() can stay a
// plain reducer; nothing throws out of decide().
#include <algorithm>
#include <string>

#include "core/engine.hpp"
#include "core/engine_decide.hpp"
#include "core/engine_internal.hpp"

namespace facilita {
namespace detail {

Decision rejected(std::string code, std::string message) {
  Decision d;
  d.rejected = Rejection{std::move(code), std::move(message)};
  return d;
}

Decision events(Millis now, std::initializer_list<EventData> data) {
  Decision d;
  for (const auto& e : data) d.events.push_back(Event{now, e});
  return d;
}

}  // namespace detail

namespace {

using detail::events;
using detail::rejected;

// Agenda commands need a delivery in progress.
std::optional<Decision> agenda_closed(const AgendaState& a) {
  if (a.ended) return rejected("ended", "the delivery has ended");
  if (!a.started) return rejected("not-started", "start the session first");
  return std::nullopt;
}

std::string bad(std::string_view what, std::size_t index) {
  return std::string(what) + " (section " + std::to_string(index + 1) + ")";
}

// Sections a plan must leave as they are: done, fixed, or already cut.
std::optional<std::string> check_frozen(const Session& session, const AgendaState& a,
                                        const std::vector<int>& durations, const std::vector<bool>& to_cut) {
  for (std::size_t i = 0; i < durations.size(); ++i) {
    if (durations[i] <= 0 || durations[i] > detail::kMaxPlannedS) return bad("every duration must be 1 s to 24 h", i);
    const bool frozen =
        detail::is_done(a, i) || session.sections[i].fixed || detail::is_locked(a, i) || a.cut[i] || to_cut[i];
    if (frozen && durations[i] != a.planned_s[i])
      return bad("done, fixed, hand-set and cut sections keep their duration", i);
  }
  return std::nullopt;
}

std::optional<std::string> check_cuts(const Session& session, const AgendaState& a, const std::vector<int>& cut,
                                      std::vector<bool>& to_cut) {
  to_cut.assign(a.planned_s.size(), false);
  for (int i : cut) {
    if (i < 0 || i >= static_cast<int>(to_cut.size())) return std::string("cut names an unknown section");
    const auto k = static_cast<std::size_t>(i);
    if (to_cut[k]) return bad("a section is cut twice", k);
    if (!detail::is_upcoming(a, k) || session.sections[k].fixed || detail::is_locked(a, k))
      return bad("only upcoming sections, not fixed nor hand-set, can be cut", k);
    to_cut[k] = true;
  }
  return std::nullopt;
}

// The plan must fill the time left exactly, or, when that is impossible,
// keep every flexible section at its bound on the side of the target.
std::optional<std::string> check_total(const detail::PlanFrame& frame, const std::vector<int>& durations,
                                       const std::vector<bool>& to_cut) {
  long long sum = 0;
  bool all_at_min = true, all_at_max = true;
  for (int i : frame.flexible) {
    if (to_cut[static_cast<std::size_t>(i)]) continue;
    sum += durations[i];
    all_at_min = all_at_min && durations[i] <= frame.lo[i];
    all_at_max = all_at_max && durations[i] >= frame.hi[i];
  }
  const long long target = frame.target_s - frame.fixed_s;
  if (sum == target || (sum > target && all_at_min) || (sum < target && all_at_max)) return std::nullopt;
  return "the remaining sections add up to " + std::to_string(sum) + " s, but " + std::to_string(target) +
         " s remain for them";
}

std::optional<std::string> check_plan(const Session& session, const AgendaState& a, const cmd::AcceptRebalance& c,
                                      Millis now) {
  if (c.durations_s.size() != session.sections.size())
    return "expected " + std::to_string(session.sections.size()) + " durations, got " +
           std::to_string(c.durations_s.size());
  std::vector<bool> to_cut;
  if (auto problem = check_cuts(session, a, c.cut, to_cut)) return problem;
  if (auto problem = check_frozen(session, a, c.durations_s, to_cut)) return problem;
  return check_total(detail::plan_frame(session, a, now), c.durations_s, to_cut);
}

struct Decider {
  const Session& session;
  const State& state;
  Millis now;

  const AgendaState& agenda() const { return state.agenda; }

  Decision operator()(const cmd::Start&) const {
    if (agenda().ended) return rejected("ended", "the delivery has ended");
    if (agenda().started) return rejected("already-started", "the session is already running");
    if (session.sections.empty()) return rejected("bad-section", "the session has no sections");
    return events(now, {ev::Started{}});
  }
  Decision operator()(const cmd::Pause&) const {
    if (auto closed = agenda_closed(agenda())) return *closed;
    if (!agenda().running) return rejected("not-running", "the clock is already paused");
    return events(now, {ev::Paused{}});
  }
  Decision operator()(const cmd::Resume&) const {
    if (auto closed = agenda_closed(agenda())) return *closed;
    if (agenda().running) return rejected("not-paused", "the clock is not paused");
    if (state.break_until != 0) return events(now, {ev::BreakEnded{}, ev::Resumed{}});  // resuming ends a break
    return events(now, {ev::Resumed{}});
  }
  Decision operator()(const cmd::Next&) const {
    if (auto closed = agenda_closed(agenda())) return *closed;
    const int to = detail::step_section(agenda(), agenda().current, +1);
    if (to < 0) return rejected("last-section", "this is the last section; End ends the delivery");
    return events(now, {ev::SectionChanged{agenda().current, to}});
  }
  Decision operator()(const cmd::Previous&) const {
    if (auto closed = agenda_closed(agenda())) return *closed;
    const int to = detail::step_section(agenda(), agenda().current, -1);
    if (to < 0) return rejected("first-section", "this is the first section");
    return events(now, {ev::SectionChanged{agenda().current, to}});
  }
  Decision operator()(const cmd::GoTo& c) const {
    if (auto closed = agenda_closed(agenda())) return *closed;
    if (c.section < 0 || c.section >= static_cast<int>(session.sections.size()))
      return rejected("bad-section", "no section " + std::to_string(c.section + 1));
    if (agenda().cut[static_cast<std::size_t>(c.section)])
      return rejected("section-cut", "that section was cut by a rebalance; undo the rebalance to bring it back");
    if (c.section == agenda().current) return rejected("same-section", "that section is already current");
    return events(now, {ev::SectionChanged{agenda().current, c.section}});
  }
  Decision operator()(const cmd::Adjust& c) const {
    if (auto closed = agenda_closed(agenda())) return *closed;
    if (c.delta_s == 0) return rejected("no-change", "adjust by a non-zero number of seconds");
    const long long planned = agenda().planned_s[static_cast<std::size_t>(agenda().current)];
    const long long after = planned + c.delta_s;
    if (after < detail::kMinPlannedS) return rejected("too-short", "a section cannot be planned shorter than 1 min");
    if (after > detail::kMaxPlannedS) return rejected("too-long", "a section cannot be planned longer than 24 h");
    return events(now, {ev::Adjusted{agenda().current, c.delta_s}});
  }
  Decision operator()(const cmd::UnlockPlan& c) const {
    if (auto closed = agenda_closed(agenda())) return *closed;
    if (c.section < 0 || c.section >= static_cast<int>(session.sections.size()))
      return rejected("bad-section", "no section " + std::to_string(c.section + 1));
    if (!detail::is_locked(agenda(), static_cast<std::size_t>(c.section)))
      return rejected("not-locked", "that section's plan was not set by hand");
    return events(now, {ev::PlanUnlocked{c.section}});
  }
  Decision operator()(const cmd::AcceptRebalance& c) const {
    if (auto closed = agenda_closed(agenda())) return *closed;
    if (auto problem = check_plan(session, agenda(), c, now)) return rejected("bad-plan", *problem);
    std::vector<int> cut = c.cut;
    std::sort(cut.begin(), cut.end());  // one journal form for the same plan
    return events(now, {ev::Rebalanced{c.durations_s, cut}});
  }
  Decision operator()(const cmd::Undo&) const {
    if (auto closed = agenda_closed(agenda())) return *closed;
    if (state.undo_stack.empty()) return rejected("no-undo", "nothing to undo");
    if (state.break_until != 0) return rejected("on-break", "end the break first");
    return events(now, {ev::Undone{}});
  }
  Decision operator()(const cmd::RecordOutage& c) const {
    if (c.to <= c.from) return rejected("bad-outage", "an outage must end after it starts");
    // An outage ending in the future would push the section clock below zero.
    if (c.to > now) return rejected("bad-outage", "an outage cannot end after now");
    if (!state.outages.empty() && c.from < state.outages.back().to)
      return rejected("bad-outage", "outages are recorded in order and cannot overlap");
    return events(now, {ev::OutageRecorded{c.from, c.to}});
  }
  Decision operator()(const cmd::OutageAsPause&) const;
  Decision operator()(const cmd::AcceptReload&) const {
    return rejected("needs-edited-session", "a reload is accepted with decide_reload(), which needs the edited session");
  }
  // Steps: engine_steps.cpp.
  Decision operator()(const cmd::NextStep& c) const { return detail::decide_step(session, state, c, now); }
  Decision operator()(const cmd::PreviousStep& c) const { return detail::decide_step(session, state, c, now); }
  // Room messages and breaks: engine_room.cpp.
  Decision operator()(const cmd::ShowMessage& c) const { return detail::decide_room(state, c, now); }
  Decision operator()(const cmd::ClearMessage& c) const { return detail::decide_room(state, c, now); }
  Decision operator()(const cmd::StartBreak& c) const { return detail::decide_room(state, c, now); }
  Decision operator()(const cmd::EndBreak& c) const { return detail::decide_room(state, c, now); }
  // Prompts, participants and answers: engine_prompts.cpp.
  template <class PromptCommand>
  Decision operator()(const PromptCommand& c) const {
    return detail::decide_prompt(session, state, c, now);
  }
  Decision operator()(const cmd::End&) const {
    if (agenda().ended) return rejected("ended", "the delivery has already ended");
    if (!agenda().started) return rejected("not-started", "start the session first");
    // Nothing takes answers after the end; the open prompt closes in the journal too,
    // and so do a break and the room message.
    Decision d;
    if (!state.open_prompt.empty()) d.events.push_back(Event{now, ev::PromptClosed{state.open_prompt}});
    for (auto& e : detail::room_closing(state)) d.events.push_back(Event{now, std::move(e)});
    d.events.push_back(Event{now, ev::Ended{}});
    return d;
  }
};

Decision Decider::operator()(const cmd::OutageAsPause&) const {
  if (auto closed = agenda_closed(agenda())) return *closed;
  auto it = std::find_if(state.outages.rbegin(), state.outages.rend(), [](const Outage& o) { return !o.as_pause; });
  if (it == state.outages.rend()) return rejected("no-outage", "there is no recorded outage to count as a pause");
  // Only the span (or pause) that was under way during the outage can give the
  // time back exactly; once the facilitator has moved on, Adjust does it.
  const AgendaState& a = agenda();
  const bool covered = a.running ? a.span_start <= it->from : a.paused_since <= it->from;
  if (!covered)
    return rejected("outage-stale", "the agenda has changed since the outage; use Adjust to give the time back");
  return events(now, {ev::OutagePaused{it->from, it->to}});
}

}  // namespace

Decision decide(const Session& session, const State& state, const Command& command, Millis now) {
  try {
    if (!detail::well_formed(session, state.agenda))
      return rejected("bad-state", "the state was not made for this session");
    // Ended means ended. Only an answer passes, so a resend of one already
    // counted is still acknowledged (decide_prompt refuses anything else).
    if (state.agenda.ended && !std::holds_alternative<cmd::Answer>(command) &&
        !std::holds_alternative<cmd::Ask>(command) && !std::holds_alternative<cmd::Upvote>(command))
      return rejected("ended", "the delivery has ended");
    // The journal never goes back in time, whatever the caller's clock did.
    return std::visit(Decider{session, state, std::max(now, state.last_event_at)}, command);
  } catch (const std::exception& e) {
    return rejected("internal", e.what());
  } catch (...) {
    return rejected("internal", "unexpected failure");
  }
}

}  // namespace facilita
