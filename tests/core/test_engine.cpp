// Agenda commands: start, pause, navigation, adjust, rebalance acceptance, undo,
// outages and end, each with its happy path and its rejections.
#include "fixtures.hpp"

using namespace facilita;
using namespace facilita::test;

namespace {
// Three 5-minute sections; the middle one optional.
Session three() { return make_session({{300}, {300, 0, 0, false, true}, {300}}); }
}  // namespace

TEST_CASE("agenda commands before Start are rejected with not-started") {
  const Session s = three();
  Room room(s);
  for (Command c : std::vector<Command>{cmd::Pause{}, cmd::Resume{}, cmd::Next{}, cmd::Previous{}, cmd::GoTo{1},
                                        cmd::Adjust{60}, cmd::AcceptRebalance{}, cmd::Undo{}, cmd::OutageAsPause{},
                                        cmd::End{}}) {
    CHECK(room.code(c) == "not-started");
    CHECK(room.last.events.empty());
  }
  CHECK(room.state == initial_state(s));
}

TEST_CASE("Start runs the first section once") {
  const Session s = three();
  Room room(s);
  room.ok(cmd::Start{});
  REQUIRE(room.last.events.size() == 1);
  CHECK(std::holds_alternative<ev::Started>(room.last.events[0].data));
  CHECK(room.state.agenda.started);
  CHECK(room.state.agenda.running);
  CHECK(room.state.agenda.started_at == kT0);
  CHECK(room.state.agenda.current == 0);
  CHECK(room.state.agenda.visited[0]);
  CHECK(room.code(cmd::Start{}) == "already-started");
}

TEST_CASE("Pause freezes the clock and Resume restarts it") {
  const Session s = three();
  Room room(s);
  room.ok(cmd::Start{});
  CHECK(room.code(cmd::Resume{}) == "not-paused");
  room.wait_s(100);
  room.ok(cmd::Pause{});
  CHECK(room.code(cmd::Pause{}) == "not-running");
  room.wait_s(50);
  CHECK(room.timing().section_elapsed_ms == 100 * kSec);
  CHECK(room.timing().paused_ms == 50 * kSec);
  room.ok(cmd::Resume{});
  room.wait_s(10);
  CHECK(room.timing().section_elapsed_ms == 110 * kSec);
  CHECK(room.state.agenda.paused_total_ms == 50 * kSec);
}

TEST_CASE("pause during wrap-up keeps the phase and freezes the clock") {
  const Session s = three();
  Room room(s);
  room.ok(cmd::Start{});
  room.wait_s(250);
  REQUIRE(room.timing().phase == Phase::WrapUp);
  room.ok(cmd::Pause{});
  room.wait_s(600);
  CHECK(room.timing().phase == Phase::WrapUp);
  CHECK(room.timing().section_remaining_ms == 50 * kSec);
}

TEST_CASE("Next, Previous and GoTo move between sections and skip cut ones") {
  const Session s = three();
  Room room(s);
  room.ok(cmd::Start{});
  CHECK(room.code(cmd::Previous{}) == "first-section");
  room.ok(cmd::Next{});
  CHECK(room.state.agenda.current == 1);
  room.ok(cmd::Next{});
  CHECK(room.state.agenda.current == 2);
  CHECK(room.code(cmd::Next{}) == "last-section");
  CHECK(room.last.rejected->message.find("End") != std::string::npos);
  room.ok(cmd::GoTo{0});
  CHECK(room.state.agenda.current == 0);
  CHECK(room.code(cmd::GoTo{0}) == "same-section");
  CHECK(room.code(cmd::GoTo{3}) == "bad-section");
  CHECK(room.code(cmd::GoTo{-1}) == "bad-section");

  // Cut the optional middle section: navigation steps over it.
  Room cut(s);
  cut.ok(cmd::Start{});
  cut.ok(cmd::AcceptRebalance{{450, 300, 450}, {1}});
  REQUIRE(cut.state.agenda.cut[1]);
  cut.ok(cmd::Next{});
  CHECK(cut.state.agenda.current == 2);
  cut.ok(cmd::Previous{});
  CHECK(cut.state.agenda.current == 0);
  CHECK(cut.code(cmd::GoTo{1}) == "section-cut");
}

TEST_CASE("going back to a finished section keeps accumulating its actual time") {
  const Session s = three();
  Room room(s);
  room.ok(cmd::Start{});
  room.wait_s(200);
  room.ok(cmd::Next{});
  room.wait_s(30);
  room.ok(cmd::Previous{});
  CHECK(room.state.agenda.actual_ms[0] == 200 * kSec);
  CHECK(room.state.agenda.actual_ms[1] == 30 * kSec);
  room.wait_s(40);
  CHECK(room.timing().section_elapsed_ms == 240 * kSec);
  CHECK(room.timing().sections[0].status == SectionStatus::Current);
  CHECK(room.timing().sections[1].status == SectionStatus::Done);
  room.ok(cmd::Next{});
  CHECK(room.state.agenda.actual_ms[0] == 240 * kSec);
}

TEST_CASE("moving while paused keeps the clock frozen") {
  const Session s = three();
  Room room(s);
  room.ok(cmd::Start{});
  room.wait_s(60);
  room.ok(cmd::Pause{});
  room.wait_s(60);
  room.ok(cmd::Next{});
  room.wait_s(60);
  CHECK(room.timing().section_elapsed_ms == 0);
  CHECK(room.state.agenda.actual_ms[0] == 60 * kSec);
  room.ok(cmd::Resume{});
  room.wait_s(5);
  CHECK(room.timing().section_elapsed_ms == 5 * kSec);
}

TEST_CASE("Adjust extends or shortens the current section, never below 1 min") {
  const Session s = three();
  Room room(s);
  room.ok(cmd::Start{});
  room.ok(cmd::Adjust{120});
  CHECK(room.state.agenda.planned_s[0] == 420);
  room.ok(cmd::Adjust{-300});
  CHECK(room.state.agenda.planned_s[0] == 120);
  CHECK(room.code(cmd::Adjust{-61}) == "too-short");
  room.ok(cmd::Adjust{-60});
  CHECK(room.state.agenda.planned_s[0] == 60);
  CHECK(room.code(cmd::Adjust{0}) == "no-change");
  CHECK(room.code(cmd::Adjust{24 * 3600}) == "too-long");
  CHECK(room.code(cmd::Adjust{2'000'000'000}) == "too-long");
}

TEST_CASE("extending during overtime returns to wrap-up or normal") {
  const Session s = three();
  Room room(s);
  room.ok(cmd::Start{});
  room.wait_s(330);
  REQUIRE(room.timing().phase == Phase::Overtime);
  room.ok(cmd::Adjust{60});
  CHECK(room.timing().phase == Phase::WrapUp);
  CHECK(room.timing().section_remaining_ms == 30 * kSec);
  room.ok(cmd::Adjust{300});
  CHECK(room.timing().phase == Phase::Normal);
}

TEST_CASE("AcceptRebalance applies a proposed plan") {
  const Session& s = module_session();
  Room room(s);
  room.ok(cmd::Start{});
  room.wait_s(10 * 60);  // introduction planned 5 min
  room.ok(cmd::Next{});
  RebalancePlan plan = propose_rebalance(s, room.state, room.now);
  REQUIRE(plan.changes());
  room.wait_s(5);  // the facilitator reads the preview first
  room.ok(cmd::AcceptRebalance{plan.new_s, plan.cut});
  CHECK(room.state.agenda.planned_s == plan.new_s);
  CHECK(room.timing().drift_s == 0);
}

TEST_CASE("AcceptRebalance rejects plans that do not fit the state") {
  const Session& s = module_session();
  Room room(s);
  room.ok(cmd::Start{});
  room.wait_s(10 * 60);
  room.ok(cmd::Next{});
  const RebalancePlan plan = propose_rebalance(s, room.state, room.now);
  const std::size_t cierre = 7, intro = 0, avance = 2;

  auto with = [&](std::size_t i, int value) {
    auto d = plan.new_s;
    d[i] = value;
    return d;
  };
  CHECK(room.code(cmd::AcceptRebalance{{300, 300}, {}}) == "bad-plan");
  CHECK(room.code(cmd::AcceptRebalance{with(cierre, 300), {}}) == "bad-plan");   // fixed changed
  CHECK(room.code(cmd::AcceptRebalance{with(intro, 200), {}}) == "bad-plan");    // done changed
  CHECK(room.code(cmd::AcceptRebalance{with(3, 0), {}}) == "bad-plan");          // zero duration
  CHECK(room.code(cmd::AcceptRebalance{with(3, plan.new_s[3] + 1), {}}) == "bad-plan");  // sum off by 1 s
  CHECK(room.code(cmd::AcceptRebalance{plan.new_s, {1}}) == "bad-plan");         // cut the current section
  CHECK(room.code(cmd::AcceptRebalance{plan.new_s, {0}}) == "bad-plan");         // cut a done section
  CHECK(room.code(cmd::AcceptRebalance{plan.new_s, {avance, avance}}) == "bad-plan");
  CHECK(room.code(cmd::AcceptRebalance{plan.new_s, {99}}) == "bad-plan");
  // Stale: a plan made before the section changed no longer adds up.
  room.ok(cmd::Next{});
  CHECK(room.code(cmd::AcceptRebalance{plan.new_s, plan.cut}) == "bad-plan");
}

TEST_CASE("Undo restores the agenda before the last agenda action and keeps time counted") {
  const Session s = three();
  Room room(s);
  CHECK(room.code(cmd::Undo{}) == "not-started");
  room.ok(cmd::Start{});
  room.wait_s(100);
  room.ok(cmd::Next{});
  room.wait_s(20);
  room.ok(cmd::Undo{});
  CHECK(room.state.agenda.current == 0);
  CHECK_FALSE(room.state.agenda.visited[1]);
  // The 20 s spent after the undone Next go to the section that is current again.
  CHECK(room.timing().section_elapsed_ms == 120 * kSec);
  CHECK(room.timing().session_elapsed_ms == 120 * kSec);

  room.ok(cmd::Adjust{60});
  room.ok(cmd::Undo{});
  CHECK(room.state.agenda.planned_s[0] == 300);

  room.ok(cmd::Pause{});
  room.wait_s(30);
  room.ok(cmd::Undo{});  // the pause was a mistake: its time counts as section time
  CHECK(room.state.agenda.running);
  CHECK(room.timing().section_elapsed_ms == 150 * kSec);
  CHECK(room.timing().paused_ms == 0);

  room.ok(cmd::Undo{});  // the Start itself
  CHECK_FALSE(room.state.agenda.started);
  CHECK(room.code(cmd::Undo{}) == "not-started");
}

TEST_CASE("Undo of a Resume keeps the clock paused, undo of a rebalance restores the plan") {
  const Session s = three();
  Room room(s);
  room.ok(cmd::Start{});
  room.ok(cmd::Pause{});
  room.wait_s(30);
  room.ok(cmd::Resume{});
  room.wait_s(10);
  room.ok(cmd::Undo{});
  CHECK_FALSE(room.state.agenda.running);
  CHECK(room.timing().paused_ms == 40 * kSec);
  room.ok(cmd::Resume{});

  const auto before = room.state.agenda.planned_s;
  room.ok(cmd::AcceptRebalance{{450, 300, 450}, {1}});
  REQUIRE(room.state.agenda.cut[1]);
  room.ok(cmd::Undo{});
  CHECK_FALSE(room.state.agenda.cut[1]);
  CHECK(room.state.agenda.planned_s == before);
}

TEST_CASE("Undo ignores prompts and answers, and its stack is bounded") {
  Session s = three();
  s.sections[0].prompts.push_back(make_prompt("p", PromptKind::Poll, {"a", "b"}));
  Room room(s);
  room.ok(cmd::Start{});
  room.ok(cmd::OpenPrompt{"p"});
  room.join("f1", "Ana");
  room.ok(cmd::Answer{"f1", "p", std::string("a"), 1});
  room.ok(cmd::Undo{});  // Start was the last agenda action
  CHECK_FALSE(room.state.agenda.started);
  CHECK(room.state.open_prompt == "p");
  CHECK(room.state.prompts["p"].answers.size() == 1);

  room.ok(cmd::Start{});
  for (int i = 0; i < 80; ++i) room.ok(cmd::Adjust{i % 2 ? 60 : -60});
  CHECK(room.state.undo_stack.size() == kUndoDepth);
  for (std::size_t i = 0; i < kUndoDepth; ++i) room.ok(cmd::Undo{});
  CHECK(room.code(cmd::Undo{}) == "no-undo");
  CHECK(room.state.agenda.started);
}

TEST_CASE("End stops the delivery; agenda commands after it are rejected") {
  Session s = three();
  s.sections[2].prompts.push_back(make_prompt("last", PromptKind::Poll, {"a", "b"}));
  Room room(s);
  room.ok(cmd::Start{});
  room.wait_s(100);
  room.ok(cmd::OpenPrompt{"last"});
  room.ok(cmd::End{});  // closes the open prompt first
  REQUIRE(room.last.events.size() == 2);
  CHECK(std::get<ev::PromptClosed>(room.last.events[0].data).prompt == "last");
  CHECK(std::holds_alternative<ev::Ended>(room.last.events[1].data));
  CHECK(room.state.open_prompt.empty());
  room.wait_s(100);
  CHECK(room.state.agenda.ended);
  CHECK(room.timing().session_elapsed_ms == 100 * kSec);
  CHECK(room.timing().forecast_end == kT0 + 100 * kSec);
  for (Command c : std::vector<Command>{cmd::Start{}, cmd::Pause{}, cmd::Resume{}, cmd::Next{}, cmd::Undo{},
                                        cmd::Adjust{60}, cmd::End{}, cmd::OutageAsPause{}})
    CHECK(room.code(c) == "ended");
}

TEST_CASE("a pause before End counts as pause") {
  const Session s = three();
  Room room(s);
  room.ok(cmd::Start{});
  room.wait_s(100);
  room.ok(cmd::Pause{});
  room.wait_s(40);
  room.ok(cmd::End{});
  CHECK(room.state.agenda.paused_total_ms == 40 * kSec);
  CHECK(room.timing().forecast_end == kT0 + 140 * kSec);
}

TEST_CASE("outages count as elapsed unless turned into a pause") {
  const Session s = three();
  Room room(s);
  room.ok(cmd::Start{});
  CHECK(room.code(cmd::OutageAsPause{}) == "no-outage");
  room.wait_s(60);
  const Millis from = room.now;
  room.wait_s(90);  // the laptop was down
  CHECK(room.code(cmd::RecordOutage{room.now, from}) == "bad-outage");
  CHECK(room.code(cmd::RecordOutage{from, room.now + 1}) == "bad-outage");
  room.ok(cmd::RecordOutage{from, room.now});
  CHECK(room.code(cmd::RecordOutage{from + 1, room.now}) == "bad-outage");  // overlaps
  CHECK(room.timing().section_elapsed_ms == 150 * kSec);  // by default the downtime is elapsed
  room.ok(cmd::OutageAsPause{});
  CHECK(room.timing().section_elapsed_ms == 60 * kSec);
  CHECK(room.timing().paused_ms == 90 * kSec);
  CHECK(room.state.outages.back().as_pause);
  CHECK(room.code(cmd::OutageAsPause{}) == "no-outage");
  CHECK(room.state.agenda.started_at + room.timing().session_elapsed_ms + room.timing().paused_ms == room.now);
}

TEST_CASE("an outage turned into a pause stays a pause through undo") {
  const Session s = three();
  Room room(s);
  room.ok(cmd::Start{});
  room.wait_s(60);
  room.ok(cmd::Adjust{60});
  const Millis from = room.now;
  room.wait_s(90);
  room.ok(cmd::RecordOutage{from, room.now});
  room.ok(cmd::OutageAsPause{});
  room.wait_s(10);
  room.ok(cmd::Undo{});  // undoes the Adjust, not the outage conversion
  CHECK(room.state.agenda.planned_s[0] == 300);
  CHECK(room.timing().section_elapsed_ms == 70 * kSec);
  CHECK(room.timing().paused_ms == 90 * kSec);
}

TEST_CASE("an outage while paused is already a pause; a stale outage is rejected") {
  const Session s = three();
  Room paused(s);
  paused.ok(cmd::Start{});
  paused.wait_s(30);
  paused.ok(cmd::Pause{});
  paused.wait_s(10);
  const Millis from = paused.now;
  paused.wait_s(60);
  paused.ok(cmd::RecordOutage{from, paused.now});
  paused.ok(cmd::OutageAsPause{});
  CHECK(paused.timing().paused_ms == 70 * kSec);  // not counted twice
  CHECK(paused.timing().section_elapsed_ms == 30 * kSec);

  Room stale(s);
  stale.ok(cmd::Start{});
  stale.wait_s(30);
  const Millis down = stale.now;
  stale.wait_s(60);
  stale.ok(cmd::RecordOutage{down, stale.now});
  stale.ok(cmd::Next{});  // the facilitator moved on before deciding
  CHECK(stale.code(cmd::OutageAsPause{}) == "outage-stale");
}

TEST_CASE("decide rejects a state made for another session instead of throwing") {
  const Session s = three();
  const Session other = make_session({{300}});
  State state = initial_state(other);
  Decision d = decide(s, state, cmd::Start{}, kT0);
  REQUIRE(d.rejected);
  CHECK(d.rejected->code == "bad-state");
  // derive, rebalance and apply stay in bounds too.
  CHECK(derive(s, state, kT0).sections.empty());
  CHECK_FALSE(propose_rebalance(s, state, kT0).changes());
  const State before = state;
  apply(s, state, Event{kT0, ev::SectionChanged{0, 2}});
  CHECK(state == before);
}
