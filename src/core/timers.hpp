// Commands the clock itself issues: a prompt with an answer window (`time`)
// closes when the window runs out. The app's loop asks every turn.
#pragma once
#include <optional>

#include "core/engine.hpp"

namespace facilita {

// The command that is due at `now`, if any (at most one per call).
std::optional<Command> due_command(const Session& session, const State& state, Millis now);

// When the next such command falls due, or 0 when none is pending.
Millis next_due_at(const Session& session, const State& state);

}  // namespace facilita
