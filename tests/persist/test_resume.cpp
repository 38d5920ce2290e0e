// Replay and resume: the journal rebuilds exactly the state the live program
// had, from the exact file the delivery started with.
#include <doctest/doctest.h>

#include "persist/hash.hpp"
#include "persist/journal.hpp"
#include "persist/journal_session.hpp"
#include "sim.hpp"

using namespace facilita;

namespace {
constexpr Millis kT0 = 1'700'000'000'000;

// The module as an author might have saved it mid-delivery: the first section renamed.
std::string retitled_introduction(std::string text) {
  const std::string from = "title: Introducción";
  auto pos = text.find(from);
  REQUIRE(pos != std::string::npos);
  return text.replace(pos, from.size(), "title: Bienvenida");
}
}

TEST_CASE("replay equals the live state after a full delivery of the module") {
  sim::TempDir dir;
  Journal journal = Journal::open(dir.path());
  sim::Script script;
  script.overrun_s = {40, -20, 95};
  auto ran = sim::run_delivery(journal, sim::module_text(), script);
  Replayed r = replay(journal, ran.delivery);
  CHECK(r.state == ran.state);
  CHECK(r.state.agenda.ended);
  CHECK(r.delivery.status == "ended");
  CHECK(r.session.id == "m2-s3-gobierno-abierto");
  CHECK_FALSE(downtime(r, ran.now + 60'000));  // an ended delivery has no outage to record
}

TEST_CASE("replay equals the live state through pauses, adjustments, undo and hidden answers") {
  sim::TempDir dir;
  Journal journal = Journal::open(dir.path());
  const std::string text = sim::module_text();
  sim::Driver d(journal, JournalSession::start(journal, text, "m.yaml", kT0), kT0);
  d.dispatch(cmd::Start{});
  for (const auto& f : sim::fellows()) d.dispatch(cmd::Join{f.id, f.name});
  d.now += 200'000;
  d.dispatch(cmd::Adjust{60});
  d.dispatch(cmd::Pause{});
  d.now += 30'000;
  d.dispatch(cmd::Resume{});
  d.dispatch(cmd::Adjust{-30});
  d.dispatch(cmd::Undo{});
  int cocreacion = d.session().find_section("cocreacion");
  REQUIRE(cocreacion > 0);
  d.dispatch(cmd::GoTo{cocreacion});
  d.dispatch(cmd::OpenPrompt{"q-problema-publico"});
  auto people = sim::fellows();
  const Prompt* prompt = d.session().find_prompt("q-problema-publico");
  for (std::size_t k = 0; k < people.size(); ++k) {
    d.now += 2000;
    d.dispatch(cmd::Answer{people[k].id, prompt->id, sim::answer_for(*prompt, int(k)), 1});
  }
  d.dispatch(cmd::Answer{people[0].id, prompt->id, std::string("changed my mind"), 2});
  d.dispatch(cmd::HideAnswer{prompt->id, people[1].id});
  d.dispatch(cmd::OpenPrompt{"q-sector-dificil"});  // closes the open one first (two events, one commit)
  Replayed r = replay(journal, d.journal_session().delivery_id());
  CHECK(r.state == d.state());
  CHECK(r.delivery.last_seq == d.last_seq());
}

TEST_CASE("resume: the unfinished delivery is found, replayed, and the downtime is recorded as an event") {
  sim::TempDir dir;
  const std::string text = sim::module_text();
  sim::Script script;
  script.start = kT0;
  script.stop_in_section = 2;  // "killed" during the third section
  State before_crash;
  std::int64_t id = 0;
  Millis last = 0;
  {
    Journal journal = Journal::open(dir.path());
    auto ran = sim::run_delivery(journal, text, script);
    id = ran.delivery;
    before_crash = ran.state;
    last = ran.now;
    journal.touch(id, last + 5000);  // a heartbeat after the last event
  }
  Journal journal = Journal::open(dir.path());
  auto unfinished = journal.find_unfinished("m2-s3-gobierno-abierto", sha256_hex(text));
  REQUIRE(unfinished);
  CHECK(unfinished->id == id);

  const Millis now = last + 65'000;
  JournalSession js = JournalSession::resume_or_start(journal, text, "m.yaml", now);
  CHECK(js.resumed());
  CHECK(js.delivery_id() == id);
  CHECK(js.state() == before_crash);
  CHECK(js.note().empty());
  REQUIRE(js.outage());
  CHECK(js.outage()->from == last + 5000);  // the heartbeat bounds the outage
  CHECK(js.outage()->to == now);

  sim::Driver d(journal, std::move(js), now);
  auto seq_before = d.last_seq();
  d.dispatch(*d.journal_session().outage());
  CHECK(d.last_seq() == seq_before + 1);
  REQUIRE(d.state().outages.size() == 1);
  d.dispatch(cmd::OutageAsPause{});
  d.now += 1000;
  d.dispatch(cmd::Next{});
  Replayed r = replay(journal, id);
  CHECK(r.state == d.state());
  CHECK(r.state.outages.at(0).as_pause);
  auto events = journal.events(id);
  CHECK(std::holds_alternative<ev::OutageRecorded>(events.at(events.size() - 3).data));
}

TEST_CASE("resume uses the file the delivery started with, even when the file changed since") {
  sim::TempDir dir;
  Journal journal = Journal::open(dir.path());
  const std::string original = sim::module_text();
  sim::Script script;
  script.stop_in_section = 1;
  auto ran = sim::run_delivery(journal, original, script);

  const std::string edited = retitled_introduction(original);
  JournalSession js = JournalSession::resume_or_start(journal, edited, "m.yaml", ran.now + 1000);
  CHECK(js.resumed());
  CHECK(js.session().sections[0].title == "Introducción");
  CHECK(js.note().find("changed since delivery") != std::string::npos);
  CHECK(js.state() == ran.state);
}

TEST_CASE("a reload to an edited file is replayed with the stored edited version") {
  sim::TempDir dir;
  Journal journal = Journal::open(dir.path());
  const std::string original = sim::module_text();
  sim::Script script;
  script.stop_in_section = 1;
  auto ran = sim::run_delivery(journal, original, script);

  const std::string edited = retitled_introduction(original);
  Session edited_session = parse_session_text(edited, "m.yaml");
  std::vector<int> identity;
  for (int i = 0; i < static_cast<int>(edited_session.sections.size()); ++i) identity.push_back(i);
  Event reload{ran.now + 1000, ev::SessionReloaded{sha256_hex(edited), identity, ran.state.agenda.planned_s}};

  // Not stored yet: refused, nothing appended.
  auto before = journal.delivery(ran.delivery)->last_seq;
  CHECK_THROWS_WITH_AS(journal.append(ran.delivery, {reload}), doctest::Contains("not stored"), JournalError);
  CHECK(journal.delivery(ran.delivery)->last_seq == before);

  CHECK(journal.store_session_file(edited) == sha256_hex(edited));
  CHECK(journal.store_session_file(edited) == sha256_hex(edited));  // idempotent
  journal.append(ran.delivery, {reload});
  State live = ran.state;
  apply(edited_session, live, reload);

  Replayed r = replay(journal, ran.delivery);
  CHECK(r.session.sections[0].title == "Bienvenida");
  CHECK(r.file_sha256 == sha256_hex(edited));
  CHECK(r.state == live);
  CHECK(journal.file_content(ran.delivery) == original);  // the starting file stays as it was

  JournalSession js = JournalSession::resume_or_start(journal, edited, "m.yaml", ran.now + 5000);
  CHECK(js.resumed());
  CHECK(js.note().empty());  // the file on disk is the version in effect
  CHECK(js.session().sections[0].title == "Bienvenida");
}

TEST_CASE("start: a new delivery records the file and an invalid file is refused") {
  sim::TempDir dir;
  Journal journal = Journal::open(dir.path());
  JournalSession js = JournalSession::resume_or_start(journal, sim::module_text(), "m.yaml", kT0);
  CHECK_FALSE(js.resumed());
  CHECK_FALSE(js.outage());
  CHECK(journal.file_content(js.delivery_id()) == sim::module_text());
  CHECK(journal.delivery(js.delivery_id())->file_path.find("m.yaml") != std::string::npos);
  CHECK_THROWS_WITH_AS(JournalSession::start(journal, "id: x\nsections: 3\n", "bad.yaml", kT0),
                       doctest::Contains("bad.yaml:"), std::runtime_error);
  CHECK(journal.deliveries().size() == 1);
  CHECK_THROWS_AS(JournalSession::resume(journal, 42, kT0), JournalError);
}

TEST_CASE("a failed append reports the storage error and the caller must not apply") {
  sim::TempDir dir;
  Journal journal = Journal::open(dir.path());
  JournalSession js = JournalSession::start(journal, sim::module_text(), "m.yaml", kT0);
  auto sink = js.sink();
  std::string error;
  CHECK(sink({{kT0, ev::Started{}}}, error));
  CHECK(sink({{kT0 + 1, ev::Ended{}}}, error));
  CHECK_FALSE(sink({{kT0 + 2, ev::Paused{}}}, error));
  CHECK(error.find("is ended") != std::string::npos);
  CHECK(journal.delivery(js.delivery_id())->events == 2);
}
