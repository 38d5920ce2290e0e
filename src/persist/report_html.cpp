// report_html: one self-contained page, a table and an inline SVG bar chart
// per session. Every piece of text from a session file goes through
// html_escape (titles are author-controlled).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/duration.hpp"
#include "persist/report.hpp"
#include "persist/report_words.hpp"

namespace facilita {
namespace {

constexpr int kLabelW = 230, kBarW = 440, kValueW = 90, kRowH = 34, kBarH = 12, kTop = 34;

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

int rounded(double seconds) { return static_cast<int>(std::lround(seconds)); }

std::string bar_chart(const SessionReport& r, const ReportWords& w) {
  double scale_max = 60;
  for (const auto& s : r.sections) scale_max = std::max({scale_max, s.planned_avg_s, s.actual_avg_s});
  const int width = kLabelW + kBarW + kValueW;
  const int height = kTop + kRowH * static_cast<int>(r.sections.size()) + 10;
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" + std::to_string(width) +
                    "\" height=\"" + std::to_string(height) + "\" viewBox=\"0 0 " + std::to_string(width) + " " +
                    std::to_string(height) + "\" aria-label=\"" + std::string(w.chart_label) +
                    html_escape(r.session_id) + "\">\n";
  svg += "<rect class=\"planned\" x=\"" + std::to_string(kLabelW) + "\" y=\"8\" width=\"14\" height=\"10\"/>"
         "<text x=\"" + std::to_string(kLabelW + 20) + "\" y=\"17\">" + std::string(w.planned) + "</text>"
         "<rect class=\"actual\" x=\"" + std::to_string(kLabelW + 100) + "\" y=\"8\" width=\"14\" height=\"10\"/>"
         "<text x=\"" + std::to_string(kLabelW + 120) + "\" y=\"17\">" + w.actual_avg + "</text>"
         "<rect class=\"actual over\" x=\"" + std::to_string(kLabelW + 250) + "\" y=\"8\" width=\"14\" height=\"10\"/>"
         "<text x=\"" + std::to_string(kLabelW + 270) + "\" y=\"17\">" + w.actual_over + "</text>\n";
  for (std::size_t i = 0; i < r.sections.size(); ++i) {
    const auto& s = r.sections[i];
    int y = kTop + kRowH * static_cast<int>(i);
    auto bar_width = [&](double seconds) { return num(kBarW * seconds / scale_max); };
    svg += "<g><title>" + html_escape(s.title) + "</title>";
    svg += "<text x=\"" + std::to_string(kLabelW - 8) + "\" y=\"" + std::to_string(y + 16) +
           "\" text-anchor=\"end\">" + html_escape(s.id) + "</text>";
    svg += "<rect class=\"planned\" x=\"" + std::to_string(kLabelW) + "\" y=\"" + std::to_string(y + 2) +
           "\" width=\"" + bar_width(s.planned_avg_s) + "\" height=\"" + std::to_string(kBarH) + "\"/>";
    std::string cls = s.overrun_avg_s > kRunsLongAfterS ? "actual over" : "actual";
    svg += "<rect class=\"" + cls + "\" x=\"" + std::to_string(kLabelW) + "\" y=\"" + std::to_string(y + 2 + kBarH) +
           "\" width=\"" + bar_width(s.actual_avg_s) + "\" height=\"" + std::to_string(kBarH) + "\"/>";
    std::string value = s.measured ? format_drift(rounded(s.overrun_avg_s)) : std::string(w.no_data);
    svg += "<text x=\"" + std::to_string(kLabelW + kBarW + 8) + "\" y=\"" + std::to_string(y + 20) + "\">" +
           html_escape(value) + "</text></g>\n";
  }
  return svg + "</svg>\n";
}

std::string table(const SessionReport& r, const ReportWords& w) {
  std::string t = std::string("<table>\n<thead><tr><th>#</th><th>") + w.section + "</th><th>" + w.completed +
                  "</th><th>" + w.planned_col + "</th><th>" + w.actual_col + "</th><th>" + w.overrun_avg +
                  "</th><th>" + w.overrun_max + "</th><th>" + w.ran_long + "</th><th>" + w.skipped + "</th><th>" +
                  w.cut + "</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < r.sections.size(); ++i) {
    const auto& s = r.sections[i];
    t += "<tr><td>" + std::to_string(i + 1) + "</td><td>" + html_escape(s.title) + " <code>" + html_escape(s.id) +
         "</code></td><td>" + std::to_string(s.measured) + "/" + std::to_string(r.deliveries) + "</td>";
    if (s.measured)
      t += "<td>" + format_clock(rounded(s.planned_avg_s)) + "</td><td>" + format_clock(rounded(s.actual_avg_s)) +
           "</td><td class=\"" + (s.overrun_avg_s > kRunsLongAfterS ? "over" : "") + "\">" +
           html_escape(format_drift(rounded(s.overrun_avg_s))) + "</td><td>" +
           html_escape(format_drift(rounded(s.overrun_max_s))) + "</td><td>" + std::to_string(s.ran_long) + "</td>";
    else
      t += std::string("<td colspan=\"5\">") + w.not_completed + "</td>";
    t += "<td" + std::string(s.skipped ? " class=\"skipped\"" : "") + ">" + std::to_string(s.skipped) + "</td><td>" +
         std::to_string(s.cut) + "</td></tr>\n";
  }
  return t + "</tbody>\n</table>\n";
}

// Fellow questions: the most voted, never a name (fellows may have asked anonymously).
std::string questions_html(const SessionReport& r, const ReportWords& w) {
  std::string h = std::string("<h3>") + w.questions_heading + "</h3>\n";
  if (r.questions_asked == 0) return h + "<p>" + w.no_questions + "</p>\n";
  h += "<p>" + std::to_string(r.questions_asked) + " " + (r.questions_asked == 1 ? w.question : w.questions) +
       w.questions_asked + "</p>\n<table class=\"questions\">\n<thead><tr><th>" + w.votes + "</th><th>" +
       w.question_col + "</th><th>" + w.status + "</th><th>" + w.delivery_col + "</th></tr></thead>\n<tbody>\n";
  for (const auto& q : r.questions)
    h += "<tr><td>" + std::to_string(q.votes) + "</td><td>" + html_escape(q.text) + "</td><td>" +
         html_escape(report_word(w, q.status)) + "</td><td>" + std::to_string(q.delivery) + "</td></tr>\n";
  return h + "</tbody>\n</table>\n";
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string report_html(const std::vector<SessionReport>& reports, const std::string& lang) {
  const ReportWords& w =
      report_words(!lang.empty() ? lang : reports.empty() ? std::string("es") : reports.front().language);
  std::string page = std::string("<!DOCTYPE html>\n<html lang=\"") + w.lang +
      "\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>" + w.page_title + "</title>\n<style>\n"
      "body{font-family:'Noto Sans','DejaVu Sans',sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;"
      "color:#1b1b1b}\n"
      "table{border-collapse:collapse;margin:1rem 0}th,td{padding:.3rem .6rem;border-bottom:1px solid #ccc;"
      "text-align:left}\n"
      "td.over{color:#a11;font-weight:bold}td.skipped,td.cut{color:#8a5a00}svg text{font-size:13px;fill:#1b1b1b}\n"
      "svg .planned{fill:#9aa4ad}svg .actual{fill:#2a6fb0}svg .actual.over{fill:#c2410c}\n"
      ".bar{display:inline-block;height:.7rem;background:#2a6fb0;vertical-align:middle}"
      ".bar-bg{display:inline-block;width:8rem;height:.7rem;background:#e3e7eb;margin-right:.4rem;"
      "vertical-align:middle}\n"
      "</style>\n</head>\n<body>\n<h1>" + w.heading + "</h1>\n"
      "<p>" + w.intro + std::to_string(kRunsLongAfterS) + w.intro_end + "</p>\n";
  for (const auto& r : reports) {
    page += "<section>\n<h2>" + html_escape(r.title) + "</h2>\n<p><code>" + html_escape(r.session_id) + "</code> · " +
            std::to_string(r.deliveries) + " " + (r.deliveries == 1 ? w.delivery : w.deliveries) + " (" +
            std::to_string(r.ended) + " " + w.ended + ", " + std::to_string(r.unfinished) + " " +
            w.unfinished_count + ")</p>\n";
    page += bar_chart(r, w) + table(r, w);
    if (r.runs_long_most_often.empty()) {
      page += std::string("<p>") + w.no_long + "</p>\n";
    } else {
      page += std::string("<p>") + w.runs_long;
      for (std::size_t i = 0; i < r.runs_long_most_often.size() && i < 5; ++i) {
        const std::string& id = r.runs_long_most_often[i];
        auto s = std::find_if(r.sections.begin(), r.sections.end(), [&](const SectionStats& x) { return x.id == id; });
        if (i) page += ", ";
        page += "<strong>" + html_escape(id) + "</strong> (" + std::to_string(s->ran_long) + " " + w.of + " " +
                std::to_string(s->measured) + ")";
      }
      page += "</p>\n";
    }
    page += mastery_html(r, w);
    page += deliveries_html(r, w);
    page += questions_html(r, w);
    page += "</section>\n";
  }
  return page + "</body>\n</html>\n";
}

}  // namespace facilita
