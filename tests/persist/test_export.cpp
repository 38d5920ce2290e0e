// Exports: answers with pseudonyms and the timeline, as RFC 4180 CSV and JSON.
#include <doctest/doctest.h>

#include "persist/export.hpp"
#include "persist/hash.hpp"
#include "sim.hpp"

using namespace facilita;

namespace {

int count_prompts(const Session& s) {
  int n = 0;
  for (const auto& sec : s.sections) n += static_cast<int>(sec.prompts.size());
  return n;
}

int count_lines(const std::string& csv) {  // records, not counting CRLF inside quoted fields
  int lines = 0;
  bool quoted = false;
  for (std::size_t i = 0; i < csv.size(); ++i) {
    if (csv[i] == '"') quoted = !quoted;
    if (!quoted && csv.compare(i, 2, "\r\n") == 0) ++lines;
  }
  return lines;
}

}  // namespace

TEST_CASE("csv fields are quoted only when needed, with quotes doubled") {
  CHECK(csv_field("plain") == "plain");
  CHECK(csv_field("") == "");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(csv_field("cr\r") == "\"cr\r\"");
  CHECK(csv_field("Sesión · «módulo»") == "Sesión · «módulo»");
}

TEST_CASE("csv cells that a spreadsheet would run as formulas are neutralised") {
  CHECK(csv_field("=HYPERLINK(\"http://x\",\"clic\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"clic\"\")\"");
  CHECK(csv_field("=1+1") == "'=1+1");
  CHECK(csv_field("+1+cmd") == "'+1+cmd");
  CHECK(csv_field("-2+3") == "'-2+3");
  CHECK(csv_field("@SUM(A1)") == "'@SUM(A1)");
  CHECK(csv_field("\t=1") == "'\t=1");
  CHECK(csv_field("\r=1") == "\"'\r=1\"");
  CHECK(csv_field("-") == "'-");
  // Plain numbers stay numbers (overrun seconds, scale answers).
  CHECK(csv_field("-20") == "-20");
  CHECK(csv_field("+3.5") == "+3.5");
  CHECK(csv_field("a=b") == "a=b");
}

TEST_CASE("an answer typed as a formula reaches the CSV as text") {
  ExportData data;
  data.delivery.id = 1;
  data.answers.push_back(AnswerRow{"Eve #abcdef", "s", "p", 1, "=cmd|' /C calc'!A0", "text",
                                   std::string("=HYPERLINK(\"http://evil\")"), std::nullopt, false, 0});
  std::string csv = answers_csv(data);
  CHECK(csv.find(",=") == std::string::npos);
  CHECK(csv.find(",\"=") == std::string::npos);
  CHECK(csv.find("'=HYPERLINK") != std::string::npos);
  CHECK(csv.find("'=cmd") != std::string::npos);
}

TEST_CASE("pseudonyms: display name plus a short stable suffix that does not reveal the token") {
  std::string p = pseudonym("Ana", "tok-ana-0001");
  CHECK(p == "Ana #" + sha256_hex("tok-ana-0001").substr(0, 6));
  CHECK(p.find("tok-ana") == std::string::npos);
  CHECK(pseudonym("Ana", "tok-ana-0001") == p);
  CHECK(pseudonym("Ana", "another-ana") != p);
  CHECK(pseudonym("", "x").rfind("anon #", 0) == 0);
}

TEST_CASE("export of a full delivery: answers and the timeline") {
  sim::TempDir dir;
  Journal journal = Journal::open(dir.path());
  sim::Script script;
  script.overrun_s = {40, -20, 95};
  auto ran = sim::run_delivery(journal, sim::module_text(), script);
  Replayed r = replay(journal, ran.delivery);
  ExportData data = build_export(r);

  const auto people = sim::fellows();
  CHECK(data.answers.size() == static_cast<std::size_t>(count_prompts(r.session)) * people.size());
  CHECK(data.timeline.size() == r.session.sections.size());
  CHECK(data.as_of == ran.now);

  SUBCASE("answer rows") {
    const AnswerRow& first = data.answers.front();
    CHECK(first.prompt == "q-etapa-entidad");  // first prompt of the session
    CHECK(first.participant == pseudonym("Ana", people[0].id));
    CHECK(first.section == "avance");
    CHECK(first.kind == "poll");
    CHECK_FALSE(first.correct.has_value());
    bool saw_quiz = false;
    for (const auto& a : data.answers)
      if (a.prompt == "q-entidades") {
        saw_quiz = true;
        REQUIRE(a.correct.has_value());
        CHECK(*a.correct == (answer_text(a.value) == "26"));
      }
    CHECK(saw_quiz);
  }
  SUBCASE("timeline rows: planned vs actual") {
    const TimelineRow& intro = data.timeline[0];
    CHECK(intro.section == "introduccion");
    CHECK(intro.original_s == 300);
    CHECK(intro.actual_ms == 340'000);
    CHECK(intro.overrun_s == 40);
    CHECK(intro.status == "done");
    CHECK(data.timeline[1].overrun_s == -20);
    CHECK(data.timeline[2].overrun_s == 95);
  }
  SUBCASE("answers CSV") {
    std::string csv = answers_csv(data);
    CHECK(csv.rfind("delivery,participant,section,prompt,round,prompt_text,kind,value,correct,hidden,time\r\n", 0) == 0);
    CHECK(count_lines(csv) == 1 + static_cast<int>(data.answers.size()));
    CHECK(csv.find(",\"Carla, MX #" + sha256_hex(people[2].id).substr(0, 6) + "\",") != std::string::npos);
    CHECK(csv.find(",\"Dana \"\"D\"\" #") != std::string::npos);
    CHECK(csv.find("\"idea 0, with a comma and \"\"quotes\"\"\nand a second line\"") != std::string::npos);
    CHECK(csv.find(",2023-11-14T22:") != std::string::npos);  // ISO 8601, UTC
    CHECK(csv.find("Z\r\n") != std::string::npos);
  }
  SUBCASE("timeline CSV") {
    std::string csv = timeline_csv(data);
    CHECK(csv.rfind("delivery,index,section,title,planned_s,adjusted_plan_s,actual_s,overrun_s,status\r\n", 0) == 0);
    CHECK(csv.find(",1,introduccion,Introducción,300,300,340,40,done\r\n") != std::string::npos);
    CHECK(count_lines(csv) == 1 + static_cast<int>(data.timeline.size()));
  }
  SUBCASE("JSON holds both, with typed values") {
    auto j = export_json(data);
    CHECK(j["format"] == "facilita-export");
    CHECK(j["delivery"]["id"] == ran.delivery);
    CHECK(j["delivery"]["status"] == "ended");
    CHECK(j["answers"].size() == data.answers.size());
    CHECK(j["timeline"][0]["actual_s"] == 340.0);
    bool saw_multi = false, saw_scale = false;
    for (const auto& a : j["answers"]) {
      if (a["kind"] == "multi") saw_multi = a["value"].is_array();
      if (a["kind"] == "scale") saw_scale = a["value"].is_number_integer();
    }
    CHECK(saw_multi);
    CHECK(saw_scale);
  }
}

TEST_CASE("a prompt asked in several rounds exports every round's answers with the round") {
  Replayed r;
  r.session = parse_session_text(sim::module_text(), "module.yaml");
  r.delivery.id = 7;
  r.state = initial_state(r.session);
  const Millis t0 = 1'700'000'000'000;
  for (const EventData& e : std::vector<EventData>{
           ev::Started{}, ev::Joined{"p1", "Ana"}, ev::PromptOpened{"q-entidades"},
           ev::Answered{"p1", "q-entidades", std::string("16"), 1}, ev::PromptClosed{"q-entidades"},
           ev::PromptRevealed{"q-entidades"}, ev::RoundStarted{"q-entidades"}, ev::PromptOpened{"q-entidades"},
           ev::Answered{"p1", "q-entidades", std::string("26"), 2}})
    apply(r.session, r.state, Event{t0, e});
  const ExportData data = build_export(r);
  std::vector<const AnswerRow*> rows;
  for (const auto& a : data.answers)
    if (a.prompt == "q-entidades") rows.push_back(&a);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0]->round == 1);
  CHECK(answer_text(rows[0]->value) == "16");
  CHECK(rows[1]->round == 2);
  CHECK(*rows[1]->correct);
  const std::string csv = answers_csv(data);
  CHECK(csv.find(",q-entidades,1,") != std::string::npos);
  CHECK(csv.find(",q-entidades,2,") != std::string::npos);
  CHECK(export_json(data)["answers"][1]["round"] == 2);
}
