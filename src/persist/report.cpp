#include "persist/report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "core/duration.hpp"
#include "persist/export_questions.hpp"
#include "persist/journal_session.hpp"
#include "persist/report_delivery.hpp"

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

std::string report_text(const std::vector<SessionReport>& reports) {
  std::string out;
  char line[512];
  for (const auto& r : reports) {
    if (!out.empty()) out += "\n";
    out += r.session_id + ": " + r.title + "\n";
    std::snprintf(line, sizeof line, "%d deliver%s (%d ended, %d unfinished)\n\n", r.deliveries,
                  r.deliveries == 1 ? "y" : "ies", r.ended, r.unfinished);
    out += line;
    std::snprintf(line, sizeof line, "  %-28s %9s %8s %8s %8s %8s %7s %4s\n", "section", "completed", "planned",
                  "actual", "overrun", "ran long", "skipped", "cut");
    out += line;
    for (const auto& s : r.sections) {
      std::string completed = std::to_string(s.measured) + "/" + std::to_string(r.deliveries);
      if (!s.measured) {
        std::snprintf(line, sizeof line, "  %-28s %9s %8s %8s %8s %8s %7d %4d\n", s.id.c_str(), completed.c_str(), "-",
                      "-", "-", "-", s.skipped, s.cut);
      } else {
        std::snprintf(line, sizeof line, "  %-28s %9s %8s %8s %8s %8d %7d %4d\n", s.id.c_str(), completed.c_str(),
                      format_clock(rounded(s.planned_avg_s)).c_str(), format_clock(rounded(s.actual_avg_s)).c_str(),
                      format_drift(rounded(s.overrun_avg_s)).c_str(), s.ran_long, s.skipped, s.cut);
      }
      out += line;
    }
    out += "\n(planned: as authored; actual and overrun: averages over the deliveries that completed the section;\n"
           " skipped: jumped over without being entered; cut: cut by a rebalance;\n"
           " ran long: over by more than " + std::to_string(kRunsLongAfterS) + " s)\n";
    if (r.runs_long_most_often.empty()) {
      out += "No section ran long.\n";
    } else {
      out += "Runs long most often:";
      for (std::size_t i = 0; i < r.runs_long_most_often.size() && i < 5; ++i) {
        const auto& id = r.runs_long_most_often[i];
        auto s = std::find_if(r.sections.begin(), r.sections.end(), [&](const SectionStats& x) { return x.id == id; });
        out += (i ? ", " : " ") + id + " (" + std::to_string(s->ran_long) + " of " + std::to_string(s->measured) +
               ", avg " + format_drift(rounded(s->overrun_avg_s)) + ")";
      }
      out += "\n";
    }
    out += delivery_text(r);
  }
  return out;
}

}  // namespace facilita
