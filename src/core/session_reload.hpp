// Accepting an edited session during a delivery (the structural part of a
// hot reload; the live part is ReloadDiff::merged_live, swapped in on save).
//
// Flow in the controller, for cmd::AcceptReload{hash} with the edited session
// it is holding:
//   Decision d = decide_reload(session, edited, state, hash, now);
//   journal d.events;  then for each event: apply_with_reload(session, state, e, lookup)
// where lookup(hash) returns &edited. Replay is the same fold from the first
// version, with lookup() finding each version by the hash its file was stored
// under. So a replayed journal equals the live state exactly.
//
// What accepting does to the State (ev::SessionReloaded, applied with the NEW
// session):
//   - per-section agenda vectors follow the section id: actual time, cut and
//     visited move with it; added sections start unvisited with their authored
//     duration; a removed section's actual time goes to AgendaState::removed_ms,
//     so elapsed time, drift, forecast and rebalance still count it;
//   - the plan keeps adjustments and rebalances made during the delivery,
//     except for a section whose authored duration changed: it takes the new
//     duration (the author's number wins; the facilitator can adjust again);
//   - the undo stack is cleared when the section list or the plan changes: its
//     snapshots are indexed by the old section list, and undoing past such a
//     reload would restore a plan for sections the author has just replaced
//     (Undo reports "no-undo" until the next action). A reload that changes
//     only prompts and texts keeps it;
//   - prompt states stay keyed by id; a removed prompt keeps its answers (for
//     exports) but can no longer be opened; added prompts get an empty entry.
//     If the open prompt was removed, decide_reload emits ev::PromptClosed
//     first (applied with the old session), so the journal says so.
// Refused (Rejection.code): "bad-state" (state not for `old_s`), "foreign-session"
// (another session id), "ended", "bad-section" (no sections), "current-removed"
// (the section being delivered is gone: go to another one first), and in
// decide_reload also "bad-hash" and "no-change" (identical files).
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/engine.hpp"

namespace facilita {

// Per section of `new_s`: the index of the section with the same id in `old_s`, or -1.
std::vector<int> section_mapping(const Session& old_s, const Session& new_s);

// Why accepting `new_s` now is impossible, or nullopt.
std::optional<Rejection> check_reload(const Session& old_s, const Session& new_s, const State& state);

// The events accepting `new_s` makes: [ev::PromptClosed,] ev::SessionReloaded.
// `file_hash` names the new file version (the journal stores the text under it):
// 1 to 128 printable ASCII characters.
Decision decide_reload(const Session& old_s, const Session& new_s, const State& state, std::string file_hash,
                       Millis now);

// The state accepting `new_s` at `now` would give, to preview the new agenda
// (derive(new_s, state, now)) before the facilitator accepts. Same rules and
// the same code as decide_reload + apply, without a file hash.
std::variant<State, Rejection> remap_state(const Session& old_s, const Session& new_s, const State& state, Millis now);

// The session version a SessionReloaded names, or nullptr when unknown.
using SessionLookup = std::function<const Session*(std::string_view file_hash)>;

// One step of the live loop and of replay: for ev::SessionReloaded, swaps
// `session` for version_of(file_hash) and applies the event with it; any other
// event is apply(session, state, event). False, changing nothing, when the
// named version is unknown (a damaged journal).
bool apply_with_reload(Session& session, State& state, const Event& event, const SessionLookup& version_of);

}  // namespace facilita
