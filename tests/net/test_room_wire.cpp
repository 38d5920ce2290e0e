// Room messages and breaks on the wire: the admin commands `message`,
// `clear-message`, `break`, `end-break`, the public state's `message` and
// `break`, and a round trip through a real server over loopback.
#include <doctest/doctest.h>

#include "core/loader.hpp"
#include "core/snapshot.hpp"
#include "net/fellow_decoder.hpp"
#include "net/protocol.hpp"
#include "net_harness.hpp"

namespace facilita::test {
namespace {

using net::AdminContext;
using net::ProtocolError;

std::variant<Command, ProtocolError> parse(const std::string& text, Millis now = 1'000'000) {
  AdminContext context{{"uno"}, "", ""};
  context.now = now;
  return net::admin_command(json::parse(text), context);
}

std::string error_code(const std::variant<Command, ProtocolError>& v) {
  const auto* e = std::get_if<ProtocolError>(&v);
  return e ? e->code : std::string{};
}

std::string post(unsigned short port, const std::string& body) {
  return raw_http(port, "POST /api/admin HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: Bearer "
                        "test-admin-token\r\nContent-Type: application/json\r\nContent-Length: " +
                            std::to_string(body.size()) + "\r\n\r\n" + body);
}

json state_of(const std::string& response) {
  auto body = response.substr(response.find("\r\n\r\n") + 4);
  return json::parse(body, nullptr, false);
}

}  // namespace

TEST_CASE("room admin commands map to engine commands") {
  auto message = parse(R"({"command":"message","text":"Regresamos en 5 minutos"})");
  CHECK(std::get<cmd::ShowMessage>(std::get<Command>(message)).text == "Regresamos en 5 minutos");
  CHECK(error_code(parse(R"({"command":"message"})")) == "bad-message");
  CHECK(error_code(parse(R"({"command":"message","text":42})")) == "bad-message");
  CHECK(error_code(parse(R"({"command":"message","text":")" + std::string(600, 'a') + R"("})")) == "bad-text");
  CHECK(std::holds_alternative<cmd::ClearMessage>(std::get<Command>(parse(R"({"command":"clear-message"})"))));
  CHECK(std::holds_alternative<cmd::EndBreak>(std::get<Command>(parse(R"({"command":"end-break"})"))));

  // minutes count from the moment the command arrives
  auto five = parse(R"({"command":"break","minutes":5})", 1'000'000);
  CHECK(std::get<cmd::StartBreak>(std::get<Command>(five)).until == 1'000'000 + 5 * 60'000);
  CHECK(std::get<cmd::StartBreak>(std::get<Command>(parse(R"({"command":"break","minutes":240})"))).until ==
        1'000'000 + 240 * 60'000);
  CHECK(error_code(parse(R"({"command":"break","minutes":0})")) == "bad-message");
  CHECK(error_code(parse(R"({"command":"break","minutes":241})")) == "bad-message");
  CHECK(error_code(parse(R"({"command":"break","minutes":2.5})")) == "bad-message");
  CHECK(std::get<cmd::StartBreak>(std::get<Command>(parse(R"({"command":"break","until":1700000000000})"))).until ==
        1'700'000'000'000);
  CHECK(error_code(parse(R"({"command":"break","until":"11:05"})")) == "bad-message");
  CHECK(error_code(parse(R"({"command":"break"})")) == "bad-message");
}

TEST_CASE("the public state carries the room message and the break; status stays paused") {
  auto loaded = load_session(kTestSession);
  REQUIRE(loaded.ok());
  const Session& s = *loaded.session;
  State st = initial_state(s);
  const Millis now = wall_ms();
  auto step = [&](const Command& c) {
    auto d = decide(s, st, c, now);
    REQUIRE_FALSE(d.rejected);
    for (auto& e : d.events) apply(s, st, e);
  };
  auto pub = public_state(s, st, derive(s, st, now), now);
  CHECK(pub.contains("message"));
  CHECK(pub["message"].is_null());
  CHECK(pub.contains("break"));
  CHECK(pub["break"].is_null());
  step(cmd::Start{});
  step(cmd::ShowMessage{"Silencien sus micrófonos, por favor"});
  step(cmd::StartBreak{now + 10 * 60'000});
  pub = public_state(s, st, derive(s, st, now), now);
  CHECK(pub["message"] == "Silencien sus micrófonos, por favor");
  CHECK(pub["break"]["until"] == now + 10 * 60'000);
  CHECK(pub["break"]["length_ms"] == 10 * 60'000);  // pages never count down from more than this
  CHECK(pub["status"] == "paused");
  step(cmd::EndBreak{});
  step(cmd::ClearMessage{});
  pub = public_state(s, st, derive(s, st, now), now);
  CHECK(pub["message"].is_null());
  CHECK(pub["break"].is_null());
  CHECK(pub["status"] == "running");
}

TEST_CASE("a message and a break over POST /api/admin reach the state; refusals carry the engine's code") {
  Harness h;
  REQUIRE(status_of(post(h.port(), R"({"command":"start"})")) == 200);
  auto shown = post(h.port(), R"({"command":"message","text":"  Regresamos en 5 minutos "})");
  REQUIRE(status_of(shown) == 200);
  CHECK(state_of(shown)["state"]["message"] == "Regresamos en 5 minutos");
  auto blank = post(h.port(), R"({"command":"message","text":"   "})");
  CHECK(status_of(blank) != 200);
  CHECK(state_of(blank)["code"] == "bad-text");

  const Millis before = wall_ms();
  auto paused = post(h.port(), R"({"command":"break","minutes":5})");
  REQUIRE(status_of(paused) == 200);
  const json st = state_of(paused)["state"];
  CHECK(st["status"] == "paused");
  CHECK(st["break"]["until"].get<Millis>() >= before + 5 * 60'000);
  CHECK(st["break"]["until"].get<Millis>() <= wall_ms() + 5 * 60'000);

  auto resumed = post(h.port(), R"({"command":"end-break"})");
  REQUIRE(status_of(resumed) == 200);
  CHECK(state_of(resumed)["state"]["status"] == "running");
  CHECK(state_of(resumed)["state"]["break"].is_null());
  CHECK(state_of(post(h.port(), R"({"command":"end-break"})"))["code"] == "no-break");
  CHECK(state_of(post(h.port(), R"({"command":"clear-message"})"))["state"]["message"].is_null());
}

TEST_CASE("the native follower decodes the message and the break") {
  net::FellowDecoder decoder;
  REQUIRE(decoder.apply(json{{"type", "state"}, {"version", 1}, {"server_time", 1000}, {"status", "paused"},
                             {"message", "Regresamos en 5 minutos"}, {"break", {{"until", 301000}}}}));
  CHECK(decoder.state().message == "Regresamos en 5 minutos");
  REQUIRE(decoder.state().break_until.has_value());
  CHECK(*decoder.state().break_until == 301000);
  REQUIRE(decoder.apply(json{{"type", "state"}, {"version", 2}, {"server_time", 2000}, {"status", "running"},
                             {"message", nullptr}, {"break", nullptr}}));
  CHECK(decoder.state().message.empty());
  CHECK_FALSE(decoder.state().break_until.has_value());
}

}  // namespace facilita::test
