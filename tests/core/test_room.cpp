// Room messages and breaks: text rules, break times, the pause they make,
// Resume and End during a break, journal JSON and replay.
#include "core/event_json.hpp"
#include "fixtures.hpp"

using namespace facilita;
using namespace facilita::test;

namespace {

struct Fixture {
  Session session = make_session({{600}, {600}});
  Room room{session};
};

template <class E>
bool has(const Decision& d) {
  for (const auto& e : d.events)
    if (std::holds_alternative<E>(e.data)) return true;
  return false;
}

}  // namespace

TEST_CASE("a room message is shown trimmed, replaced, and cleared") {
  Fixture f;
  Room& room = f.room;
  room.ok(cmd::ShowMessage{"  Empezamos a las 9:05  "});  // before Start too
  CHECK(room.state.room_message == "Empezamos a las 9:05");
  REQUIRE(room.last.events.size() == 1);
  CHECK(std::get<ev::MessageShown>(room.last.events[0].data).text == "Empezamos a las 9:05");
  room.ok(cmd::ShowMessage{"Regresamos en 5 minutos"});
  CHECK(room.state.room_message == "Regresamos en 5 minutos");
  room.ok(cmd::ClearMessage{});
  CHECK(room.state.room_message.empty());
  CHECK(room.code(cmd::ClearMessage{}) == "no-message");
  CHECK(room.replayed() == room.state);
}

TEST_CASE("a room message is 1 to 140 characters on one line, nothing invisible") {
  Fixture f;
  Room& room = f.room;
  CHECK(room.code(cmd::ShowMessage{""}) == "bad-text");
  CHECK(room.code(cmd::ShowMessage{" \t\xC2\xA0 "}) == "bad-text");  // blank after trimming
  std::string longest;
  for (int i = 0; i < 140; ++i) longest += "ñ";  // code points, not bytes
  CHECK(room.code(cmd::ShowMessage{longest}) == "");
  CHECK(room.code(cmd::ShowMessage{longest + "a"}) == "bad-text");
  CHECK(room.code(cmd::ShowMessage{"dos\nlíneas"}) == "bad-text");
  CHECK(room.code(cmd::ShowMessage{"tab\there"}) == "bad-text");
  CHECK(room.code(cmd::ShowMessage{"al\xE2\x80\xAE" "reves"}) == "bad-text");  // U+202E right-to-left override
  CHECK(room.code(cmd::ShowMessage{"in\xE2\x80\x8Bvisible"}) == "bad-text");   // U+200B zero-width space
  CHECK(room.code(cmd::ShowMessage{"bad \xFF utf8"}) == "bad-text");
  CHECK(room.state.room_message == longest);  // refused commands change nothing
}

TEST_CASE("a break needs a started delivery and an end time within 4 hours") {
  Fixture f;
  Room& room = f.room;
  CHECK(room.code(cmd::StartBreak{room.now + 5 * kMin}) == "not-started");
  room.ok(cmd::Start{});
  CHECK(room.code(cmd::StartBreak{room.now}) == "bad-time");
  CHECK(room.code(cmd::StartBreak{room.now - kSec}) == "bad-time");
  CHECK(room.code(cmd::StartBreak{room.now + kMaxBreakMs + 1}) == "bad-time");
  CHECK(room.code(cmd::StartBreak{room.now + kMaxBreakMs}) == "");
  CHECK(room.state.break_until == room.now + kMaxBreakMs);
}

TEST_CASE("a break pauses a running agenda; ending it resumes") {
  Fixture f;
  Room& room = f.room;
  room.ok(cmd::Start{});
  room.wait_s(60);
  const Millis until = room.now + 10 * kMin;
  room.ok(cmd::StartBreak{until});
  REQUIRE(room.last.events.size() == 2);
  CHECK(std::holds_alternative<ev::Paused>(room.last.events[0].data));
  CHECK(std::get<ev::BreakStarted>(room.last.events[1].data).until == until);
  CHECK_FALSE(room.state.agenda.running);
  CHECK(room.state.break_until == until);
  room.wait_s(600);
  CHECK(room.timing().section_elapsed_ms == 60 * kSec);  // the break is pause time
  room.ok(cmd::EndBreak{});
  REQUIRE(room.last.events.size() == 2);
  CHECK(std::holds_alternative<ev::BreakEnded>(room.last.events[0].data));
  CHECK(std::holds_alternative<ev::Resumed>(room.last.events[1].data));
  CHECK(room.state.agenda.running);
  CHECK(room.state.break_until == 0);
  CHECK(room.code(cmd::EndBreak{}) == "no-break");
  CHECK(room.replayed() == room.state);
}

TEST_CASE("a break while paused only starts the break; a second one moves its end") {
  Fixture f;
  Room& room = f.room;
  room.ok(cmd::Start{});
  room.ok(cmd::Pause{});
  room.ok(cmd::StartBreak{room.now + 5 * kMin});
  REQUIRE(room.last.events.size() == 1);
  CHECK(has<ev::BreakStarted>(room.last));
  room.ok(cmd::StartBreak{room.now + 15 * kMin});
  REQUIRE(room.last.events.size() == 1);
  CHECK(room.state.break_until == room.now + 15 * kMin);
  CHECK(room.state.break_until - room.state.break_since == 15 * kMin);  // its length, from the latest call
  CHECK(room.code(cmd::Pause{}) == "not-running");
}

TEST_CASE("Resume during a break ends it; Undo waits for the break to end") {
  Fixture f;
  Room& room = f.room;
  room.ok(cmd::Start{});
  room.ok(cmd::StartBreak{room.now + 5 * kMin});
  CHECK(room.code(cmd::Undo{}) == "on-break");  // undoing the pause would leave a break with a running clock
  room.wait_s(30);
  room.ok(cmd::Resume{});
  REQUIRE(room.last.events.size() == 2);
  CHECK(std::holds_alternative<ev::BreakEnded>(room.last.events[0].data));
  CHECK(std::holds_alternative<ev::Resumed>(room.last.events[1].data));
  CHECK(room.state.break_until == 0);
  CHECK(room.state.agenda.running);
  CHECK(room.replayed() == room.state);
}

TEST_CASE("End ends the break and clears the message; afterwards everything is 'ended'") {
  Fixture f;
  Room& room = f.room;
  room.ok(cmd::Start{});
  room.ok(cmd::ShowMessage{"Regresamos en 5 minutos"});
  room.ok(cmd::StartBreak{room.now + 5 * kMin});
  room.wait_s(60);
  room.ok(cmd::End{});
  REQUIRE(room.last.events.size() == 3);
  CHECK(std::holds_alternative<ev::BreakEnded>(room.last.events[0].data));
  CHECK(std::holds_alternative<ev::MessageCleared>(room.last.events[1].data));
  CHECK(std::holds_alternative<ev::Ended>(room.last.events[2].data));
  CHECK(room.state.break_until == 0);
  CHECK(room.state.room_message.empty());
  CHECK(room.state.agenda.paused_total_ms == 60 * kSec);
  CHECK(room.code(cmd::ShowMessage{"hola"}) == "ended");
  CHECK(room.code(cmd::ClearMessage{}) == "ended");
  CHECK(room.code(cmd::StartBreak{room.now + kMin}) == "ended");
  CHECK(room.code(cmd::EndBreak{}) == "ended");
  CHECK(room.replayed() == room.state);
}

TEST_CASE("room events round-trip through the journal's JSON and replay equals live") {
  const std::vector<Event> events{{10, ev::MessageShown{"Silencien sus micrófonos, por favor"}},
                                  {11, ev::MessageCleared{}},
                                  {12, ev::BreakStarted{1'700'000'600'000}},
                                  {13, ev::BreakEnded{}}};
  CHECK(to_json(events[0]) == nlohmann::json{{"type", "message-shown"}, {"at", 10},
                                             {"text", "Silencien sus micrófonos, por favor"}});
  CHECK(to_json(events[1]) == nlohmann::json{{"type", "message-cleared"}, {"at", 11}});
  CHECK(to_json(events[2]) == nlohmann::json{{"type", "break-started"}, {"at", 12}, {"until", 1'700'000'600'000}});
  CHECK(to_json(events[3]) == nlohmann::json{{"type", "break-ended"}, {"at", 13}});
  for (const auto& e : events) {
    const Event back = event_from_json(to_json(e));
    CHECK(back.at == e.at);
    CHECK(back.data.index() == e.data.index());
    CHECK(to_json(back) == to_json(e));
  }
  CHECK_THROWS(event_from_json(nlohmann::json{{"type", "break-started"}, {"at", 1}}));

  Fixture f;
  Room& room = f.room;
  room.ok(cmd::Start{});
  room.ok(cmd::ShowMessage{"Descanso"});
  room.ok(cmd::StartBreak{room.now + 5 * kMin});
  State rebuilt = initial_state(f.session);
  for (const auto& e : room.journal) apply(f.session, rebuilt, event_from_json(to_json(e)));
  CHECK(rebuilt == room.state);
  CHECK(rebuilt.break_until == room.now + 5 * kMin);
  CHECK(rebuilt.room_message == "Descanso");
}
