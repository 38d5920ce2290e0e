#include "persist/export_questions.hpp"

#include "core/questions.hpp"
#include "persist/export.hpp"
#include "persist/time_text.hpp"

namespace facilita {

std::vector<QuestionRow> question_rows(const Session& session, const State& state) {
  std::vector<QuestionRow> rows;
  for (const auto& q : state.questions) {
    QuestionRow row{q.id, q.at, "", std::nullopt, q.text, question_votes(q), question_status(q)};
    if (q.section >= 0 && static_cast<std::size_t>(q.section) < session.sections.size())
      row.section = session.sections[static_cast<std::size_t>(q.section)].id;
    if (!q.anonymous) {
      auto it = state.participants.find(q.participant);
      row.name = it == state.participants.end() ? std::string() : it->second.name;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string questions_csv(const ExportData& data) {
  std::string out = "delivery,id,time,section,name,text,votes,status\r\n";
  for (const auto& q : data.questions) {
    const std::string fields[] = {std::to_string(data.delivery.id), q.id, iso8601_utc(q.at), q.section,
                                  q.name ? *q.name : std::string("(anonymous)"), q.text, std::to_string(q.votes),
                                  q.status};
    std::string row;
    for (const auto& f : fields) {  // appended: `"," + std::string` trips GCC 12's -Wrestrict (bug 105329)
      if (!row.empty()) row += ',';
      row += csv_field(f);
    }
    out += row + "\r\n";
  }
  return out;
}

nlohmann::json questions_json(const std::vector<QuestionRow>& rows) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& q : rows)
    out.push_back({{"id", q.id},
                   {"time", iso8601_utc(q.at)},
                   {"section", q.section},
                   {"name", q.name ? nlohmann::json(*q.name) : nlohmann::json(nullptr)},
                   {"text", q.text},
                   {"votes", q.votes},
                   {"status", q.status}});
  return out;
}

}  // namespace facilita
