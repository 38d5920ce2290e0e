#include <doctest/doctest.h>

#include "core/timers.hpp"
#include "fixtures.hpp"

using namespace facilita;
using namespace facilita::test;

TEST_CASE("a prompt with an answer window closes itself when the window runs out") {
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
  CHECK_FALSE(due_command(s, room.state, room.now + 10 * kMin));
  CHECK(next_due_at(s, room.state) == 0);
}

TEST_CASE("a prompt without an answer window stays open") {
  const Session& s = module_session();
  const Prompt* untimed = nullptr;
  for (const auto& sec : s.sections)
    for (const auto& p : sec.prompts)
      if (!untimed && p.time_s == 0) untimed = &p;
  if (!untimed) return;  // every module prompt is timed; nothing to check
  Room room(s);
  room.ok(cmd::OpenPrompt{untimed->id});
  CHECK_FALSE(due_command(s, room.state, room.now + 24 * 60 * kMin));
}
