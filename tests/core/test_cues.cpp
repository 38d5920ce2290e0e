// Attention cues: wrap-up and zero of a section, zero of a step; once each,
// only on a crossing while running, never on entering a section past zero.
#include "core/cues.hpp"
#include "fixtures.hpp"

using namespace facilita;
using namespace facilita::test;

namespace {

CueFrame frame(const Room& room) {
  return CueFrame{room.timing(), room.state.agenda.current, room.state.agenda.running};
}

// Watches a room the way the app does: one observation per "turn".
struct Watcher {
  Room& room;
  CueFrame last;
  CueMemory memory;
  explicit Watcher(Room& r) : room(r), last(frame(r)) {}
  std::vector<Cue> turn() {
    CueFrame now = frame(room);
    auto cues = detect_cues(last, now, memory);
    last = now;
    return cues;
  }
};

// A frame with a step clock (derive fills these once sections have steps).
CueFrame step_frame(int step, Millis step_remaining, Millis section_remaining = 10 * kMin) {
  CueFrame f;
  f.section = 0;
  f.running = true;
  f.timing.section_remaining_ms = section_remaining;
  f.timing.phase = Phase::Normal;
  f.timing.step = step;
  f.timing.step_count = 3;
  f.timing.step_remaining_ms = step_remaining;
  return f;
}

}  // namespace

TEST_CASE("a section's wrap-up and zero each fire once, as the clock crosses them") {
  const Session s = make_session({{300}, {300}});  // wrap-up at 4:00
  Room room(s);
  Watcher w(room);
  room.ok(cmd::Start{});
  CHECK(w.turn().empty());
  room.wait_ms(240 * kSec - 1);
  CHECK(w.turn().empty());
  room.wait_ms(1);
  auto cues = w.turn();
  REQUIRE(cues.size() == 1);
  CHECK(cues[0] == Cue{CueKind::WrapUp, 0, -1});
  room.wait_s(30);
  CHECK(w.turn().empty());  // still in wrap-up: nothing new
  room.wait_s(30);          // remaining exactly 0
  cues = w.turn();
  REQUIRE(cues.size() == 1);
  CHECK(cues[0] == Cue{CueKind::SectionZero, 0, -1});
  room.wait_s(60);
  CHECK(w.turn().empty());  // overtime goes on quietly
  CHECK(std::string(to_string(CueKind::WrapUp)) == "wrap-up");
  CHECK(std::string(to_string(CueKind::SectionZero)) == "zero");
  CHECK(std::string(to_string(CueKind::StepZero)) == "step-zero");
}

TEST_CASE("shortening the section with - crosses wrap-up, then zero") {
  const Session s = make_session({{300}, {300}});
  Room room(s);
  Watcher w(room);
  room.ok(cmd::Start{});
  room.wait_s(100);  // 200 s left
  CHECK(w.turn().empty());
  room.ok(cmd::Adjust{-60});  // 140 s left
  CHECK(w.turn().empty());
  room.ok(cmd::Adjust{-60});  // 80 s
  CHECK(w.turn().empty());
  room.ok(cmd::Adjust{-60});  // 20 s: wrap-up
  auto cues = w.turn();
  REQUIRE(cues.size() == 1);
  CHECK(cues[0].kind == CueKind::WrapUp);
  room.ok(cmd::Adjust{-60});  // past zero
  cues = w.turn();
  REQUIRE(cues.size() == 1);
  CHECK(cues[0].kind == CueKind::SectionZero);
}

TEST_CASE("jumping straight past zero gives one zero cue, not a wrap-up as well") {
  const Session s = make_session({{600}, {300}});
  Room room(s);
  Watcher w(room);
  room.ok(cmd::Start{});
  room.wait_s(400);  // 200 s left, normal
  CHECK(w.turn().empty());
  room.ok(cmd::Adjust{-240});  // 40 s over
  auto cues = w.turn();
  REQUIRE(cues.size() == 1);
  CHECK(cues[0].kind == CueKind::SectionZero);
  room.ok(cmd::Adjust{+300});  // back to normal, then to wrap-up and zero again
  CHECK(w.turn().empty());
  room.wait_s(260);
  CHECK(w.turn().empty());
  room.wait_s(60);
  CHECK(w.turn().empty());  // both already cued for this section
}

TEST_CASE("no cue twice for a section, even when time is added back") {
  const Session s = make_session({{300}, {300}});
  Room room(s);
  Watcher w(room);
  room.ok(cmd::Start{});
  CHECK(w.turn().empty());
  room.wait_s(299);
  CHECK(w.turn().size() == 1);  // wrap-up
  room.wait_s(2);
  CHECK(w.turn().size() == 1);  // zero
  room.ok(cmd::Adjust{+120});  // 119 s left again: normal
  CHECK(w.turn().empty());
  room.wait_s(200);  // through wrap-up and zero a second time
  CHECK(w.turn().empty());
}

TEST_CASE("no cue while paused") {
  const Session s = make_session({{300}, {300}});
  Room room(s);
  Watcher w(room);
  room.ok(cmd::Start{});
  room.wait_s(200);
  CHECK(w.turn().empty());
  room.ok(cmd::Pause{});
  room.ok(cmd::Adjust{-60});  // wrap-up reached while paused
  room.ok(cmd::Adjust{-60});  // zero reached while paused
  CHECK(w.turn().empty());
  room.wait_s(30);
  CHECK(w.turn().empty());
  room.ok(cmd::Resume{});
  room.wait_s(5);
  CHECK(w.turn().empty());  // it crossed while nobody was running the clock
}

TEST_CASE("entering a section already past zero, or going back to one, fires nothing") {
  const Session s = make_session({{300}, {300}});
  Room room(s);
  Watcher w(room);
  room.ok(cmd::Start{});
  room.wait_s(30);
  room.ok(cmd::Next{});  // s2, normal
  CHECK(w.turn().empty());
  room.wait_s(400);  // s2 through wrap-up and past zero in one turn
  auto cues = w.turn();
  REQUIRE(cues.size() == 1);
  CHECK(cues[0] == Cue{CueKind::SectionZero, 1, -1});
  room.ok(cmd::Previous{});  // s1: 270 s left
  CHECK(w.turn().empty());
  room.ok(cmd::Next{});  // back into s2, already past zero
  CHECK(w.turn().empty());
  room.wait_s(10);
  CHECK(w.turn().empty());
}

TEST_CASE("entering a section already in its wrap-up gives no wrap-up cue, its zero still does") {
  const Session s = make_session({{300}, {60}});  // s2 is in wrap-up from its first second
  Room room(s);
  Watcher w(room);
  room.ok(cmd::Start{});
  room.wait_s(100);
  CHECK(w.turn().empty());
  room.ok(cmd::Next{});
  CHECK(w.turn().empty());  // entered already in wrap-up: no cue for it
  room.wait_s(61);
  auto cues = w.turn();
  REQUIRE(cues.size() == 1);
  CHECK(cues[0] == Cue{CueKind::SectionZero, 1, -1});
}

TEST_CASE("after End nothing fires") {
  const Session s = make_session({{300}});
  Room room(s);
  Watcher w(room);
  room.ok(cmd::Start{});
  room.wait_s(10);
  CHECK(w.turn().empty());
  room.ok(cmd::End{});
  room.wait_s(400);
  CHECK(w.turn().empty());
}

TEST_CASE("a step reaching zero fires once; a step change or a section without steps does not") {
  CueMemory memory;
  // Crossing inside step 0.
  auto cues = detect_cues(step_frame(0, 500), step_frame(0, 0), memory);
  REQUIRE(cues.size() == 1);
  CHECK(cues[0] == Cue{CueKind::StepZero, 0, 0});
  // Again for the same step (e.g. after going back to it): nothing.
  CHECK(detect_cues(step_frame(0, 500), step_frame(0, -10), memory).empty());
  // Moving to step 1 which is already past zero: nothing.
  CHECK(detect_cues(step_frame(0, -100), step_frame(1, -100), memory).empty());
  CHECK(detect_cues(step_frame(0, 100), step_frame(1, -1), memory).empty());
  // Step 1 crossing on its own.
  cues = detect_cues(step_frame(1, 1), step_frame(1, 0), memory);
  REQUIRE(cues.size() == 1);
  CHECK(cues[0] == Cue{CueKind::StepZero, 0, 1});
  // No steps: step fields stay at their defaults.
  CueFrame a = step_frame(-1, 0), b = step_frame(-1, 0);
  CHECK(detect_cues(a, b, memory).empty());
  // Paused: nothing.
  CueFrame p = step_frame(2, 0);
  p.running = false;
  CHECK(detect_cues(step_frame(2, 100), p, memory).empty());
  CHECK(memory.step_zero.count({0, 2}) == 0);
}

TEST_CASE("the last step reaching zero with its section is one section cue") {
  CueMemory memory;
  auto cues = detect_cues(step_frame(2, 100, 100), step_frame(2, 0, 0), memory);
  REQUIRE(cues.size() == 1);
  CHECK(cues[0] == Cue{CueKind::SectionZero, 0, -1});
  CHECK(memory.step_zero.count({0, 2}) == 1);  // and the step counts as cued
  CHECK(memory.wrap_up.count(0) == 1);
}
