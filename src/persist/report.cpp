#include "persist/report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "core/duration.hpp"
#include "persist/export_questions.hpp"
#include "persist/journal_session.hpp"
#include "persist/report_delivery.hpp"
#include "persist/report_text_words.hpp"

namespace facilita {
namespace {

struct Accumulator {
  std::string title;
  int n = 0;
  double planned = 0, actual = 0, overrun = 0, overrun_max = 0;
  int ran_long = 0;
  int skipped = 0, cut = 0;
  std::size_t first_seen = 0;  // for sections only older file versions had
};

struct Group {
  SessionReport report;
  std::vector<std::string> latest_order;
  std::map<std::string, Accumulator> sections;
  Session latest;  // the session version of the latest delivery (its objectives order the trend)
};

// Questions shown in the report: the most voted across deliveries, hidden ones left out.
void add_questions(SessionReport& report, const Replayed& r) {
  for (const auto& q : question_rows(r.session, r.state)) {
    ++report.questions_asked;
    if (q.status == "hidden") continue;
    report.questions.push_back({r.delivery.id, q.text, q.votes, q.status});
  }
  std::stable_sort(report.questions.begin(), report.questions.end(),
                   [](const auto& a, const auto& b) { return a.votes > b.votes; });
  if (report.questions.size() > kReportQuestions) report.questions.resize(kReportQuestions);
}

void add_delivery(Group& g, const Replayed& r) {
  const DeliveryInfo& d = r.delivery;
  ++g.report.deliveries;
  (d.status == "ended" ? g.report.ended : g.report.unfinished)++;
  g.report.title = r.session.title;  // deliveries come oldest first: the latest wins
  g.report.language = r.session.language;
  g.latest = r.session;
  g.latest_order.clear();
  for (const auto& s : r.session.sections) g.latest_order.push_back(s.id);

  add_questions(g.report, r);
  Millis as_of = d.last_event_at ? d.last_event_at : d.started_at;
  Timing timing = derive(r.session, r.state, as_of);
  g.report.per_delivery.push_back(summarize_delivery(r, timing));
  for (std::size_t i = 0; i < r.session.sections.size() && i < timing.sections.size(); ++i) {
    const auto& section = r.session.sections[i];
    const auto& t = timing.sections[i];
    auto [it, inserted] = g.sections.try_emplace(section.id);
    Accumulator& a = it->second;
    if (inserted) a.first_seen = g.sections.size();
    a.title = section.title;
    SectionOutcome outcome = section_outcome(r.state, t, i);
    if (outcome == SectionOutcome::Skipped) ++a.skipped;
    if (outcome == SectionOutcome::Cut) ++a.cut;
    if (outcome != SectionOutcome::Completed) continue;  // averages count only completed sections
    double actual = static_cast<double>(t.actual_ms) / 1000.0;
    double overrun = actual - t.original_s;
    a.overrun_max = a.n ? std::max(a.overrun_max, overrun) : overrun;
    ++a.n;
    a.planned += t.original_s;
    a.actual += actual;
    a.overrun += overrun;
    if (overrun > kRunsLongAfterS) ++a.ran_long;
  }
}

SessionReport finish(Group& g) {
  SessionReport out = std::move(g.report);
  std::vector<std::string> order = g.latest_order;
  std::vector<std::pair<std::size_t, std::string>> older;
  for (const auto& [id, a] : g.sections)
    if (std::find(order.begin(), order.end(), id) == order.end()) older.emplace_back(a.first_seen, id);
  std::sort(older.begin(), older.end());
  for (const auto& [seen, id] : older) order.push_back(id);

  for (const auto& id : order) {
    const Accumulator& a = g.sections[id];
    SectionStats s{id, a.title, a.n};
    s.skipped = a.skipped;
    s.cut = a.cut;
    if (a.n) {
      s.planned_avg_s = a.planned / a.n;
      s.actual_avg_s = a.actual / a.n;
      s.overrun_avg_s = a.overrun / a.n;
      s.overrun_max_s = a.overrun_max;
      s.ran_long = a.ran_long;
    }
    out.sections.push_back(s);
  }
  std::vector<const SectionStats*> long_ones;
  for (const auto& s : out.sections)
    if (s.ran_long > 0) long_ones.push_back(&s);
  std::stable_sort(long_ones.begin(), long_ones.end(), [](const SectionStats* a, const SectionStats* b) {
    double ra = double(a->ran_long) / a->measured, rb = double(b->ran_long) / b->measured;
    if (ra != rb) return ra > rb;
    if (a->ran_long != b->ran_long) return a->ran_long > b->ran_long;
    return a->overrun_avg_s > b->overrun_avg_s;
  });
  for (const auto* s : long_ones) out.runs_long_most_often.push_back(s->id);
  out.mastery = mastery_trends(g.latest, out.per_delivery);
  return out;
}

int rounded(double seconds) { return static_cast<int>(std::lround(seconds)); }

}  // namespace

std::vector<SessionReport> build_report(const Journal& journal, const std::optional<std::string>& session_id) {
  std::map<std::string, Group> groups;
  for (const auto& d : journal.deliveries()) {
    if (session_id && d.session_id != *session_id) continue;
    Group& g = groups[d.session_id];
    g.report.session_id = d.session_id;
    add_delivery(g, replay(journal, d.id));
  }
  std::vector<SessionReport> out;
  for (auto& [id, g] : groups) out.push_back(finish(g));
  return out;
}

std::string report_text(const std::vector<SessionReport>& reports, const std::string& lang_code) {
  const Lang lang = lang_from(!lang_code.empty() ? lang_code : reports.empty() ? std::string("es") : reports.front().language)
                        .value_or(Lang::Es);
  // Column widths: the English ones, wider when a word needs it.
  auto chars = [](const char* text) {
    std::size_t n = 0;
    for (const char* c = text; *c; ++c) n += (static_cast<unsigned char>(*c) & 0xC0) != 0x80 ? 1 : 0;
    return n;
  };
  const RT keys[] = {RT::ColCompleted, RT::ColPlanned, RT::ColActual, RT::ColOverrun, RT::ColRanLong, RT::ColSkipped, RT::ColCut};
  const std::size_t base[] = {9, 8, 8, 8, 8, 7, 4};
  std::size_t width[7];
  for (int i = 0; i < 7; ++i) width[i] = std::max(base[i], chars(rt(lang, keys[i])));
  auto right = [&](const std::string& text, int i) {
    std::size_t n = chars(text.c_str());
    return (n >= width[i] ? std::string() : std::string(width[i] - n, ' ')) + text;
  };
  std::string out;
  char line[512];
  for (const auto& r : reports) {
    if (!out.empty()) out += "\n";
    out += r.session_id + ": " + r.title + "\n";
    std::snprintf(line, sizeof line, rt(lang, r.deliveries == 1 ? RT::DeliveriesOne : RT::DeliveriesMany), r.deliveries,
                  r.ended, r.unfinished);
    out += std::string(line) + "\n\n";
    out += "  " + pad_text(rt(lang, RT::ColSection), 28);
    for (int i = 0; i < 7; ++i) {  // appended: `" " + std::string` trips GCC 12's -Wrestrict (bug 105329)
      out += ' ';
      out += right(rt(lang, keys[i]), i);
    }
    out += "\n";
    for (const auto& s : r.sections) {
      std::string completed = std::to_string(s.measured) + "/" + std::to_string(r.deliveries);
      std::string cells[7] = {completed, "-", "-", "-", "-", std::to_string(s.skipped), std::to_string(s.cut)};
      if (s.measured) {
        cells[1] = format_clock(rounded(s.planned_avg_s));
        cells[2] = format_clock(rounded(s.actual_avg_s));
        cells[3] = format_drift(rounded(s.overrun_avg_s));
        cells[4] = std::to_string(s.ran_long);
      }
      out += "  " + pad_text(s.id, 28);
      for (int i = 0; i < 7; ++i) {  // appended, as above (GCC bug 105329)
        out += ' ';
        out += right(cells[i], i);
      }
      out += "\n";
    }
    std::snprintf(line, sizeof line, rt(lang, RT::Footnote), kRunsLongAfterS);
    out += '\n';  // appended, as above (GCC bug 105329)
    out += line;
    out += '\n';
    if (r.runs_long_most_often.empty()) {
      out += std::string(rt(lang, RT::NoLong)) + "\n";
    } else {
      out += rt(lang, RT::RunsLong);
      for (std::size_t i = 0; i < r.runs_long_most_often.size() && i < 5; ++i) {
        const auto& id = r.runs_long_most_often[i];
        auto s = std::find_if(r.sections.begin(), r.sections.end(), [&](const SectionStats& x) { return x.id == id; });
        std::snprintf(line, sizeof line, rt(lang, RT::RunsLongItem), id.c_str(), s->ran_long, s->measured,
                      format_drift(rounded(s->overrun_avg_s)).c_str());
        out += (i ? ", " : " ") + std::string(line);
      }
      out += "\n";
    }
    out += delivery_text(r, lang);
  }
  return out;
}

}  // namespace facilita
