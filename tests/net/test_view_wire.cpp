// The remote's projector and plan commands on the wire: `show` {what},
// `unhide` {prompt, participant}, `rebalance` (answers with the proposal,
// changes nothing), `accept-rebalance` {durations_s, cut}, `unlock` {section};
// bad input names the field; a round trip over loopback.
#include <doctest/doctest.h>

#include "core/loader.hpp"
#include "core/snapshot.hpp"
#include "net/protocol.hpp"
#include "net_harness.hpp"

namespace facilita::test {
namespace {

using net::AdminContext;
using net::ProtocolError;

std::variant<Command, ProtocolError> parse_view(const std::string& text) {
  AdminContext context{{"uno", "dos"}, "", ""};
  return net::admin_command(json::parse(text), context);
}

// The refusal's code and message ("" when the command parsed).
std::string refusal(const std::string& text) {
  auto v = parse_view(text);
  const auto* e = std::get_if<ProtocolError>(&v);
  return e ? e->code + ": " + e->message : std::string{};
}

// A command over the remote's socket; returns the reply (ack, error or rebalance), skipping states.
json send_command(Client& remote, json command, int seq) {
  command["type"] = "command";
  command["seq"] = seq;
  remote.send(command);
  std::optional<json> reply;
  while ((reply = remote.read()) && (*reply)["type"] == "state") {
  }
  REQUIRE_MESSAGE(reply, command.dump());
  CHECK_MESSAGE((*reply)["seq"] == seq, reply->dump());
  return *reply;
}

json admin_state_where(Client& remote, const std::function<bool(const json&)>& pred) {
  auto state = remote.read_type("state", [&](const json& s) { return s.contains("admin") && pred(s["admin"]); });
  REQUIRE(state);
  return *state;
}

}  // namespace

TEST_CASE("show, unhide, accept-rebalance and unlock map to engine commands") {
  CHECK(std::get<cmd::ShowOnProjector>(std::get<Command>(parse_view(R"({"command":"show","what":"content"})"))).what ==
        ProjectorView::Content);
  CHECK(std::get<cmd::ShowOnProjector>(std::get<Command>(parse_view(R"({"command":"show","what":"results"})"))).what ==
        ProjectorView::Results);
  auto unhide = std::get<cmd::UnhideAnswer>(std::get<Command>(parse_view(R"({"command":"unhide","prompt":"q","participant":"p-1"})")));
  CHECK(unhide.prompt == "q");
  CHECK(unhide.participant == "p-1");
  auto plan = std::get<cmd::AcceptRebalance>(
      std::get<Command>(parse_view(R"({"command":"accept-rebalance","durations_s":[300,240],"cut":[1]})")));
  CHECK(plan.durations_s == std::vector<int>{300, 240});
  CHECK(plan.cut == std::vector<int>{1});
  CHECK(std::get<cmd::UnlockPlan>(std::get<Command>(parse_view(R"({"command":"unlock","section":"dos"})"))).section == 1);
  CHECK(std::get<cmd::UnlockPlan>(std::get<Command>(parse_view(R"({"command":"unlock","section":0})"))).section == 0);
}

TEST_CASE("bad input to the new commands is refused with bad-message naming the field") {
  for (const char* text : {R"({"command":"show"})", R"({"command":"show","what":"slide"})", R"({"command":"show","what":1})"}) {
    CHECK(refusal(text).starts_with("bad-message"));
    CHECK(refusal(text).find("\"what\"") != std::string::npos);
  }
  CHECK(refusal(R"({"command":"unhide","participant":"p-1"})").find("\"prompt\"") != std::string::npos);
  CHECK(refusal(R"({"command":"unhide","prompt":"q"})") == "bad-message: unhide needs \"participant\": a participant id");
  CHECK(refusal(R"({"command":"unhide","prompt":"q","participant":7})").find("\"participant\"") != std::string::npos);
  for (const char* text :
       {R"({"command":"accept-rebalance","cut":[]})", R"({"command":"accept-rebalance","durations_s":"300","cut":[]})",
        R"({"command":"accept-rebalance","durations_s":[300,1.5],"cut":[]})",
        R"({"command":"accept-rebalance","durations_s":[0],"cut":[]})",
        R"({"command":"accept-rebalance","durations_s":[],"cut":[]})"}) {
    CHECK_MESSAGE(refusal(text).starts_with("bad-message"), text);
    CHECK_MESSAGE(refusal(text).find("\"durations_s\"") != std::string::npos, text);
  }
  for (const char* text : {R"({"command":"accept-rebalance","durations_s":[300]})",
                           R"({"command":"accept-rebalance","durations_s":[300],"cut":[-1]})",
                           R"({"command":"accept-rebalance","durations_s":[300],"cut":"1"})"}) {
    CHECK_MESSAGE(refusal(text).starts_with("bad-message"), text);
    CHECK_MESSAGE(refusal(text).find("\"cut\"") != std::string::npos, text);
  }
  for (const char* text : {R"({"command":"unlock"})", R"({"command":"unlock","section":""})",
                           R"({"command":"unlock","section":true})"}) {
    CHECK_MESSAGE(refusal(text).starts_with("bad-message"), text);
    CHECK_MESSAGE(refusal(text).find("\"section\"") != std::string::npos, text);
  }
  CHECK(refusal(R"({"command":"unlock","section":"tres"})").starts_with("bad-section"));
  CHECK(refusal(R"({"command":"unlock","section":2})").starts_with("bad-section"));
}

TEST_CASE("rebalance is a request answered from the last admin state") {
  AdminContext context{{"uno"}, "", ""};
  CHECK_FALSE(net::admin_query(json{{"command", "next"}}, context));
  CHECK_FALSE(net::admin_query(json::array(), context));
  auto none = net::admin_query(json{{"command", "rebalance"}, {"seq", 4}}, context);
  REQUIRE(none);
  CHECK((*none)["type"] == "error");
  CHECK((*none)["code"] == "no-rebalance");
  CHECK((*none)["seq"] == 4);
  context.rebalance = json{{"changes", false}};
  auto some = net::admin_query(json{{"command", "rebalance"}, {"seq", 5}}, context);
  REQUIRE(some);
  CHECK((*some)["type"] == "rebalance");
  CHECK((*some)["proposal"]["changes"] == false);
}

TEST_CASE("the admin state carries the projector view, locks, the proposal, who is missing and correct answers") {
  auto loaded = load_session(kTestSession);
  REQUIRE(loaded.ok());
  const Session& s = *loaded.session;
  State st = initial_state(s);
  const Millis now = wall_ms();
  auto step = [&](const Command& c) {
    auto d = decide(s, st, c, now);
    REQUIRE_MESSAGE(!d.rejected, d.rejected->code);
    for (auto& e : d.events) apply(s, st, e);
  };
  json admin = admin_state(s, st, derive(s, st, now), now)["admin"];
  CHECK(admin["rebalance"].is_null());  // before the start: nothing to rebalance
  CHECK(admin["projector"].is_null());
  CHECK(admin["prompts"][0]["correct"] == json::array({"B"}));
  step(cmd::Start{});
  step(cmd::Join{"p-ana", "Ana"});
  step(cmd::Adjust{60});
  step(cmd::OpenPrompt{"q-choice"});
  admin = admin_state(s, st, derive(s, st, now), now)["admin"];
  CHECK(admin["sections"][0]["locked"] == true);
  CHECK(admin["projector"] == "results");
  CHECK(admin["missing"] == json::array({"Ana"}));
  CHECK(admin["end_drift_s"] == 60);
  const json& plan = admin["rebalance"];
  CHECK(plan["changes"] == true);
  CHECK(plan["durations_s"] == json::array({360, 240}));
  CHECK(plan["sections"][0]["locked"] == true);
  CHECK(plan["sections"][1]["min_s"] == 150);
  CHECK(plan["forecast_end_after"].get<Millis>() == plan["forecast_end_before"].get<Millis>() - 60'000);
  step(cmd::ShowOnProjector{ProjectorView::Content});
  CHECK(admin_state(s, st, derive(s, st, now), now)["admin"]["projector"] == "content");
  // Never in the public state.
  const json pub = public_state(s, st, derive(s, st, now), now);
  for (const char* key : {"projector", "rebalance", "missing", "texts", "correct"})
    CHECK_MESSAGE(pub.dump().find(std::string("\"") + key + "\"") == std::string::npos, key);
}

TEST_CASE("the remote shows content and results, rebalances, unlocks and unhides over the socket") {
  Harness h;
  Client remote(h.port());
  remote.send({{"type", "hello"}, {"admin", "test-admin-token"}});
  REQUIRE(remote.read_type("welcome"));
  Client fellow(h.port());
  const std::string ana = fellow.join("Ana");

  CHECK(send_command(remote, {{"command", "rebalance"}}, 1)["code"] == "no-rebalance");
  CHECK(send_command(remote, {{"command", "start"}}, 2)["type"] == "ack");
  CHECK(send_command(remote, {{"command", "extend"}}, 3)["type"] == "ack");
  admin_state_where(remote, [](const json& a) { return a["sections"][0]["locked"] == true; });

  // rebalance answers with the proposal and changes nothing
  const auto version = h.version();
  json proposal = send_command(remote, {{"command", "rebalance"}}, 4);
  REQUIRE(proposal["type"] == "rebalance");
  CHECK(proposal["proposal"]["changes"] == true);
  CHECK(proposal["proposal"]["durations_s"] == json::array({360, 240}));
  CHECK(h.version() == version);
  json accept{{"command", "accept-rebalance"},
              {"durations_s", proposal["proposal"]["durations_s"]},
              {"cut", proposal["proposal"]["cut"]}};
  CHECK(send_command(remote, accept, 5)["type"] == "ack");
  json stale{{"command", "accept-rebalance"}, {"durations_s", {300, 300}}, {"cut", json::array()}};
  CHECK(send_command(remote, stale, 6)["code"] == "bad-plan");  // checked again: a hand-set plan keeps its time
  admin_state_where(remote, [](const json& a) { return a["sections"][1]["planned_s"] == 240; });
  CHECK(send_command(remote, {{"command", "unlock"}, {"section", "uno"}}, 7)["type"] == "ack");
  admin_state_where(remote, [](const json& a) { return a["sections"][0]["locked"] == false; });
  CHECK(send_command(remote, {{"command", "unlock"}, {"section", "uno"}}, 8)["code"] == "not-locked");

  // after a reveal the projector goes back to the content; fellows keep the results
  CHECK(send_command(remote, {{"command", "show"}, {"what", "content"}}, 9)["code"] == "no-results");
  CHECK(send_command(remote, {{"command", "open"}, {"prompt", "q-text"}}, 10)["type"] == "ack");
  fellow.send({{"type", "answer"}, {"prompt", "q-text"}, {"value", "Una idea"}, {"seq", 1}});
  REQUIRE(fellow.read_type("ack"));
  CHECK(send_command(remote, {{"command", "reveal"}}, 11)["type"] == "ack");
  CHECK(send_command(remote, {{"command", "show"}, {"what", "content"}}, 12)["type"] == "ack");
  admin_state_where(remote, [](const json& a) { return a["projector"] == "content"; });
  CHECK(send_command(remote, {{"command", "show"}, {"what", "content"}}, 13)["code"] == "already-shown");
  const std::string response =
      raw_http(h.port(), "GET /api/state HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  const json pub = json::parse(response.substr(response.find("\r\n\r\n") + 4));
  CHECK(pub["results"]["texts"][0] == "Una idea");
  CHECK(send_command(remote, {{"command", "show"}, {"what", "results"}}, 14)["type"] == "ack");
  admin_state_where(remote, [](const json& a) { return a["projector"] == "results"; });

  CHECK(send_command(remote, {{"command", "hide"}, {"prompt", "q-text"}, {"participant", ana}}, 15)["type"] == "ack");
  admin_state_where(remote, [](const json& a) { return a["texts"][0]["hidden"] == true; });
  CHECK(send_command(remote, {{"command", "unhide"}, {"prompt", "q-text"}, {"participant", ana}}, 16)["type"] == "ack");
  admin_state_where(remote, [](const json& a) { return a["texts"][0]["hidden"] == false; });
  CHECK(send_command(remote, {{"command", "unhide"}, {"prompt", "q-text"}, {"participant", ana}}, 17)["code"] ==
        "not-hidden");
  CHECK(send_command(remote, {{"command", "show"}, {"what", "slide"}}, 18)["code"] == "bad-message");
}

}  // namespace facilita::test
