// Derived timing: everything the clocks, the agenda and the forecasts show is
// computed here from the agenda state and `now`, never stored, so it cannot
// drift from the journal.
#include <algorithm>

#include "core/engine.hpp"
#include "core/engine_internal.hpp"

namespace facilita {

const char* to_string(SectionStatus status) {
  switch (status) {
    case SectionStatus::Upcoming: return "upcoming";
    case SectionStatus::Current: return "current";
    case SectionStatus::Done: return "done";
    case SectionStatus::Cut: return "cut";
  }
  return "upcoming";
}

const char* to_string(Phase phase) {
  switch (phase) {
    case Phase::Normal: return "normal";
    case Phase::WrapUp: return "wrap-up";
    case Phase::Overtime: return "overtime";
  }
  return "normal";
}

namespace {

using detail::is_current;
using detail::is_done;
using detail::is_upcoming;

constexpr Millis kSecond = 1000;

Phase phase_of(Millis planned_ms, Millis elapsed_ms) {
  if (elapsed_ms > planned_ms) return Phase::Overtime;
  const Millis wrap_up = std::max<Millis>(60 * kSecond, planned_ms / 5);  // max(1 min, 20 %)
  return planned_ms - elapsed_ms <= wrap_up ? Phase::WrapUp : Phase::Normal;
}

// Nearest second, halves away from zero: drift is shown in whole seconds.
int round_seconds(Millis ms) {
  return static_cast<int>(ms >= 0 ? (ms + kSecond / 2) / kSecond : -((-ms + kSecond / 2) / kSecond));
}

SectionStatus status_of(const AgendaState& a, std::size_t i) {
  if (is_current(a, i)) return SectionStatus::Current;
  if (a.visited[i]) return SectionStatus::Done;
  if (a.cut[i]) return SectionStatus::Cut;
  return SectionStatus::Upcoming;
}

std::vector<SectionTiming> section_timings(const Session& session, const AgendaState& a, Millis now) {
  std::vector<SectionTiming> out(session.sections.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    SectionTiming& t = out[i];
    t.planned_s = a.planned_s[i];
    t.original_s = session.sections[i].duration_s;
    t.status = status_of(a, i);
    t.started_at = i < a.entered_at.size() ? a.entered_at[i] : 0;
    t.actual_ms = is_current(a, i) ? detail::current_elapsed_ms(a, now) : a.actual_ms[i];
    if (t.status == SectionStatus::Current || t.status == SectionStatus::Done)
      t.overrun_s = round_seconds(t.actual_ms - static_cast<Millis>(t.planned_s) * kSecond);
  }
  return out;
}

// Where each section starts on the clock: the plan until the start; then the
// current section from its elapsed time and every upcoming one after what
// remains before it (the agenda's start column). Done sections show when they
// were first entered; cut ones keep their planned start.
void project_starts(const Session& session, const AgendaState& a, Timing& t, Millis now) {
  const Millis base = (a.started ? a.started_at : now);
  for (std::size_t i = 0; i < t.sections.size(); ++i) {
    SectionTiming& st = t.sections[i];
    st.projected_start = base + static_cast<Millis>(session.planned_start_s(i)) * kSecond;
    if (st.status == SectionStatus::Done && st.started_at != 0) st.projected_start = st.started_at;
  }
  if (!a.started || a.ended) return;
  const auto cur = static_cast<std::size_t>(a.current);
  t.sections[cur].projected_start = now - t.section_elapsed_ms;
  Millis cursor = now + std::max<Millis>(0, t.section_remaining_ms);
  for (std::size_t i = cur + 1; i < t.sections.size(); ++i) {
    if (!is_upcoming(a, i)) continue;
    t.sections[i].projected_start = cursor;
    cursor += static_cast<Millis>(a.planned_s[i]) * kSecond;
  }
}

}  // namespace

Timing derive(const Session& session, const State& state, Millis now) {
  const AgendaState& a = state.agenda;
  Timing t;
  if (!detail::well_formed(session, a) || session.sections.empty()) return t;
  const auto cur = static_cast<std::size_t>(a.current);
  const Millis duration_ms = static_cast<Millis>(session.duration_s) * kSecond;
  const Millis planned_cur_ms = static_cast<Millis>(a.planned_s[cur]) * kSecond;

  t.sections = section_timings(session, a, now);
  t.section_elapsed_ms = detail::current_elapsed_ms(a, now);
  t.section_remaining_ms = planned_cur_ms - t.section_elapsed_ms;
  t.phase = phase_of(planned_cur_ms, t.section_elapsed_ms);
  t.next_section = a.ended ? -1 : detail::step_section(a, a.current, +1);

  Millis plan_total_ms = 0, projected_ms = 0, ahead_ms = 0;
  for (std::size_t i = 0; i < t.sections.size(); ++i) {
    const Millis planned_ms = static_cast<Millis>(a.planned_s[i]) * kSecond;
    if (!a.cut[i]) plan_total_ms += planned_ms;
    t.session_elapsed_ms += t.sections[i].actual_ms;
    if (is_done(a, i)) projected_ms += a.actual_ms[i];
    else if (is_current(a, i)) projected_ms += std::max(t.section_elapsed_ms, planned_ms);
    else if (is_upcoming(a, i)) ahead_ms += planned_ms;
  }
  // Time spent in sections a reload removed is done time that no section shows.
  t.session_elapsed_ms += a.removed_ms;
  projected_ms += ahead_ms + a.removed_ms;
  t.session_remaining_ms = plan_total_ms - t.session_elapsed_ms;
  t.paused_ms = detail::paused_so_far(a, now);
  t.drift_s = round_seconds(projected_ms - duration_ms);
  t.planned_end = (a.started ? a.started_at : now) + duration_ms;
  if (a.ended) {
    // Every millisecond since the start is either in a section or in a pause.
    t.forecast_end = a.started_at + t.session_elapsed_ms + a.paused_total_ms;
  } else if (a.started) {
    t.forecast_end = now + std::max<Millis>(0, t.section_remaining_ms) + ahead_ms;
  } else {
    t.forecast_end = now + ahead_ms;
  }
  t.end_drift_s = round_seconds(t.forecast_end - t.planned_end);
  project_starts(session, a, t, now);
  detail::derive_steps(session, a, t);
  t.progress = duration_ms > 0 ? std::clamp(double(t.session_elapsed_ms) / double(duration_ms), 0.0, 1.0) : 0.0;
  return t;
}

}  // namespace facilita
