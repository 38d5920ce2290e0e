// A wall clock that steps back (NTP, a laptop resuming): the journal's times
// never go backwards and no span or pause is ever negative.
#include <random>

#include "fixtures.hpp"

using namespace facilita;
using namespace facilita::test;

namespace {

Session two() { return make_session({{600}, {600}}, {make_prompt("poll", PromptKind::Poll, {"a", "b"})}); }

void check_monotonic(const std::vector<Event>& journal) {
  for (std::size_t i = 1; i < journal.size(); ++i) {
    CAPTURE(i);
    CHECK(journal[i].at >= journal[i - 1].at);
  }
}

}  // namespace

TEST_CASE("a clock stepping back during a running section journals no negative span") {
  const Session s = two();
  Room room(s);
  room.ok(cmd::Start{});
  room.wait_s(60);
  room.ok(cmd::OpenPrompt{"poll"});  // last event at T0 + 60 s
  room.wait_s(-45);                  // the wall clock jumps back 45 s
  room.ok(cmd::Pause{});
  CHECK(room.last.events[0].at == kT0 + 60 * kSec);  // stamped with the last event's time, not before it
  CHECK(room.state.agenda.actual_ms[0] == 60 * kSec);
  room.wait_s(10);
  room.ok(cmd::Resume{});
  CHECK(room.state.agenda.paused_total_ms == 0);  // the pause never reached T0 + 60 s: no negative pause
  room.wait_s(120);
  room.ok(cmd::Next{});
  CHECK(room.state.agenda.actual_ms[0] == 60 * kSec + 85 * kSec);
  for (Millis ms : room.state.agenda.actual_ms) CHECK(ms >= 0);
  check_monotonic(room.journal);
  CHECK(room.replayed() == room.state);
}

TEST_CASE("a clock stepping back during a pause journals no negative pause") {
  const Session s = two();
  Room room(s);
  room.ok(cmd::Start{});
  room.wait_s(30);
  room.ok(cmd::Pause{});
  room.wait_s(-20);
  // derive() at a time before the pause began counts no pause, never negative.
  CHECK(room.timing().paused_ms == 0);
  room.ok(cmd::Resume{});
  CHECK(room.state.agenda.paused_total_ms == 0);
  room.wait_s(-20);  // and once more while running
  CHECK(room.timing().section_elapsed_ms == 30 * kSec);
  room.ok(cmd::End{});
  CHECK(room.timing().session_elapsed_ms == 30 * kSec);
  CHECK(room.timing().paused_ms == 0);
  check_monotonic(room.journal);
}

TEST_CASE("answers and outages follow the last event's time when the clock is behind") {
  const Session s = two();
  Room room(s);
  room.ok(cmd::Start{});
  room.join("f1", "Ana");
  room.wait_s(30);
  room.ok(cmd::OpenPrompt{"poll"});
  room.wait_s(-25);
  room.ok(cmd::Answer{"f1", "poll", std::string("a"), 1});
  CHECK(room.state.prompts["poll"].answers["f1"].at == kT0 + 30 * kSec);
  CHECK(room.code(cmd::RecordOutage{kT0 + 10 * kSec, kT0 + 20 * kSec}) == "");  // ends before the last event: fine
  check_monotonic(room.journal);
}

TEST_CASE("random clock steps back and forth keep the journal in order and every span non-negative") {
  const Session& s = module_session();
  std::mt19937 rng(7);
  for (int run = 0; run < 50; ++run) {
    Room room(s);
    room.join("f1", "Ana");
    for (int step = 0; step < 100; ++step) {
      room.wait_ms(std::uniform_int_distribution<Millis>(-90'000, 120'000)(rng));
      const int roll = std::uniform_int_distribution<int>(0, 5)(rng);
      const Command c = roll == 0 ? Command{cmd::Start{}}
                        : roll == 1 ? Command{cmd::Pause{}}
                        : roll == 2 ? Command{cmd::Resume{}}
                        : roll == 3 ? Command{cmd::Next{}}
                        : roll == 4 ? Command{cmd::Undo{}}
                                    : Command{cmd::Previous{}};
      room.run(c);
      for (Millis ms : room.state.agenda.actual_ms) REQUIRE(ms >= 0);
      REQUIRE(room.state.agenda.paused_total_ms >= 0);
      REQUIRE(room.timing().section_elapsed_ms >= 0);
      REQUIRE(room.timing().paused_ms >= 0);
    }
    check_monotonic(room.journal);
    REQUIRE(room.replayed() == room.state);
  }
}
