// The protocol without sockets: parsing, admin commands, tokens, snapshots.
#include <doctest/doctest.h>

#include "core/loader.hpp"
#include "core/snapshot.hpp"
#include "net/protocol.hpp"
#include "net/static_files.hpp"
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

TEST_CASE("a message is one JSON value: nothing may follow it, not even after a NUL byte") {
  using namespace std::string_view_literals;
  CHECK(error_of("{\"type\":\"hello\",\"name\":\"AB\"}\0garbage"sv).code == "bad-json");
  CHECK(error_of("{\"type\":\"hello\",\"name\":\"AB\"}\0"sv).code == "bad-json");
  CHECK(error_of(R"({"type":"hello","name":"AB"}{"type":"hello","name":"CD"})").code == "bad-json");
  // Escaped, a NUL is a character of a string: a name still refuses it as a control character.
  CHECK(error_of(R"({"type":"hello","name":"A\u0000B"})").code == "bad-name");
}

TEST_CASE("messages are parsed and shape-checked") {
  CHECK(error_of("{nope").code == "bad-json");
  CHECK(error_of("[1,2]").code == "bad-message");
  CHECK(error_of(R"({"type":"dance"})").code == "bad-message");
  CHECK(error_of(R"({"type":"hello"})").code == "bad-name");
  CHECK(error_of(R"({"type":"hello","name":"   "})").code == "bad-name");
  CHECK(error_of(R"({"type":"hello","name":"a\u0007b"})").code == "bad-name");
  CHECK(error_of(R"({"type":"hello","name":"12345678901234567890123456789012345678901"})").code == "bad-name");

  auto hello = std::get<HelloMsg>(message_of(R"({"type":"hello","name":"  Ana María  ","token":"x"})"));
  CHECK(hello.name == "Ana María");
  CHECK(hello.token == "x");
  CHECK_FALSE(hello.admin);

  auto answer = std::get<AnswerMsg>(message_of(R"({"type":"answer","prompt":"q-1","value":["a","b"],"seq":7})"));
  CHECK(answer.seq == 7);
  CHECK(std::get<std::vector<std::string>>(answer.value).size() == 2);
  CHECK(std::get<int>(std::get<AnswerMsg>(message_of(R"({"type":"answer","prompt":"q","value":4.0,"seq":1})")).value) == 4);

  auto bad = error_of(R"({"type":"answer","prompt":"q","value":4.5,"seq":3})");
  CHECK(bad.code == "bad-value");
  CHECK(bad.seq == 3);
  CHECK(error_of(R"({"type":"answer","prompt":"q","value":{"a":1},"seq":1})").code == "bad-value");
  CHECK(error_of(R"({"type":"answer","prompt":"q","value":"x","seq":-1})").code == "bad-message");
  CHECK(error_of(R"({"type":"answer","prompt":"q","value":"x"})").code == "bad-message");
  CHECK(error_of(R"({"type":"answer","prompt":"","value":"x","seq":1})").code == "bad-message");
}

TEST_CASE("admin commands map to engine commands") {
  AdminContext context{{"uno", "dos"}, "q-open", "q-open"};
  auto command = [&](const char* text) { return admin_command(nlohmann::json::parse(text), context); };
  CHECK(std::holds_alternative<cmd::Next>(std::get<Command>(command(R"({"command":"next"})"))));
  CHECK(std::get<cmd::GoTo>(std::get<Command>(command(R"({"command":"goto","section":"dos"})"))).section == 1);
  CHECK(std::get<cmd::GoTo>(std::get<Command>(command(R"({"command":"goto","section":0})"))).section == 0);
  CHECK(std::get<ProtocolError>(command(R"({"command":"goto","section":"tres"})")).code == "bad-section");
  CHECK(std::get<cmd::Adjust>(std::get<Command>(command(R"({"command":"extend","minutes":2})"))).delta_s == 120);
  CHECK(std::get<cmd::Adjust>(std::get<Command>(command(R"({"command":"shorten"})"))).delta_s == -60);
  CHECK(std::get<ProtocolError>(command(R"({"command":"extend","minutes":999})")).code == "bad-message");
  CHECK(std::get<cmd::ClosePrompt>(std::get<Command>(command(R"({"command":"close"})"))).prompt == "q-open");
  CHECK(std::get<cmd::OpenPrompt>(std::get<Command>(command(R"({"command":"open","prompt":"q-2"})"))).prompt == "q-2");
  CHECK(std::get<ProtocolError>(command(R"({"command":"open"})")).code == "bad-message");
  CHECK(std::get<ProtocolError>(command(R"({"command":"format-disk"})")).code == "bad-message");
}

TEST_CASE("tokens are random and validated and map to a stable public id and compare in constant time") {
  auto a = random_token(), b = random_token();
  CHECK(a != b);
  CHECK(is_valid_token(a));
  CHECK_FALSE(is_valid_token("0123"));
  CHECK_FALSE(is_valid_token(std::string(32, 'G')));
  CHECK(participant_id(a) == participant_id(a));
  CHECK(participant_id(a) != participant_id(b));
  CHECK(participant_id(a).size() == 14);
  CHECK(participant_id(a).find(a.substr(0, 8)) == std::string::npos);
  CHECK(tokens_equal("secret", "secret"));
  CHECK_FALSE(tokens_equal("secreT", "secret"));
  CHECK_FALSE(tokens_equal("secret-longer", "secret"));
  CHECK_FALSE(tokens_equal("", ""));
}

TEST_CASE("static files come from the whitelist and never from a path") {
  StaticFiles files;
  std::string error;
  REQUIRE(files.load(test::make_web_root(), error));
  CHECK(files.find("/") != nullptr);
  CHECK(files.find("/?lang=en") != nullptr);
  CHECK(files.find("/app.js") != nullptr);
  CHECK(files.find("/../index.html") == nullptr);
  CHECK(files.find("/%2e%2e/index.html") == nullptr);
  CHECK(files.find("//index.html") == nullptr);
  CHECK(files.find("/remote") == nullptr);  // not in this web root
  StaticFiles none;
  CHECK_FALSE(none.load("/nonexistent-dir", error));
  CHECK(error.find("index.html") != std::string::npos);
}

TEST_CASE("the public snapshot hides notes and answers until reveal") {
  auto loaded = load_session(test::kTestSession);
  REQUIRE(loaded.ok());
  const Session& s = *loaded.session;
  State st = initial_state(s);
  Millis now = test::wall_ms();
  auto step = [&](const Command& c) {
    auto d = decide(s, st, c, now);
    REQUIRE_FALSE(d.rejected);
    for (auto& e : d.events) apply(s, st, e);
  };
  step(cmd::Start{});
  step(cmd::Join{"p-1", "Ana"});
  step(cmd::OpenPrompt{"q-choice"});
  step(cmd::Answer{"p-1", "q-choice", std::string("B"), 1});
  auto pub = public_state(s, st, derive(s, st, now), now, 3);
  std::string text = pub.dump();
  CHECK(text.find("NOTAS-SECRETAS") == std::string::npos);
  CHECK(text.find("correct") == std::string::npos);
  CHECK(pub["results"].is_null());
  CHECK(pub["answered"] == 1);
  CHECK(pub["participants"] == 1);
  CHECK(pub["prompt"]["id"] == "q-choice");
  CHECK(pub["prompt"]["open"] == true);
  CHECK(pub["section"]["id"] == "uno");
  CHECK(pub["section"]["ends_at"].is_number());
  CHECK(pub["version"] == 3);
  auto admin = admin_state(s, st, derive(s, st, now), now);
  CHECK(admin["admin"]["notes"].get<std::string>().find("NOTAS-SECRETAS") != std::string::npos);
  CHECK(admin["admin"]["live"]["options"][1]["count"] == 1);

  step(cmd::ClosePrompt{"q-choice"});
  step(cmd::RevealPrompt{"q-choice"});
  pub = public_state(s, st, derive(s, st, now), now);
  CHECK(pub["prompt"]["open"] == false);
  CHECK(pub["results"]["options"][1]["count"] == 1);
  CHECK(pub["results"]["options"][1]["correct"] == true);
}

}  // namespace
}  // namespace facilita::net

TEST_CASE("new-round names the prompt that asks again") {
  using namespace facilita;
  using namespace facilita::net;
  const AdminContext context{{"uno"}, "", "q-1"};
  auto command = [&](const char* text) { return admin_command(nlohmann::json::parse(text), context); };
  CHECK(std::get<cmd::NewRound>(std::get<Command>(command(R"({"command":"new-round","prompt":"q-1"})"))).prompt ==
        "q-1");
  CHECK(std::get<ProtocolError>(command(R"({"command":"new-round"})")).code == "bad-message");
}

TEST_CASE("next-step and previous-step move through the current section's steps") {
  using namespace facilita;
  using namespace facilita::net;
  const AdminContext context{{"uno"}, "", ""};
  auto command = [&](const char* text) { return admin_command(nlohmann::json::parse(text), context); };
  CHECK(std::holds_alternative<cmd::NextStep>(std::get<Command>(command(R"({"command":"next-step"})"))));
  CHECK(std::holds_alternative<cmd::PreviousStep>(std::get<Command>(command(R"({"command":"previous-step"})"))));
  CHECK(std::get<ProtocolError>(command(R"({"command":"next-steps"})")).code == "bad-message");
}
