#include "core/personal.hpp"

#include "core/snapshot_questions.hpp"

#include <algorithm>
#include <set>

namespace facilita {
namespace {

using nlohmann::json;

bool is_quiz(const Prompt& p) {
  return !p.correct.empty() && (p.kind == PromptKind::Choice || p.kind == PromptKind::Multi);
}

std::vector<std::string> chosen_of(const AnswerValue& value) {
  if (const auto* one = std::get_if<std::string>(&value)) return {*one};
  if (const auto* many = std::get_if<std::vector<std::string>>(&value)) return *many;
  return {};
}

struct Verdict {
  std::string verdict;  // right | wrong | partial
  std::vector<std::string> right, missing, extra;
};

// Lists follow the prompt's option order, so the page shows them as authored.
Verdict judge(const Prompt& p, const AnswerValue& value) {
  const std::vector<std::string> chosen_list = chosen_of(value);
  const std::set<std::string> chosen(chosen_list.begin(), chosen_list.end());
  const std::set<std::string> correct(p.correct.begin(), p.correct.end());
  Verdict v;
  for (const auto& option : p.options) {
    const bool c = correct.count(option) != 0, ch = chosen.count(option) != 0;
    if (c && ch) v.right.push_back(option);
    if (c && !ch) v.missing.push_back(option);
    if (!c && ch) v.extra.push_back(option);
  }
  if (v.missing.empty() && v.extra.empty() && !v.right.empty()) v.verdict = "right";
  else if (p.kind == PromptKind::Multi && !v.right.empty()) v.verdict = "partial";
  else v.verdict = "wrong";
  return v;
}

bool exactly_right(const Prompt& p, const AnswerValue& value) {
  const std::vector<std::string> chosen_list = chosen_of(value);
  const std::set<std::string> chosen(chosen_list.begin(), chosen_list.end());
  return !chosen.empty() && chosen == std::set<std::string>(p.correct.begin(), p.correct.end());
}

json value_json(const AnswerValue& value) {
  return std::visit([](const auto& v) { return json(v); }, value);
}

const StoredAnswer* own_answer(const State& state, const std::string& prompt, std::string_view participant) {
  auto ps = state.prompts.find(prompt);
  if (ps == state.prompts.end()) return nullptr;
  auto a = ps->second.answers.find(std::string(participant));
  return a == ps->second.answers.end() ? nullptr : &a->second;
}

bool section_left(const State& state, std::size_t index) {
  const auto& a = state.agenda;
  if (a.ended) return true;
  return index < a.visited.size() && a.visited[index] && static_cast<std::size_t>(a.current) != index;
}

}  // namespace

bool quiz_revealed(const Session&, const State& state, const Prompt& prompt) {
  if (!is_quiz(prompt)) return false;
  auto it = state.prompts.find(prompt.id);
  if (it == state.prompts.end()) return false;
  return it->second.revealed && !it->second.open && state.open_prompt != prompt.id;
}

json personal_state(const Session& session, const State& state, std::string_view participant) {
  json answers = json::object();
  json scores = json::array();
  for (std::size_t s = 0; s < session.sections.size(); ++s) {
    const Section& section = session.sections[s];
    int right = 0, of = 0;
    bool has_quiz = false;
    for (const Prompt& p : section.prompts) {
      has_quiz = has_quiz || is_quiz(p);
      const bool revealed = quiz_revealed(session, state, p);
      const StoredAnswer* mine = own_answer(state, p.id, participant);
      if (revealed) {
        ++of;
        if (mine && exactly_right(p, mine->value)) ++right;
      }
      if (!mine) continue;
      json entry{{"value", value_json(mine->value)}, {"verdict", nullptr}};
      if (revealed) {
        Verdict v = judge(p, mine->value);
        entry["verdict"] = v.verdict;
        entry["right"] = v.right;
        entry["missing"] = v.missing;
        entry["extra"] = v.extra;
      }
      answers[p.id] = std::move(entry);
    }
    if (has_quiz && of > 0 && section_left(state, s))
      scores.push_back({{"section", section.id}, {"title", section.title}, {"right", right}, {"of", of}});
  }
  json you{{"type", "you"}, {"answers", std::move(answers)}, {"scores", std::move(scores)}};
  add_personal_questions(session, state, participant, you);
  return you;
}

void add_personal_questions(const Session&, const State& state, std::string_view participant, json& you) {
  json own = personal_questions(state, participant);
  you["questions"] = std::move(own["questions"]);
  you["upvoted"] = std::move(own["upvoted"]);
}

std::vector<QuizAccuracy> quiz_summary(const Session& session, const State& state, int section) {
  std::vector<QuizAccuracy> rows;
  if (section < 0 || static_cast<std::size_t>(section) >= session.sections.size()) return rows;
  for (const Prompt& p : session.sections[static_cast<std::size_t>(section)].prompts) {
    if (!quiz_revealed(session, state, p)) continue;
    QuizAccuracy row{p.id, p.text};
    for (const auto& [who, answer] : state.prompts.at(p.id).answers) {
      ++row.answered;
      if (exactly_right(p, answer.value)) ++row.right;
    }
    row.accuracy = row.answered > 0 ? double(row.right) / row.answered : 0.0;
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace facilita
