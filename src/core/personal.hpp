// What one fellow may see about themselves: their own answers of the current
// round, a verdict on each quiz prompt once it is revealed, and a score card
// per quiz section once the room has left it. Pure functions of (session,
// state, participant): the main thread builds the `you` message with them and
// the server forwards it to that participant's sockets only.
//
// Rules (docs/design.md, "Personal feedback"):
//  - only the participant's own answers; never anyone else's, never a count
//    of who answered what;
//  - a verdict (and the right / missing / extra lists, which would give the
//    correct answer away) only for a quiz prompt (one with `correct`) that is
//    revealed and does not take answers; scale, text and poll never have one;
//  - verdict "right" only for the exact set; "partial" (multi only) when at
//    least one chosen option is correct but the set is not exact; "wrong"
//    otherwise;
//  - a score card for a section with quiz prompts once it was left (visited
//    and not current) or the delivery ended: right = its revealed quiz prompts
//    answered exactly right in the current round, of = its revealed quiz
//    prompts. Speed never counts.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/engine.hpp"

namespace facilita {

// A quiz prompt whose verdicts may be shown: has `correct`, revealed, not open.
bool quiz_revealed(const Session& session, const State& state, const Prompt& prompt);

// {"type":"you","answers":{…},"scores":[…],"questions":[],"upvoted":[]}
nlohmann::json personal_state(const Session& session, const State& state, std::string_view participant);

// Sets the participant's own `questions` (any status, with votes) and the ids
// of the questions they `upvoted` in `you` (snapshot_questions.hpp).
void add_personal_questions(const Session& session, const State& state, std::string_view participant,
                            nlohmann::json& you);

// The room's accuracy per revealed quiz prompt of a section (projector summary).
struct QuizAccuracy {
  std::string prompt;
  std::string text;
  int answered = 0;
  int right = 0;         // answered exactly right
  double accuracy = 0;   // right / answered, 0 when nobody answered
};
std::vector<QuizAccuracy> quiz_summary(const Session& session, const State& state, int section);

}  // namespace facilita
