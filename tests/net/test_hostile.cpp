// Hostile and broken clients: oversized, malformed and binary messages,
// floods, slow readers, path traversal, junk HTTP, too many connections.
// None of it may crash the server or disturb the other clients.
#include "net_harness.hpp"

namespace facilita::test {
namespace {

std::string get(unsigned short port, const std::string& target) {
  return raw_http(port, "GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
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
  CHECK_FALSE(fast.closed());
  CHECK(states >= 10);
  CHECK(std::chrono::steady_clock::now() - start < 8s);
  // The slow one was dropped: its socket ends (after the data already buffered).
  CHECK(slow.wait_closed(20s));
  auto health = json::parse(get(h.port(), "/healthz").substr(get(h.port(), "/healthz").find("\r\n\r\n") + 4));
  CHECK(health["websockets"] == 1);
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
  auto head = raw_http(h.port(), "HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
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
  CHECK(status_of(raw_http(h.port(), "GET / HTTP/1.1\r\nHost: x\r\nX: " + std::string(20000, 'a') + "\r\n\r\n")) == 431);
  CHECK(status_of(raw_http(h.port(), "DELETE / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")) == 405);
  CHECK(status_of(raw_http(h.port(), "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")) == 405);
  CHECK(status_of(raw_http(h.port(), "POST /api/admin HTTP/1.1\r\nHost: x\r\nContent-Length: 99999\r\n\r\n")) == 413);
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
  auto refused = raw_http(h.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  CHECK(status_of(refused) == 503);
}

TEST_CASE("a silent client is timed out at the handshake") {
  net::ServerOptions o;
  o.handshake_timeout_s = 1;
  Harness h(o);
  auto start = std::chrono::steady_clock::now();
  auto r = raw_http(h.port(), "GET / HTTP/1.1\r\nHost: x\r\n", 5s);  // never finishes its headers
  CHECK(r.empty());
  CHECK(std::chrono::steady_clock::now() - start < 4s);
  CHECK(still_serves(h.port()));
}

}  // namespace
}  // namespace facilita::test
