// Exports of one delivery: the answers (one row per participant, prompt and
// round, their latest answer in that round) and the timeline (planned vs actual per section, from
// derive() on the replayed state at the delivery's last event). As CSV
// (RFC 4180: one table per file, CRLF line ends, fields quoted when needed)
// or as one JSON document holding both.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "persist/export_questions.hpp"
#include "persist/journal_session.hpp"

namespace facilita {

struct AnswerRow {
  std::string participant;  // pseudonym: display name + " #" + 6 hex digits of SHA-256(id)
  std::string section;      // section id
  std::string prompt;       // prompt id
  int round = 1;            // 1, or 2.. after the facilitator started new rounds of the prompt
  std::string prompt_text;
  std::string kind;         // choice | multi | scale | text | poll
  AnswerValue value;
  std::optional<bool> correct;  // quiz prompts only
  bool hidden = false;          // hidden from the projector by the facilitator
  Millis at = 0;
};

struct TimelineRow {
  int index = 0;  // 1-based, in session order
  std::string section;
  std::string title;
  int original_s = 0;  // as authored
  int planned_s = 0;   // after adjust / rebalance
  Millis actual_ms = 0;
  int overrun_s = 0;   // actual - planned (negative = early)
  std::string status;  // upcoming | current | done | cut
};

struct ExportData {
  DeliveryInfo delivery;
  std::string session_title;
  Millis as_of = 0;  // the time derive() was evaluated at
  std::vector<AnswerRow> answers;  // session order of prompts, then round, then answer time
  std::vector<TimelineRow> timeline;
  std::vector<QuestionRow> questions;  // fellow questions, in order of asking (export_questions.hpp)
};

ExportData build_export(const Replayed& replayed);

std::string pseudonym(std::string_view name, std::string_view participant_id);
// The answer as one cell: a list becomes "a; b", a scale value its number.
std::string answer_text(const AnswerValue& value);

// RFC 4180 field: quoted when it holds a comma, quote, CR or LF; quotes doubled.
// A cell starting with =, +, -, @, tab or CR is neutralised with a leading
// apostrophe (a spreadsheet would run it as a formula), unless it is a plain
// number such as -20 or +3.5.
std::string csv_field(std::string_view text);
std::string answers_csv(const ExportData& data);
std::string timeline_csv(const ExportData& data);
nlohmann::json export_json(const ExportData& data);

}  // namespace facilita
