// Tallies of a prompt's answers for the console, projector and fellows.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/engine.hpp"

namespace facilita {

struct TextAnswer {
  std::string participant;
  std::string name;
  std::string text;
  bool hidden = false;
};

struct Tally {
  std::string prompt;
  PromptKind kind = PromptKind::Choice;
  int answered = 0;
  int participants = 0;
  std::vector<std::string> labels;  // options, or scale steps as text
  std::vector<int> counts;          // one per label
  std::vector<double> percent;      // one per label, 0..100 of `answered`
  std::vector<bool> correct;        // one per label (quiz prompts)
  double mean = 0;                  // scale only
  std::vector<TextAnswer> texts;    // text only, in answer order
  std::vector<std::pair<std::string, int>> top_words;  // text only, most frequent first
  std::vector<std::string> not_answered;               // participant ids, by name
  int answered_correctly = 0;                           // quiz prompts
};

Tally tally(const Session& session, const State& state, std::string_view prompt_id);

// Correct answers per participant (quiz prompts only; speed never counts).
std::map<std::string, int> quiz_scores(const Session& session, const State& state);

}  // namespace facilita
