// Session model: what an author wrote, after loading and validation.
// Plain values, no behaviour; positions point back into the YAML for errors.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace facilita {

struct SourcePos {
  int line = 0;  // 1-based; 0 = unknown
  int col = 0;   // 1-based
};

enum class PromptKind { Choice, Multi, Scale, Text, Poll };

const char* to_string(PromptKind kind);
std::optional<PromptKind> prompt_kind_from(std::string_view text);

struct ScaleSpec {
  int min = 1;
  int max = 5;
  std::vector<std::string> labels;
};

struct Prompt {
  std::string id;
  PromptKind kind = PromptKind::Choice;
  std::string text;
  std::vector<std::string> options;  // choice / multi / poll
  std::vector<std::string> correct;  // one for choice, any for multi; empty = no quiz
  std::optional<ScaleSpec> scale;    // scale only
  int time_s = 0;                    // answer window; 0 = open until closed
  SourcePos pos;
  std::vector<std::string> objectives;        // empty = its section's (see core/mastery.hpp)
  std::vector<SourcePos> objectives_pos;      // one per id in `objectives`, for diagnostics
  SourcePos id_pos;                           // the value of `id:` (diagnostics)
  SourcePos time_pos;                         // the `time:` key, when given
};

struct Objective {
  std::string id;
  std::string text;
  SourcePos pos;
  SourcePos id_pos;  // the value of `id:` (diagnostics)
};

// A timed part of a section's activity ("En parejas", 2 min). During a
// delivery its plan follows its section's plan in proportion.
struct Step {
  std::string id;
  std::string title;
  int duration_s = 0;
  std::string text;  // optional: what to do during the step
  SourcePos pos;
  SourcePos id_pos;  // the value of `id:` (diagnostics)
};

struct Section {
  std::string id;
  std::string title;
  int duration_s = 0;
  int min_s = 0;  // 0 = not given (rebalance default: 50 % of duration)
  int max_s = 0;  // 0 = not given (rebalance default: 150 % of duration)
  bool fixed = false;
  bool optional = false;
  std::vector<std::string> objectives;
  std::string content;  // Markdown, projected and sent to fellows
  std::string notes;    // facilitator only
  std::vector<Prompt> prompts;
  SourcePos pos;
  std::vector<Step> steps;  // empty = the section has no steps
  // Where diagnostics point: the value of `id:`, each id in `objectives`, and
  // the keys `min:`, `max:`, `steps:` when given.
  SourcePos id_pos;
  std::vector<SourcePos> objectives_pos;
  SourcePos min_pos, max_pos, steps_pos;

  int effective_min_s() const { return fixed ? duration_s : (min_s ? min_s : duration_s / 2); }
  int effective_max_s() const { return fixed ? duration_s : (max_s ? max_s : duration_s * 3 / 2); }
};

struct Session {
  std::string id;
  std::string title;
  std::string language = "es";
  int duration_s = 0;
  std::string objective;
  std::vector<Objective> objectives;
  std::vector<Section> sections;
  bool questions_moderated = true;  // YAML `questions: {moderation: ...}`

  int planned_start_s(std::size_t section_index) const;
  const Prompt* find_prompt(std::string_view prompt_id) const;
  int section_of_prompt(std::string_view prompt_id) const;  // -1 when unknown
  int find_section(std::string_view section_id) const;      // -1 when unknown
};

}  // namespace facilita
