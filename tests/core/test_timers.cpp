// The clock's own commands: a prompt's answer window closes it when it runs
// out, and the window stands still while the session is paused.
#include <doctest/doctest.h>

#include "core/snapshot.hpp"
#include "core/timers.hpp"
#include "fixtures.hpp"

using namespace facilita;
using namespace facilita::test;

namespace {

// One timed (60 s) and one untimed prompt, so neither case depends on the module's authoring.
Session timed_and_untimed() {
  Prompt timed = make_prompt("timed", PromptKind::Poll, {"a", "b"});
  timed.time_s = 60;
  return make_session({{600}, {600}}, {timed, make_prompt("untimed", PromptKind::Poll, {"a", "b"})});
}

nlohmann::json closes_at(const Room& room) {
  return public_state(room.session, room.state, room.timing(), room.now)["prompt"]["closes_at"];
}

}  // namespace

TEST_CASE("a module prompt with an answer window closes itself when the window runs out") {
  const Session& s = module_session();
  const Prompt* timed = nullptr;
  for (const auto& sec : s.sections)
    for (const auto& p : sec.prompts)
      if (!timed && p.time_s > 0) timed = &p;
  REQUIRE(timed);
  Room room(s);
  CHECK(next_due_at(s, room.state) == 0);
  room.ok(cmd::Start{});
  room.ok(cmd::OpenPrompt{timed->id});
  const Millis due = room.now + timed->time_s * kSec;
  CHECK(next_due_at(s, room.state) == due);
  room.wait_ms(timed->time_s * kSec - 1);
  CHECK_FALSE(due_command(s, room.state, room.now));
  room.wait_ms(1);
  auto command = due_command(s, room.state, room.now);
  REQUIRE(command);
  REQUIRE(std::holds_alternative<cmd::ClosePrompt>(*command));
  CHECK(std::get<cmd::ClosePrompt>(*command).prompt == timed->id);
  room.ok(*command);
  CHECK_FALSE(room.state.prompts[timed->id].open);
  CHECK_FALSE(due_command(s, room.state, room.now + 10 * kMin));
  CHECK(next_due_at(s, room.state) == 0);
}

TEST_CASE("a prompt without an answer window stays open") {
  const Session s = timed_and_untimed();
  Room room(s);
  room.ok(cmd::Start{});
  room.ok(cmd::OpenPrompt{"untimed"});
  CHECK(next_due_at(s, room.state) == 0);
  CHECK_FALSE(due_command(s, room.state, room.now + 24 * 60 * kMin));
  CHECK(closes_at(room).is_null());
  CHECK(room.state.prompts["untimed"].open);
}

TEST_CASE("the answer window stands still while the session is paused") {
  const Session s = timed_and_untimed();
  Room room(s);
  room.ok(cmd::Start{});
  room.wait_s(5);
  room.ok(cmd::OpenPrompt{"timed"});
  const Millis opened = room.now;
  CHECK(closes_at(room) == opened + 60 * kSec);
  room.wait_s(20);
  room.ok(cmd::Pause{});
  CHECK(next_due_at(s, room.state) == 0);
  CHECK(closes_at(room).is_null());
  room.wait_s(100);  // the window would have run out without the pause
  CHECK_FALSE(due_command(s, room.state, room.now));
  room.ok(cmd::Resume{});
  const Millis due = opened + 60 * kSec + 100 * kSec;
  CHECK(next_due_at(s, room.state) == due);
  CHECK(closes_at(room) == due);
  room.wait_ms(due - room.now - 1);
  CHECK_FALSE(due_command(s, room.state, room.now));
  room.wait_ms(1);
  REQUIRE(due_command(s, room.state, room.now));
  CHECK(std::get<cmd::ClosePrompt>(*due_command(s, room.state, room.now)).prompt == "timed");
}

TEST_CASE("a prompt opened during a pause starts its window when the session resumes") {
  const Session s = timed_and_untimed();
  Room room(s);
  room.ok(cmd::Start{});
  room.ok(cmd::Pause{});
  room.wait_s(30);
  room.ok(cmd::OpenPrompt{"timed"});
  CHECK(next_due_at(s, room.state) == 0);
  room.wait_s(10);
  room.ok(cmd::Resume{});
  CHECK(next_due_at(s, room.state) == room.now + 60 * kSec);
  // A second pause adds to the window again.
  room.wait_s(15);
  room.ok(cmd::Pause{});
  room.wait_s(45);
  room.ok(cmd::Resume{});
  CHECK(next_due_at(s, room.state) == room.now + 45 * kSec);
}

TEST_CASE("an outage counted as a pause moves the window too") {
  const Session s = timed_and_untimed();
  Room room(s);
  room.ok(cmd::Start{});
  room.ok(cmd::OpenPrompt{"timed"});
  const Millis opened = room.now;
  room.wait_s(50);
  room.ok(cmd::RecordOutage{room.now - 40 * kSec, room.now});
  CHECK(next_due_at(s, room.state) == opened + 60 * kSec);  // recorded: still session time
  room.ok(cmd::OutageAsPause{});
  CHECK(next_due_at(s, room.state) == opened + 100 * kSec);
}

TEST_CASE("the console's countdown: what is left of the window, standing still during a pause") {
  const Session s = timed_and_untimed();
  Room room(s);
  room.ok(cmd::Start{});
  CHECK_FALSE(prompt_time_left_ms(s, room.state, "timed", room.now));  // not opened yet
  room.ok(cmd::OpenPrompt{"timed"});
  room.wait_s(20);
  CHECK(prompt_time_left_ms(s, room.state, "timed", room.now) == 40 * kSec);
  room.ok(cmd::Pause{});
  room.wait_s(100);
  CHECK(prompt_time_left_ms(s, room.state, "timed", room.now) == 40 * kSec);
  room.ok(cmd::Resume{});
  room.wait_s(30);
  CHECK(prompt_time_left_ms(s, room.state, "timed", room.now) == 10 * kSec);
  room.wait_s(30);
  CHECK(prompt_time_left_ms(s, room.state, "timed", room.now) == 0);  // never negative
  room.ok(cmd::ClosePrompt{"timed"});
  CHECK_FALSE(prompt_time_left_ms(s, room.state, "timed", room.now));
  room.ok(cmd::OpenPrompt{"untimed"});
  CHECK_FALSE(prompt_time_left_ms(s, room.state, "untimed", room.now));  // no window
}
