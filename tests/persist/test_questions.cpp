// Fellow questions in exports (CSV / JSON) and in the HTML report.
#include <doctest/doctest.h>

#include "persist/export.hpp"
#include "persist/report.hpp"
#include "sim.hpp"

using namespace facilita;

namespace {

// A journaled delivery of the module where three fellows ask and vote.
struct QaDelivery {
  sim::TempDir dir;
  Journal journal = Journal::open(dir.path());
  std::int64_t id = 0;
  QaDelivery() {
    const Millis t0 = 1'700'000'000'000;
    sim::Driver d(journal, JournalSession::start(journal, sim::module_text(), sim::kModulePath, t0), t0);
    id = d.journal_session().delivery_id();
    d.dispatch(cmd::Start{});
    d.dispatch(cmd::Join{"p1", "Ana, \"la jefa\""});
    d.dispatch(cmd::Join{"p2", "Beto"});
    d.dispatch(cmd::Join{"p3", "Caro"});
    d.dispatch(cmd::Ask{"p1", "=HYPERLINK(\"http://evil\",\"x\")", false, 1});
    d.dispatch(cmd::Ask{"p2", "¿Qué es <b>un dato</b> abierto?", true, 1});
    d.dispatch(cmd::Ask{"p3", "secreto", true, 1});
    d.dispatch(cmd::ModerateQuestion{"qa-1", "approve"});
    d.dispatch(cmd::ModerateQuestion{"qa-2", "approve"});
    d.dispatch(cmd::ModerateQuestion{"qa-3", "hide"});
    d.dispatch(cmd::Upvote{"p1", "qa-2", 2});
    d.dispatch(cmd::Upvote{"p3", "qa-2", 2});
    d.dispatch(cmd::ModerateQuestion{"qa-2", "answered"});
    d.now += 60'000;
    d.dispatch(cmd::End{});
  }
};

}  // namespace

TEST_CASE("questions: export rows, CSV with formulas neutralised, JSON without anonymous names") {
  QaDelivery q;
  const ExportData data = build_export(replay(q.journal, q.id));
  REQUIRE(data.questions.size() == 3);
  CHECK(data.questions[0].id == "qa-1");
  CHECK(data.questions[0].name == std::optional<std::string>("Ana, \"la jefa\""));
  CHECK(data.questions[0].section == "introduccion");
  CHECK(data.questions[1].votes == 2);
  CHECK(data.questions[1].status == "answered");
  CHECK_FALSE(data.questions[1].name);
  CHECK(data.questions[2].status == "hidden");

  const std::string csv = questions_csv(data);
  CHECK(csv.rfind("delivery,id,time,section,name,text,votes,status\r\n", 0) == 0);
  CHECK(csv.find("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"") != std::string::npos);
  CHECK(csv.find(",\"Ana, \"\"la jefa\"\"\",") != std::string::npos);
  CHECK(csv.find("(anonymous)") != std::string::npos);
  CHECK(csv.find("Beto") == std::string::npos);
  CHECK(csv.find("Caro") == std::string::npos);
  CHECK(csv.find(",2,answered\r\n") != std::string::npos);

  const auto j = export_json(data);
  REQUIRE(j["questions"].size() == 3);
  CHECK(j["questions"][1]["name"].is_null());
  CHECK(j["questions"][1]["votes"] == 2);
  CHECK(j["questions"][0]["text"] == "=HYPERLINK(\"http://evil\",\"x\")");  // JSON keeps the text as typed
  CHECK(j.dump().find("Caro") == std::string::npos);
}

TEST_CASE("questions: the HTML report lists the most voted, escaped, without hidden ones or names") {
  QaDelivery q;
  auto reports = build_report(q.journal, std::nullopt);
  REQUIRE(reports.size() == 1);
  CHECK(reports[0].questions_asked == 3);
  REQUIRE(reports[0].questions.size() == 2);
  CHECK(reports[0].questions[0].votes == 2);
  const std::string html = report_html(reports, "en");
  CHECK(html.find("Fellow questions") != std::string::npos);
  CHECK(html.find("¿Qué es &lt;b&gt;un dato&lt;/b&gt; abierto?") != std::string::npos);
  CHECK(html.find("<b>un dato") == std::string::npos);
  CHECK(html.find("secreto") == std::string::npos);
  CHECK(html.find("la jefa") == std::string::npos);  // names never
}
