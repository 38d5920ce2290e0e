// Mastery per learning objective: how much of the room answered the quiz
// prompts tied to an objective correctly. Pure: computed from the session and
// a delivery's state, for the console's end screen and for reports.
//
// Rule: a quiz prompt is one with `correct`. A prompt's objectives are its own
// `objectives:` list, or its section's when it has none. For each objective,
// mastery = correct answers / answers, summed over its quiz prompts, counting
// each participant's answer in the prompt's current round (earlier rounds are
// set aside). A choice answer is correct when it is the correct option; a
// multi answer only when it is exactly the set of correct options.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/engine.hpp"

namespace facilita {

struct ObjectiveMastery {
  std::string id;
  std::string text;
  int quiz_prompts = 0;  // quiz prompts tied to the objective (0: "no quiz prompt", never 0 %)
  int asked = 0;         // of those, the prompts opened in this delivery
  int answers = 0;
  int correct = 0;
  // correct / answers; nullopt when there is no quiz prompt or no answer yet.
  std::optional<double> share() const {
    if (answers <= 0) return std::nullopt;
    return static_cast<double>(correct) / answers;
  }
};

// The objectives of `prompt` in `section`: its own list, else the section's.
const std::vector<std::string>& prompt_objectives(const Section& section, const Prompt& prompt);
bool is_quiz(const Prompt& prompt);
// Whether `value` answers quiz prompt `prompt` correctly (false for non-quiz prompts).
bool answer_is_correct(const Prompt& prompt, const AnswerValue& value);
// One entry per session objective, in the session's order.
std::vector<ObjectiveMastery> compute_mastery(const Session& session, const State& state);

}  // namespace facilita
