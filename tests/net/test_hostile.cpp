// Hostile and broken clients: oversized, malformed and binary messages,
// floods, slow readers, path traversal, junk HTTP, too many connections,
// hello spam, silent sockets, foreign origins and hosts, and errors that
// must not leak. None of it may crash the server or disturb the other clients.
#include "net/protocol.hpp"
#include "net_harness.hpp"

#include <set>

namespace facilita::test {
namespace {

std::string get(unsigned short port, const std::string& target) {
  return raw_http(port, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
}

bool still_serves(unsigned short port) { return status_of(get(port, "/healthz")) == 200; }

TEST_CASE("an oversized message closes the socket with 1009") {
  Harness h;
  Client c(h.port());
  c.send_text(R"({"type":"hello","name":")" + std::string(5000, 'a') + R"("})");
  CHECK(c.wait_closed(3s));
  CHECK(c.close_reason().code == websocket::close_code::too_big);
  CHECK(still_serves(h.port()));
}

TEST_CASE("malformed JSON gets an error and the socket stays usable") {
  Harness h;
  Client c(h.port());
  c.send_text("{\"type\": \"hello\", ");
  auto e = c.read_type("error");
  REQUIRE(e);
  CHECK((*e)["code"] == "bad-json");
  c.send_text(std::string(2000, '['));
  REQUIRE(c.read_type("error"));
  c.send({{"type", "ping"}, {"t", 1}});
  CHECK(c.read_type("pong"));
  c.send_text("\xff\xfe not utf-8");  // WebSocket text must be UTF-8: Beast closes with 1007
  CHECK(c.wait_closed(3s));
  CHECK(c.close_reason().code == websocket::close_code::bad_payload);
  CHECK(still_serves(h.port()));
}

TEST_CASE("a binary frame gets an error and close 1003") {
  Harness h;
  Client c(h.port());
  c.send_binary(std::string("\x00\x01\x02", 3));
  auto e = c.read_type("error");
  REQUIRE(e);
  CHECK((*e)["code"] == "binary");
  CHECK(c.wait_closed(3s));
  CHECK(c.close_reason().code == websocket::close_code::unknown_data);
}

TEST_CASE("a flood is rate-limited and then closed with 1008") {
  net::ServerOptions o;
  o.rate_per_s = 5;
  o.rate_burst = 10;
  o.rate_strikes_to_close = 5;
  Harness h(o);
  Client c(h.port());
  Client bystander(h.port());
  for (int i = 0; i < 30; ++i) c.send({{"type", "ping"}, {"t", i}});
  int pongs = 0, limited = 0;
  while (auto m = c.read(2s)) {
    if ((*m)["type"] == "pong") ++pongs;
    if ((*m)["type"] == "error" && (*m)["code"] == "rate-limited") ++limited;
  }
  CHECK(c.closed());
  CHECK(pongs >= 10);
  CHECK(pongs < 30);
  CHECK(limited >= 1);
  CHECK(c.close_reason().code == websocket::close_code::policy_error);
  bystander.send({{"type", "ping"}, {"t", 1}});
  CHECK(bystander.read_type("pong"));
}

TEST_CASE("a slow reader is dropped while another client keeps getting states") {
  net::ServerOptions o;
  o.write_timeout_s = 1;
  o.socket_send_buffer = 8 * 1024;
  Harness h(o, /*pad_states=*/true);  // ~200 KB states: a reader that never reads stalls at once
  Client slow(h.port(), /*receive_buffer=*/4 * 1024);
  Client fast(h.port());
  fast.join("Rápida");
  slow.send({{"type", "hello"}, {"name", "Lenta"}});
  const auto start = std::chrono::steady_clock::now();
  int states = 0;
  int last_version = -1;
  h.dispatch(cmd::Start{});
  for (int i = 0; i < 25; ++i) {  // a change every 100 ms for 2.5 s
    h.dispatch(i % 2 ? Command{cmd::Adjust{60}} : Command{cmd::Adjust{-60}});
    while (auto m = fast.read(50ms)) {
      if ((*m)["type"] == "state" && (*m)["version"].get<int>() != last_version) {
        ++states;
        last_version = (*m)["version"];
      }
    }
    if (fast.closed()) break;
  }
  // The fast one keeps up: it reaches the last state however loaded the machine is
  // (a hang guard, not a benchmark: a slow reader blocking the others would stall it
  // for good), having seen states along the way.
  const int last = static_cast<int>(h.version());
  while (last_version != last && !fast.closed() && std::chrono::steady_clock::now() - start < 60s) {
    auto m = fast.read(kWait);
    if (!m) break;
    if ((*m)["type"] == "state" && (*m)["version"].get<int>() != last_version) {
      ++states;
      last_version = (*m)["version"];
    }
  }
  CHECK_FALSE(fast.closed());
  CHECK(last_version == last);
  CHECK(states >= 3);
  // The slow one was dropped: its socket ends (after the data already buffered).
  CHECK(slow.wait_closed(20s));
  int websockets = -1;
  for (int i = 0; i < 100 && websockets != 1; ++i) {  // the count follows the close on the network thread
    const std::string r = get(h.port(), "/healthz");
    websockets = json::parse(r.substr(r.find("\r\n\r\n") + 4))["websockets"];
    if (websockets != 1) std::this_thread::sleep_for(50ms);
  }
  CHECK(websockets == 1);
}

TEST_CASE("a full write queue drops the client") {
  net::ServerOptions o;
  o.max_queue_messages = 8;
  o.rate_per_s = 10000;
  o.rate_burst = 10000;
  o.socket_send_buffer = 4 * 1024;
  Harness h(o);
  Client slow(h.port(), 2 * 1024);
  const std::string big_t(3000, 'x');  // pongs echo `t`: each reply is ~3 KB
  for (int i = 0; i < 200; ++i) slow.send({{"type", "ping"}, {"t", big_t}});
  CHECK(slow.wait_closed(20s));
  CHECK(still_serves(h.port()));
}

TEST_CASE("only whitelisted files are served and traversal attempts get 404") {
  Harness h;
  CHECK(status_of(get(h.port(), "/")) == 200);
  CHECK(status_of(get(h.port(), "/?lang=en")) == 200);
  CHECK(status_of(get(h.port(), "/app.js")) == 200);
  for (const char* target : {"/../CMakeLists.txt", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc/passwd",
                             "//etc/passwd", "/app.js/../../../etc/passwd", "/index.html%00.js", "/.%2e/",
                             "/static/../../etc/passwd", "/etc/passwd"}) {
    auto r = get(h.port(), target);
    CHECK_MESSAGE(status_of(r) == 404, target);
    CHECK(r.find("root:") == std::string::npos);
  }
  auto head = raw_http(h.port(), "HEAD / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  CHECK(status_of(head) == 200);
  CHECK(head.find("<title>") == std::string::npos);
  auto page = get(h.port(), "/");
  CHECK(page.find("Content-Security-Policy") != std::string::npos);
}

TEST_CASE("junk HTTP gets 400 and other methods 405 while the server carries on") {
  Harness h;
  CHECK(status_of(raw_http(h.port(), "HELLO THERE\r\n\r\n")) == 400);
  CHECK(status_of(raw_http(h.port(), "GET / HTTP/9.9\r\n\r\n")) == 400);
  CHECK(status_of(raw_http(h.port(), std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11))) == 400);
  CHECK(status_of(raw_http(h.port(), "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX: " + std::string(20000, 'a') + "\r\n\r\n")) == 431);
  CHECK(status_of(raw_http(h.port(), "DELETE / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")) == 405);
  CHECK(status_of(raw_http(h.port(), "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")) == 405);
  CHECK(status_of(raw_http(h.port(), "POST /api/admin HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 99999\r\n\r\n")) == 413);
  CHECK(status_of(get(h.port(), "/ws")) == 426);
  CHECK(status_of(get(h.port(), "http://evil/")) == 400);
  CHECK(still_serves(h.port()));
}

TEST_CASE("connections above the cap are refused with 503") {
  net::ServerOptions o;
  o.max_connections = 2;
  Harness h(o);
  Client a(h.port());
  Client b(h.port());
  auto refused = raw_http(h.port(), "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  CHECK(status_of(refused) == 503);
}

TEST_CASE("a silent client is timed out at the handshake") {
  net::ServerOptions o;
  o.handshake_timeout_s = 1;
  Harness h(o);
  auto start = std::chrono::steady_clock::now();
  auto r = raw_http(h.port(), "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n", 5s);  // never finishes its headers
  CHECK(r.empty());
  CHECK(std::chrono::steady_clock::now() - start < 4s);
  CHECK(still_serves(h.port()));
}

std::size_t participant_count(Harness& h) {
  std::size_t n = 0;
  h.on_main([&](Controller& c) { n = c.state().participants.size(); });
  return n;
}

TEST_CASE("one socket is one participant: 200 hellos with 200 tokens add one participant") {
  net::ServerOptions o;
  o.rate_per_s = 100000;  // the message rate limit is not what stops this
  o.rate_burst = 100000;
  Harness h(o);
  Client c(h.port());
  for (int i = 0; i < 200; ++i)  // all sent before the first welcome comes back
    c.send({{"type", "hello"}, {"name", "Fellow " + std::to_string(i)}, {"token", net::random_token()}});
  std::set<std::string> ids, tokens;
  int replies = 0;
  while (auto m = c.read(1s)) {
    if ((*m)["type"] == "welcome") {
      ids.insert((*m)["participant"].get<std::string>());
      tokens.insert((*m)["token"].get<std::string>());
    }
    if ((*m)["type"] == "welcome" || (*m)["type"] == "error") ++replies;
    if (replies == 200) break;
  }
  CHECK(replies == 200);
  CHECK(ids.size() == 1);  // later hellos rename (or are refused), never create
  CHECK(tokens.size() == 1);
  CHECK(participant_count(h) == 1);
  Client other(h.port());
  other.join("Otra");
  CHECK(participant_count(h) == 2);
}

TEST_CASE("a socket that is not welcomed in time is closed with 1008 and pings do not extend it") {
  net::ServerOptions o;
  o.hello_timeout_s = 1;
  Harness h(o);
  const auto start = std::chrono::steady_clock::now();
  Client silent(h.port());
  Client pinger(h.port());
  Client fellow(h.port());
  fellow.join("Ana");
  Client remote(h.port());
  remote.send({{"type", "hello"}, {"admin", "test-admin-token"}});
  REQUIRE(remote.read_type("welcome"));
  Client wrong(h.port());
  wrong.send({{"type", "hello"}, {"admin", "not-the-admin-token"}});
  REQUIRE(wrong.read_type("error"));
  for (int i = 0; std::chrono::steady_clock::now() - start < 3s && !pinger.closed(); ++i) {
    pinger.send({{"type", "ping"}, {"t", i}});
    while (pinger.read(100ms)) {
    }
  }
  CHECK(pinger.closed());
  CHECK(pinger.close_reason().code == websocket::close_code::policy_error);
  auto timeout = silent.read_type("error");
  REQUIRE(timeout);
  CHECK((*timeout)["code"] == "hello-timeout");
  CHECK(silent.wait_closed(3s));
  CHECK(silent.close_reason().code == websocket::close_code::policy_error);
  CHECK(wrong.wait_closed(3s));  // a failed admin hello is not a hello
  CHECK(std::chrono::steady_clock::now() - start < 4s);
  for (Client* c : {&fellow, &remote}) {  // welcomed sockets stay
    c->send({{"type", "ping"}, {"t", 1}});
    CHECK(c->read_type("pong"));
  }
}

TEST_CASE("HTTP requests on one connection are rate-limited with 429 and Retry-After, then closed") {
  net::ServerOptions o;
  o.http_rate_per_s = 1;
  o.http_rate_burst = 5;
  o.http_strikes_to_close = 3;
  Harness h(o);
  std::string pipelined;
  for (int i = 0; i < 20; ++i) pipelined += "GET /api/state HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  auto r = raw_http(h.port(), pipelined, 3s);
  auto count = [&](const std::string& what) {
    int n = 0;
    for (auto at = r.find(what); at != std::string::npos; at = r.find(what, at + 1)) ++n;
    return n;
  };
  CHECK(count("HTTP/1.1 200") >= 5);
  CHECK(count("HTTP/1.1 200") <= 6);
  CHECK(count("HTTP/1.1 429") == 3);  // then the connection closed: 20 were sent
  CHECK(count("Retry-After: 1") == 3);
  CHECK(count("rate-limited") == 3);
  CHECK(still_serves(h.port()));  // a new connection starts with a full bucket
}

TEST_CASE("Server::start refuses an explicit admin token shorter than 16 characters in one line") {
  net::ServerOptions o;
  o.bind = "127.0.0.1";
  o.port = 0;
  o.web_root = make_web_root();
  o.admin_token = "fifteen-chars-x";
  std::string error;
  net::Server short_token(o, {});
  CHECK_FALSE(short_token.start(error));
  CHECK(error.find("at least 16 characters") != std::string::npos);
  CHECK(error.find('\n') == std::string::npos);
  o.admin_token = "sixteen-chars-xx";
  net::Server ok(o, {});
  CHECK_MESSAGE(ok.start(error), error);
  o.admin_token = "";
  net::Server random(o, {});
  CHECK(random.start(error));
  CHECK(random.admin_token().size() >= 16);
}

std::string upgrade(unsigned short port, const std::string& headers) {
  return raw_http(port,
                  "GET /ws HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n" +
                      headers + "\r\n",
                  500ms);
}

TEST_CASE("a foreign Origin is refused on /ws and POST /api/admin, no Origin or our own works") {
  Harness h;
  const std::string host = "127.0.0.1:" + std::to_string(h.port());
  CHECK(status_of(upgrade(h.port(), "Host: " + host + "\r\n")) == 101);
  CHECK(status_of(upgrade(h.port(), "Host: " + host + "\r\nOrigin: http://" + host + "\r\n")) == 101);
  for (const std::string origin : {"http://evil.example", "null", "http://127.0.0.1:1", "https://evil.example"}) {
    auto r = upgrade(h.port(), "Host: " + host + "\r\nOrigin: " + origin + "\r\n");
    CHECK_MESSAGE(status_of(r) == 403, origin);
    CHECK(r.find("forbidden-origin") != std::string::npos);
  }
  const auto before = h.version();
  const std::string body = R"({"command":"start"})";
  auto post = [&](const std::string& origin) {
    return raw_http(h.port(), "POST /api/admin HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n" + origin +
                                  "Authorization: Bearer test-admin-token\r\nContent-Type: application/json\r\n"
                                  "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
  };
  auto foreign = post("Origin: http://evil.example\r\n");
  CHECK(status_of(foreign) == 403);
  CHECK(foreign.find("forbidden-origin") != std::string::npos);
  CHECK(h.version() == before);
  CHECK(status_of(post("Origin: http://" + host + "\r\n")) == 200);
  CHECK(status_of(post("")) == 409);  // a script without Origin: already started
  // A foreign page may still load the public files (it learns nothing private).
  CHECK(status_of(raw_http(h.port(), "GET /api/state HTTP/1.1\r\nHost: " + host +
                                         "\r\nOrigin: http://evil.example\r\nConnection: close\r\n\r\n")) == 200);
}

TEST_CASE("Host must be an IP literal, localhost or a configured public host (DNS rebinding)") {
  net::ServerOptions o;
  o.public_hosts = {"aula.example.org"};
  Harness h(o);
  const std::string port = std::to_string(h.port());
  auto get_host = [&](const std::string& host_line) {
    return raw_http(h.port(), "GET / HTTP/1.1\r\n" + host_line + "Connection: close\r\n\r\n");
  };
  for (const std::string& ok : std::vector<std::string>{"127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port,
                                                        "aula.example.org:" + port, "192.168.1.20"})
    CHECK_MESSAGE(status_of(get_host("Host: " + ok + "\r\n")) == 200, ok);
  for (const std::string& bad :
       std::vector<std::string>{"evil.example:" + port, "rebind.evil.example", "127.0.0.1.nip.io:" + port}) {
    auto r = get_host("Host: " + bad + "\r\n");
    CHECK_MESSAGE(status_of(r) == 421, bad);
    CHECK(r.find("bad-host") != std::string::npos);
  }
  CHECK(status_of(get_host("")) == 421);
  CHECK(status_of(upgrade(h.port(), "Host: evil.example:" + port + "\r\n")) == 421);
}

TEST_CASE("pages allow connections to their own origin only") {
  Harness h;
  auto page = get(h.port(), "/");
  CHECK(page.find("connect-src 'self';") != std::string::npos);
  CHECK(page.find("ws:") == std::string::npos);
}

TEST_CASE("public errors: storage, internal and unknown codes lose their message, engine codes keep it") {
  const std::string path = "disk I/O error in /tmp/x/facilita.sqlite3";
  auto e = net::public_error({false, false, "storage", path, {}}, 7);
  CHECK(e.code == "storage");
  CHECK(e.seq == 7);
  CHECK(e.message.find("/tmp") == std::string::npos);
  CHECK(net::public_error({false, false, "internal", path, {}}).message.find("/tmp") == std::string::npos);
  CHECK(net::public_error({false, false, "", path, {}}).code == "internal");
  CHECK(net::public_error({false, false, "Bad Code /tmp", path, {}}).code == "internal");
  auto unknown = net::public_error({false, false, "new-code", path, {}});
  CHECK(unknown.code == "new-code");
  CHECK(unknown.message.find("/tmp") == std::string::npos);
  CHECK(net::public_error({false, false, "prompt-closed", "the prompt is closed", ""}).message == "the prompt is closed");
}

TEST_CASE("a storage error naming the database file never reaches a fellow or the remote") {
  const std::string secret = "cannot write /tmp/x/facilita.sqlite3: disk full";
  net::ServerOptions o;
  o.bind = "127.0.0.1";
  o.port = 0;
  o.web_root = make_web_root();
  o.admin_token = "test-admin-token";
  net::Server server(o, {});
  std::string error;
  REQUIRE(server.start(error));
  server.publish(json{{"type", "state"}, {"version", 1}});
  std::atomic<bool> stop{false};
  std::thread pump([&] {  // the app's pump, with a journal that always fails
    const char* codes[] = {"storage", "internal", "", "unheard-of"};
    int i = 0;
    while (!stop) {
      for (auto& inbound : server.take_inbound()) inbound.reply({false, false, codes[i++ % 4], secret, ""});
      std::this_thread::sleep_for(5ms);
    }
  });
  std::vector<json> errors;
  Client fellow(server.port());
  fellow.send({{"type", "hello"}, {"name", "Ana"}});
  for (int seq = 1; seq <= 4; ++seq)
    fellow.send({{"type", "answer"}, {"prompt", "q-choice"}, {"value", "A"}, {"seq", seq}});
  Client remote(server.port());
  remote.send({{"type", "hello"}, {"admin", "test-admin-token"}});
  REQUIRE(remote.read_type("welcome"));
  remote.send({{"type", "command"}, {"command", "start"}, {"seq", 1}});
  for (int i = 0; i < 5; ++i)
    if (auto m = fellow.read_type("error")) errors.push_back(*m);
  if (auto m = remote.read_type("error")) errors.push_back(*m);
  const std::string body = R"({"command":"start"})";
  auto http = raw_http(server.port(), "POST /api/admin HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                                      "Authorization: Bearer test-admin-token\r\nContent-Length: " +
                                          std::to_string(body.size()) + "\r\n\r\n" + body);
  stop = true;
  pump.join();
  CHECK(errors.size() == 6);
  std::set<std::string> codes;
  for (const auto& e : errors) {
    codes.insert(e["code"].get<std::string>());
    CHECK_MESSAGE(e.dump().find("/tmp/x") == std::string::npos, e.dump());
    CHECK(e.dump().find("sqlite3") == std::string::npos);
  }
  CHECK(codes.count("storage") == 1);
  CHECK(codes.count("internal") == 1);
  CHECK(status_of(http) >= 400);
  CHECK(http.find("/tmp/x") == std::string::npos);
  CHECK(http.find("sqlite3") == std::string::npos);
}

}  // namespace
}  // namespace facilita::test
