// Fellow questions in exports and reports: one row per question, in order of
// asking. A question asked anonymously has no name here either.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "persist/journal_session.hpp"

namespace facilita {

struct ExportData;

struct QuestionRow {
  std::string id;        // qa-1, qa-2, ...
  Millis at = 0;
  std::string section;   // section id current when it was asked
  std::optional<std::string> name;  // nullopt = asked anonymously
  std::string text;
  int votes = 0;
  std::string status;    // pending | approved | hidden | answered
};

std::vector<QuestionRow> question_rows(const Session& session, const State& state);
std::string questions_csv(const ExportData& data);
nlohmann::json questions_json(const std::vector<QuestionRow>& rows);

}  // namespace facilita
