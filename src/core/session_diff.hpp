// What changed between the session a delivery is running and the file an
// author just saved, split by what the facilitator must approve.
//
// Live (applied on save, no question asked; merged_live carries them):
//   - session title, objective, language and objectives list;
//   - section title, content, notes and objectives (titles are live: renaming
//     "Retos" to "Retos de la iniciativa" changes no clock and no index);
//   - prompts not opened yet: any change, including being added (new id),
//     removed, or moved to another section the running session already has;
//   - the text and answer time of an opened prompt (a typo fix; answers stay).
// Needs acceptance (kept out of merged_live; decide_reload applies it):
//   - sections added, removed or reordered; a section's duration, min, max,
//     fixed or optional; the session duration;
//   - an opened prompt whose kind, options, correct answers or scale changed,
//     that moved to another section, or that was removed (answers are kept);
//   - an unopened prompt moving into a section that is itself new.
// A different session id is refused outright (`foreign`): it is another
// session, not a revision of this one.
//
// "Opened" means opened at least once in this delivery (PromptState::was_opened
// in this round, or a round before it),
// so a closed poll with answers counts. Source positions are not compared:
// editing one section moves the line numbers of all the next ones.
#pragma once
#include <string>
#include <vector>

#include "core/engine.hpp"
#include "core/session.hpp"

namespace facilita {

struct ReloadDiff {
  bool identical = true;                      // nothing a fellow, the room or the facilitator could notice changed
  bool foreign = false;                       // another session id: refuse the file, keep running
  std::vector<std::string> live_changes;      // English, e.g. "content of 'retos'"
  std::vector<std::string> needs_acceptance;  // English, e.g. "duration of 'retos': 10:00 → 12:00"
  // `running` with only the live changes: same sections, ids, order and timing,
  // so it fits the running State as it is and the app may swap it in at once.
  // Sections the edit removed stay, untouched, until the removal is accepted.
  Session merged_live;

  bool needs_accept() const { return !needs_acceptance.empty(); }
};

// Pure; `state` is the running delivery's (it says which prompts were opened).
ReloadDiff diff_sessions(const Session& running, const Session& edited, const State& state);

}  // namespace facilita
