// report_html: one self-contained page, a table and an inline SVG bar chart
// per session. Every piece of text from a session file goes through
// html_escape (titles are author-controlled).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/duration.hpp"
#include "persist/report.hpp"

namespace facilita {
namespace {

constexpr int kLabelW = 230, kBarW = 440, kValueW = 90, kRowH = 34, kBarH = 12, kTop = 34;

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

int rounded(double seconds) { return static_cast<int>(std::lround(seconds)); }

std::string bar_chart(const SessionReport& r) {
  double scale_max = 60;
  for (const auto& s : r.sections) scale_max = std::max({scale_max, s.planned_avg_s, s.actual_avg_s});
  const int width = kLabelW + kBarW + kValueW;
  const int height = kTop + kRowH * static_cast<int>(r.sections.size()) + 10;
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" + std::to_string(width) +
                    "\" height=\"" + std::to_string(height) + "\" viewBox=\"0 0 " + std::to_string(width) + " " +
                    std::to_string(height) + "\" aria-label=\"Planned versus actual minutes per section for " +
                    html_escape(r.session_id) + "\">\n";
  svg += "<rect class=\"planned\" x=\"" + std::to_string(kLabelW) + "\" y=\"8\" width=\"14\" height=\"10\"/>"
         "<text x=\"" + std::to_string(kLabelW + 20) + "\" y=\"17\">planned</text>"
         "<rect class=\"actual\" x=\"" + std::to_string(kLabelW + 100) + "\" y=\"8\" width=\"14\" height=\"10\"/>"
         "<text x=\"" + std::to_string(kLabelW + 120) + "\" y=\"17\">actual (average)</text>"
         "<rect class=\"actual over\" x=\"" + std::to_string(kLabelW + 250) + "\" y=\"8\" width=\"14\" height=\"10\"/>"
         "<text x=\"" + std::to_string(kLabelW + 270) + "\" y=\"17\">actual, over plan</text>\n";
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
    std::string value = s.measured ? format_drift(rounded(s.overrun_avg_s)) : "no data";
    svg += "<text x=\"" + std::to_string(kLabelW + kBarW + 8) + "\" y=\"" + std::to_string(y + 20) + "\">" +
           html_escape(value) + "</text></g>\n";
  }
  return svg + "</svg>\n";
}

std::string table(const SessionReport& r) {
  std::string t = "<table>\n<thead><tr><th>#</th><th>Section</th><th>Completed</th><th>Planned</th>"
                  "<th>Actual (avg)</th><th>Overrun (avg)</th><th>Overrun (max)</th><th>Ran long</th></tr></thead>\n"
                  "<tbody>\n";
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
      t += "<td colspan=\"5\">not completed in any delivery</td>";
    t += "</tr>\n";
  }
  return t + "</tbody>\n</table>\n";
}

// Fellow questions: the most voted, never a name (fellows may have asked anonymously).
std::string questions_html(const SessionReport& r) {
  std::string h = "<h3>Fellow questions</h3>\n";
  if (r.questions_asked == 0) return h + "<p>No questions were asked.</p>\n";
  h += "<p>" + std::to_string(r.questions_asked) + (r.questions_asked == 1 ? " question" : " questions") +
       " asked; the most voted (hidden ones left out):</p>\n<table class=\"questions\">\n<thead><tr><th>Votes</th>"
       "<th>Question</th><th>Status</th><th>Delivery</th></tr></thead>\n<tbody>\n";
  for (const auto& q : r.questions)
    h += "<tr><td>" + std::to_string(q.votes) + "</td><td>" + html_escape(q.text) + "</td><td>" +
         html_escape(q.status) + "</td><td>" + std::to_string(q.delivery) + "</td></tr>\n";
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

std::string report_html(const std::vector<SessionReport>& reports) {
  std::string page =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>Facilita report: planned vs actual</title>\n<style>\n"
      "body{font-family:'Noto Sans','DejaVu Sans',sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;"
      "color:#1b1b1b}\n"
      "table{border-collapse:collapse;margin:1rem 0}th,td{padding:.3rem .6rem;border-bottom:1px solid #ccc;"
      "text-align:left}\n"
      "td.over{color:#a11;font-weight:bold}svg text{font-size:13px;fill:#1b1b1b}\n"
      "svg .planned{fill:#9aa4ad}svg .actual{fill:#2a6fb0}svg .actual.over{fill:#c2410c}\n"
      "</style>\n</head>\n<body>\n<h1>Planned vs actual time</h1>\n"
      "<p>Planned is the authored duration; actual and overrun are averages over the deliveries that completed the "
      "section. A section <em>ran long</em> when it took more than " +
      std::to_string(kRunsLongAfterS) + " s beyond its plan.</p>\n";
  for (const auto& r : reports) {
    page += "<section>\n<h2>" + html_escape(r.title) + "</h2>\n<p><code>" + html_escape(r.session_id) + "</code> · " +
            std::to_string(r.deliveries) + (r.deliveries == 1 ? " delivery" : " deliveries") + " (" +
            std::to_string(r.ended) + " ended, " + std::to_string(r.unfinished) + " unfinished)</p>\n";
    page += bar_chart(r) + table(r);
    if (r.runs_long_most_often.empty()) {
      page += "<p>No section ran long.</p>\n";
    } else {
      page += "<p>Runs long most often: ";
      for (std::size_t i = 0; i < r.runs_long_most_often.size() && i < 5; ++i) {
        const std::string& id = r.runs_long_most_often[i];
        auto s = std::find_if(r.sections.begin(), r.sections.end(), [&](const SectionStats& x) { return x.id == id; });
        if (i) page += ", ";
        page += "<strong>" + html_escape(id) + "</strong> (" + std::to_string(s->ran_long) + " of " +
                std::to_string(s->measured) + ")";
      }
      page += "</p>\n";
    }
    page += questions_html(r);
    page += "</section>\n";
  }
  return page + "</body>\n</html>\n";
}

}  // namespace facilita
