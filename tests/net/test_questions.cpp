// Fellow questions on the wire: ask / upvote parsing and shape checks, the
// admin commands, acks after the journal commit, hostile inputs.
#include <doctest/doctest.h>

#include "net/protocol.hpp"
#include "net_harness.hpp"

namespace facilita::net {
namespace {

ProtocolError error_of(std::string_view text) {
  auto parsed = parse_client_message(text);
  REQUIRE(std::holds_alternative<ProtocolError>(parsed));
  return std::get<ProtocolError>(parsed);
}

ClientMessage message_of(std::string_view text) {
  auto parsed = parse_client_message(text);
  REQUIRE(std::holds_alternative<ClientMessage>(parsed));
  return std::get<ClientMessage>(parsed);
}

Command admin(const nlohmann::json& body) {
  auto c = admin_command(body, AdminContext{});
  REQUIRE(std::holds_alternative<Command>(c));
  return std::get<Command>(c);
}

std::string admin_error(const nlohmann::json& body) {
  auto c = admin_command(body, AdminContext{});
  REQUIRE(std::holds_alternative<ProtocolError>(c));
  return std::get<ProtocolError>(c).code;
}

}  // namespace

TEST_CASE("questions: ask and upvote are parsed and shape-checked") {
  auto ask = std::get<AskMsg>(message_of(R"({"type":"ask","text":"¿Qué?","anonymous":false,"seq":4})"));
  CHECK(ask.text == "¿Qué?");
  CHECK_FALSE(ask.anonymous);
  CHECK(ask.seq == 4);
  CHECK(std::get<AskMsg>(message_of(R"({"type":"ask","text":"x","seq":1})")).anonymous);  // anonymous by default
  CHECK(error_of(R"({"type":"ask","text":"x"})").code == "bad-message");
  CHECK(error_of(R"({"type":"ask","text":"x","seq":-1})").code == "bad-message");
  CHECK(error_of(R"({"type":"ask","text":"x","seq":1.5})").code == "bad-message");
  CHECK(error_of(R"({"type":"ask","text":42,"seq":1})").code == "bad-message");
  CHECK(error_of(R"({"type":"ask","text":["x"],"seq":1})").code == "bad-message");
  CHECK(error_of(R"({"type":"ask","seq":1})").code == "bad-message");
  CHECK(error_of(R"({"type":"ask","text":"x","anonymous":"yes","seq":1})").code == "bad-message");
  const std::string big = R"({"type":"ask","seq":3,"text":")" + std::string(5000, 'a') + "\"}";
  auto oversize = error_of(big);
  CHECK(oversize.code == "bad-text");
  CHECK(oversize.seq == 3);

  auto up = std::get<UpvoteMsg>(message_of(R"({"type":"upvote","question":"qa-2","seq":9})"));
  CHECK(up.question == "qa-2");
  CHECK(up.seq == 9);
  CHECK(error_of(R"({"type":"upvote","question":2,"seq":9})").code == "bad-message");
  CHECK(error_of(R"({"type":"upvote","question":"","seq":9})").code == "bad-message");
  CHECK(error_of(R"({"type":"upvote","question":"qa-2"})").code == "bad-message");
  CHECK(error_of(R"({"type":"upvote","question":"qa\u0000","seq":1})").code == "bad-message");
}

TEST_CASE("questions: admin commands") {
  auto m = std::get<cmd::ModerateQuestion>(admin({{"command", "approve-question"}, {"question", "qa-1"}}));
  CHECK(m.question == "qa-1");
  CHECK(m.action == "approve");
  CHECK(std::get<cmd::ModerateQuestion>(admin({{"command", "hide-question"}, {"question", "qa-1"}})).action == "hide");
  CHECK(std::get<cmd::ModerateQuestion>(admin({{"command", "unhide-question"}, {"question", "qa-1"}})).action == "unhide");
  CHECK(std::get<cmd::ModerateQuestion>(admin({{"command", "answered-question"}, {"question", "qa-1"}})).action ==
        "answered");
  CHECK(std::get<cmd::ModerateQuestion>(admin({{"command", "unanswered-question"}, {"question", "qa-1"}})).action ==
        "unanswered");
  CHECK(std::get<cmd::ProjectQuestion>(admin({{"command", "project-question"}, {"question", "qa-3"}})).question == "qa-3");
  CHECK(std::get<cmd::ProjectQuestion>(admin({{"command", "project-question"}, {"question", ""}})).question.empty());
  CHECK(std::get<cmd::ProjectQuestion>(admin({{"command", "project-question"}})).question.empty());
  CHECK(std::get<cmd::SetModeration>(admin({{"command", "moderation"}, {"on", false}})).on == false);
  CHECK(admin_error({{"command", "moderation"}, {"on", "no"}}) == "bad-message");
  CHECK(admin_error({{"command", "moderation"}}) == "bad-message");
  CHECK(admin_error({{"command", "approve-question"}}) == "bad-message");
  CHECK(admin_error({{"command", "hide-question"}, {"question", 3}}) == "bad-message");
  CHECK(admin_error({{"command", "project-question"}, {"question", 3}}) == "bad-message");
}

TEST_CASE("questions: engine codes keep their message for clients") {
  for (const char* code : {"bad-text", "too-many-questions", "too-soon", "unknown-question", "own-question", "qa-full"}) {
    DispatchResult r{false, false, code, "the engine's words", ""};
    CHECK(public_error(r).message == "the engine's words");
  }
}

}  // namespace facilita::net

namespace facilita::test {
namespace {

json ask(const std::string& text, std::int64_t seq, bool anonymous = true) {
  return {{"type", "ask"}, {"text", text}, {"anonymous", anonymous}, {"seq", seq}};
}
json upvote(const std::string& question, std::int64_t seq) {
  return {{"type", "upvote"}, {"question", question}, {"seq", seq}};
}
std::string error_code(Client& c, std::int64_t seq) {
  auto e = c.read_type("error", [&](const json& m) { return m.value("seq", -1) == seq; });
  return e ? (*e)["code"].get<std::string>() : std::string("(none)");
}

}  // namespace

TEST_CASE("questions over the socket: acked with the question id, duplicates, seq-reused, votes, hostile input") {
  Harness h;
  Client ana(h.port());
  Client beto(h.port());
  Client remote(h.port());

  ana.send(ask("¿antes de unirme?", 1));
  CHECK(error_code(ana, 1) == "not-joined");

  const std::string ana_id = ana.join("Ana");
  beto.join("Beto");
  ana.send(ask("  ¿Qué es un dato abierto?  ", 1));
  auto ack = ana.read_type("ack", [](const json& m) { return m["seq"] == 1; });
  REQUIRE(ack);
  CHECK((*ack)["question"] == "qa-1");
  CHECK((*ack)["duplicate"] == false);

  ana.send(ask("¿Qué es un dato abierto?", 1));  // a resend after a lost ack
  auto dup = ana.read_type("ack", [](const json& m) { return m["seq"] == 1; });
  REQUIRE(dup);
  CHECK((*dup)["duplicate"] == true);
  CHECK((*dup)["question"] == "qa-1");

  ana.send(ask("otra cosa", 1));  // replayed seq with another text
  CHECK(error_code(ana, 1) == "seq-reused");
  ana.send(ask("¿demasiado pronto?", 2));
  CHECK(error_code(ana, 2) == "too-soon");
  ana.send(ask("   ", 3));
  CHECK(error_code(ana, 3) == "bad-text");
  std::string long_text;
  for (int i = 0; i < 281; ++i) long_text += "é";
  ana.send(ask(long_text, 4));
  CHECK(error_code(ana, 4) == "bad-text");

  beto.send(upvote("qa-1", 1));  // pending: Beto cannot see it
  CHECK(error_code(beto, 1) == "unknown-question");

  remote.send({{"type", "hello"}, {"admin", "test-admin-token"}});
  REQUIRE(remote.read_type("welcome"));
  remote.send({{"type", "command"}, {"command", "approve-question"}, {"question", "qa-1"}, {"seq", 10}});
  REQUIRE(remote.read_type("ack", [](const json& m) { return m["seq"] == 10; }));

  beto.send(upvote("qa-1", 2));
  REQUIRE(beto.read_type("ack", [](const json& m) { return m["seq"] == 2; }));
  beto.send(upvote("qa-1", 3));  // a second vote is acknowledged, not counted
  auto again = beto.read_type("ack", [](const json& m) { return m["seq"] == 3; });
  REQUIRE(again);
  CHECK((*again)["duplicate"] == true);
  ana.send(upvote("qa-1", 5));
  CHECK(error_code(ana, 5) == "own-question");
  beto.send(upvote("qa-99", 4));
  CHECK(error_code(beto, 4) == "unknown-question");

  // A fellow cannot moderate.
  beto.send({{"type", "command"}, {"command", "hide-question"}, {"question", "qa-1"}, {"seq", 6}});
  CHECK(error_code(beto, 6) == "forbidden");

  remote.send({{"type", "command"}, {"command", "project-question"}, {"question", "qa-1"}, {"seq", 11}});
  REQUIRE(remote.read_type("ack", [](const json& m) { return m["seq"] == 11; }));
  auto state = beto.read_type("state", [](const json& s) {
    return s.contains("questions") && s["questions"].size() == 1 && s["questions"][0]["votes"] == 1 &&
           s["projected_question"].is_object();
  });
  REQUIRE(state);
  CHECK((*state)["questions"][0]["id"] == "qa-1");
  CHECK((*state)["questions"][0]["text"] == "¿Qué es un dato abierto?");
  CHECK_FALSE((*state)["questions"][0].contains("name"));
  CHECK(state->dump().find(ana_id) == std::string::npos);
  CHECK((*state)["moderation"] == true);

  auto admin = remote.read_type("state", [](const json& s) {
    return s.contains("admin") && s["projected_question"].is_object();
  });
  REQUIRE(admin);
  REQUIRE((*admin)["admin"]["questions"].size() == 1);
  CHECK((*admin)["admin"]["questions"][0]["participant"] == ana_id);
  CHECK((*admin)["admin"]["questions"][0]["name"] == "Ana");
  CHECK((*admin)["admin"]["questions"][0]["status"] == "approved");

  h.on_main([&](Controller& c) {
    REQUIRE(c.state().questions.size() == 1);
    CHECK(c.state().questions[0].voters.size() == 1);
  });
}

}  // namespace facilita::test
