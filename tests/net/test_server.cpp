// The server end to end over loopback: join, answer, ack, duplicates,
// replacing an answer, closed prompts, admin commands with and without token,
// read your writes, the wire economy (content once, live counters) and gzip.
#include <zlib.h>

#include "net/protocol.hpp"
#include "net/static_files.hpp"
#include "net_harness.hpp"

namespace facilita::test {
namespace {

json answer(const std::string& prompt, json value, std::int64_t seq) {
  return {{"type", "answer"}, {"prompt", prompt}, {"value", std::move(value)}, {"seq", seq}};
}

// Until a state or a live message carries these counters.
bool sees_counts(Client& c, int answered, int participants = -1) {
  auto deadline = std::chrono::steady_clock::now() + kWait;
  while (std::chrono::steady_clock::now() < deadline) {
    auto m = c.read(kWait);
    if (!m) return false;
    if ((*m)["type"] != "state" && (*m)["type"] != "live") continue;
    if ((*m)["answered"] == answered && (participants < 0 || (*m)["participants"] == participants)) return true;
  }
  return false;
}

TEST_CASE("a fellow joins and gets the state at once and keeps the id across reconnects") {
  Harness h;
  Client ana(h.port());
  auto first = ana.read_type("state");  // before hello: catch up at once
  REQUIRE(first);
  CHECK((*first)["section"]["id"] == "uno");
  CHECK((*first)["section"]["content_key"].is_string());
  CHECK_FALSE((*first)["section"].contains("content"));
  CHECK((*first)["server_time"].is_number());
  CHECK((*first).dump().find("NOTAS-SECRETAS") == std::string::npos);

  std::string id = ana.join("Ana");
  CHECK(id.rfind("p-", 0) == 0);
  CHECK(net::is_valid_token(ana.token()));
  CHECK(sees_counts(ana, 0, 1));

  Client again(h.port());
  CHECK(again.join("Ana", ana.token()) == id);  // same token, same participant
  Client other(h.port());
  CHECK(other.join("Bea", "not-a-token") != id);  // a malformed token gets a fresh one

  // Read your writes: the welcome follows the publish of the join.
  std::string state = raw_http(h.port(), "GET /api/state HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
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
  CHECK(sees_counts(ana, 1));

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

namespace facilita::test {
namespace {

std::string get_http(unsigned short port, const std::string& target, const std::string& headers = "") {
  return raw_http(port, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + headers + "\r\n");
}

std::string body_of(const std::string& response) {
  auto at = response.find("\r\n\r\n");
  return at == std::string::npos ? std::string() : response.substr(at + 4);
}

// The value of a response header ("" when missing); names compared as sent by the server.
std::string header_of(const std::string& response, const std::string& name) {
  auto head = response.substr(0, response.find("\r\n\r\n"));
  auto at = head.find("\r\n" + name + ": ");
  if (at == std::string::npos) return "";
  at += name.size() + 4;
  return head.substr(at, head.find("\r\n", at) - at);
}

std::string admin_post(unsigned short port, const std::string& body) {
  return raw_http(port, "POST /api/admin HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: Bearer "
                        "test-admin-token\r\nContent-Type: application/json\r\nContent-Length: " +
                            std::to_string(body.size()) + "\r\n\r\n" + body);
}

TEST_CASE("read your writes: /api/state, admin replies and new clients see a publish at once, and a quiet room gets the first change at once") {
  net::ServerOptions o;
  o.broadcast_interval_ms = 60000;  // coalescing that would hold any second change for a minute
  o.live_interval_ms = 60000;
  Harness h(o);
  Client fellow(h.port());
  auto first = fellow.read_type("state");
  REQUIRE(first);
  CHECK((*first)["status"] == "waiting");

  // Quiet room: the change goes out at once (the leading edge), not after the window.
  auto reply = admin_post(h.port(), R"({"command":"start"})");
  REQUIRE(status_of(reply) == 200);
  auto started = json::parse(body_of(reply), nullptr, false);
  CHECK(started["ok"] == true);
  CHECK(started["duplicate"] == false);
  CHECK(started["state"]["status"] == "running");        // the state after the command
  CHECK(started["state"]["admin"]["sections"].is_array());  // the admin state
  CHECK(fellow.read_type("state", [](const json& s) { return s["status"] == "running"; }));

  // A second change inside the window: the broadcast waits, but every reader sees it now.
  auto next = json::parse(body_of(admin_post(h.port(), R"({"command":"next"})")), nullptr, false);
  CHECK(next["state"]["section"]["id"] == "dos");
  auto state = json::parse(body_of(get_http(h.port(), "/api/state")), nullptr, false);
  CHECK(state["section"]["id"] == "dos");
  CHECK(state["section"]["content"] == "Fin");  // /api/state keeps the content inline
  CHECK(state["version"] == next["state"]["version"]);
  Client late(h.port());
  auto caught_up = late.read_type("state");
  REQUIRE(caught_up);
  CHECK((*caught_up)["section"]["id"] == "dos");
  CHECK_FALSE(fellow.read_type("state", {}, 300ms));  // coalesced: held for the window
}

// Every message until a state matching `pred` arrives (included), or until nothing comes.
std::vector<json> read_until_state(Client& c, const std::function<bool(const json&)>& pred) {
  std::vector<json> seen;
  while (auto m = c.read(3s)) {
    seen.push_back(*m);
    if ((*m)["type"] == "state" && pred(*m)) break;
  }
  return seen;
}

int count_type(const std::vector<json>& messages, const std::string& type) {
  return static_cast<int>(std::count_if(messages.begin(), messages.end(), [&](const json& m) { return m["type"] == type; }));
}

TEST_CASE("wire economy: a fellow gets each section's content once, by key, and states without it") {
  Harness h;
  Client ana(h.port());
  auto content = ana.read();
  REQUIRE(content);
  REQUIRE((*content)["type"] == "content");  // before the first state
  const std::string key_uno = (*content)["key"];
  CHECK(key_uno.size() == 16);
  CHECK(key_uno.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK((*content)["section"] == "uno");
  CHECK((*content)["content"].get<std::string>().find("# Hola") == 0);
  auto state = ana.read();
  REQUIRE(state);
  REQUIRE((*state)["type"] == "state");
  CHECK((*state)["section"]["content_key"] == key_uno);
  CHECK_FALSE((*state)["section"].contains("content"));
  CHECK(state->contains("answered"));
  CHECK(state->contains("participants"));

  ana.join("Ana");
  h.dispatch(cmd::Start{});
  auto seen = read_until_state(ana, [](const json& s) { return s["status"] == "running"; });
  CHECK(count_type(seen, "content") == 0);  // same section: nothing resent

  h.dispatch(cmd::Next{});
  seen = read_until_state(ana, [](const json& s) { return s["section"]["id"] == "dos"; });
  REQUIRE(count_type(seen, "content") == 1);  // a new section: its content, before its state
  auto dos = std::find_if(seen.begin(), seen.end(), [](const json& m) { return m["type"] == "content"; });
  CHECK((*dos)["section"] == "dos");
  CHECK((*dos)["content"] == "Fin");
  CHECK(seen.back()["section"]["content_key"] == (*dos)["key"]);
  CHECK((*dos)["key"] != key_uno);

  h.dispatch(cmd::Previous{});
  seen = read_until_state(ana, [](const json& s) { return s["section"]["id"] == "uno"; });
  CHECK(count_type(seen, "content") == 0);  // already known to this client
  CHECK(seen.back()["section"]["content_key"] == key_uno);

  Client bea(h.port());  // another client gets it once too
  auto bea_first = bea.read();
  REQUIRE(bea_first);
  CHECK((*bea_first)["type"] == "content");
  CHECK((*bea_first)["key"] == key_uno);

  // Remotes keep the full state, content inline.
  Client remote(h.port());
  remote.send({{"type", "hello"}, {"admin", "test-admin-token"}});
  auto admin = remote.read_type("state", [](const json& s) { return s.contains("admin"); });
  REQUIRE(admin);
  CHECK((*admin)["section"]["content"].get<std::string>().find("# Hola") == 0);
}

TEST_CASE("wire economy: while 50 fellows answer, a watcher gets small live messages, not states, and the right final counts") {
  constexpr int kFellows = 50;
  Harness h;
  std::vector<std::unique_ptr<Client>> fellows;
  for (int i = 0; i < kFellows; ++i) {
    fellows.push_back(std::make_unique<Client>(h.port()));
    fellows.back()->join("Fellow " + std::to_string(i));
  }
  Client watcher(h.port());
  REQUIRE(sees_counts(watcher, 0, kFellows));
  h.dispatch(cmd::Start{});
  h.dispatch(cmd::OpenPrompt{"q-choice"});
  auto open = watcher.read_type("state", [](const json& s) { return s["prompt"].is_object() && s["prompt"]["open"] == true; });
  REQUIRE(open);

  const auto start = std::chrono::steady_clock::now();
  const char* options[] = {"A", "B", "C"};
  for (int i = 0; i < kFellows; ++i) fellows[i]->send(answer("q-choice", options[i % 3], 1));
  for (auto& f : fellows) REQUIRE(f->read_type("ack"));
  int states = 0, lives = 0;
  json last;
  while (auto m = watcher.read(3s)) {
    if ((*m)["type"] == "state") ++states;
    if ((*m)["type"] == "live") {
      ++lives;
      CHECK(m->size() == 4);  // type, version, answered, participants
      CHECK(m->dump().size() < 100);
    }
    last = *m;
    if (last["answered"] == kFellows) break;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(states == 0);
  CHECK(lives >= 1);
  CHECK(lives <= 2 * seconds + 1);  // at most 2 per second
  CHECK(last["type"] == "live");
  CHECK(last["answered"] == kFellows);  // the trailing edge brings the final count
  CHECK(last["participants"] == kFellows);
  auto state = json::parse(body_of(get_http(h.port(), "/api/state")), nullptr, false);
  CHECK(state["answered"] == kFellows);
  CHECK(state["version"].get<std::int64_t>() >= last["version"].get<std::int64_t>());
}

std::string gunzip(const std::string& data) {
  z_stream zs{};
  REQUIRE(inflateInit2(&zs, 15 + 16) == Z_OK);
  std::string out(1 << 20, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  const int rc = inflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  inflateEnd(&zs);
  return rc == Z_STREAM_END ? out : std::string("<not gzip>");
}

TEST_CASE("static files go gzip-compressed to clients that accept gzip, plain otherwise, with an ETag per encoding") {
  CHECK(net::accepts_gzip("gzip"));
  CHECK(net::accepts_gzip("gzip, deflate, br"));
  CHECK(net::accepts_gzip("br;q=1.0, GZIP;q=0.5"));
  CHECK(net::accepts_gzip("*"));
  CHECK(net::accepts_gzip("x-gzip"));
  CHECK_FALSE(net::accepts_gzip(""));
  CHECK_FALSE(net::accepts_gzip("identity"));
  CHECK_FALSE(net::accepts_gzip("br, deflate"));
  CHECK_FALSE(net::accepts_gzip("gzip;q=0"));
  CHECK_FALSE(net::accepts_gzip("gzip;q=0, *"));
  CHECK_FALSE(net::accepts_gzip("*;q=0"));

  auto root = std::filesystem::temp_directory_path() / ("facilita-gzip-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(root);
  std::string script;
  for (int i = 0; i < 400; ++i) script += "function f" + std::to_string(i) + "() { return 'fellow page'; }\n";
  std::ofstream(root / "index.html") << "<!doctype html><title>fellow</title>";
  std::ofstream(root / "app.js") << script;
  net::ServerOptions o;
  o.web_root = root.string();
  Harness h(o);

  auto zipped = get_http(h.port(), "/app.js", "Accept-Encoding: gzip, deflate, br\r\n");
  REQUIRE(status_of(zipped) == 200);
  CHECK(header_of(zipped, "Content-Encoding") == "gzip");
  CHECK(header_of(zipped, "Vary") == "Accept-Encoding");
  CHECK(body_of(zipped).size() < script.size() / 3);
  CHECK(gunzip(body_of(zipped)) == script);

  auto plain = get_http(h.port(), "/app.js");
  REQUIRE(status_of(plain) == 200);
  CHECK(header_of(plain, "Content-Encoding").empty());
  CHECK(header_of(plain, "Vary") == "Accept-Encoding");
  CHECK(body_of(plain) == script);
  CHECK(header_of(get_http(h.port(), "/app.js", "Accept-Encoding: gzip;q=0\r\n"), "Content-Encoding").empty());

  const std::string gz_etag = header_of(zipped, "ETag"), etag = header_of(plain, "ETag");
  CHECK_FALSE(gz_etag.empty());
  CHECK(gz_etag != etag);
  CHECK(status_of(get_http(h.port(), "/app.js", "Accept-Encoding: gzip\r\nIf-None-Match: " + gz_etag + "\r\n")) == 304);
  CHECK(status_of(get_http(h.port(), "/app.js", "If-None-Match: " + etag + "\r\n")) == 304);
  auto other = get_http(h.port(), "/app.js", "If-None-Match: " + gz_etag + "\r\n");  // a gzip ETag, plain request
  CHECK(status_of(other) == 200);
  CHECK(body_of(other) == script);

  // A page too small to gain from compression goes plain either way.
  auto tiny = get_http(h.port(), "/", "Accept-Encoding: gzip\r\n");
  CHECK(status_of(tiny) == 200);
  CHECK(header_of(tiny, "Content-Encoding").empty());
  std::filesystem::remove_all(root);
}

}  // namespace
}  // namespace facilita::test
