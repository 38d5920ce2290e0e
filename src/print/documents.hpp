// The printable documents: the facilitator guide and the fellow handout of a
// session, and the delivery report. Each builds a PdfWriter; callers save it.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/session.hpp"
#include "persist/report.hpp"
#include "print/pdf_writer.hpp"
#include "print/print_strings.hpp"

namespace facilita::print {

struct GuideOptions {
  std::optional<int> start_s;  // clock time of day the session starts (seconds since 00:00)
  Paper paper = Paper::A4;
  Lang lang = Lang::Es;
};
struct HandoutOptions {
  std::string url;  // the join address; empty = none
  Paper paper = Paper::A4;
  Lang lang = Lang::Es;
};
struct ReportPdfOptions {
  Paper paper = Paper::A4;
  std::optional<Lang> lang;  // default: the first report's language
};

std::unique_ptr<PdfWriter> build_guide(const Session& session, const GuideOptions& options);
std::unique_ptr<PdfWriter> build_handout(const Session& session, const HandoutOptions& options);
std::unique_ptr<PdfWriter> build_report_pdf(const std::vector<SessionReport>& reports, const ReportPdfOptions& options);

// "10:05" from a clock start, or "0:05" as an offset when there is no start.
std::string plan_time(std::optional<int> start_s, int offset_s);
// "10:00" -> 36000; nullopt unless HH:MM with 0<=HH<24, 0<=MM<60.
std::optional<int> parse_start_time(std::string_view text);
// "5 min", "1 h 19 min", "45 s".
std::string minutes_text(int seconds);
// Replaces "{key}" by value.
std::string fill_in(std::string text, std::string_view key, const std::string& value);

}  // namespace facilita::print
