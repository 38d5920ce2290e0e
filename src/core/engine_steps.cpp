// Activity steps inside a section: decide() for NextStep / PreviousStep, the
// proportional step plan, and the step fields of derive().
// A step is agenda state (AgendaState::step): Undo restores it, changing
// section starts the new section at its first step, and a step past its time
// stays current (its remaining time goes negative) until the facilitator
// moves on.
#include <algorithm>
#include <string>

#include "core/engine.hpp"
#include "core/engine_decide.hpp"
#include "core/engine_internal.hpp"

namespace facilita {
namespace {

constexpr Millis kSecond = 1000;

// Nearest integer of num / den for num >= 0, den > 0, halves up.
long long round_div(long long num, long long den) { return (2 * num + den) / (2 * den); }

std::optional<Decision> step_refusal(const Session& session, const State& state) {
  const AgendaState& a = state.agenda;
  if (a.ended) return detail::rejected("ended", "the delivery has ended");
  if (!a.started) return detail::rejected("not-started", "start the session first");
  if (session.sections[static_cast<std::size_t>(a.current)].steps.empty())
    return detail::rejected("no-steps", "this section has no steps");
  return std::nullopt;
}

int step_count(const Session& session, const AgendaState& a) {
  return static_cast<int>(session.sections[static_cast<std::size_t>(a.current)].steps.size());
}

}  // namespace

std::vector<int> step_plan_s(const Section& section, int planned_s) {
  std::vector<int> out;
  if (section.steps.empty()) return out;
  long long authored_total = 0;
  for (const auto& step : section.steps) authored_total += std::max(0, step.duration_s);
  if (section.duration_s <= 0 || planned_s <= 0) {
    for (const auto& step : section.steps) out.push_back(std::max(0, step.duration_s));
    return out;
  }
  // What all the steps together take of the plan: the whole plan when they
  // fill their section, the same share of it when they leave time outside.
  const long long total = round_div(authored_total * planned_s, section.duration_s);
  long long given = 0;
  for (std::size_t i = 0; i + 1 < section.steps.size(); ++i) {
    const long long s = round_div(static_cast<long long>(std::max(0, section.steps[i].duration_s)) * planned_s,
                                  section.duration_s);
    out.push_back(static_cast<int>(s));
    given += s;
  }
  out.push_back(static_cast<int>(std::max(0LL, total - given)));  // the rounding remainder
  return out;
}

namespace detail {

Decision decide_step(const Session& session, const State& state, const cmd::NextStep&, Millis now) {
  if (auto refused = step_refusal(session, state)) return *refused;
  const AgendaState& a = state.agenda;
  if (a.step + 1 >= step_count(session, a)) return rejected("last-step", "this is the section's last step");
  return events(now, {ev::StepChanged{a.current, a.step, a.step + 1}});
}

Decision decide_step(const Session& session, const State& state, const cmd::PreviousStep&, Millis now) {
  if (auto refused = step_refusal(session, state)) return *refused;
  const AgendaState& a = state.agenda;
  if (a.step <= 0) return rejected("first-step", "this is the section's first step");
  return events(now, {ev::StepChanged{a.current, a.step, std::min(a.step, step_count(session, a)) - 1}});
}

bool step_fits(const Session& session, const AgendaState& a, const ev::StepChanged& e) {
  return a.started && !a.ended && e.section == a.current && e.from == a.step && e.to >= 0 &&
         e.to < step_count(session, a);
}

void enter_section_step(AgendaState& a, Millis at) {
  a.step = 0;
  a.step_started_ms = current_elapsed_ms(a, at);
}

void fit_step(const Session& session, AgendaState& a, Millis at) {
  if (!well_formed(session, a)) return;
  const int n = step_count(session, a);
  if (n == 0 ? a.step != 0 : (a.step < 0 || a.step >= n)) enter_section_step(a, at);
}

void derive_steps(const Session& session, const AgendaState& a, Timing& t) {
  const Section& section = session.sections[static_cast<std::size_t>(a.current)];
  if (section.steps.empty()) return;
  const auto plan = step_plan_s(section, a.planned_s[static_cast<std::size_t>(a.current)]);
  t.step_count = static_cast<int>(plan.size());
  t.step = std::clamp(a.step, 0, t.step_count - 1);
  t.step_planned_s = plan[static_cast<std::size_t>(t.step)];
  t.step_elapsed_ms = std::max<Millis>(0, t.section_elapsed_ms - a.step_started_ms);
  t.step_remaining_ms = static_cast<Millis>(t.step_planned_s) * kSecond - t.step_elapsed_ms;
}

}  // namespace detail
}  // namespace facilita
