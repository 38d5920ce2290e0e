// Crash test: a child journals answers and acknowledges each one on stdout
// after its commit; we SIGKILL it at random moments (fixed seed) and check
// that every acknowledged event is in the journal, the database is intact,
// and the delivery replays. The same journal is reused across rounds, so each
// child also recovers the WAL its predecessor left and resumes the delivery
// (a fresh journal every 10 rounds).
#include <doctest/doctest.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <memory>
#include <random>
#include <string>

#include "persist/journal_session.hpp"
#include "sim.hpp"

extern char** environ;

using namespace facilita;
using Clock = std::chrono::steady_clock;

namespace {

struct Child {
  pid_t pid = -1;
  int out = -1;  // read end of the child's stdout
  std::string buffer;
  std::int64_t delivery = 0;
  std::int64_t ready_seq = 0;
  std::int64_t max_ack = 0;
  int acks = 0;
  bool eof = false;

  // Reads what is available until `deadline` (or "ready", when asked); complete lines only.
  void read_until(Clock::time_point deadline, bool until_ready = false) {
    while (!eof) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
      if (left <= 0) return;
      pollfd p{out, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left)) <= 0) continue;
      char chunk[4096];
      ssize_t n = ::read(out, chunk, sizeof chunk);
      if (n <= 0) {
        eof = true;
        return;
      }
      buffer.append(chunk, static_cast<std::size_t>(n));
      for (std::size_t nl; (nl = buffer.find('\n')) != std::string::npos; buffer.erase(0, nl + 1)) {
        std::string line = buffer.substr(0, nl);
        long long a = 0, b = 0;
        if (std::sscanf(line.c_str(), "ready %lld %lld", &a, &b) == 2) {
          delivery = a;
          ready_seq = b;
        } else if (std::sscanf(line.c_str(), "ack %lld", &a) == 1) {
          REQUIRE(a > max_ack);
          max_ack = a;
          ++acks;
        }
      }
      if (until_ready && delivery) return;
    }
  }
};

Child spawn_child(const std::string& data_dir, const char* durability) {
  int fds[2];
  REQUIRE(::pipe2(fds, O_CLOEXEC) == 0);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
  std::string program = CRASH_CHILD_PATH;
  std::string max_appends = "100000", mode = durability;
  char* argv[] = {program.data(), const_cast<char*>(data_dir.c_str()), max_appends.data(), mode.data(), nullptr};
  Child child;
  int rc = ::posix_spawn(&child.pid, program.c_str(), &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(fds[1]);
  REQUIRE(rc == 0);
  child.out = fds[0];
  return child;
}

}  // namespace

TEST_CASE("crash: SIGKILL at random moments never loses an acknowledged event") {
  std::mt19937 rng(20250304);
  std::uniform_int_distribution<int> delay_ms(5, 80);
  constexpr int kRounds = 50;
  int total_acks = 0, killed = 0;
  std::int64_t delivery = 0;
  const auto started = Clock::now();

  // A fresh journal every kRoundsPerJournal rounds keeps replay (in sanitizer builds) short.
  constexpr int kRoundsPerJournal = 10;
  std::unique_ptr<sim::TempDir> dir;
  for (int round = 0; round < kRounds; ++round) {
    CAPTURE(round);
    if (round % kRoundsPerJournal == 0) {
      dir = std::make_unique<sim::TempDir>();
      delivery = 0;
    }
    // Mostly the default (Normal); every third round with synchronous=FULL.
    Child child = spawn_child(dir->path(), round % 3 == 2 ? "full" : "normal");
    // Wait for "ready" (opening, recovery and replay done), at most 20 s.
    auto ready_deadline = Clock::now() + std::chrono::seconds(20);
    child.read_until(ready_deadline, true);
    REQUIRE_MESSAGE(child.delivery != 0, "the child did not get ready");
    if (delivery) CHECK(child.delivery == delivery);  // it resumed the same delivery
    delivery = child.delivery;

    child.read_until(Clock::now() + std::chrono::milliseconds(delay_ms(rng)));
    ::kill(child.pid, SIGKILL);
    child.read_until(Clock::now() + std::chrono::seconds(10));  // all it wrote before dying counts
    int status = 0;
    ::waitpid(child.pid, &status, 0);
    ::close(child.out);
    killed += WIFSIGNALED(status) ? 1 : 0;
    total_acks += child.acks;

    Journal journal = Journal::open(dir->path());
    CHECK(journal.integrity_check() == "ok");
    auto info = journal.delivery(delivery);
    REQUIRE(info);
    CHECK(info->last_seq >= child.max_ack);
    CHECK(info->last_seq >= child.ready_seq);
    std::int64_t expected = 0;
    bool contiguous = true;
    journal.for_each_event(delivery, [&](std::int64_t seq, const Event&) { contiguous &= (seq == ++expected); });
    CHECK(contiguous);
    CHECK(expected == info->last_seq);
    Replayed r = replay(journal, delivery);
    CHECK(r.state.agenda.started);
    CHECK(r.state.participants.size() == sim::fellows().size());
  }
  double seconds = std::chrono::duration<double>(Clock::now() - started).count();
  MESSAGE("crash test: " << kRounds << " rounds, " << killed << " killed mid-run, " << total_acks
                         << " acknowledged answers, all present; " << seconds << " s");
  CHECK(killed == kRounds);
  CHECK(total_acks > kRounds);  // the kills landed while appending
}
