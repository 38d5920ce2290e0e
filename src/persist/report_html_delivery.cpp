// report_html parts: mastery per objective across deliveries (with the trend)
// and, per delivery, the outcome of each section and the results per prompt.
// Every author text goes through html_escape.
#include <algorithm>
#include <cmath>

#include "core/duration.hpp"
#include "persist/report_delivery.hpp"
#include "persist/report_words.hpp"
#include "persist/time_text.hpp"

namespace facilita {
namespace {

std::string td(const std::string& text, const char* cls = nullptr) {
  return std::string("<td") + (cls ? std::string(" class=\"") + cls + "\"" : "") + ">" + text + "</td>";
}

std::string bar(double share) {
  long pct = std::lround(std::clamp(share, 0.0, 1.0) * 100);
  return "<span class=\"bar-bg\"><span class=\"bar\" style=\"width:" + std::to_string(pct) + "%\"></span></span>";
}

std::string seconds_text(Millis ms) { return format_clock(static_cast<int>((ms + 500) / 1000)); }

std::string results_text(const PromptResult& p, const ReportWords& w) {
  if (!p.opened) return w.not_opened;
  if (p.kind == "text") return w.text_answers;
  std::string out;
  for (const auto& [label, count] : p.counts) {
    bool right = std::find(p.correct.begin(), p.correct.end(), label) != p.correct.end();
    if (!out.empty()) out += "; ";
    out += (right ? "<strong>\u2713 " : "") + html_escape(label) + ": " + std::to_string(count) +
           (right ? "</strong>" : "");
  }
  return out;
}

std::string one_delivery(const DeliverySummary& d, const ReportWords& w) {
  std::string h = "<details>\n<summary>" + std::string(w.delivery_col) + " " + std::to_string(d.id) + " · " +
                  html_escape(local_minute(d.started_at)) + " · " + html_escape(report_word(w, d.status)) +
                  "</summary>\n";
  h += std::string("<table class=\"outcomes\">\n<thead><tr><th>") + w.section + "</th><th>" + w.planned_col +
       "</th><th>" + w.actual_short + "</th><th>" + w.status + "</th></tr></thead>\n<tbody>\n";
  for (const auto& s : d.sections) {
    const char* cls = s.outcome == SectionOutcome::Skipped ? "skipped" : s.outcome == SectionOutcome::Cut ? "cut" : nullptr;
    bool timed = s.outcome == SectionOutcome::Completed || s.actual_ms > 0;
    h += "<tr>" + td(html_escape(s.title) + " <code>" + html_escape(s.id) + "</code>") + td(format_clock(s.planned_s)) +
         td(timed ? seconds_text(s.actual_ms) : "\u2014") + td(html_escape(report_word(w, to_string(s.outcome))), cls) +
         "</tr>\n";
  }
  h += "</tbody>\n</table>\n";
  if (!d.prompts.empty()) {
    h += std::string("<table class=\"prompts\">\n<thead><tr><th>") + w.prompt + "</th><th>" + w.responses + "</th><th>" +
         w.correct + "</th><th>" + w.results + "</th></tr></thead>\n<tbody>\n";
    for (const auto& p : d.prompts) {
      std::string correct = p.correct.empty() || !p.opened
                                ? std::string("\u2014")
                                : std::to_string(p.correct_answers) + "/" + std::to_string(p.responses);
      h += "<tr>" + td(html_escape(p.text) + " <code>" + html_escape(p.id) + "</code>") +
           td(p.opened ? std::to_string(p.responses) : "\u2014") + td(correct) + td(results_text(p, w)) + "</tr>\n";
    }
    h += "</tbody>\n</table>\n";
  }
  return h + "</details>\n";
}

}  // namespace

std::string mastery_html(const SessionReport& r, const ReportWords& w) {
  if (r.mastery.empty()) return "";
  std::string h = std::string("<h3>") + w.mastery_heading + "</h3>\n<p>" + w.mastery_intro + "</p>\n";
  h += std::string("<table class=\"mastery\">\n<thead><tr><th>") + w.objective + "</th>";
  for (const auto& d : r.per_delivery) h += "<th>#" + std::to_string(d.id) + "</th>";
  h += std::string("<th>") + w.trend + "</th><th>" + w.answers + "</th></tr></thead>\n<tbody>\n";
  const int columns = static_cast<int>(r.per_delivery.size()) + 2;
  for (const auto& m : r.mastery) {
    h += "<tr>" + td("<strong>" + html_escape(m.id) + "</strong><br><small>" + html_escape(m.text) + "</small>");
    if (!m.has_quiz || m.answers == 0) {
      h += "<td colspan=\"" + std::to_string(columns) + "\"><em>" + (m.has_quiz ? w.no_answers : w.no_quiz) +
           "</em></td></tr>\n";
      continue;
    }
    for (const auto& share : m.shares) h += td(share ? bar(*share) + percent_text(*share) : "\u2014");
    h += td(trend_arrow(m)) + td(std::to_string(m.correct) + "/" + std::to_string(m.answers)) + "</tr>\n";
  }
  return h + "</tbody>\n</table>\n";
}

std::string deliveries_html(const SessionReport& r, const ReportWords& w) {
  if (r.per_delivery.empty()) return "";
  std::string h = std::string("<h3>") + w.deliveries_heading + "</h3>\n<table class=\"deliveries\">\n<thead><tr><th>" +
                  w.delivery_col + "</th><th>" + w.started + "</th><th>" + w.status + "</th><th>" + w.fellows +
                  "</th><th>" + w.completed + "</th><th>" + w.skipped + "</th><th>" + w.cut + "</th><th>" +
                  w.unfinished + "</th><th>" + w.correct + "</th></tr></thead>\n<tbody>\n";
  for (const auto& d : r.per_delivery) {
    const DeliveryCounts c = count_delivery(d);
    const int* n = c.outcomes;
    const int answers = c.quiz_answers, correct = c.quiz_correct;
    h += "<tr>" + td(std::to_string(d.id)) + td(html_escape(local_minute(d.started_at))) +
         td(html_escape(report_word(w, d.status))) + td(std::to_string(d.participants)) + td(std::to_string(n[0])) +
         td(std::to_string(n[1]), n[1] ? "skipped" : nullptr) + td(std::to_string(n[2])) + td(std::to_string(n[3])) +
         td(answers ? std::to_string(correct) + "/" + std::to_string(answers) : "\u2014") + "</tr>\n";
  }
  h += "</tbody>\n</table>\n";
  for (const auto& d : r.per_delivery) h += one_delivery(d, w);
  return h;
}

}  // namespace facilita
