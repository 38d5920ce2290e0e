// Mastery per objective; the rule is in mastery.hpp. Hidden answers are left
// out (only text answers can be hidden, and text prompts are never quiz
// prompts, so this only guards hand-made states).
#include "core/mastery.hpp"

#include <algorithm>
#include <set>

namespace facilita {

const std::vector<std::string>& prompt_objectives(const Section& section, const Prompt& prompt) {
  return prompt.objectives.empty() ? section.objectives : prompt.objectives;
}

bool is_quiz(const Prompt& prompt) {
  return !prompt.correct.empty() && (prompt.kind == PromptKind::Choice || prompt.kind == PromptKind::Multi);
}

bool answer_is_correct(const Prompt& prompt, const AnswerValue& value) {
  if (!is_quiz(prompt)) return false;
  if (prompt.kind == PromptKind::Choice) {
    const auto* choice = std::get_if<std::string>(&value);
    return choice && *choice == prompt.correct.front();
  }
  const auto* picked = std::get_if<std::vector<std::string>>(&value);
  if (!picked) return false;
  std::set<std::string> given(picked->begin(), picked->end());
  std::set<std::string> wanted(prompt.correct.begin(), prompt.correct.end());
  return given == wanted;
}

std::vector<ObjectiveMastery> compute_mastery(const Session& session, const State& state) {
  std::vector<ObjectiveMastery> out;
  out.reserve(session.objectives.size());
  for (const auto& objective : session.objectives) out.push_back({objective.id, objective.text});
  auto find = [&](const std::string& id) -> ObjectiveMastery* {
    auto it = std::find_if(out.begin(), out.end(), [&](const ObjectiveMastery& m) { return m.id == id; });
    return it == out.end() ? nullptr : &*it;
  };
  for (const auto& section : session.sections) {
    for (const auto& prompt : section.prompts) {
      if (!is_quiz(prompt)) continue;
      int answers = 0, correct = 0;
      bool asked = false;
      if (auto it = state.prompts.find(prompt.id); it != state.prompts.end()) {
        const PromptState& ps = it->second;
        asked = ps.was_opened || ps.open || ps.round > 1 || !ps.answers.empty();
        for (const auto& [who, answer] : ps.answers) {
          if (answer.hidden) continue;
          ++answers;
          if (answer_is_correct(prompt, answer.value)) ++correct;
        }
      }
      std::set<std::string> counted;  // a repeated id in the list counts once
      for (const auto& id : prompt_objectives(section, prompt)) {
        ObjectiveMastery* m = find(id);
        if (!m || !counted.insert(id).second) continue;
        ++m->quiz_prompts;
        if (asked) ++m->asked;
        m->answers += answers;
        m->correct += correct;
      }
    }
  }
  return out;
}

}  // namespace facilita
