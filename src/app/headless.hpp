// The network side of `facilita run`: its flags, the per-turn pump that
// connects net::Server to the Controller, and the headless delivery
// (`facilita run --headless`: journal + server, no windows).
//
// GUI integration (cmd_run.cpp), in three lines:
//   add_net_flags(*cmd, opt->net);                          // when registering `run`
//   if (opt->net.headless) return run_headless_delivery(opt->net, *file, opt->data);
//   ... and in GuiLoop's on_turn: pump.turn(controller, [&](auto& c, Millis t) { return loop->dispatch(c, t); }, now);
#pragma once
#include <CLI/CLI.hpp>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "app/controller.hpp"
#include "app/source_file.hpp"
#include "net/server.hpp"

namespace facilita {

struct NetFlags {
  bool headless = false;
  std::string bind = "0.0.0.0";
  int port = 8080;  // 0 = any free port (printed on stdout)
  std::string admin_token;
  std::string web_root;
  std::size_t max_connections = 3000;
  std::size_t max_per_ip = 32;         // --max-per-ip
  int joins_per_minute = 10;           // --joins-per-minute
  bool limit_loopback = false;         // --limit-loopback
  std::vector<std::string> public_hosts;  // --public-host (repeatable)
  // Not network, but shared by both run modes: --new starts a fresh delivery
  // instead of resuming the unfinished one (--resume, the default).
  bool start_new = false;
};

// Resumes the unfinished delivery of the session, or starts one (--new: always starts).
class Journal;
class JournalSession;
JournalSession open_delivery(Journal& journal, const NetFlags& flags, const std::string& text,
                             const std::string& path, Millis now);

// --headless --port --bind --admin-token --web-root --max-connections --max-per-ip
// --joins-per-minute --limit-loopback --public-host
void add_net_flags(CLI::App& run, NetFlags& flags);

// --web-root, else $FACILITA_WEB_ROOT, else share/facilita/web next to the
// program, else the source tree's assets/web. "" when none has index.html.
std::string find_web_root(const std::string& flag);

net::ServerOptions server_options(const NetFlags& flags);

// Raises the soft open-files limit to the hard one (each fellow is a socket).
void raise_open_files_limit();

using Dispatch = std::function<DispatchResult(const Command&, Millis)>;

// One main-loop turn of network work: every queued command goes through
// `dispatch` (decide -> journal -> apply, exactly like a key press) and is
// answered; the snapshot is published when the state changed, and at least
// once a second for the remote's clock fields.
class NetPump {
 public:
  explicit NetPump(net::Server& server) : server_(server) {}
  void turn(const Controller& controller, const Dispatch& dispatch, Millis now);
  void publish(const Controller& controller, Millis now);

 private:
  net::Server& server_;
  std::uint64_t published_version_ = UINT64_MAX;
  Millis published_at_ = 0;
};

// The headless stand-in for glfwWaitEventsTimeout / glfwPostEmptyEvent.
class Waker {
 public:
  void wake();
  void stop();
  bool stopped();
  void wait(std::chrono::milliseconds timeout);  // until wake(), stop() or the timeout

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  bool woken_ = false;
  bool stopped_ = false;
};

// Serves until waker.stop(). `on_turn(now)` runs every turn (heartbeat...).
int run_headless(Controller& controller, net::Server& server, Waker& waker,
                 const std::function<void(Millis)>& on_turn);

// `facilita run --headless FILE`: opens the journal in `data_flag` (resuming
// an unfinished delivery), starts the server, prints
//   listening on HOST:PORT / join: URL / remote: URL
// on stdout and serves until SIGINT or SIGTERM.
int run_headless_delivery(const NetFlags& flags, const SourceFile& file, const std::string& data_flag);

}  // namespace facilita
