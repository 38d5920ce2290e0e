// The facilitator's live extras in the admin state (see snapshot.hpp): what
// the projector shows, who has not answered, the text answers with their
// hidden flag, the correct answers, the end drift and the rebalance proposal.
// Only for authenticated facilitator connections: never in public_state.
#pragma once
#include <nlohmann/json.hpp>

#include "core/engine.hpp"

namespace facilita {

// The rebalance proposal as the console's preview shows it: per section its
// range (or locked / fixed), plan before and after, the cut list and the
// forecast end before and after; null before the start and after the end.
// `durations_s` and `cut` are what accept-rebalance sends back.
nlohmann::json rebalance_json(const Session& session, const State& state, const Timing& timing, Millis now);

// Adds the fields above to the admin object of admin_state().
void add_admin_live(nlohmann::json& admin, const Session& session, const State& state, const Timing& timing,
                    Millis now);

}  // namespace facilita
