// The delivery report as PDF: per session, planned vs actual per section (a
// bar chart; skipped and cut sections said so), per delivery the results of
// every prompt, mastery per objective with its trend, and the top questions.
#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "persist/time_text.hpp"
#include "print/documents.hpp"

namespace facilita::print {
namespace {

std::string mmss(double seconds) {
  int s = static_cast<int>(std::lround(std::max(0.0, seconds)));
  char buf[24];
  std::snprintf(buf, sizeof buf, "%d:%02d", s / 60, s % 60);
  return buf;
}

std::string percent(std::optional<double> share) {
  if (!share) return "—";
  return std::to_string(static_cast<int>(std::lround(*share * 100))) + "\u00a0%";  // no break between number and sign
}

const char* outcome_text(Lang lang, SectionOutcome outcome) {
  switch (outcome) {
    case SectionOutcome::Completed: return "";
    case SectionOutcome::Skipped: return tr(lang, Str::Skipped);
    case SectionOutcome::Cut: return tr(lang, Str::Cut);
    case SectionOutcome::Unfinished: return tr(lang, Str::Unfinished);
  }
  return "";
}

const char* status_text(Lang lang, const std::string& status) {
  if (status == "ended") return tr(lang, Str::Ended);
  if (status == "running") return tr(lang, Str::Running);
  return tr(lang, Str::Abandoned);
}

// Planned (grey) and actual (blue) bars per section, with the times at the right.
void section_chart(PdfWriter& out, const SessionReport& r, Lang lang) {
  const double legend_h = 18;
  double max_s = 1;
  for (const auto& sec : r.sections) max_s = std::max({max_s, sec.planned_avg_s, sec.actual_avg_s});
  for (std::size_t i = 0; i < r.sections.size(); ++i) {
    const SectionStats sec = r.sections[i];
    bool legend = i == 0;
    double row_h = sec.skipped || sec.cut ? 36 : 26;  // a note under the bars
    PdfWriter* w = &out;
    out.picture(row_h + (legend ? legend_h : 0), [w, sec, max_s, lang, legend, row_h, legend_h](cairo_t* cr, double x,
                                                                                              double y, double width) {
      double label_w = width * 0.34, value_w = 92, bar_x = x + label_w + 6, bar_w = width - label_w - value_w - 12;
      if (legend) {
        cairo_set_source_rgb(cr, 0.72, 0.74, 0.78);
        cairo_rectangle(cr, bar_x, y + 4, 10, 7);
        cairo_fill(cr);
        cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
        w->draw_text(cr, bar_x + 14, y + 1, escape_markup(tr(lang, Str::Planned)), 8, 0);
        cairo_set_source_rgb(cr, 0.16, 0.4, 0.7);
        cairo_rectangle(cr, bar_x + 90, y + 4, 10, 7);
        cairo_fill(cr);
        cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
        w->draw_text(cr, bar_x + 104, y + 1, escape_markup(tr(lang, Str::Actual)), 8, 0);
        y += legend_h;
      }
      cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
      double th = w->measure(escape_markup(sec.title), 9, label_w).second;
      w->draw_text(cr, x, y + std::max(0.0, (row_h - 4 - th) / 2), escape_markup(sec.title), 9, label_w);
      double planned = bar_w * sec.planned_avg_s / max_s;
      cairo_set_source_rgb(cr, 0.72, 0.74, 0.78);
      cairo_rectangle(cr, bar_x, y + 3, planned, 8);
      cairo_fill(cr);
      std::string value = mmss(sec.planned_avg_s);
      if (sec.measured > 0) {
        bool long_run = sec.actual_avg_s > sec.planned_avg_s + kRunsLongAfterS;
        if (long_run)
          cairo_set_source_rgb(cr, 0.8, 0.35, 0.1);
        else
          cairo_set_source_rgb(cr, 0.16, 0.4, 0.7);
        cairo_rectangle(cr, bar_x, y + 12, bar_w * sec.actual_avg_s / max_s, 8);
        cairo_fill(cr);
        value += " / " + mmss(sec.actual_avg_s);
      }
      std::string note;
      if (sec.skipped) note += std::string(tr(lang, Str::Skipped)) + " ×" + std::to_string(sec.skipped);
      if (sec.cut) note += (note.empty() ? "" : ", ") + std::string(tr(lang, Str::Cut)) + " ×" + std::to_string(sec.cut);
      if (!note.empty()) {
        cairo_set_source_rgb(cr, 0.55, 0.3, 0.05);
        w->draw_text(cr, bar_x, y + (sec.measured > 0 ? 21 : 12), "<i>" + escape_markup(note) + "</i>", 8, bar_w);
      }
      cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
      w->draw_text(cr, x + width - value_w, y + 4, escape_markup(value), 9, value_w, false, true);
    });
  }
  TextStyle small;
  small.size_pt = 8.5;
  small.color[0] = small.color[1] = small.color[2] = 0.4;
  out.paragraph(escape_markup(std::string(tr(lang, Str::Planned)) + " / " + tr(lang, Str::Actual) + " (m:ss)"), small);
}

void delivery_block(PdfWriter& out, const DeliverySummary& d, Lang lang) {
  std::string head = std::string(tr(lang, Str::Delivery)) + " #" + std::to_string(d.id) + " · " +
                     local_minute(d.started_at) + " · " + status_text(lang, d.status) + " · " +
                     std::to_string(d.participants) + " " + tr(lang, Str::Participants);
  out.heading(escape_markup(head), 3, 60);
  if (!d.sections.empty()) {
    std::vector<std::vector<std::string>> rows{{escape_markup(tr(lang, Str::Section)), escape_markup(tr(lang, Str::Planned)),
                                                escape_markup(tr(lang, Str::Actual))}};
    for (const auto& sec : d.sections) {
      std::string actual = sec.outcome == SectionOutcome::Completed
                               ? mmss(static_cast<double>(sec.actual_ms) / 1000)
                               : "<i>" + escape_markup(outcome_text(lang, sec.outcome)) + "</i>";
      rows.push_back({escape_markup(sec.title), mmss(sec.planned_s), actual});
    }
    out.table(rows, {{false}, {true}, {true}}, 1, 9);
  }
  if (!d.prompts.empty()) {
    out.heading(escape_markup(tr(lang, Str::Results)), 4, 40);
    for (const auto& p : d.prompts) {
      std::string line = "<b>" + escape_markup(p.text) + "</b>  <span foreground=\"#666666\">" +
                         escape_markup(p.opened ? std::to_string(p.responses) + " " + tr(lang, Str::Responses)
                                                : std::string(tr(lang, Str::NotOpened))) +
                         "</span>";
      out.need(30);
      out.paragraph(line);
      if (!p.opened || p.counts.empty()) continue;
      std::vector<std::vector<std::string>> rows{{escape_markup(tr(lang, Str::Options)), "n"}};
      for (const auto& [option, count] : p.counts) {
        bool correct = std::find(p.correct.begin(), p.correct.end(), option) != p.correct.end();
        std::string text = escape_markup(option);
        if (correct) text = "<b>" + text + "  ✔ " + escape_markup(tr(lang, Str::CorrectMark)) + "</b>";
        rows.push_back({text, std::to_string(count)});
      }
      out.table(rows, {{false}, {true}}, 1, 9);
    }
  }
}

}  // namespace

std::unique_ptr<PdfWriter> build_report_pdf(const std::vector<SessionReport>& reports, const ReportPdfOptions& o) {
  Lang lang = o.lang ? *o.lang : lang_from(reports.empty() ? "es" : reports.front().language);
  PageSetup setup;
  setup.paper = o.paper;
  setup.footer_left = tr(lang, Str::ReportTitle);
  setup.page_label = tr(lang, Str::PageOf);
  setup.lang = lang;
  auto out = std::make_unique<PdfWriter>(setup);
  PdfWriter& w = *out;
  w.heading(escape_markup(tr(lang, Str::ReportTitle)), 1, 80);
  for (std::size_t k = 0; k < reports.size(); ++k) {
    const auto& r = reports[k];
    if (k) w.page_break();
    w.heading(escape_markup(r.title) + " <span foreground=\"#777777\">(" + escape_markup(r.session_id) + ")</span>", 2);
    TextStyle sub;
    sub.color[0] = sub.color[1] = sub.color[2] = 0.38;
    w.paragraph(escape_markup(std::string(tr(lang, Str::Deliveries)) + ": " + std::to_string(r.deliveries) + " · " +
                              tr(lang, Str::Ended) + ": " + std::to_string(r.ended) + " · " +
                              tr(lang, Str::Unfinished) + ": " + std::to_string(r.unfinished)),
                sub);
    w.heading(escape_markup(tr(lang, Str::PlannedVsActual)), 3, 80);
    section_chart(w, r, lang);

    if (!r.mastery.empty()) {
      w.heading(escape_markup(tr(lang, Str::Mastery)), 3, 60);
      std::vector<std::vector<std::string>> rows{{escape_markup(tr(lang, Str::Objective))}};
      for (const auto& d : r.per_delivery) rows[0].push_back("#" + std::to_string(d.id));
      rows[0].push_back(escape_markup(tr(lang, Str::Total)));
      std::vector<TableColumn> cols{{false}};
      for (std::size_t i = 0; i + 1 < rows[0].size(); ++i) cols.push_back({true});
      for (const auto& m : r.mastery) {
        std::vector<std::string> row{"<b>" + escape_markup(m.id) + "</b>\n" + escape_markup(m.text)};
        if (!m.has_quiz) {
          for (std::size_t i = 0; i < r.per_delivery.size(); ++i) row.push_back("—");
          row.push_back("<i>" + escape_markup(tr(lang, Str::NoQuiz)) + "</i>");
        } else {
          for (const auto& share : m.shares) row.push_back(percent(share));
          row.resize(1 + r.per_delivery.size(), "—");
          row.push_back(m.answers ? "<b>" + percent(static_cast<double>(m.correct) / m.answers) + "</b>" +
                                        " (" + std::to_string(m.correct) + "/" + std::to_string(m.answers) + ")"
                                  : "<i>" + escape_markup(tr(lang, Str::NoAnswers)) + "</i>");
        }
        rows.push_back(std::move(row));
      }
      w.table(rows, cols, 1, 9);
    }

    for (const auto& d : r.per_delivery) delivery_block(w, d, lang);

    if (!r.questions.empty()) {
      w.heading(escape_markup(tr(lang, Str::TopQuestions)), 3, 50);
      std::vector<std::vector<std::string>> rows{{escape_markup(tr(lang, Str::Votes)), escape_markup(tr(lang, Str::Question)),
                                                  escape_markup(tr(lang, Str::Delivery))}};
      for (const auto& q : r.questions)
        rows.push_back({std::to_string(q.votes), escape_markup(q.text), "#" + std::to_string(q.delivery)});
      w.table(rows, {{true}, {false}, {true}}, 1, 9);
    }
  }
  return out;
}

}  // namespace facilita::print
