// `--dump-state FILE`: the agenda state as JSON, rewritten (atomically) on
// every change and on exit, so scripts and tests can see what keys did.
#pragma once
#include <string>

#include "core/engine.hpp"
#include "ui/ui_state.hpp"

namespace facilita {

bool write_state_dump(const std::string& path, const Session& session, const State& state, const ui::UiState& ui,
                      std::uint64_t version, Millis now);

// What, besides the Controller's version, makes the dump worth rewriting: the
// section's phase as the clock crosses wrap-up and zero, and the console's own
// flags (blackout, freeze, projector shown or docked, rebalance preview, end
// confirmation, presentation or console on a shared screen).
std::string state_dump_key(const Session& session, const State& state, const ui::UiState& ui, Millis now);

}  // namespace facilita
