// The storage alarm: a write the journal refuses (here: SQLite's page limit, a
// full disk in miniature) raises it with its source, whatever the source; it
// stays while writes keep failing and clears with the first write that lands.
// Here the journal refuses writes through `PRAGMA query_only` (every write then
// fails, however small: a page limit lets small rows fit into existing pages).
// The real full disk (a tiny tmpfs) is tests/e2e/full_disk.py.
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <arpa/inet.h>

#include <filesystem>
#include <atomic>
#include <fstream>
#include <thread>

#include "app_fixtures.hpp"

using namespace facilita;
using namespace facilita::test;

namespace {

void fill_disk(Delivery& d) { d.journal().database().exec("PRAGMA query_only=ON", "test"); }
void free_disk(Delivery& d) { d.journal().database().exec("PRAGMA query_only=OFF", "test"); }

// One HTTP request over loopback; returns the whole response.
std::string http(unsigned short port, const std::string& request) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  timeval tv{3, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  REQUIRE(::write(fd, request.data(), request.size()) == static_cast<ssize_t>(request.size()));
  std::string out;
  char buf[4096];
  for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;) {
    out.append(buf, static_cast<std::size_t>(n));
    if (out.find("\r\n\r\n") != std::string::npos && out.find("}") != std::string::npos) break;
  }
  ::close(fd);
  return out;
}

}  // namespace

TEST_CASE("storage alarm: raised by a key, kept while failing, cleared by the first good write") {
  sim::TempDir dir;
  FakeTime time;
  Delivery d(options_for(dir.path(), time));
  REQUIRE(d.dispatch(cmd::Start{}, Source::Key, d.now()).ok);
  d.turn(d.now());
  CHECK_FALSE(d.storage_alarm());
  const auto g0 = d.storage_generation();

  fill_disk(d);
  time.advance(1000);
  const Millis failed_at = d.now();
  DispatchResult r = d.dispatch(cmd::Pause{}, Source::Key, failed_at);
  CHECK(r.code == "storage");
  REQUIRE(d.storage_alarm());
  CHECK(d.storage_alarm()->source == Source::Key);
  CHECK(d.storage_alarm()->since == failed_at);
  CHECK_FALSE(d.storage_alarm()->reason.empty());
  const auto g1 = d.storage_generation();
  CHECK(g1 != g0);
  CHECK(d.controller().state().agenda.running);  // nothing changed

  time.advance(1000);
  CHECK(d.dispatch(cmd::Pause{}, Source::Key, d.now()).code == "storage");
  CHECK(d.storage_generation() == g1);  // the same failure again: no new log line
  CHECK(d.storage_alarm()->failures == 2);

  // A rejected command is not a write: the alarm stays.
  CHECK(d.dispatch(cmd::Previous{}, Source::Key, d.now()).code == "first-section");

  free_disk(d);
  time.advance(1000);
  CHECK(d.dispatch(cmd::Pause{}, Source::Key, d.now()).ok);
  CHECK_FALSE(d.storage_alarm());
  CHECK(d.storage_generation() != g1);
}

TEST_CASE("storage alarm: a prompt closing on time that cannot be journaled is reported and retried") {
  sim::TempDir dir;
  FakeTime time;
  Delivery d(options_for(dir.path(), time));
  REQUIRE(d.dispatch(cmd::Start{}, Source::Key, d.now()).ok);
  REQUIRE(d.dispatch(cmd::OpenPrompt{"q-rapida"}, Source::Key, d.now()).ok);
  d.turn(d.now());
  fill_disk(d);
  time.advance(30'000);
  d.turn(d.now());
  REQUIRE(d.storage_alarm());
  CHECK(d.storage_alarm()->from(Source::Timer));
  CHECK(d.controller().state().open_prompt == "q-rapida");  // not closed: not journaled
  // Not retried in a busy loop: the next wake-up is a second away.
  CHECK(d.next_wake_at(d.now()) >= d.now() + 1000 - 1);
  free_disk(d);
  time.advance(1000);
  d.turn(d.now());
  CHECK(d.controller().state().open_prompt.empty());
  CHECK_FALSE(d.storage_alarm());
}

TEST_CASE("storage alarm: the remote's command through the real server raises it as `remote`") {
  sim::TempDir dir;
  FakeTime time;
  const std::string web = dir.path() + "/web";
  std::filesystem::create_directories(web);
  std::ofstream(web + "/index.html") << "<!doctype html><title>fellow</title>";
  Delivery d(options_for(dir.path() + "/data", time));
  net::ServerOptions o;
  o.bind = "127.0.0.1";
  o.port = 0;
  o.web_root = web;
  o.admin_token = "storage-test-admin-token-0123456789";
  std::string problem;
  REQUIRE_MESSAGE(d.serve(o, [] {}, problem, Lang::En), problem);
  const unsigned short port = d.server()->port();
  d.turn(d.now());  // first heartbeat, so the remote is the first to fail
  fill_disk(d);

  // The HTTP reply waits for the main thread: run turns until it is answered.
  std::string body = R"({"command":"start"})";
  std::string request = "POST /api/admin HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                        "\r\nAuthorization: Bearer " + o.admin_token +
                        "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " +
                        std::to_string(body.size()) + "\r\n\r\n" + body;
  std::atomic<bool> stop{false};
  std::thread loop([&] {
    while (!stop) {
      d.turn(d.now());
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  });
  std::string response = http(port, request);
  stop = true;
  loop.join();
  CHECK(response.find(" 503 ") != std::string::npos);
  CHECK(response.find(dir.path()) == std::string::npos);  // no file paths leave the server
  REQUIRE(d.storage_alarm());
  CHECK(d.storage_alarm()->source == Source::Remote);
  CHECK_FALSE(d.controller().state().agenda.started);
}

TEST_CASE("storage alarm: a good heartbeat clears only an alarm the heartbeat alone raised") {
  sim::TempDir dir;
  FakeTime time;
  Delivery d(options_for(dir.path(), time));
  REQUIRE(d.dispatch(cmd::Start{}, Source::Key, d.now()).ok);
  d.turn(d.now());
  fill_disk(d);
  time.advance(3000);
  d.turn(d.now());
  REQUIRE(d.storage_alarm());
  CHECK(d.storage_alarm()->source == Source::Heartbeat);
  free_disk(d);
  time.advance(3000);
  d.turn(d.now());
  CHECK_FALSE(d.storage_alarm());

  fill_disk(d);
  CHECK(d.dispatch(cmd::Pause{}, Source::Key, d.now()).code == "storage");
  time.advance(3000);
  d.turn(d.now());
  CHECK(d.storage_alarm()->from(Source::Heartbeat));
  free_disk(d);
  time.advance(3000);
  d.turn(d.now());  // the heartbeat fits again, but the pause was never saved
  REQUIRE(d.storage_alarm());
  CHECK(d.storage_alarm()->from(Source::Key));
  CHECK(d.dispatch(cmd::Pause{}, Source::Key, d.now()).ok);
  CHECK_FALSE(d.storage_alarm());
}
