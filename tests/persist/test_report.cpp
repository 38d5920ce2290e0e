// Reports across deliveries: averages, overruns and what runs long.
#include <doctest/doctest.h>

#include <algorithm>

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
    std::string t = report_text(reports);
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
