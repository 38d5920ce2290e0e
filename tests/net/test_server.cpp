// The server end to end over loopback: join, answer, ack, duplicates,
// replacing an answer, closed prompts, admin commands with and without token.
#include "net/protocol.hpp"
#include "net_harness.hpp"

namespace facilita::test {
namespace {

json answer(const std::string& prompt, json value, std::int64_t seq) {
  return {{"type", "answer"}, {"prompt", prompt}, {"value", std::move(value)}, {"seq", seq}};
}

bool has_state_where(Client& c, const std::function<bool(const json&)>& pred) {
  return c.read_type("state", pred).has_value();
}

TEST_CASE("a fellow joins and gets the state at once and keeps the id across reconnects") {
  Harness h;
  Client ana(h.port());
  auto first = ana.read_type("state");  // before hello: catch up at once
  REQUIRE(first);
  CHECK((*first)["section"]["id"] == "uno");
  CHECK((*first)["server_time"].is_number());
  CHECK((*first).dump().find("NOTAS-SECRETAS") == std::string::npos);

  std::string id = ana.join("Ana");
  CHECK(id.rfind("p-", 0) == 0);
  CHECK(net::is_valid_token(ana.token()));
  CHECK(has_state_where(ana, [](const json& s) { return s["participants"] == 1; }));

  Client again(h.port());
  CHECK(again.join("Ana", ana.token()) == id);  // same token, same participant
  Client other(h.port());
  CHECK(other.join("Bea", "not-a-token") != id);  // a malformed token gets a fresh one

  std::string state;  // published by the pump, then coalesced: allow a moment
  for (int i = 0; i < 40 && state.find("\"participants\":2") == std::string::npos; ++i) {
    std::this_thread::sleep_for(50ms);
    state = raw_http(h.port(), "GET /api/state HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  }
  CHECK(status_of(state) == 200);
  CHECK(state.find("\"participants\":2") != std::string::npos);
  auto health = raw_http(h.port(), "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  CHECK(status_of(health) == 200);
  CHECK(health.find("\"ok\":true") != std::string::npos);
}

TEST_CASE("answers are acked after dispatch and a duplicate seq counts once and a new seq replaces and a closed prompt refuses") {
  Harness h;
  Client ana(h.port());
  Client early(h.port());
  early.send(answer("q-choice", "A", 1));
  auto not_joined = early.read_type("error");
  REQUIRE(not_joined);
  CHECK((*not_joined)["code"] == "not-joined");
  CHECK((*not_joined)["seq"] == 1);

  ana.join("Ana");
  ana.send(answer("q-choice", "A", 1));
  auto closed = ana.read_type("error");
  REQUIRE(closed);
  CHECK((*closed)["code"] == "prompt-closed");

  ana.send(answer("q-nope", "A", 2));
  auto unknown = ana.read_type("error");
  REQUIRE(unknown);
  CHECK((*unknown)["code"] == "unknown-prompt");

  h.dispatch(cmd::Start{});
  h.dispatch(cmd::OpenPrompt{"q-choice"});
  ana.send(answer("q-choice", "A", 3));
  auto ack = ana.read_type("ack");
  REQUIRE(ack);
  CHECK((*ack)["seq"] == 3);
  CHECK((*ack)["duplicate"] == false);
  CHECK(has_state_where(ana, [](const json& s) { return s["answered"] == 1; }));

  ana.send(answer("q-choice", "A", 3));  // a resend after a lost ack
  auto dup = ana.read_type("ack");
  REQUIRE(dup);
  CHECK((*dup)["seq"] == 3);
  CHECK((*dup)["duplicate"] == true);

  ana.send(answer("q-choice", "C", 4));  // change of mind
  REQUIRE(ana.read_type("ack", [](const json& a) { return a["seq"] == 4; }));
  ana.send(answer("q-choice", "Z", 5));
  auto bad = ana.read_type("error");
  REQUIRE(bad);
  CHECK((*bad)["code"] == "bad-value");
  CHECK((*bad)["seq"] == 5);

  h.on_main([](Controller& c) {
    const auto& answers = c.state().prompts.at("q-choice").answers;
    REQUIRE(answers.size() == 1);
    CHECK(std::get<std::string>(answers.begin()->second.value) == "C");
  });

  h.dispatch(cmd::ClosePrompt{"q-choice"});
  ana.send(answer("q-choice", "B", 6));
  auto late = ana.read_type("error");
  REQUIRE(late);
  CHECK((*late)["code"] == "prompt-closed");
  CHECK((*late)["seq"] == 6);
}

TEST_CASE("fellows cannot send admin commands and a wrong token changes nothing") {
  Harness h;
  Client fellow(h.port());
  fellow.join("Ana");
  const auto before = h.version();
  fellow.send({{"type", "command"}, {"command", "start"}, {"seq", 1}});
  auto forbidden = fellow.read_type("error");
  REQUIRE(forbidden);
  CHECK((*forbidden)["code"] == "forbidden");

  Client intruder(h.port());
  intruder.send({{"type", "hello"}, {"admin", "guess"}});
  auto wrong = intruder.read_type("error");
  REQUIRE(wrong);
  CHECK((*wrong)["code"] == "forbidden");
  intruder.send({{"type", "command"}, {"command", "start"}});
  REQUIRE(intruder.read_type("error"));

  const std::string body = R"({"command":"start"})";
  auto post = [&](const std::string& auth) {
    return raw_http(h.port(), "POST /api/admin HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + auth +
                                  "Content-Type: application/json\r\nContent-Length: " +
                                  std::to_string(body.size()) + "\r\n\r\n" + body);
  };
  CHECK(status_of(post("")) == 401);
  CHECK(status_of(post("Authorization: Bearer wrong\r\n")) == 403);
  CHECK(status_of(post("Authorization: Basic dGVzdA==\r\n")) == 403);
  CHECK(h.version() == before);

  auto ok = post("Authorization: Bearer test-admin-token\r\n");
  CHECK(status_of(ok) == 200);
  CHECK(ok.find("\"ok\":true") != std::string::npos);
  CHECK(h.version() > before);
  auto again = post("Authorization: Bearer test-admin-token\r\n");  // already started
  CHECK(status_of(again) == 409);
  CHECK(status_of(raw_http(h.port(), "GET /api/admin HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")) == 405);
}

TEST_CASE("the remote drives the session over the socket and sees the admin state") {
  Harness h;
  Client remote(h.port());
  remote.send({{"type", "hello"}, {"admin", "test-admin-token"}});
  auto welcome = remote.read_type("welcome");
  REQUIRE(welcome);
  CHECK((*welcome)["admin"] == true);
  auto admin = remote.read_type("state", [](const json& s) { return s.contains("admin"); });
  REQUIRE(admin);
  CHECK((*admin)["admin"]["notes"].get<std::string>().find("NOTAS-SECRETAS") != std::string::npos);

  Client fellow(h.port());
  fellow.join("Ana");
  for (auto [name, seq] : {std::pair{"start", 1}, {"next", 2}, {"prev", 3}, {"extend", 4}}) {
    remote.send({{"type", "command"}, {"command", name}, {"seq", seq}});
    std::optional<json> ack;
    while ((ack = remote.read()) && (*ack)["type"] == "state") {
    }
    REQUIRE_MESSAGE(ack, name);
    CHECK_MESSAGE((*ack)["type"] == "ack", ack->dump());
    CHECK((*ack)["seq"] == seq);
  }
  remote.send({{"type", "command"}, {"command", "open"}, {"prompt", "q-text"}, {"seq", 5}});
  REQUIRE(remote.read_type("ack"));
  fellow.send(answer("q-text", "Una idea", 1));
  REQUIRE(fellow.read_type("ack"));
  REQUIRE(remote.read_type("state", [](const json& s) { return s["admin"]["open_prompt"] == "q-text"; }));
  remote.send({{"type", "command"}, {"command", "close"}, {"seq", 6}});  // the open one
  REQUIRE(remote.read_type("ack"));
  remote.send({{"type", "command"}, {"command", "reveal"}, {"seq", 7}});
  REQUIRE(remote.read_type("ack"));
  auto revealed = fellow.read_type("state", [](const json& s) { return !s["results"].is_null(); });
  REQUIRE(revealed);
  CHECK((*revealed)["results"]["texts"][0] == "Una idea");
  CHECK((*revealed)["section"]["planned_s"] == 360);  // extended by a minute
  CHECK(revealed->dump().find("NOTAS-SECRETAS") == std::string::npos);

  remote.send({{"type", "command"}, {"command", "reveal"}, {"prompt", "q-text"}, {"seq", 8}});
  auto twice = remote.read_type("error");
  REQUIRE(twice);
  CHECK((*twice)["seq"] == 8);
  CHECK((*twice)["code"] == "already-revealed");
}

TEST_CASE("ping gets a pong with the server clock") {
  Harness h;
  Client c(h.port());
  c.send({{"type", "ping"}, {"t", 12345}});
  auto pong = c.read_type("pong");
  REQUIRE(pong);
  CHECK((*pong)["t"] == 12345);
  CHECK((*pong)["server_time"].get<Millis>() > 0);
}

}  // namespace
}  // namespace facilita::test

namespace facilita::test {
namespace {

TEST_CASE("a port in use is reported in one line") {
  Harness h;
  net::ServerOptions o;
  o.bind = "127.0.0.1";
  o.port = h.port();
  o.web_root = make_web_root();
  net::Server second(o, [] {});
  std::string error;
  CHECK_FALSE(second.start(error));
  CHECK(error == "port " + std::to_string(h.port()) + " is in use (choose another with --port)");
  o.bind = "not-an-address";
  net::Server third(o, [] {});
  CHECK_FALSE(third.start(error));
  CHECK(error.find("not-an-address") != std::string::npos);
}

TEST_CASE("the join and admin URLs name the bound address and port") {
  Harness h;
  auto port = std::to_string(h.port());
  CHECK(h.server().join_url() == "http://127.0.0.1:" + port + "/");
  CHECK(h.server().admin_url() == "http://127.0.0.1:" + port + "/remote#token=test-admin-token");
  CHECK(net::lan_address().find('.') != std::string::npos);
}

}  // namespace
}  // namespace facilita::test
