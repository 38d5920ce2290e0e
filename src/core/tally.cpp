// Tallies for the console, the projector and the fellows: counts, percentages,
// scale means, text answers and their most frequent words, who is missing.
#include "core/tally.hpp"

#include <algorithm>
#include <iterator>
#include <tuple>
#include <set>

#include "core/text_util.hpp"

namespace facilita {
namespace {

// Short function words that would otherwise top every word list. Words under
// three bytes are dropped before this list is consulted.
constexpr std::string_view kStopWords[] = {
    "que", "los", "las", "del", "por", "para", "con", "una", "uno", "unos", "unas", "como", "cómo", "más",
    "mas", "pero", "sus", "les", "este", "esta", "esto", "estos", "estas", "ese", "esa", "eso", "esos",
    "esas", "son", "ser", "hay", "muy", "sin", "sobre", "entre", "también", "cuando", "donde", "todo",
    "todos", "toda", "todas", "nos", "mis", "tus", "qué", "él", "ella", "ellos", "ellas", "está", "están",
    "era", "fue", "han", "hacer", "porque", "algo", "cada", "otro", "otra", "otros", "desde", "hasta",
    "the", "and", "for", "with", "that", "this", "are", "was", "were", "from", "you", "your", "not",
    "but", "have", "has", "had", "our", "they", "their", "them", "will", "can", "its", "into", "all",
    "any", "what", "which", "who", "would", "there", "been", "also", "then"};

bool is_stop_word(std::string_view word) {
  return std::find(std::begin(kStopWords), std::end(kStopWords), word) != std::end(kStopWords);
}

std::vector<std::string> labels_of(const Prompt& p) {
  if (p.kind != PromptKind::Scale) return p.kind == PromptKind::Text ? std::vector<std::string>{} : p.options;
  const ScaleSpec spec = p.scale.value_or(ScaleSpec{});
  if (static_cast<int>(spec.labels.size()) == spec.max - spec.min + 1) return spec.labels;
  std::vector<std::string> labels;
  for (int v = spec.min; v <= spec.max; ++v) labels.push_back(std::to_string(v));
  return labels;
}

bool is_correct(const Prompt& p, const AnswerValue& value) {
  if (p.correct.empty()) return false;
  if (const auto* one = std::get_if<std::string>(&value)) return p.correct.size() == 1 && *one == p.correct[0];
  if (const auto* many = std::get_if<std::vector<std::string>>(&value)) {
    std::set<std::string> picked(many->begin(), many->end()), wanted(p.correct.begin(), p.correct.end());
    return picked == wanted;
  }
  return false;
}

// Adds one answer to the per-label counts.
void count(const Prompt& p, const AnswerValue& value, Tally& t) {
  auto bump = [&](const std::string& label) {
    auto it = std::find(t.labels.begin(), t.labels.end(), label);
    if (it != t.labels.end()) ++t.counts[static_cast<std::size_t>(it - t.labels.begin())];
  };
  if (const auto* one = std::get_if<std::string>(&value); one && p.kind != PromptKind::Text) bump(*one);
  if (const auto* many = std::get_if<std::vector<std::string>>(&value))
    for (const auto& option : *many) bump(option);
  if (const auto* n = std::get_if<int>(&value)) {
    const int step = *n - p.scale.value_or(ScaleSpec{}).min;
    if (step >= 0 && step < static_cast<int>(t.counts.size())) ++t.counts[static_cast<std::size_t>(step)];
  }
}

std::string name_of(const State& state, const std::string& participant) {
  auto it = state.participants.find(participant);
  return it == state.participants.end() ? std::string{} : it->second.name;
}

void add_texts(const PromptState& ps, const State& state, Tally& t) {
  std::vector<std::pair<const std::string*, const StoredAnswer*>> ordered;
  for (const auto& [who, answer] : ps.answers) ordered.emplace_back(&who, &answer);
  std::sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) {
    return std::tie(a.second->at, a.second->seq, *a.first) < std::tie(b.second->at, b.second->seq, *b.first);
  });
  std::map<std::string, int> frequency;
  for (const auto& [who, answer] : ordered) {
    const auto* body = std::get_if<std::string>(&answer->value);
    if (!body) continue;
    t.texts.push_back(TextAnswer{*who, name_of(state, *who), *body, answer->hidden});
    if (answer->hidden) continue;  // hidden answers must not leak through the word list
    for (auto& word : text::words(*body))
      if (word.size() >= 3 && !is_stop_word(word)) ++frequency[word];
  }
  t.top_words.assign(frequency.begin(), frequency.end());
  std::stable_sort(t.top_words.begin(), t.top_words.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (t.top_words.size() > 10) t.top_words.resize(10);
}

void add_missing(const PromptState& ps, const State& state, Tally& t) {
  std::vector<std::pair<std::string, std::string>> missing;  // name, id
  for (const auto& [id, participant] : state.participants)
    if (!ps.answers.count(id)) missing.emplace_back(participant.name, id);
  std::sort(missing.begin(), missing.end());
  for (auto& entry : missing) t.not_answered.push_back(std::move(entry.second));
}

}  // namespace

Tally tally(const Session& session, const State& state, std::string_view prompt_id) {
  Tally t;
  t.prompt = std::string(prompt_id);
  t.participants = static_cast<int>(state.participants.size());
  const Prompt* prompt = session.find_prompt(prompt_id);
  if (!prompt) return t;
  t.kind = prompt->kind;
  t.labels = labels_of(*prompt);
  t.counts.assign(t.labels.size(), 0);
  t.percent.assign(t.labels.size(), 0.0);
  t.correct.assign(t.labels.size(), false);
  for (std::size_t i = 0; i < t.labels.size() && prompt->kind != PromptKind::Scale; ++i)
    t.correct[i] = std::count(prompt->correct.begin(), prompt->correct.end(), t.labels[i]) > 0;

  static const PromptState kNoAnswers;
  auto found = state.prompts.find(t.prompt);
  const PromptState& ps = found == state.prompts.end() ? kNoAnswers : found->second;
  long long scale_sum = 0;
  for (const auto& [who, answer] : ps.answers) {
    ++t.answered;
    count(*prompt, answer.value, t);
    if (is_correct(*prompt, answer.value)) ++t.answered_correctly;
    if (const auto* n = std::get_if<int>(&answer.value)) scale_sum += *n;
  }
  for (std::size_t i = 0; i < t.counts.size() && t.answered > 0; ++i)
    t.percent[i] = 100.0 * t.counts[i] / t.answered;
  if (prompt->kind == PromptKind::Scale && t.answered > 0) t.mean = double(scale_sum) / t.answered;
  if (prompt->kind == PromptKind::Text) add_texts(ps, state, t);
  add_missing(ps, state, t);
  return t;
}

std::map<std::string, int> quiz_scores(const Session& session, const State& state) {
  std::map<std::string, int> scores;
  for (const auto& [id, participant] : state.participants) scores[id] = 0;
  for (const auto& section : session.sections)
    for (const auto& prompt : section.prompts) {
      if (prompt.correct.empty()) continue;
      auto it = state.prompts.find(prompt.id);
      if (it == state.prompts.end()) continue;
      for (const auto& [who, answer] : it->second.answers)
        if (is_correct(prompt, answer.value)) ++scores[who];
    }
  return scores;
}

}  // namespace facilita
