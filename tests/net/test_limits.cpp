// Per-address limits: the IpLimits table with a fake clock, the Host and
// Origin checks, and the server's caps on connections and new participants
// per address (127.0.0.2 stands in for another device).
#include "net/limits.hpp"
#include "net_harness.hpp"

namespace facilita::test {
namespace {

using net::IpLimits;
using net::Peer;
using Gate = IpLimits::AdminGate;

const Peer kPhone{"192.168.1.20", false};
const Peer kOther{"192.168.1.21", false};
const Peer kLocal{"127.0.0.1", true};

std::string get_from(unsigned short port, const std::string& from, const std::string& target = "/healthz") {
  return raw_http(port, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", 2s, from);
}

int participants(unsigned short port) {
  auto r = get_from(port, "127.0.0.1", "/api/state");
  auto body = json::parse(r.substr(r.find("\r\n\r\n") + 4), nullptr, false);
  return body.is_object() ? body.value("participants", -1) : -1;
}

// /api/state follows the pump within a broadcast interval.
bool participants_become(unsigned short port, int n) {
  for (int i = 0; i < 60; ++i) {
    if (participants(port) == n) return true;
    std::this_thread::sleep_for(50ms);
  }
  return false;
}

TEST_CASE("limits: addresses are normalised and loopback is recognised") {
  CHECK(net::peer_from_address("::ffff:192.168.1.20").ip == "192.168.1.20");
  CHECK_FALSE(net::peer_from_address("::ffff:192.168.1.20").loopback);
  CHECK(net::peer_from_address("::ffff:127.0.0.5").loopback);
  CHECK(net::peer_from_address("127.1.2.3").loopback);
  CHECK(net::peer_from_address("::1").loopback);
  CHECK_FALSE(net::peer_from_address("10.0.0.1").loopback);
  CHECK_FALSE(net::peer_from_address("fe80::1").loopback);
}

TEST_CASE("limits: open connections per address are capped, loopback is exempt unless asked") {
  const auto t0 = IpLimits::Clock::time_point{} + 1h;
  IpLimits limits({.max_connections_per_ip = 2});
  CHECK(limits.open_connection(kPhone, t0));
  CHECK(limits.open_connection(kPhone, t0));
  CHECK_FALSE(limits.open_connection(kPhone, t0));
  CHECK(limits.open_connection(kOther, t0));  // another device is not affected
  limits.close_connection(kPhone);
  CHECK(limits.open_connection(kPhone, t0));
  CHECK(limits.connections(kPhone.ip) == 2);
  for (int i = 0; i < 10; ++i) CHECK(limits.open_connection(kLocal, t0));

  IpLimits strict({.max_connections_per_ip = 2, .limit_loopback = true});
  CHECK(strict.open_connection(kLocal, t0));
  CHECK(strict.open_connection(kLocal, t0));
  CHECK_FALSE(strict.open_connection(kLocal, t0));
}

TEST_CASE("limits: new participants per address per minute, on a fake clock") {
  const auto t0 = IpLimits::Clock::time_point{} + 1h;
  IpLimits limits({.joins_per_minute = 3});
  for (int i = 0; i < 3; ++i) CHECK(limits.take_join(kPhone, t0 + i * 1s));
  CHECK_FALSE(limits.take_join(kPhone, t0 + 30s));
  CHECK(limits.take_join(kOther, t0 + 30s));
  CHECK(limits.take_join(kLocal, t0 + 30s));  // loopback exempt by default
  CHECK_FALSE(limits.take_join(kPhone, t0 + 59s));
  CHECK(limits.take_join(kPhone, t0 + 60s));  // the first one left the window
  CHECK_FALSE(limits.take_join(kPhone, t0 + 60s + 500ms));
}

TEST_CASE("limits: failed admin attempts delay after 3 and block for a minute after 10, loopback included") {
  const auto t0 = IpLimits::Clock::time_point{} + 1h;
  IpLimits limits({});
  CHECK(limits.admin_gate(kLocal, t0) == Gate::open);
  for (int i = 0; i < 3; ++i) limits.admin_failed(kLocal, t0 + i * 1s);
  CHECK(limits.admin_gate(kLocal, t0 + 3s) == Gate::delayed);
  CHECK(limits.admin_gate(kPhone, t0 + 3s) == Gate::open);
  CHECK(limits.admin_gate(kLocal, t0 + 61s) == Gate::open);  // the failures aged out
  for (int i = 0; i < 10; ++i) limits.admin_failed(kLocal, t0 + 100s + i * 1s);
  CHECK(limits.admin_gate(kLocal, t0 + 110s) == Gate::blocked);
  CHECK(limits.admin_retry_after_s(kLocal, t0 + 110s) == 59);
  CHECK(limits.admin_gate(kLocal, t0 + 168s) == Gate::blocked);
  CHECK(limits.admin_gate(kLocal, t0 + 170s) == Gate::open);
}

TEST_CASE("limits: addresses that limit nothing any more are forgotten") {
  const auto t0 = IpLimits::Clock::time_point{} + 1h;
  IpLimits limits({});
  for (int i = 0; i < 1000; ++i) {
    Peer p{"10.0." + std::to_string(i / 250) + "." + std::to_string(i % 250), false};
    limits.open_connection(p, t0);
    limits.close_connection(p);
    limits.take_join(p, t0);
  }
  CHECK(limits.tracked() == 1000);
  limits.open_connection(kPhone, t0 + 2min);
  CHECK(limits.tracked() == 1);
}

TEST_CASE("limits: Host is an IP literal, localhost or a configured name, and Origin must match it") {
  const std::vector<std::string> names{"aula.example.org"};
  for (const char* ok : {"127.0.0.1", "127.0.0.1:8080", "192.168.1.20:80", "localhost", "LocalHost:8080", "[::1]",
                         "[::1]:8080", "[fe80::1]:1", "aula.example.org", "AULA.example.org:8080"})
    CHECK_MESSAGE(net::host_allowed(ok, names), ok);
  for (const char* bad : {"", "evil.example", "evil.example:8080", "127.0.0.1.evil.example", "localhost.evil",
                          "1", "0x7f.0.0.1", "127.1", "[::1", "[::1]x", "[nope]:80", "127.0.0.1:", "127.0.0.1:x",
                          "aula.example.org.evil", ":8080", "127.0.0.1:123456"})
    CHECK_FALSE_MESSAGE(net::host_allowed(bad, names), bad);
  CHECK(net::same_origin("http://127.0.0.1:8080", "127.0.0.1:8080"));
  CHECK(net::same_origin("https://aula.example.org", "aula.example.org"));
  CHECK(net::same_origin("HTTP://LOCALHOST:8080", "localhost:8080"));
  CHECK_FALSE(net::same_origin("http://127.0.0.1:9999", "127.0.0.1:8080"));
  CHECK_FALSE(net::same_origin("http://evil.example", "127.0.0.1:8080"));
  CHECK_FALSE(net::same_origin("null", "127.0.0.1:8080"));
  CHECK_FALSE(net::same_origin("http://", ""));
  CHECK_FALSE(net::same_origin("ftp://127.0.0.1:8080", "127.0.0.1:8080"));
}

TEST_CASE("limits: connections per address above the cap get 503 but other addresses and loopback by default do not") {
  {
    net::ServerOptions o;
    o.max_per_ip = 2;
    o.limit_loopback = true;
    Harness h(o);
    Client a(h.port(), 0, "127.0.0.3");
    Client b(h.port(), 0, "127.0.0.3");
    CHECK(status_of(get_from(h.port(), "127.0.0.3")) == 503);
    CHECK(status_of(get_from(h.port(), "127.0.0.4")) == 200);  // another device
  }
  net::ServerOptions o;
  o.max_per_ip = 1;
  Harness h(o);  // loopback exempt: a benchmark or a reverse proxy on this machine
  Client a(h.port());
  Client b(h.port());
  CHECK(status_of(get_from(h.port(), "127.0.0.1")) == 200);
}

TEST_CASE("limits: new participants per address per minute, the excess gets too-many-joins and creates nobody") {
  net::ServerOptions o;
  o.joins_per_minute = 2;
  o.limit_loopback = true;
  Harness h(o);
  Client a(h.port(), 0, "127.0.0.5");
  Client b(h.port(), 0, "127.0.0.5");
  Client c(h.port(), 0, "127.0.0.5");
  a.join("Ana");
  b.join("Bea");
  c.send({{"type", "hello"}, {"name", "Caro"}});
  auto refused = c.read_type("error");
  REQUIRE(refused);
  CHECK((*refused)["code"] == "too-many-joins");
  CHECK(participants_become(h.port(), 2));
  // A participant this server already welcomed is not new: Ana comes back.
  Client again(h.port(), 0, "127.0.0.5");
  again.join("Ana", a.token());
  Client other(h.port(), 0, "127.0.0.6");  // another device
  other.join("Dora");
  CHECK(participants_become(h.port(), 3));
}

TEST_CASE("limits: failed admin attempts over HTTP and WebSocket are slowed, then refused with 429 per address") {
  net::ServerOptions o;
  o.admin_delay_ms = 300;
  Harness h(o);  // loopback is not exempt here
  const std::string body = R"({"command":"start"})";
  auto post = [&](const std::string& token, const std::string& from) {
    std::string auth = token.empty() ? "" : "Authorization: Bearer " + token + "\r\n";
    return raw_http(h.port(),
                    "POST /api/admin HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + auth +
                        "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
                        "\r\n\r\n" + body,
                    3s, from);
  };
  auto timed = [](auto fn) {
    auto start = std::chrono::steady_clock::now();
    auto r = fn();
    return std::pair{r, std::chrono::steady_clock::now() - start};
  };
  CHECK(status_of(post("", "127.0.0.7")) == 401);
  CHECK(status_of(post("wrong-token-wrong-token", "127.0.0.7")) == 403);
  Client ws(h.port(), 0, "127.0.0.7");
  ws.send({{"type", "hello"}, {"admin", "also-wrong-also-wrong"}});
  auto wrong = ws.read_type("error");
  REQUIRE(wrong);
  CHECK((*wrong)["code"] == "forbidden");
  // Three failures from this address: the next answers wait (even a right token's).
  auto [slow, took] = timed([&] { return post("wrong-token-wrong-token", "127.0.0.7"); });
  CHECK(status_of(slow) == 403);
  CHECK(took >= 250ms);
  CHECK(status_of(post("wrong-token-wrong-token", "127.0.0.8")) == 403);  // counted for 127.0.0.8 only
  for (int i = 0; i < 6; ++i) CHECK(status_of(post("wrong-token-wrong-token", "127.0.0.7")) == 403);
  // Ten within a minute: the right token is refused too, over HTTP and the socket.
  auto blocked = post("test-admin-token", "127.0.0.7");
  CHECK(status_of(blocked) == 429);
  CHECK(blocked.find("Retry-After: ") != std::string::npos);
  CHECK(blocked.find("rate-limited") != std::string::npos);
  Client remote(h.port(), 0, "127.0.0.7");
  remote.send({{"type", "hello"}, {"admin", "test-admin-token"}});
  auto refused = remote.read_type("error");
  REQUIRE(refused);
  CHECK((*refused)["code"] == "rate-limited");
  CHECK(status_of(post("test-admin-token", "127.0.0.9")) == 200);  // the facilitator elsewhere is fine
}

}  // namespace
}  // namespace facilita::test
