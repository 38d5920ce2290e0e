// Helpers shared by decide, apply, derive and rebalance. Internal to core:
// other layers use engine.hpp only.
#pragma once
#include <algorithm>
#include <cstddef>
#include <vector>

#include "core/engine.hpp"

namespace facilita::detail {

inline constexpr int kMinPlannedS = 60;          // Adjust never plans a section shorter than this
inline constexpr int kMaxPlannedS = 24 * 3600;   // nor longer: keeps the arithmetic far from overflow

// Seconds rounded up: "at least the time already spent".
inline int ceil_seconds(Millis ms) { return ms <= 0 ? 0 : static_cast<int>((ms + 999) / 1000); }

// Division rounding towards minus infinity, for times that may be negative.
inline Millis floor_div(Millis a, Millis b) {
  Millis q = a / b;
  if (a % b != 0 && ((a < 0) != (b < 0))) --q;
  return q;
}

// A state made by initial_state(session) for this very session: every
// per-section vector has one entry per section and `current` is one of them.
inline bool well_formed(const Session& session, const AgendaState& a) {
  const std::size_t n = session.sections.size();
  return a.planned_s.size() == n && a.actual_ms.size() == n && a.cut.size() == n && a.visited.size() == n &&
         a.current >= 0 && (n == 0 ? a.current == 0 : static_cast<std::size_t>(a.current) < n);
}

inline bool is_current(const AgendaState& a, std::size_t i) {
  return a.started && !a.ended && i == static_cast<std::size_t>(a.current);
}
// The facilitator set this section's plan by hand: rebalance keeps it.
inline bool is_locked(const AgendaState& a, std::size_t i) { return i < a.locked.size() && a.locked[i]; }
// Visited and left behind (after End every visited section is done).
inline bool is_done(const AgendaState& a, std::size_t i) { return a.visited[i] && !is_current(a, i); }
// Still ahead in the plan. After End nothing is ahead: unvisited sections were skipped.
inline bool is_upcoming(const AgendaState& a, std::size_t i) { return !a.ended && !a.visited[i] && !a.cut[i]; }

// Time spent in the current section, the running span included.
inline Millis current_elapsed_ms(const AgendaState& a, Millis now) {
  if (!a.started || a.actual_ms.empty()) return 0;
  Millis ms = a.actual_ms[static_cast<std::size_t>(a.current)];
  // A caller's clock behind the span's start (a wall clock stepped back) counts nothing, never negative time.
  return a.running ? ms + std::max<Millis>(0, now - a.span_start) : ms;
}

// All pause time up to `at`, the pause under way included (0 before the start).
inline Millis paused_so_far(const AgendaState& a, Millis at) {
  const bool paused = a.started && !a.running && !a.ended;
  return a.paused_total_ms + (paused ? std::max<Millis>(0, at - a.paused_since) : 0);
}

// The nearest section from `from` in direction `step` (+1 / -1) that is not cut; -1 when none.
inline int step_section(const AgendaState& a, int from, int step) {
  for (int i = from + step; i >= 0 && i < static_cast<int>(a.cut.size()); i += step)
    if (!a.cut[static_cast<std::size_t>(i)]) return i;
  return -1;
}

// What a rebalance may change and within which bounds, seen at `now`.
// Shared by propose_rebalance and the AcceptRebalance check so both agree.
struct PlanFrame {
  int target_s = 0;              // current + upcoming (not cut) should add up to this
  int fixed_s = 0;               // part of the target taken by fixed sections (current: at least its elapsed)
  std::vector<int> flexible;     // current and upcoming sections a plan may resize
  std::vector<int> cuttable;     // upcoming optional sections, ascending
  std::vector<int> lo, hi;       // bounds per section (meaningful for `flexible`)
};
PlanFrame plan_frame(const Session& session, const AgendaState& agenda, Millis now);

// apply() for ev::SessionReloaded (session_reload.cpp); `new_s` is the version it
// names. An event that does not fit the state (sizes, indices) changes nothing
// and returns false.
bool apply_reload(const Session& new_s, State& state, const ev::SessionReloaded& e, Millis at);

// Steps (engine_steps.cpp). step_fits: the event matches the state (a damaged
// journal changes nothing). enter_section_step: the current section starts at
// its first step (`at`: the event's time). fit_step: after a reload, a step the section no longer has
// starts over. derive_steps: Timing's step fields.
bool step_fits(const Session& session, const AgendaState& a, const ev::StepChanged& e);
void enter_section_step(AgendaState& a, Millis at);
void fit_step(const Session& session, AgendaState& a, Millis at);
void derive_steps(const Session& session, const AgendaState& a, Timing& t);

}  // namespace facilita::detail
