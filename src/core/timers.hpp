// Commands the clock itself issues: a prompt with an answer window (`time`)
// closes when the window runs out. The app's loop asks every turn.
//
// The window runs with the session clock: it stands still while the session
// is paused (and for an outage counted as a pause), so a prompt opened for
// 60 s gives fellows 60 s of running session. After End nothing is due.
#pragma once
#include <optional>

#include "core/engine.hpp"

namespace facilita {

// The command that is due at `now`, if any (at most one per call).
std::optional<Command> due_command(const Session& session, const State& state, Millis now);

// When the next such command falls due, or 0 when none is pending (none open,
// no window, session paused or ended).
Millis next_due_at(const Session& session, const State& state);

// When the window of prompt `id` closes, or 0 when it is not open, has no
// window, or the session is paused (the snapshot's `closes_at`).
Millis prompt_closes_at(const Session& session, const State& state, const std::string& id);

// What is left of the answer window of prompt `id` at `now` (never below 0),
// standing still while the session is paused; nullopt when the prompt is not
// open or has no window (the console's countdown).
std::optional<Millis> prompt_time_left_ms(const Session& session, const State& state, const std::string& id,
                                          Millis now);

}  // namespace facilita
