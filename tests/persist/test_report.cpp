// Reports across deliveries: averages, overruns and what runs long.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>

#include "persist/report.hpp"
#include "sim.hpp"

using namespace facilita;

namespace {

const SectionStats& section(const SessionReport& r, const std::string& id) {
  auto it = std::find_if(r.sections.begin(), r.sections.end(), [&](const SectionStats& s) { return s.id == id; });
  REQUIRE(it != r.sections.end());
  return *it;
}

}  // namespace

TEST_CASE("report aggregates planned vs actual over past deliveries") {
  sim::TempDir dir;
  Journal journal = Journal::open(dir.path());
  const std::string text = sim::module_text();
  // Section order: introduccion, funcionamiento, avance, retos, agentes, cocreacion, quiz, cierre.
  sim::Script a, b, c;
  a.overrun_s = {60, 0, 45, 0, 0, 0, 120};
  b.overrun_s = {0, -30, 90, 0, 0, 0, 90};
  b.start = a.start + 86'400'000;
  c.overrun_s = {20, 0, 0};
  c.start = b.start + 86'400'000;
  c.stop_in_section = 3;  // unfinished: only its first three sections count
  sim::run_delivery(journal, text, a);
  sim::run_delivery(journal, text, b);
  sim::run_delivery(journal, text, c);

  auto reports = build_report(journal, std::nullopt);
  REQUIRE(reports.size() == 1);
  const SessionReport& r = reports[0];
  CHECK(r.session_id == "m2-s3-gobierno-abierto");
  CHECK(r.deliveries == 3);
  CHECK(r.ended == 2);
  CHECK(r.unfinished == 1);
  CHECK(r.sections.front().id == "introduccion");

  const auto& intro = section(r, "introduccion");
  CHECK(intro.measured == 3);
  CHECK(intro.planned_avg_s == doctest::Approx(300));
  CHECK(intro.overrun_avg_s == doctest::Approx((60 + 0 + 20) / 3.0));
  CHECK(intro.overrun_max_s == doctest::Approx(60));
  CHECK(intro.ran_long == 1);

  const auto& avance = section(r, "avance");
  CHECK(avance.measured == 3);
  CHECK(avance.overrun_avg_s == doctest::Approx(45));
  CHECK(avance.ran_long == 2);

  const auto& quiz = section(r, "quiz");
  CHECK(quiz.measured == 2);
  CHECK(quiz.actual_avg_s == doctest::Approx(720 + 105));
  CHECK(quiz.ran_long == 2);

  CHECK(section(r, "funcionamiento").overrun_avg_s == doctest::Approx(-10));
  CHECK(section(r, "retos").measured == 2);  // the unfinished delivery stopped in it
  CHECK(r.runs_long_most_often == std::vector<std::string>{"quiz", "avance", "introduccion"});

  SUBCASE("text") {
    std::string t = report_text(reports, "en");
    CHECK(t.find("m2-s3-gobierno-abierto: ") != std::string::npos);
    CHECK(t.find("3 deliveries (2 ended, 1 unfinished)") != std::string::npos);
    CHECK(t.find("Runs long most often: quiz (2 of 2, avg +1:45), avance (2 of 3, avg +0:45)") != std::string::npos);
  }
  SUBCASE("HTML is self-contained with an inline SVG chart") {
    std::string html = report_html(reports);
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("<svg") != std::string::npos);
    CHECK(html.find("<title>Introducción</title>") != std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("http") == html.find("http://www.w3.org/2000/svg"));  // no external resources
  }
  SUBCASE("filtered by session id") {
    CHECK(build_report(journal, std::string("m2-s3-gobierno-abierto")).size() == 1);
    CHECK(build_report(journal, std::string("other")).empty());
  }
}

TEST_CASE("html_escape escapes markup and quotes") {
  CHECK(html_escape("<b>\"Tom & Jerry's\"</b>") == "&lt;b&gt;&quot;Tom &amp; Jerry&#39;s&quot;&lt;/b&gt;");
  CHECK(html_escape("Sesión «3»") == "Sesión «3»");
}

namespace {

// Section indices of the module.
constexpr int kQuiz = 6;

// One delivery of `text`: start, four fellows; after the first section, Next
// pressed three times a second apart (funcionamiento, avance and retos passed
// through), then a jump to the quiz (agentes and cocreacion never entered);
// q-gobiernos-locales (objective contexto) answered correctly by `right` of
// the four fellows, End.
std::int64_t quiz_delivery(Journal& journal, const std::string& text, Millis start, int right) {
  sim::Driver d(journal, JournalSession::start(journal, text, sim::kModulePath, start), start);
  d.dispatch(cmd::Start{});
  auto people = sim::fellows();
  for (const auto& f : people) d.dispatch(cmd::Join{f.id, f.name});
  d.now += 5 * 60'000;
  for (int i = 0; i < 3; ++i) {
    d.dispatch(cmd::Next{});
    d.now += 1000;
  }
  d.dispatch(cmd::GoTo{kQuiz});
  d.now += 1000;
  d.dispatch(cmd::OpenPrompt{"q-gobiernos-locales"});
  const Prompt& p = *d.session().find_prompt("q-gobiernos-locales");
  std::int64_t seq = 0;
  for (int k = 0; k < static_cast<int>(people.size()); ++k) {
    d.now += 1000;
    std::vector<std::string> picked = p.correct;
    if (k >= right) picked.pop_back();  // a subset is wrong
    d.dispatch(cmd::Answer{people[static_cast<std::size_t>(k)].id, p.id, picked, ++seq});
  }
  d.dispatch(cmd::ClosePrompt{p.id});
  d.now += 10 * 60'000;
  d.dispatch(cmd::End{});
  return d.journal_session().delivery_id();
}

const ObjectiveMastery& mastery_of(const DeliverySummary& d, const std::string& id) {
  auto it = std::find_if(d.mastery.begin(), d.mastery.end(), [&](const ObjectiveMastery& m) { return m.id == id; });
  REQUIRE(it != d.mastery.end());
  return *it;
}

const MasteryTrend& trend_of(const SessionReport& r, const std::string& id) {
  auto it = std::find_if(r.mastery.begin(), r.mastery.end(), [&](const MasteryTrend& m) { return m.id == id; });
  REQUIRE(it != r.mastery.end());
  return *it;
}

}  // namespace

TEST_CASE("report: a section jumped over is skipped, not completed in 00:00; averages count only completed ones") {
  sim::TempDir dir;
  Journal journal = Journal::open(dir.path());
  quiz_delivery(journal, sim::module_text(), 1'700'000'000'000, 2);
  auto reports = build_report(journal, std::nullopt);
  REQUIRE(reports.size() == 1);
  const SessionReport& r = reports[0];

  for (const char* id : {"avance", "agentes"}) {
    CAPTURE(id);
    CHECK(section(r, id).measured == 0);
    CHECK(section(r, id).skipped == 1);
  }
  const auto& jumped = section(r, "funcionamiento");
  CHECK(jumped.measured == 0);
  CHECK(jumped.skipped == 1);
  CHECK(jumped.cut == 0);
  CHECK(jumped.overrun_avg_s == doctest::Approx(0));
  CHECK(section(r, "introduccion").measured == 1);
  CHECK(section(r, "introduccion").skipped == 0);
  CHECK(section(r, "quiz").measured == 1);  // current when the delivery ended
  CHECK(section(r, "cierre").measured == 0);
  CHECK(section(r, "cierre").skipped == 0);  // never reached: unfinished, not skipped
  CHECK(r.runs_long_most_often.empty() == (section(r, "introduccion").ran_long == 0));

  REQUIRE(r.per_delivery.size() == 1);
  const DeliverySummary& d = r.per_delivery[0];
  CHECK(d.status == "ended");
  CHECK(d.participants == 4);
  REQUIRE(d.sections.size() == 8);
  CHECK(d.sections[0].outcome == SectionOutcome::Completed);
  for (int i = 1; i < kQuiz; ++i) CHECK(d.sections[static_cast<std::size_t>(i)].outcome == SectionOutcome::Skipped);
  CHECK(d.sections[1].actual_ms == 1000);  // passed through
  CHECK(d.sections[4].actual_ms == 0);     // jumped over
  CHECK(d.sections[kQuiz].outcome == SectionOutcome::Completed);
  CHECK(d.sections[7].outcome == SectionOutcome::Unfinished);
  CHECK(std::string(to_string(SectionOutcome::Skipped)) == "skipped");

  std::string t = report_text(reports, "en");
  char expected[256];
  std::snprintf(expected, sizeof expected, "  %-28s %9s %8s %8s %8s %8s %7d %4d\n", "funcionamiento", "0/1", "-", "-", "-",
                "-", 1, 0);
  CHECK_MESSAGE(t.find(expected) != std::string::npos, t);
}

TEST_CASE("report: results per prompt and mastery per objective, per delivery and with the trend") {
  sim::TempDir dir;
  Journal journal = Journal::open(dir.path());
  std::string text = sim::module_text();
  quiz_delivery(journal, text, 1'700'000'000'000, 2);
  // The second delivery's file has a prompt text with markup: the HTML escapes it.
  const std::string from = "Para una entidad federativa", to = "Para una <b>entidad</b> federativa";
  REQUIRE(text.find(from) != std::string::npos);
  text.replace(text.find(from), from.size(), to);
  quiz_delivery(journal, text, 1'700'086'400'000, 3);

  auto reports = build_report(journal, std::nullopt);
  REQUIRE(reports.size() == 1);
  const SessionReport& r = reports[0];
  CHECK(r.language == "es");
  REQUIRE(r.per_delivery.size() == 2);
  CHECK(r.per_delivery[0].id < r.per_delivery[1].id);  // oldest first

  const DeliverySummary& first = r.per_delivery[0];
  auto p = std::find_if(first.prompts.begin(), first.prompts.end(),
                        [](const PromptResult& x) { return x.id == "q-gobiernos-locales"; });
  REQUIRE(p != first.prompts.end());
  CHECK(p->section == "quiz");
  CHECK(p->kind == "multi");
  CHECK(p->opened);
  CHECK(p->responses == 4);
  CHECK(p->correct_answers == 2);
  CHECK(p->correct.size() == 3);
  REQUIRE(p->counts.size() == 4);
  CHECK(p->counts[0].second == 4);
  CHECK(p->counts[2].second == 2);  // the last correct option: only the two right answers picked it
  auto unopened = std::find_if(first.prompts.begin(), first.prompts.end(),
                               [](const PromptResult& x) { return x.id == "q-voluntaria"; });
  REQUIRE(unopened != first.prompts.end());
  CHECK_FALSE(unopened->opened);

  CHECK(mastery_of(first, "contexto").quiz_prompts == 1);
  CHECK(mastery_of(first, "contexto").answers == 4);
  CHECK(mastery_of(first, "contexto").correct == 2);
  CHECK(mastery_of(first, "agentes").quiz_prompts == 0);
  CHECK(mastery_of(first, "retos").asked == 0);

  const MasteryTrend& contexto = trend_of(r, "contexto");
  REQUIRE(contexto.shares.size() == 2);
  CHECK(*contexto.shares[0] == doctest::Approx(0.5));
  CHECK(*contexto.shares[1] == doctest::Approx(0.75));
  CHECK(contexto.answers == 8);
  CHECK(contexto.correct == 5);
  CHECK(contexto.has_quiz);
  CHECK_FALSE(trend_of(r, "agentes").has_quiz);
  CHECK(trend_of(r, "retos").has_quiz);
  CHECK(trend_of(r, "retos").answers == 0);
  CHECK(r.mastery.front().id == "contexto");  // the file's order

  SUBCASE("text: per delivery lines and the mastery table with the trend") {
    std::string t = report_text(reports, "en");
    CHECK(t.find("Deliveries:") != std::string::npos);
    CHECK(t.find("Mastery per objective") != std::string::npos);
    CHECK(t.find("contexto                     50 % \u2192 75 % (\u25B2)  5 of 8 answers") != std::string::npos);
    CHECK(t.find("agentes                      no quiz prompt") != std::string::npos);
    CHECK(t.find("retos                        no answers") != std::string::npos);
  }
  SUBCASE("HTML: Spanish by default, skipped sections, prompts, mastery; author text escaped") {
    std::string html = report_html(reports);
    CHECK(html.find("<html lang=\"es\"") != std::string::npos);
    CHECK(html.find("Dominio por objetivo") != std::string::npos);
    CHECK(html.find("sin preguntas de quiz") != std::string::npos);
    CHECK(html.find("Saltada") != std::string::npos);
    CHECK(html.find("50 %") != std::string::npos);
    CHECK(html.find("75 %") != std::string::npos);
    CHECK(html.find("\u25B2") != std::string::npos);
    CHECK(html.find("Para una &lt;b&gt;entidad&lt;/b&gt; federativa") != std::string::npos);
    CHECK(html.find("<b>entidad") == std::string::npos);
    CHECK(html.find("Planned vs actual") == std::string::npos);
  }
  SUBCASE("HTML in English on request") {
    std::string html = report_html(reports, "en");
    CHECK(html.find("<html lang=\"en\"") != std::string::npos);
    CHECK(html.find("Mastery per objective") != std::string::npos);
    CHECK(html.find("no quiz prompt") != std::string::npos);
    CHECK(html.find("Skipped") != std::string::npos);
  }
}

TEST_CASE("the text report speaks the session's language, or the one asked for") {
  SessionReport r;
  r.session_id = "s";
  r.title = "S";
  r.language = "es";
  r.deliveries = 2;
  r.ended = 1;
  r.unfinished = 1;
  const std::vector<SessionReport> reports{r};
  const std::string es = report_text(reports);
  CHECK_MESSAGE(es.find("2 imparticiones (terminadas: 1, sin terminar: 1)") != std::string::npos, es);
  CHECK(es.find("Ninguna sección se alargó.") != std::string::npos);
  CHECK(es.find("Imparticiones:") != std::string::npos);
  const std::string en = report_text(reports, "en");
  CHECK_MESSAGE(en.find("2 deliveries (1 ended, 1 unfinished)") != std::string::npos, en);
  CHECK(en.find("No section ran long.") != std::string::npos);
}
