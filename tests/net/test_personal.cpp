// Personal feedback over the wire: each fellow gets their own `you` message
// (never broadcast, never to a socket that was not welcomed), and the server's
// connection health (open sockets, last seen) per participant.
#include "core/presence.hpp"
#include "net_harness.hpp"

namespace facilita::test {
namespace {

json answer(const std::string& prompt, json value, std::int64_t seq) {
  return {{"type", "answer"}, {"prompt", prompt}, {"value", std::move(value)}, {"seq", seq}};
}

// Reads until a `you` message matching `pred`; every message read is kept in `seen`.
std::optional<json> read_you(Client& c, std::vector<json>& seen, std::function<bool(const json&)> pred,
                             std::chrono::milliseconds timeout = 3s) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    auto m = c.read(std::max(left, 1ms));
    if (!m) return std::nullopt;
    seen.push_back(*m);
    if ((*m)["type"] == "you" && pred(*m)) return m;
  }
  return std::nullopt;
}

// Until `pred` holds for the server's presence (the network thread updates it).
bool presence_until(net::Server& server, std::function<bool(const PresenceMap&)> pred) {
  auto deadline = std::chrono::steady_clock::now() + kWait;
  while (std::chrono::steady_clock::now() < deadline) {
    if (pred(server.presence())) return true;
    std::this_thread::sleep_for(20ms);
  }
  return false;
}

TEST_CASE("each fellow gets their own verdict after the reveal, and never the other's answer") {
  Harness h;
  Client ana(h.port()), beto(h.port()), lurker(h.port());  // the lurker never says hello
  std::vector<json> ana_seen, beto_seen;
  const std::string ana_id = ana.join("Ana");
  auto first = read_you(ana, ana_seen, [](const json& y) { return y["answers"].empty(); });
  REQUIRE(first);  // after welcome, before anything was answered
  CHECK((*first)["scores"] == json::array());
  const std::string beto_id = beto.join("Beto");
  h.dispatch(cmd::Start{});
  h.dispatch(cmd::OpenPrompt{"q-choice"});
  ana.send(answer("q-choice", "B", 1));
  beto.send(answer("q-choice", "C", 1));
  auto mine = read_you(ana, ana_seen, [](const json& y) { return y["answers"].contains("q-choice"); });
  REQUIRE(mine);
  CHECK((*mine)["answers"]["q-choice"]["value"] == "B");
  CHECK((*mine)["answers"]["q-choice"]["verdict"].is_null());  // nothing about correctness before the reveal
  REQUIRE(read_you(beto, beto_seen, [](const json& y) { return y["answers"].contains("q-choice"); }));

  h.dispatch(cmd::RevealPrompt{"q-choice"});
  auto verdict = [](const json& y) {
    return y["answers"].contains("q-choice") && !y["answers"]["q-choice"]["verdict"].is_null();
  };
  auto a = read_you(ana, ana_seen, verdict), b = read_you(beto, beto_seen, verdict);
  REQUIRE(a);
  REQUIRE(b);
  CHECK((*a)["answers"]["q-choice"]["verdict"] == "right");
  CHECK((*b)["answers"]["q-choice"]["verdict"] == "wrong");
  CHECK((*b)["answers"]["q-choice"]["missing"] == json::array({"B"}));

  // Nobody got anything personal about the other.
  auto own_value = [](const json& m, const char* fallback) {
    return m["answers"].value("q-choice", json::object()).value("value", std::string(fallback));
  };
  for (const json& m : ana_seen)
    if (m["type"] == "you") CHECK(own_value(m, "B") == "B");
  for (const json& m : beto_seen)
    if (m["type"] == "you") CHECK(own_value(m, "C") == "C");
  for (const json& m : ana_seen) CHECK(m.dump().find(beto_id) == std::string::npos);

  // The socket that never said hello got states, never a `you`.
  while (auto m = lurker.read(300ms)) CHECK((*m)["type"] != "you");

  // Leaving the section: each gets a score card.
  h.dispatch(cmd::Next{});
  auto card = read_you(ana, ana_seen, [](const json& y) { return !y["scores"].empty(); });
  REQUIRE(card);
  CHECK((*card)["scores"][0]["right"] == 1);
  CHECK((*card)["scores"][0]["of"] == 1);
  auto beto_card = read_you(beto, beto_seen, [](const json& y) { return !y["scores"].empty(); });
  REQUIRE(beto_card);
  CHECK((*beto_card)["scores"][0]["right"] == 0);
}

TEST_CASE("a reconnecting fellow gets their `you` after the welcome; unchanged feedback is not re-sent") {
  Harness h;
  std::string token;
  {
    Client ana(h.port());
    ana.join("Ana");
    token = ana.token();
    h.dispatch(cmd::Start{});
    h.dispatch(cmd::OpenPrompt{"q-choice"});
    ana.send(answer("q-choice", "A", 1));
    std::vector<json> seen;
    REQUIRE(read_you(ana, seen, [](const json& y) { return y["answers"].contains("q-choice"); }));
    // Another fellow answering changes nothing for Ana: no new `you`.
    Client beto(h.port());
    beto.join("Beto");
    beto.send(answer("q-choice", "B", 1));
    CHECK_FALSE(read_you(ana, seen, [](const json&) { return true; }, 600ms));
  }
  Client again(h.port());
  again.join("Ana", token);  // reads up to the welcome: what follows came after it
  std::vector<json> seen;
  auto you = read_you(again, seen, [](const json&) { return true; });
  REQUIRE(you);
  CHECK((*you)["answers"]["q-choice"]["value"] == "A");
}

TEST_CASE("presence: a welcomed socket counts as connected, a closed one reconnecting, then gone") {
  Harness h;
  std::string id;
  {
    Client ana(h.port());
    id = ana.join("Ana");
    Client second(h.port());
    second.join("Ana", ana.token());  // another tab of the same fellow
    CHECK(presence_until(h.server(), [&](const PresenceMap& p) { return p.count(id) && p.at(id).sockets == 2; }));
  }
  REQUIRE(presence_until(h.server(), [&](const PresenceMap& p) { return p.count(id) && p.at(id).sockets == 0; }));
  const PresenceMap seen = h.server().presence();
  const Millis last = seen.at(id).last_seen;
  CHECK(last >= h.server().started_at());
  CHECK(presence_of(seen, id, last + 1000, h.server().started_at()) == Presence::Reconnecting);
  CHECK(presence_of(seen, id, last + kGoneAfterMs, h.server().started_at()) == Presence::Gone);

  // Unwelcomed sockets are nobody.
  Client lurker(h.port());
  lurker.read(200ms);
  CHECK(h.server().presence().size() == 1);
}

TEST_CASE("presence: any message refreshes last seen; the admin state carries the counts") {
  Harness h;
  Client ana(h.port());
  const std::string id = ana.join("Ana");
  REQUIRE(presence_until(h.server(), [&](const PresenceMap& p) { return p.count(id) && p.at(id).sockets == 1; }));
  const Millis before = h.server().presence().at(id).last_seen;
  std::this_thread::sleep_for(30ms);
  ana.send({{"type", "ping"}, {"t", 1}});
  REQUIRE(ana.read_type("pong"));
  CHECK(h.server().presence().at(id).last_seen > before);

  Client admin(h.port());
  admin.send({{"type", "hello"}, {"admin", "test-admin-token"}});
  auto state = admin.read_type("state", [](const json& s) {
    return s.contains("admin") && s["admin"].contains("presence") && s["admin"]["presence"]["connected"] == 1;
  });
  REQUIRE(state);
  CHECK((*state)["admin"]["presence"]["reconnecting"] == 0);
  CHECK((*state)["admin"]["presence"]["gone"] == 0);
}

}  // namespace
}  // namespace facilita::test

#include "net/fellow_decoder.hpp"

namespace facilita::test {

TEST_CASE("the follower decodes `you` and keeps it across states") {
  net::FellowDecoder d;
  REQUIRE(d.apply(json{{"type", "you"},
                       {"answers",
                        {{"q1", {{"value", {"a", "b"}}, {"verdict", "partial"}, {"right", {"a"}}, {"missing", {"c"}},
                                 {"extra", {"b"}}}},
                         {"q2", {{"value", "x"}, {"verdict", nullptr}}}}},
                       {"scores", {{{"section", "quiz"}, {"title", "Quiz"}, {"right", 6}, {"of", 8}}}}}));
  REQUIRE(d.apply(json{{"type", "state"}, {"version", 3}, {"status", "running"}}));
  const auto& you = d.state().you;
  REQUIRE(you.known);
  CHECK(you.answers.at("q1").verdict == "partial");
  CHECK(you.answers.at("q1").missing == std::vector<std::string>{"c"});
  CHECK(you.answers.at("q2").verdict.empty());
  REQUIRE(you.scores.size() == 1);
  CHECK(you.scores[0].right == 6);
  CHECK(you.scores[0].of == 8);
  CHECK(you.scores[0].title == "Quiz");
}

}  // namespace facilita::test
