#include "core/snapshot_questions.hpp"

#include <algorithm>

#include "core/questions.hpp"

namespace facilita {
namespace {

using nlohmann::json;

std::string name_of(const State& state, const Question& q) {
  auto it = state.participants.find(q.participant);
  return it == state.participants.end() ? std::string{} : it->second.name;
}

json public_question(const State& state, const Question& q) {
  json j{{"id", q.id}, {"text", q.text}, {"votes", question_votes(q)}};
  if (!q.anonymous) j["name"] = name_of(state, q);
  return j;
}

}  // namespace

void add_public_questions(json& j, const State& state) {
  json list = json::array();
  for (std::size_t i : questions_by_votes(state)) {
    const Question& q = state.questions[i];
    if (!question_public(q)) continue;
    if (list.size() >= kMaxQuestionsShown) break;
    json item = public_question(state, q);
    item["answered"] = q.answered;
    list.push_back(std::move(item));
  }
  j["questions"] = std::move(list);
  j["projected_question"] = nullptr;
  if (const Question* q = find_question(state, state.projected_question); q && question_public(*q))
    j["projected_question"] = public_question(state, *q);
  j["moderation"] = state.qa_moderation;
}

void add_admin_questions(json& admin, const State& state) {
  json list = json::array();
  for (std::size_t i : questions_by_votes(state)) {
    const Question& q = state.questions[i];
    list.push_back({{"id", q.id},
                    {"text", q.text},
                    {"participant", q.participant},
                    {"name", name_of(state, q)},
                    {"anonymous", q.anonymous},
                    {"status", question_status(q)},
                    {"votes", question_votes(q)},
                    {"at", q.at}});
  }
  admin["questions"] = std::move(list);
}

json personal_questions(const State& state, std::string_view participant) {
  json own = json::array();
  json upvoted = json::array();
  for (const auto& q : state.questions) {
    if (q.participant == participant)
      own.push_back({{"id", q.id}, {"text", q.text}, {"status", question_status(q)}, {"votes", question_votes(q)}});
    else if (std::find(q.voters.begin(), q.voters.end(), participant) != q.voters.end())
      upvoted.push_back(q.id);
  }
  return {{"questions", std::move(own)}, {"upvoted", std::move(upvoted)}};
}

}  // namespace facilita
