// Hot reload, accepting: decide_reload + apply(SessionReloaded) move the
// agenda to the new section list by id, refuse what would break the clock,
// and a journal with reloads in it replays to the live state.
#include "reload_fixtures.hpp"

using namespace facilita;
using namespace facilita::test;

namespace {

const Session& module() { return module_session(); }

// avance removed, retos 10 → 12 min, agentes 8 → 10 min, extra (4 min) before cierre: still 79 min.
const Session& restructured() {
  static const Session s = [] {
    std::string text = without_section(module_text(), "avance");
    text = edit_section(text, "retos", "duration: 10 min", "duration: 12 min");
    text = edit_section(text, "agentes", "duration: 8 min", "duration: 10 min");
    return load_text(with_section_before(text, "cierre", kExtraSection));
  }();
  return s;
}

// Intro 4 min, funcionamiento 10 min (planned +1 min), avance 3 min, retos 1 min (planned +1 min).
Delivery delivered_to_retos() {
  Delivery d(module());
  d.ok(cmd::Start{});
  d.wait_s(240);
  d.ok(cmd::Next{});
  d.ok(cmd::Adjust{60});
  d.wait_s(600);
  d.ok(cmd::Next{});
  d.wait_s(180);
  d.ok(cmd::Next{});
  d.wait_s(60);
  d.ok(cmd::Adjust{60});
  REQUIRE(d.session.sections[static_cast<std::size_t>(d.state.agenda.current)].id == "retos");
  return d;
}

}  // namespace

TEST_CASE("accepting moves each section's time, plan and flags with its id") {
  Delivery d = delivered_to_retos();
  REQUIRE(d.reload(restructured(), "v1").empty());
  REQUIRE(d.last.events.size() == 1);
  const auto& e = std::get<ev::SessionReloaded>(d.last.events[0].data);
  CHECK(e.file_hash == "v1");
  CHECK(e.old_index == std::vector<int>{0, 1, 3, 4, 5, 6, -1, 7});
  // Adjustments survive where the author kept the duration; retos and agentes take the new one.
  CHECK(e.planned_s == std::vector<int>{300, 780, 720, 600, 1080, 720, 240, 360});

  const AgendaState& a = d.state.agenda;
  CHECK(d.session.sections.size() == 8);
  CHECK(a.current == 2);
  CHECK(a.planned_s == e.planned_s);
  CHECK(a.actual_ms == std::vector<Millis>{240 * kSec, 600 * kSec, 0, 0, 0, 0, 0, 0});
  CHECK(a.visited == std::vector<bool>{true, true, true, false, false, false, false, false});
  CHECK(a.removed_ms == 180 * kSec);
  CHECK(a.running);
  CHECK(d.state.undo_stack.empty());
  CHECK(d.code(cmd::Undo{}) == "no-undo");

  d.wait_s(30);
  const Timing t = d.timing();
  CHECK(t.section_elapsed_ms == 90 * kSec);  // the running span carried over
  CHECK(t.session_elapsed_ms == (240 + 600 + 180 + 90) * kSec);
  // Done 4 + 10 + 3 (removed) + retos 12 + ahead 10 + 18 + 12 + 4 + 6 = 79 min.
  CHECK(t.drift_s == 0);

  // A removed prompt keeps its entry but cannot be opened; a new one can.
  CHECK(d.state.prompts.count("q-etapa-entidad") == 1);
  CHECK(d.state.prompts.count("q-extra") == 1);
  CHECK(d.code(cmd::OpenPrompt{"q-etapa-entidad"}) == "unknown-prompt");
  d.ok(cmd::OpenPrompt{"q-extra"});
}

TEST_CASE("time spent in a removed section still counts to the end of the delivery") {
  Delivery d = delivered_to_retos();
  REQUIRE(d.reload(restructured(), "v1").empty());
  d.wait_s(700);
  d.ok(cmd::Pause{});
  d.wait_s(45);
  d.ok(cmd::Resume{});
  for (int i = 0; i < 5; ++i) {
    d.ok(cmd::Next{});
    d.wait_s(300);
  }
  d.ok(cmd::End{});
  const Timing t = d.timing();
  // Every millisecond since the start is in a section, in a removed section or in a pause.
  Millis in_sections = 0;
  for (Millis ms : d.state.agenda.actual_ms) in_sections += ms;
  CHECK(in_sections + d.state.agenda.removed_ms + d.state.agenda.paused_total_ms == d.now - kT0);
  CHECK(t.forecast_end == d.now);
  CHECK(t.session_elapsed_ms == in_sections + 180 * kSec);
}

TEST_CASE("a rebalance after a reload counts the removed section's time as done") {
  Delivery d = delivered_to_retos();
  REQUIRE(d.reload(restructured(), "v1").empty());
  d.wait_s(13 * 60);  // retos: 14 min spent of 12 planned
  REQUIRE(d.timing().drift_s == 120);
  const RebalancePlan plan = propose_rebalance(d.session, d.state, d.now);
  REQUIRE(plan.overrun_s == 0);
  d.ok(cmd::AcceptRebalance{plan.new_s, plan.cut});
  CHECK(d.timing().drift_s == 0);
}

TEST_CASE("the section being delivered cannot be removed") {
  std::string text =
      edit(without_section(module_text(), "avance"), "id: m2-s3", "duration: 79 min", "duration: 71 min");
  const Session edited = load_text(text);
  Delivery d(module());
  d.ok(cmd::Start{});
  d.ok(cmd::Next{});
  d.ok(cmd::Next{});
  const State before = d.state;
  const auto journaled = d.journal.size();
  CHECK(d.reload(edited, "v1") == "current-removed");
  CHECK(d.last.rejected->message.find("'avance'") != std::string::npos);
  CHECK(d.state == before);
  CHECK(d.journal.size() == journaled);
  CHECK(same(d.session, module()));
  const auto preview = remap_state(module(), edited, d.state, d.now);
  REQUIRE(std::holds_alternative<Rejection>(preview));
  CHECK(std::get<Rejection>(preview).code == "current-removed");

  d.ok(cmd::Next{});
  CHECK(d.reload(edited, "v1").empty());
  CHECK(d.session.sections[static_cast<std::size_t>(d.state.agenda.current)].id == "retos");

  // Before Start nothing is being delivered: the first section may go.
  Delivery early(module());
  const Session no_intro = load_text(
      edit(without_section(module_text(), "introduccion"), "id: m2-s3", "duration: 79 min", "duration: 74 min"));
  CHECK(early.reload(no_intro, "v1").empty());
  CHECK(early.state.agenda.current == 0);
  early.ok(cmd::Start{});
  CHECK(early.session.sections[0].id == "funcionamiento");
}

TEST_CASE("reloads that cannot be accepted are refused with a code") {
  Delivery d(module());
  d.ok(cmd::Start{});
  const Session other = load_text(edit(module_text(), "id: m2-s3", "m2-s3-gobierno-abierto", "m2-s4-otra"));
  const Session reordered = load_text(moved_before(module_text(), "agentes", "retos"));
  CHECK(d.reload(other, "v1") == "foreign-session");
  CHECK(d.reload(load_text(module_text()), "v1") == "no-change");
  CHECK(d.reload(reordered, "") == "bad-hash");
  CHECK(d.reload(reordered, "has space") == "bad-hash");
  CHECK(d.reload(reordered, std::string(129, 'a')) == "bad-hash");
  CHECK(d.code(cmd::AcceptReload{"v1"}) == "needs-edited-session");
  const Session three = make_session({{300}, {300}, {300}});
  CHECK(decide_reload(three, reordered, d.state, "v1", d.now).rejected->code == "bad-state");
  d.ok(cmd::End{});
  CHECK(d.reload(reordered, "v1") == "ended");
  CHECK(d.journal.size() == 2);
}

TEST_CASE("an open prompt the edit removes is closed first, its answers kept") {
  Delivery d(module());
  d.ok(cmd::Start{});
  d.ok(cmd::Join{"p1", "Ana"});
  d.ok(cmd::Next{});
  d.ok(cmd::Next{});
  d.ok(cmd::OpenPrompt{"q-etapa-entidad"});
  d.ok(cmd::Answer{"p1", "q-etapa-entidad", std::string("No lo sé"), 1});
  d.ok(cmd::Next{});  // on to retos, the poll still open
  d.wait_s(10);
  REQUIRE(d.reload(restructured(), "v1").empty());
  REQUIRE(d.last.events.size() == 2);
  CHECK(std::get<ev::PromptClosed>(d.last.events[0].data).prompt == "q-etapa-entidad");
  CHECK(std::holds_alternative<ev::SessionReloaded>(d.last.events[1].data));
  CHECK(d.state.open_prompt.empty());
  const PromptState& poll = d.state.prompts.at("q-etapa-entidad");
  CHECK_FALSE(poll.open);
  CHECK(poll.was_opened);
  CHECK(poll.closed_at == d.now);
  CHECK(poll.answers.count("p1") == 1);
  CHECK(d.replayed().second == d.state);
}

TEST_CASE("accepted new options apply to the answers that follow") {
  const Session edited = load_text(edit(module_text(), "id: q-entidades", R"(options: ["10", "16", "26", "32"])",
                                        R"(options: ["12", "16", "26", "32"])"));
  Delivery d(module());
  d.ok(cmd::Start{});
  d.ok(cmd::Join{"p1", "Ana"});
  d.ok(cmd::Join{"p2", "Luis"});
  d.ok(cmd::OpenPrompt{"q-entidades"});
  d.ok(cmd::Answer{"p1", "q-entidades", std::string("10"), 1});
  REQUIRE(diff_sessions(d.session, edited, d.state).needs_accept());
  const auto undoable = d.state.undo_stack;
  REQUIRE_FALSE(undoable.empty());
  REQUIRE(d.reload(edited, "v1").empty());
  CHECK(d.state.undo_stack == undoable);  // same sections, same plan: Undo still works
  CHECK(d.state.open_prompt == "q-entidades");  // still open: only its options changed
  CHECK(d.code(cmd::Answer{"p2", "q-entidades", std::string("10"), 1}) == "bad-value");
  d.ok(cmd::Answer{"p2", "q-entidades", std::string("12"), 2});
  CHECK(d.state.prompts.at("q-entidades").answers.size() == 2);
}

TEST_CASE("cut and visited flags follow their section when sections are reordered") {
  const Session s = make_session({{300}, {300, 0, 0, false, true}, {300}});
  Session reordered = s;
  std::swap(reordered.sections[1], reordered.sections[2]);
  Delivery d(s);
  d.ok(cmd::Start{});
  d.ok(cmd::AcceptRebalance{{450, 300, 450}, {1}});
  REQUIRE(d.reload(reordered, "v1").empty());
  CHECK(d.state.agenda.cut == std::vector<bool>{false, false, true});
  CHECK(d.state.agenda.planned_s == std::vector<int>{450, 450, 300});
  d.ok(cmd::Next{});
  CHECK(d.session.sections[static_cast<std::size_t>(d.state.agenda.current)].id == "s3");
  CHECK(d.code(cmd::Next{}) == "last-section");
}

TEST_CASE("remap_state previews exactly what accepting does") {
  Delivery d = delivered_to_retos();
  const auto preview = remap_state(d.session, restructured(), d.state, d.now);
  REQUIRE(std::holds_alternative<State>(preview));
  REQUIRE(d.reload(restructured(), "v1").empty());
  CHECK(std::get<State>(preview) == d.state);

  // Before Start a reorder gives the state the new file would start with.
  const Session reordered = load_text(moved_before(module_text(), "agentes", "retos"));
  const auto fresh = remap_state(module(), reordered, initial_state(module()), kT0);
  REQUIRE(std::holds_alternative<State>(fresh));
  State expected = initial_state(reordered);
  expected.last_event_at = kT0;  // the reload is an event: later ones are never stamped before it
  CHECK(std::get<State>(fresh) == expected);
}

TEST_CASE("replaying a journal with reloads in the middle gives the live state") {
  Delivery d(module());
  d.ok(cmd::Start{});
  d.ok(cmd::Join{"p1", "Ana"});
  d.ok(cmd::Join{"p2", "Luis"});
  d.wait_s(200);
  d.ok(cmd::Pause{});
  d.wait_s(60);
  d.ok(cmd::Resume{});
  d.ok(cmd::Next{});
  d.ok(cmd::Adjust{120});
  d.ok(cmd::OpenPrompt{"q-entidades"});
  d.ok(cmd::Answer{"p1", "q-entidades", std::string("26"), 1});
  d.wait_s(400);
  d.ok(cmd::Next{});
  d.wait_s(100);
  d.ok(cmd::Next{});  // retos; avance visited for 100 s
  d.wait_s(50);
  REQUIRE(d.reload(restructured(), "v1").empty());
  d.ok(cmd::Answer{"p2", "q-entidades", std::string("16"), 1});
  d.ok(cmd::Next{});
  d.wait_s(20);
  d.ok(cmd::Undo{});  // undoes the Next made after the reload
  d.wait_s(600);
  d.ok(cmd::GoTo{6});  // extra
  d.ok(cmd::OpenPrompt{"q-extra"});
  d.ok(cmd::Answer{"p1", "q-extra", std::string("Bien"), 2});
  d.wait_s(90);
  const Session v2 = load_text(with_section_before(
      edit_section(module_text(), "quiz", "duration: 12 min", "duration: 8 min"), "cierre", kExtraSection));
  REQUIRE(d.reload(v2, "v2").empty());  // avance is back, unvisited; extra keeps its time
  d.ok(cmd::RecordOutage{d.now - 30 * kSec, d.now - 10 * kSec});
  d.ok(cmd::OutageAsPause{});
  d.ok(cmd::Next{});
  d.wait_s(120);
  d.ok(cmd::End{});

  auto [session, state] = d.replayed();
  CHECK(state == d.state);
  CHECK(same(session, d.session));
  CHECK(same(session, v2));
  CHECK(state.prompts.at("q-extra").answers.size() == 1);
  CHECK(state.agenda.removed_ms == 100 * kSec);

  // A journal naming a version the store does not have stops there.
  Delivery lost = d;
  lost.versions.erase("v2");
  Session s = module();
  State st = initial_state(s);
  std::size_t applied = 0;
  for (const auto& e : lost.journal) {
    if (!apply_with_reload(s, st, e, lost.lookup())) break;
    ++applied;
  }
  CHECK(applied < lost.journal.size());
  CHECK(std::holds_alternative<ev::SessionReloaded>(lost.journal[applied].data));
}

TEST_CASE("a reload event that does not fit the state changes nothing") {
  const Session s = make_session({{300}, {300}, {300}});
  State state = initial_state(s);
  apply(s, state, Event{kT0, ev::Started{}});
  const State before = state;
  for (const ev::SessionReloaded& bad :
       {ev::SessionReloaded{"h", {0, 0, 2}, {300, 300, 300}}, ev::SessionReloaded{"h", {0, 1}, {300, 300, 300}},
        ev::SessionReloaded{"h", {0, 1, 7}, {300, 300, 300}}, ev::SessionReloaded{"h", {0, 1, 2}, {300, 0, 300}},
        ev::SessionReloaded{"h", {1, 2, -1}, {300, 300, 300}}}) {
    apply(s, state, Event{kT0 + kSec, bad});
    CHECK(state == before);
  }
}

TEST_CASE("the reload event round-trips through the journal's JSON") {
  const Event e{kT0, ev::SessionReloaded{"sha256:9f86d0", {0, -1, 2}, {300, 240, 600}}};
  const nlohmann::json j = to_json(e);
  CHECK(j["type"] == "session-reloaded");
  CHECK(j["file_hash"] == "sha256:9f86d0");
  CHECK(j["old_index"] == nlohmann::json{0, -1, 2});
  CHECK(j["planned_s"] == nlohmann::json{300, 240, 600});
  const Event back = event_from_json(nlohmann::json::parse(j.dump()));
  const auto& r = std::get<ev::SessionReloaded>(back.data);
  CHECK(back.at == kT0);
  CHECK(r.file_hash == "sha256:9f86d0");
  CHECK(r.old_index == std::vector<int>{0, -1, 2});
  CHECK(r.planned_s == std::vector<int>{300, 240, 600});
}
