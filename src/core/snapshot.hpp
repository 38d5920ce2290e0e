// What the network sends about the session: the fellow-visible snapshot and
// the facilitator's (remote) variant. Pure functions of (session, state,
// timing, now), so the main thread builds them and the network thread only
// serialises them.
//
// Contract for public_state (fellows, /api/state):
//  - never facilitator notes, never `correct`, never per-participant data;
//  - `results` (and any `correct` mark) only for a prompt that has been
//    revealed and does not take answers;
//  - time fields: `server_time` (= now), `section.remaining_s` (at now) and,
//    while the clock runs, `section.ends_at` (server clock, ms since epoch),
//    which stays constant while running so the page can tick locally.
// docs/protocol.md documents every field.
#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>

#include "core/engine.hpp"

namespace facilita {

// The prompt fellows see: the open one, else the last one closed in the
// current section (so revealed results stay visible), else none.
const Prompt* displayed_prompt(const Session& session, const State& state);

nlohmann::json public_state(const Session& session, const State& state, const Timing& timing, Millis now,
                            std::uint64_t version = 0);

// public_state plus an "admin" object: agenda with planned/actual times,
// prompts of the current section with their status, the live tally of the
// displayed prompt (before reveal too), drift, forecast and private notes.
// Only for authenticated facilitator connections.
nlohmann::json admin_state(const Session& session, const State& state, const Timing& timing, Millis now,
                           std::uint64_t version = 0);

}  // namespace facilita
