// A delivery being run: everything `facilita run` does between opening the data
// directory and stopping, without windows. The console (cmd_run.cpp + GuiLoop)
// and `run --headless` (headless.cpp) both construct one and drive it:
//
//   Delivery delivery(options);                 // lock, journal, resume or start, outage
//   delivery.serve(server_options, wake, err, lang);  // fellows' server (optional for the console)
//   loop:
//     Millis now = delivery.now();
//     delivery.turn(now);                       // inbound batch -> publish -> replies; timers; heartbeat
//     ... keys: delivery.dispatch(command, Source::Key, now)
//     sleep until input or delivery.next_wake_at(now)
//   delivery.close();                           // answers what is queued, stops the server
//
// What it owns: the session's lock (one writer), the Journal and JournalSession,
// the Controller, the server and its NetPump, the heartbeat, the storage alarm
// and the clock. Main thread only, except where noted.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "app/controller.hpp"
#include "app/net_pump.hpp"
#include "core/lang.hpp"
#include "net/server.hpp"
#include "persist/delivery_lock.hpp"
#include "persist/journal_session.hpp"

namespace facilita {

// Where a change came from; names the source of a storage failure.
enum class Source { Start, Key, Remote, Fellow, Timer, Heartbeat };
std::string_view to_string(Source source);  // "start", "key", "remote", "fellow", "timer", "heartbeat"

// The journal refused a write. Set by the failure, cleared by the next write
// that succeeds. `reason` may name files: for the console and the log only.
struct StorageAlarm {
  std::string reason;           // of the latest failure
  Source source = Source::Key;  // of the first failure
  unsigned sources = 0;         // every source that failed since: bit (1 << Source)
  Millis since = 0;             // first failure since the last good write (delivery clock)
  std::uint64_t failures = 0;   // failed writes since then
  bool from(Source s) const { return sources & (1u << static_cast<unsigned>(s)); }
};

// Time sources; tests pass fakes. `wall`: ms since the Unix epoch. `steady`: ms of
// a clock that never jumps (CLOCK_BOOTTIME: not stepped by NTP or by hand, and it
// counts a laptop's suspend, so a break with the lid closed still lasts).
struct ClockSource {
  std::function<Millis()> wall;
  std::function<Millis()> steady;
  static ClockSource system();
};

// The delivery's clock: wall time read once at open, plus the steady clock's
// elapsed time. A wall-clock step (NTP, a facilitator fixing the time zone) during
// a delivery neither adds a negative span nor jumps the countdown; never goes back.
class DeliveryClock {
 public:
  explicit DeliveryClock(ClockSource source);
  Millis now();

 private:
  ClockSource source_;
  Millis wall_origin_;
  Millis steady_origin_;
  Millis last_ = 0;
};

struct DeliveryOptions {
  std::string data_dir;  // created when missing (0700)
  std::string file_text;
  std::string file_path;
  bool start_new = false;  // --new: abandon the unfinished delivery, start another
  ClockSource clock = ClockSource::system();
};

class Delivery {
 public:
  // Takes the session's lock first (before resume / --new decide anything), then
  // opens the journal, resumes or starts, and records the outage since the last
  // sign of life. Throws LockHeldError when another live process delivers the
  // session with this data directory; JournalError / std::runtime_error otherwise.
  explicit Delivery(DeliveryOptions options);
  ~Delivery();
  Delivery(const Delivery&) = delete;
  Delivery& operator=(const Delivery&) = delete;

  // Starts the fellows' server; `wake` (thread-safe) is called when commands wait.
  // false + a one-line `problem` when it cannot start.
  // On failure `problem` says why in `lang`, naming the port, address or directory.
  bool serve(net::ServerOptions options, std::function<void()> wake, std::string& problem, Lang lang);
  net::Server* server() { return server_.get(); }
  // The pump (connection health as of its last publish); nullptr without a server.
  const NetPump* pump() const { return pump_ ? &*pump_ : nullptr; }

  Millis now() { return clock_.now(); }

  // One loop turn at `now`: fellows' and remote commands (one batch, one commit,
  // published, then answered), a prompt whose window ran out closes, heartbeat.
  void turn(Millis now);
  // When turn() next has work without any input (a prompt's window closing, the
  // heartbeat, the once-a-second publish); the loop sleeps until then at most.
  Millis next_wake_at(Millis now) const;
  // A command from the console (keys, clicks) or another local source.
  DispatchResult dispatch(const Command& command, Source source, Millis now);
  // Answers what is still queued, stops the server, last heartbeat. Idempotent.
  void close();

  Controller& controller() { return *controller_; }
  const Controller& controller() const { return *controller_; }
  Journal& journal() { return *journal_; }
  const std::string& data_dir() const { return data_dir_; }
  std::int64_t delivery_id() const { return journal_session_->delivery_id(); }
  bool resumed() const { return journal_session_->resumed(); }
  const std::string& note() const { return journal_session_->note(); }

  const std::optional<StorageAlarm>& storage_alarm() const { return alarm_; }
  // Changes whenever the alarm is raised, clears, changes reason or gains a source
  // (not on every failed retry: a log line per change stays short).
  std::uint64_t storage_generation() const { return alarm_generation_; }

 private:
  void record(const DispatchResult& result, Source source, Millis now);
  void wrote_ok();
  void heartbeat(Millis now);

  DeliveryClock clock_;
  std::string data_dir_;
  std::optional<DeliveryLock> lock_;
  std::unique_ptr<Journal> journal_;
  std::unique_ptr<JournalSession> journal_session_;
  std::unique_ptr<Controller> controller_;
  std::unique_ptr<net::Server> server_;
  std::optional<NetPump> pump_;
  Millis last_heartbeat_ = 0;
  Millis timer_retry_at_ = 0;  // a due close that could not be journaled is retried after a second
  std::optional<StorageAlarm> alarm_;
  std::uint64_t alarm_generation_ = 0;
  bool closed_ = false;
};

}  // namespace facilita
