// Cross-field rules: timing arithmetic, unique ids, objective coverage.
// Runs on partially built sessions too (fields that failed to load are 0 or
// empty and their rules are skipped) so that one pass reports everything.
#include <map>
#include <set>

#include "core/duration.hpp"
#include "core/loader.hpp"

namespace facilita {
namespace {

void add(std::vector<Diagnostic>& out, Severity severity, SourcePos at, Msg message, std::vector<Msg> notes = {},
         std::vector<NotePos> note_pos = {}) {
  out.push_back(make_diagnostic(severity, at.line, at.col, std::move(message), std::move(notes), std::move(note_pos)));
}

// The more exact of two positions: `exact` when known.
SourcePos at_or(SourcePos exact, SourcePos fallback) { return exact.line > 0 ? exact : fallback; }

std::string amount(int seconds, bool all_whole_minutes) {
  return all_whole_minutes ? std::to_string(seconds / 60) : format_clock(seconds);
}

void check_sum(const Session& s, std::vector<Diagnostic>& out) {
  if (s.duration_s <= 0 || s.sections.empty()) return;
  int sum = 0;
  bool whole = s.duration_s % 60 == 0;
  for (const auto& section : s.sections) {
    if (section.duration_s <= 0) return;  // already reported
    sum += section.duration_s;
    whole = whole && section.duration_s % 60 == 0;
  }
  if (sum == s.duration_s) return;
  std::string arithmetic;
  for (const auto& section : s.sections)
    arithmetic += (arithmetic.empty() ? "" : " + ") + amount(section.duration_s, whole);
  const char* unit = whole ? " min" : "";
  int diff = sum - s.duration_s;
  Msg fix = diff > 0 ? msg(M::NoteSumRemove, format_minutes(diff)) : msg(M::NoteSumAdd, format_minutes(-diff));
  add(out, Severity::Error, s.sections.front().pos, msg(M::SumMismatch, format_minutes(sum), format_minutes(s.duration_s)),
      {msg(M::NoteSumArithmetic, arithmetic, amount(sum, whole) + unit, amount(s.duration_s, whole) + unit), fix});
}

void check_bounds(const Section& section, std::vector<Diagnostic>& out) {
  if (section.duration_s <= 0) return;
  if (section.min_s && section.min_s > section.duration_s)
    add(out, Severity::Error, at_or(section.min_pos, section.pos),
        msg(M::MinAbove, section.id, format_minutes(section.min_s), format_minutes(section.duration_s)),
        {msg(M::NoteMinMax)});
  if (section.max_s && section.max_s < section.duration_s)
    add(out, Severity::Error, at_or(section.max_pos, section.pos),
        msg(M::MaxBelow, section.id, format_minutes(section.max_s), format_minutes(section.duration_s)),
        {msg(M::NoteMinMax)});
  if (section.fixed && (section.min_s || section.max_s))
    add(out, Severity::Warning, at_or(section.min_s ? section.min_pos : section.max_pos, section.pos),
        msg(M::FixedIgnoresBounds, section.id));
  if (section.fixed && section.optional)
    add(out, Severity::Error, section.pos, msg(M::FixedAndOptional, section.id));
}

template <typename Item>
void check_unique(const std::vector<const Item*>& items, M what, std::vector<Diagnostic>& out) {
  std::map<std::string, SourcePos> seen;
  for (const Item* item : items) {
    if (item->id.empty()) continue;
    const SourcePos at = at_or(item->id_pos, item->pos);
    auto [it, inserted] = seen.emplace(item->id, at);
    if (!inserted)
      add(out, Severity::Error, at, msg(what, item->id), {msg(M::NoteFirstDefined)},
          {{it->second.line, it->second.col}});
  }
}

// Steps fit inside their section: more is an error, less a warning (the
// section then has time outside its steps).
void check_steps(const Section& section, std::vector<Diagnostic>& out) {
  if (section.steps.empty()) return;
  std::vector<const Step*> steps;
  for (const auto& step : section.steps) steps.push_back(&step);
  check_unique(steps, M::DuplicateStepId, out);
  if (section.duration_s <= 0) return;
  int sum = 0;
  bool whole = section.duration_s % 60 == 0;
  for (const auto& step : section.steps) {
    if (step.duration_s <= 0) return;  // already reported
    sum += step.duration_s;
    whole = whole && step.duration_s % 60 == 0;
  }
  if (sum == section.duration_s) return;
  std::string arithmetic;
  for (const auto& step : section.steps) arithmetic += (arithmetic.empty() ? "" : " + ") + amount(step.duration_s, whole);
  const char* unit = whole ? " min" : "";
  Msg arithmetic_note = msg(M::NoteStepsArithmetic, arithmetic, amount(sum, whole) + unit,
                             amount(section.duration_s, whole) + unit);
  const int diff = sum - section.duration_s;
  if (diff > 0) {
    add(out, Severity::Error, section.steps.front().pos,
        msg(M::StepsOver, section.id, format_minutes(sum), format_minutes(section.duration_s)),
        {arithmetic_note, msg(M::NoteStepsRemove, format_minutes(diff))});
  } else {
    add(out, Severity::Warning, at_or(section.steps_pos, section.steps.front().pos),
        msg(M::StepsUnder, section.id, format_minutes(sum), format_minutes(section.duration_s)),
        {arithmetic_note, msg(M::NoteStepsOutside, format_minutes(-diff))});
  }
}

// A prompt's own `objectives:` must name defined objectives, each once.
void check_prompt_objectives(const Session& s, const std::set<std::string>& defined, std::vector<Diagnostic>& out) {
  std::vector<std::string_view> candidates(defined.begin(), defined.end());
  for (const auto& section : s.sections) {
    for (const auto& prompt : section.prompts) {
      for (std::size_t i = 0; i < prompt.objectives.size(); ++i) {
        const std::string& id = prompt.objectives[i];
        SourcePos at = i < prompt.objectives_pos.size() ? prompt.objectives_pos[i] : prompt.pos;
        bool repeated = false;
        for (std::size_t j = 0; j < i; ++j) repeated = repeated || prompt.objectives[j] == id;
        if (repeated) {
          add(out, Severity::Error, at, msg(M::PromptObjectiveTwice, prompt.id, id), {msg(M::NoteListOnce)});
        } else if (!id.empty() && !defined.count(id)) {
          std::vector<Msg> notes;
          if (auto guess = closest_match(id, candidates); !guess.empty()) notes.push_back(msg(M::NoteDidYouMean, guess));
          notes.push_back(msg(M::NotePromptObjectives));
          add(out, Severity::Error, at, msg(M::PromptObjectiveUndefined, prompt.id, id), std::move(notes));
        }
      }
    }
  }
}

}  // namespace

void validate_session(const Session& s, std::vector<Diagnostic>& out) {
  check_sum(s, out);
  std::vector<const Section*> sections;
  std::vector<const Prompt*> prompts;
  std::vector<const Objective*> objectives;
  for (const auto& section : s.sections) {
    sections.push_back(&section);
    check_bounds(section, out);
    check_steps(section, out);
    for (const auto& prompt : section.prompts) {
      prompts.push_back(&prompt);
      if (section.duration_s > 0 && prompt.time_s > section.duration_s)
        add(out, Severity::Warning, at_or(prompt.time_pos, prompt.pos),
            msg(M::PromptTimeLong, prompt.id));
    }
  }
  for (const auto& objective : s.objectives) objectives.push_back(&objective);
  check_unique(sections, M::DuplicateSectionId, out);
  check_unique(prompts, M::DuplicatePromptId, out);
  check_unique(objectives, M::DuplicateObjectiveId, out);

  std::set<std::string> defined, covered;
  for (const auto& objective : s.objectives) defined.insert(objective.id);
  std::vector<std::string_view> candidates(defined.begin(), defined.end());
  for (const auto& section : s.sections) {
    for (std::size_t i = 0; i < section.objectives.size(); ++i) {
      const std::string& id = section.objectives[i];
      covered.insert(id);
      if (id.empty() || defined.count(id)) continue;
      std::vector<Msg> notes;
      if (auto guess = closest_match(id, candidates); !guess.empty()) notes.push_back(msg(M::NoteDidYouMean, guess));
      notes.push_back(msg(M::NoteAddObjective, id));
      add(out, Severity::Error, i < section.objectives_pos.size() ? section.objectives_pos[i] : section.pos,
          msg(M::SectionObjectiveUndefined, section.id, id), std::move(notes));
    }
  }
  check_prompt_objectives(s, defined, out);
  for (const auto& objective : s.objectives)
    if (!objective.id.empty() && !covered.count(objective.id))
      add(out, Severity::Warning, at_or(objective.id_pos, objective.pos), msg(M::ObjectiveNotCovered, objective.id),
          {msg(M::NoteListUnderSection)});
}

}  // namespace facilita
