// History across deliveries: for each session, planned vs actual time per
// section averaged over every delivery that completed the section, the average
// overrun, and the sections that run long most often. For authors revising a
// session's timing. "Planned" is the authored duration (what the file says),
// not the plan after in-session adjustments.
#pragma once
#include <optional>
#include <string>
#include <vector>

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
};

struct SessionReport {
  std::string session_id;
  std::string title;  // from the latest delivery
  int deliveries = 0;
  int ended = 0;
  int unfinished = 0;  // running or abandoned
  std::vector<SectionStats> sections;  // latest file's order, then sections only older files had
  std::vector<std::string> runs_long_most_often;  // section ids with ran_long > 0, most often first
  // Fellow questions of every delivery, most voted first (at most kReportQuestions); no names.
  struct TopQuestion { std::int64_t delivery = 0; std::string text; int votes = 0; std::string status; };
  std::vector<TopQuestion> questions;
  int questions_asked = 0;
};
inline constexpr std::size_t kReportQuestions = 20;

// Every session (or only `session_id`) with at least one delivery, by session id.
// Throws JournalError when a delivery cannot be replayed.
std::vector<SessionReport> build_report(const Journal& journal, const std::optional<std::string>& session_id);

std::string report_text(const std::vector<SessionReport>& reports);
// A self-contained HTML page (inline CSS and SVG, no scripts or external files).
std::string report_html(const std::vector<SessionReport>& reports);
std::string html_escape(std::string_view text);

}  // namespace facilita
