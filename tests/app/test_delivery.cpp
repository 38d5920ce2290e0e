// Delivery without windows or sockets: its clock under wall-clock steps, the
// loop waking on time for a prompt's window, the one-writer lock, and the
// permissions of what it creates.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "app_fixtures.hpp"
#include "core/timers.hpp"
#include "persist/data_dir.hpp"

using namespace facilita;
using namespace facilita::test;
namespace fs = std::filesystem;

namespace {

int mode_of(const std::string& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return static_cast<int>(st.st_mode & 0777);
}

}  // namespace

TEST_CASE("the delivery clock: wall time at open plus steady time, never backwards") {
  FakeTime time;
  DeliveryClock clock(time.source());
  const Millis t0 = clock.now();
  CHECK(t0 == time.wall);
  time.advance(1500);
  CHECK(clock.now() == t0 + 1500);
  time.step_wall(-3'600'000);  // NTP steps the wall clock back an hour
  CHECK(clock.now() == t0 + 1500);
  time.advance(500);
  CHECK(clock.now() == t0 + 2000);
  time.step_wall(+7'200'000);  // and forward two
  time.advance(10);
  CHECK(clock.now() == t0 + 2010);
}

TEST_CASE("a wall-clock step back during a pause adds no negative span and does not jump the countdown") {
  sim::TempDir dir;
  FakeTime time;
  Delivery d(options_for(dir.path(), time));
  REQUIRE(d.dispatch(cmd::Start{}, Source::Key, d.now()).ok);
  time.advance(60'000);
  const Timing running = derive(d.controller().session(), d.controller().state(), d.now());
  REQUIRE(d.dispatch(cmd::Pause{}, Source::Key, d.now()).ok);
  time.advance(20'000);
  time.step_wall(-3'600'000);
  REQUIRE(d.dispatch(cmd::Resume{}, Source::Key, d.now()).ok);
  const State& s = d.controller().state();
  CHECK(s.agenda.paused_total_ms == 20'000);
  time.step_wall(+3'600'000);
  const Timing after = derive(d.controller().session(), s, d.now());
  CHECK(after.section_elapsed_ms == running.section_elapsed_ms);  // 60 s, as before the pause
  // Every journaled event is at or after the one before it.
  Millis last = 0;
  d.journal().for_each_event(d.delivery_id(), [&](std::int64_t, const Event& e) {
    CHECK(e.at >= last);
    last = e.at;
  });
}

TEST_CASE("the loop wakes on time: a timed prompt closes at its deadline, not at the next tick") {
  sim::TempDir dir;
  FakeTime time;
  Delivery d(options_for(dir.path(), time));
  REQUIRE(d.dispatch(cmd::Start{}, Source::Key, d.now()).ok);
  d.turn(d.now());  // first heartbeat
  REQUIRE(d.dispatch(cmd::OpenPrompt{"q-rapida"}, Source::Key, d.now()).ok);
  const Millis opened = d.now();
  const Millis due = next_due_at(d.controller().session(), d.controller().state());
  REQUIRE(due == opened + 30'000);

  // The loop sleeps until next_wake_at(); walk it the way the loop does.
  int wakes = 0;
  while (d.controller().state().open_prompt == "q-rapida" && wakes < 100) {
    const Millis wake = d.next_wake_at(d.now());
    CHECK(wake <= due);  // never sleeps past the deadline
    time.advance(wake - d.now());
    d.turn(d.now());
    ++wakes;
  }
  CHECK(d.controller().state().open_prompt.empty());
  CHECK(d.now() >= due);
  CHECK(d.now() - due <= 100);  // closed within 100 ms of its time
  CHECK(d.controller().state().prompts.at("q-rapida").closed_at - due <= 100);
}

TEST_CASE("turn() before the deadline leaves the prompt open") {
  sim::TempDir dir;
  FakeTime time;
  Delivery d(options_for(dir.path(), time));
  REQUIRE(d.dispatch(cmd::Start{}, Source::Key, d.now()).ok);
  REQUIRE(d.dispatch(cmd::OpenPrompt{"q-rapida"}, Source::Key, d.now()).ok);
  time.advance(29'900);
  d.turn(d.now());
  CHECK(d.controller().state().open_prompt == "q-rapida");
  CHECK(d.next_wake_at(d.now()) - d.now() <= 100);
  time.advance(100);
  d.turn(d.now());
  CHECK(d.controller().state().open_prompt.empty());
}

TEST_CASE("one writer: a second Delivery of the same session in the same data directory is refused") {
  sim::TempDir dir;
  FakeTime time;
  auto first = std::make_unique<Delivery>(options_for(dir.path(), time));
  REQUIRE(first->dispatch(cmd::Start{}, Source::Key, first->now()).ok);
  std::string message;
  long pid = -1;
  try {
    Delivery second(options_for(dir.path(), time, /*start_new=*/true));
  } catch (const LockHeldError& e) {
    message = e.what();
    pid = e.holder_pid();
  }
  CHECK(pid == ::getpid());
  CHECK(message.find("process " + std::to_string(::getpid())) != std::string::npos);
  // --new was refused before it could abandon anything: delivery 1 still runs.
  CHECK(first->journal().delivery(first->delivery_id())->status == "running");
  first.reset();
  Delivery again(options_for(dir.path(), time));  // released: taken over
  CHECK(again.resumed());
  CHECK(again.delivery_id() == 1);
}

TEST_CASE("the data directory is 0700, the journal and lock 0600, whatever the umask") {
  sim::TempDir dir;
  FakeTime time;
  const mode_t old = ::umask(022);
  {
    const std::string data = dir.path() + "/nested/data";
    Delivery d(options_for(data, time));
    CHECK(mode_of(data) == 0700);
    CHECK(mode_of(journal_path(data)) == 0600);
    CHECK(mode_of(data + "/" + DeliveryLock::file_name("app-test")) == 0600);
  }
  {
    // An existing journal directory left open by an older version is tightened.
    const std::string data = dir.path() + "/old";
    fs::create_directories(data);
    ::chmod(data.c_str(), 0755);
    { Journal::open(data); }
    ::chmod(journal_path(data).c_str(), 0644);
    Delivery d(options_for(data, time));
    CHECK(mode_of(data) == 0700);
    CHECK(mode_of(journal_path(data)) == 0600);
  }
  {
    // A shared directory given as --data is left as it is.
    const std::string shared = dir.path() + "/shared";
    fs::create_directories(shared + "/someone-else");
    ::chmod(shared.c_str(), 0755);
    make_private_dir(shared);
    CHECK(mode_of(shared) == 0755);
  }
  ::umask(old);
}

TEST_CASE("lock file names stay inside the data directory") {
  CHECK(DeliveryLock::file_name("m2-s3") == "m2-s3.lock");
  CHECK(DeliveryLock::file_name("../../etc/passwd").find('/') == std::string::npos);
  CHECK(DeliveryLock::file_name("..").find("..") == std::string::npos);
}
