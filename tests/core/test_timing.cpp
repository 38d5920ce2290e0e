// derive(): section clock, phases at their exact boundaries, drift, forecast
// and progress, on hand-made sessions and on the real module.
#include "fixtures.hpp"

using namespace facilita;
using namespace facilita::test;

TEST_CASE("phase boundaries of a 5-minute section") {
  const Session s = make_session({{300}, {300}});
  Room room(s);
  room.ok(cmd::Start{});
  room.wait_ms(240 * kSec - 1);
  CHECK(room.timing().phase == Phase::Normal);
  CHECK(room.timing().section_remaining_ms == 60 * kSec + 1);
  room.wait_ms(1);
  CHECK(room.timing().phase == Phase::WrapUp);  // remaining exactly 60 s
  room.wait_ms(60 * kSec);
  CHECK(room.timing().phase == Phase::WrapUp);  // remaining exactly 0
  CHECK(room.timing().section_remaining_ms == 0);
  room.wait_ms(1);
  CHECK(room.timing().phase == Phase::Overtime);  // elapsed 300001 ms
  CHECK(room.timing().section_remaining_ms == -1);
  CHECK(room.timing().sections[0].overrun_s == 0);
  room.wait_s(90);
  CHECK(room.timing().sections[0].overrun_s == 90);
}

TEST_CASE("wrap-up is 20 % of a long section") {
  const Session s = make_session({{1080}});  // 18 min: wrap-up at 216 s
  Room room(s);
  room.ok(cmd::Start{});
  room.wait_ms((1080 - 216) * kSec - 1);
  CHECK(room.timing().phase == Phase::Normal);
  room.wait_ms(1);
  CHECK(room.timing().phase == Phase::WrapUp);
  CHECK(std::string(to_string(Phase::WrapUp)) == "wrap-up");
}

TEST_CASE("before the start: nothing elapsed, the plan ends a duration from now") {
  const Session& s = module_session();
  Room room(s);
  const Timing t = room.timing();
  CHECK(t.section_elapsed_ms == 0);
  CHECK(t.section_remaining_ms == 300 * kSec);
  CHECK(t.phase == Phase::Normal);
  CHECK(t.drift_s == 0);
  CHECK(t.planned_end == kT0 + 79 * kMin);
  CHECK(t.forecast_end == kT0 + 79 * kMin);
  CHECK(t.progress == 0.0);
  CHECK(t.next_section == 1);
  REQUIRE(t.sections.size() == 8);
  for (const auto& section : t.sections) CHECK(section.status == SectionStatus::Upcoming);
}

TEST_CASE("drift, forecast and progress on the module") {
  const Session& s = module_session();
  Room room(s);
  room.ok(cmd::Start{});
  room.wait_s(7 * 60);  // introduction: 5 min planned, 7 taken
  room.ok(cmd::Next{});
  room.wait_s(4 * 60);  // 4 of funcionamiento's 12 minutes
  Timing t = room.timing();
  CHECK(t.section_elapsed_ms == 4 * kMin);
  CHECK(t.section_remaining_ms == 8 * kMin);
  CHECK(t.session_elapsed_ms == 11 * kMin);
  CHECK(t.drift_s == 120);
  CHECK(t.planned_end == kT0 + 79 * kMin);
  // now + 8 min left here + 8+10+8+18+12+6 ahead
  CHECK(t.forecast_end == room.now + 8 * kMin + 62 * kMin);
  CHECK(t.forecast_end - t.planned_end == 120 * kSec);
  CHECK(t.progress == doctest::Approx(11.0 / 79.0));
  CHECK(t.session_remaining_ms == 68 * kMin);
  CHECK(t.next_section == 2);
  CHECK(t.sections[0].status == SectionStatus::Done);
  CHECK(t.sections[0].overrun_s == 120);
  CHECK(t.sections[1].status == SectionStatus::Current);
  CHECK(t.sections[1].overrun_s == -8 * 60);
  CHECK(t.sections[2].status == SectionStatus::Upcoming);

  // A 3-minute pause: drift (pauses excluded) stays, the forecast moves.
  room.ok(cmd::Pause{});
  room.wait_s(3 * 60);
  t = room.timing();
  CHECK(t.drift_s == 120);
  CHECK(t.paused_ms == 3 * kMin);
  CHECK(t.forecast_end - t.planned_end == 300 * kSec);
  CHECK(room.state.agenda.started_at + t.session_elapsed_ms + t.paused_ms == room.now);
}

TEST_CASE("a current section in overtime adds to drift as it runs") {
  const Session& s = module_session();
  Room room(s);
  room.ok(cmd::Start{});
  room.wait_s(4 * 60);
  CHECK(room.timing().drift_s == 0);  // early inside the plan is not drift yet
  room.wait_s(3 * 60);
  CHECK(room.timing().drift_s == 120);
  CHECK(room.timing().phase == Phase::Overtime);
  CHECK(room.timing().forecast_end == room.now + 74 * kMin);
}

TEST_CASE("finishing early gives negative drift; cut sections leave the forecast") {
  const Session& s = module_session();
  Room room(s);
  room.ok(cmd::Start{});
  room.wait_s(3 * 60);
  room.ok(cmd::Next{});
  CHECK(room.timing().drift_s == -120);
  // Cut `avance` (8 min, optional); the others absorb it within their maxima.
  const RebalancePlan plan = propose_rebalance(s, room.state, room.now);
  CHECK(plan.cut.empty());
  std::vector<int> durations = room.state.agenda.planned_s;
  durations[1] += 180;  // funcionamiento 15 min
  durations[3] += 240;  // retos 14
  durations[4] += 120;  // agentes 10
  durations[5] += 60;   // cocreacion 19: with the 3 spent and cierre's 6, 79 min
  room.ok(cmd::AcceptRebalance{durations, {2}});
  const Timing t = room.timing();
  CHECK(t.sections[2].status == SectionStatus::Cut);
  CHECK(t.drift_s == 0);
  CHECK(t.forecast_end == kT0 + 79 * kMin);
  CHECK(t.next_section == 3);
}

TEST_CASE("after End the clock stops and unvisited sections no longer count") {
  const Session s = make_session({{300}, {300}, {300}});
  Room room(s);
  room.ok(cmd::Start{});
  room.wait_s(200);
  room.ok(cmd::End{});
  room.wait_s(1000);
  const Timing t = room.timing();
  CHECK(t.session_elapsed_ms == 200 * kSec);
  CHECK(t.drift_s == -700);
  CHECK(t.next_section == -1);
  CHECK(t.sections[0].status == SectionStatus::Done);
  CHECK(t.forecast_end == kT0 + 200 * kSec);
  CHECK(t.paused_ms == 0);
}

TEST_CASE("progress is clamped to 1") {
  const Session s = make_session({{60}});
  Room room(s);
  room.ok(cmd::Start{});
  room.wait_s(600);
  CHECK(room.timing().progress == 1.0);
}

TEST_CASE("projected starts move with the plan and the clock; planned starts do not") {
  const Session s = make_session({{600}, {300}, {300}});
  Room room(s);
  CHECK(room.timing().sections[1].projected_start == kT0 + 600 * kSec);  // before the start: the plan
  room.ok(cmd::Start{});
  room.wait_s(120);
  room.ok(cmd::Adjust{300});  // the first section given 5 more minutes
  Timing t = room.timing();
  CHECK(t.sections[0].projected_start == kT0);
  CHECK(t.sections[1].projected_start == kT0 + 900 * kSec);
  CHECK(t.sections[2].projected_start == kT0 + 1200 * kSec);
  CHECK(s.planned_start_s(1) == 600);
  room.wait_s(900);  // 2 min into overtime: what follows starts later still
  t = room.timing();
  CHECK(t.sections[1].projected_start == room.now);
  CHECK(t.sections[2].projected_start == room.now + 300 * kSec);
  room.ok(cmd::Next{});
  room.wait_s(60);
  t = room.timing();
  CHECK(t.sections[1].projected_start == room.now - 60 * kSec);
  CHECK(t.sections[2].projected_start == room.now + 240 * kSec);
}

TEST_CASE("a done section shows when it really started, not its planned start") {
  const Session s = make_session({{600}, {300}, {300}});
  Room room(s);
  room.ok(cmd::Start{});
  room.wait_s(14 * 60);  // the first section ran 4 minutes late
  room.ok(cmd::Next{});
  const Millis entered = room.now;
  room.wait_s(200);
  room.ok(cmd::Next{});
  room.wait_s(30);
  Timing t = room.timing();
  CHECK(t.sections[1].status == SectionStatus::Done);
  CHECK(t.sections[1].started_at == entered);
  CHECK(t.sections[1].projected_start == entered);  // 14 minutes in, not the planned 10
  CHECK(t.sections[0].projected_start == kT0);
  CHECK(t.sections[2].started_at == room.now - 30 * kSec);
  room.ok(cmd::Previous{});  // back to the second section: it keeps its first entry
  room.wait_s(60);
  room.ok(cmd::Next{});
  t = room.timing();
  CHECK(t.sections[1].started_at == entered);
  CHECK(t.sections[1].projected_start == entered);
  room.ok(cmd::End{});
  t = room.timing();
  CHECK(t.sections[2].status == SectionStatus::Done);
  CHECK(t.sections[2].projected_start == t.sections[2].started_at);
  CHECK(room.replayed() == room.state);
}

TEST_CASE("a start counts from the event's time, pauses do not move it, undo forgets a wrong entry") {
  const Session s = make_session({{600}, {300}, {300}});
  Room room(s);
  room.wait_s(90);  // started a minute and a half after the clock's origin
  room.ok(cmd::Start{});
  room.wait_s(60);
  room.ok(cmd::Pause{});
  room.wait_s(120);
  room.ok(cmd::Resume{});
  room.wait_s(60);
  room.ok(cmd::Next{});
  const Millis wrong = room.now;
  room.wait_s(10);
  room.ok(cmd::Undo{});  // the "next" was a mistake
  CHECK(room.timing().sections[1].started_at == 0);
  CHECK(room.timing().sections[1].status == SectionStatus::Upcoming);
  room.wait_s(300);
  room.ok(cmd::Next{});
  const Millis real = room.now;
  CHECK(real != wrong);
  room.wait_s(60);
  room.ok(cmd::Next{});
  const Timing t = room.timing();
  CHECK(t.sections[0].projected_start == kT0 + 90 * kSec);
  CHECK(t.sections[1].started_at == real);
  CHECK(t.sections[1].projected_start == real);
  CHECK(room.replayed() == room.state);
}

TEST_CASE("a cut section never entered keeps its planned start and no real one") {
  const Session s = make_session({{600}, {300, 0, 0, false, true}, {300}});
  Room room(s);
  room.ok(cmd::Start{});
  room.wait_s(60);
  room.ok(cmd::AcceptRebalance{{750, 300, 450}, {1}});
  room.wait_s(600);
  room.ok(cmd::Next{});
  room.wait_s(60);
  const Timing t = room.timing();
  CHECK(t.sections[1].status == SectionStatus::Cut);
  CHECK(t.sections[1].started_at == 0);
  CHECK(t.sections[1].projected_start == kT0 + 600 * kSec);
  CHECK(t.sections[2].started_at == kT0 + 660 * kSec);
}

TEST_CASE("end drift compares the forecast end with the planned end, pauses included") {
  const Session s = make_session({{600}, {600}});
  Room room(s);
  room.ok(cmd::Start{});
  room.wait_s(60);
  CHECK(room.timing().end_drift_s == 0);
  room.ok(cmd::Pause{});
  room.wait_s(190);
  CHECK(room.timing().drift_s == 0);          // pauses excluded: no section ran over
  CHECK(room.timing().end_drift_s == 190);    // but the session ends 3:10 later
  room.ok(cmd::Resume{});
  room.ok(cmd::Adjust{-300});                 // shortening: ends earlier, not "ahead"
  CHECK(room.timing().end_drift_s == 190 - 300);
}
