// History across deliveries: for each session, planned vs actual time per
// section averaged over every delivery that completed the section, the average
// overrun, and the sections that run long most often. For authors revising a
// session's timing. "Planned" is the authored duration (what the file says),
// not the plan after in-session adjustments.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/mastery.hpp"
#include "persist/journal.hpp"

namespace facilita {

// A section "runs long" in a delivery when it took more than this beyond its authored time.
inline constexpr int kRunsLongAfterS = 30;

struct SectionStats {
  std::string id;
  std::string title;
  int measured = 0;            // deliveries in which the section was completed
  double planned_avg_s = 0;    // authored duration (can differ between file versions)
  double actual_avg_s = 0;
  double overrun_avg_s = 0;    // actual - planned
  double overrun_max_s = 0;
  int ran_long = 0;            // deliveries where overrun > kRunsLongAfterS
  int skipped = 0;             // deliveries that passed it without ever entering it (a jump over it)
  int cut = 0;                 // deliveries whose rebalance cut it
};

// One section in one delivery.
enum class SectionOutcome { Completed, Skipped, Cut, Unfinished };  // Unfinished: not reached, or current when it stopped
const char* to_string(SectionOutcome outcome);  // "completed" | "skipped" | "cut" | "unfinished"
struct DeliverySection {
  std::string id;
  std::string title;
  int planned_s = 0;    // as authored
  int final_plan_s = 0; // after adjustments and rebalances
  Millis actual_ms = 0;
  SectionOutcome outcome = SectionOutcome::Unfinished;
};

// Results of one prompt in one delivery (its current round).
struct PromptResult {
  std::string id;
  std::string section;   // section id
  std::string text;
  std::string kind;      // to_string(PromptKind)
  bool opened = false;   // opened in this delivery
  int responses = 0;
  // choice / multi / poll: one count per option, in the authored order; scale: one per value min..max;
  // text: empty (text answers stay out of reports).
  std::vector<std::pair<std::string, int>> counts;
  std::vector<std::string> correct;  // empty = not a quiz
  int correct_answers = 0;           // quiz prompts only
};

struct DeliverySummary {
  std::int64_t id = 0;
  Millis started_at = 0;
  std::optional<Millis> ended_at;
  std::string status;          // "running" | "ended" | "abandoned"
  std::string file_sha256;
  int participants = 0;
  std::vector<DeliverySection> sections;
  std::vector<PromptResult> prompts;
  std::vector<ObjectiveMastery> mastery;  // one per objective of the session version delivered
};

// What one delivery's row counts: sections per outcome, quiz answers and correct ones.
struct DeliveryCounts {
  int outcomes[4] = {0, 0, 0, 0};  // indexed by SectionOutcome
  int quiz_answers = 0;
  int quiz_correct = 0;
  int of(SectionOutcome o) const { return outcomes[static_cast<int>(o)]; }
};
DeliveryCounts count_delivery(const DeliverySummary& d);

// An objective across deliveries, oldest delivery first.
struct MasteryTrend {
  std::string id;
  std::string text;
  std::vector<std::optional<double>> shares;  // one per delivery in SessionReport::per_delivery
  int answers = 0, correct = 0;               // summed over every delivery
  bool has_quiz = false;                      // some delivered version tied a quiz prompt to it
};

struct SessionReport {
  std::string session_id;
  std::string title;  // from the latest delivery
  std::string language = "es";  // the session's `language` (latest delivery): reports speak it
  int deliveries = 0;
  int ended = 0;
  int unfinished = 0;  // running or abandoned
  std::vector<SectionStats> sections;  // latest file's order, then sections only older files had
  std::vector<std::string> runs_long_most_often;  // section ids with ran_long > 0, most often first
  // Fellow questions of every delivery, most voted first (at most kReportQuestions); no names.
  struct TopQuestion { std::int64_t delivery = 0; std::string text; int votes = 0; std::string status; };
  std::vector<TopQuestion> questions;
  int questions_asked = 0;
  std::vector<DeliverySummary> per_delivery;  // oldest first
  std::vector<MasteryTrend> mastery;          // latest file's objectives, in its order
};
inline constexpr std::size_t kReportQuestions = 20;

// Every session (or only `session_id`) with at least one delivery, by session id.
// Throws JournalError when a delivery cannot be replayed.
std::vector<SessionReport> build_report(const Journal& journal, const std::optional<std::string>& session_id);

// In `lang` ("es" | "en"); "" = the first report's session language.
std::string report_text(const std::vector<SessionReport>& reports, const std::string& lang = "");
// A self-contained HTML page (inline CSS and SVG, no scripts or external files).
// In `lang` ("es" | "en"); "" = the first report's session language.
std::string report_html(const std::vector<SessionReport>& reports, const std::string& lang = "");
std::string html_escape(std::string_view text);

}  // namespace facilita
