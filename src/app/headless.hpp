// The network side of `facilita run`: its flags, and the headless shell
// (`facilita run --headless`: the same Delivery as the console, no windows).
//
// GUI integration (cmd_run.cpp):
//   add_net_flags(*cmd, opt->net, help);                    // when registering `run`
//   if (opt->net.headless) return run_headless_delivery(opt->net, *file, opt->data, lang);
#pragma once
#include <CLI/CLI.hpp>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "app/delivery.hpp"
#include "core/lang.hpp"
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
  bool no_qr = false;  // --no-qr: no join QR under the join URL (headless)
};

// --headless --port --bind --admin-token --web-root --max-connections --max-per-ip
// --joins-per-minute --limit-loopback --public-host --no-qr
// Their descriptions in `help`'s language.
void add_net_flags(CLI::App& run, NetFlags& flags, Lang help);

// --web-root, else $FACILITA_WEB_ROOT, else find_shared(Shared::Web) (share
// dir override, ../share/facilita next to the program, the source tree), else
// web/ beside the program. "" when none has index.html.
std::string find_web_root(const std::string& flag);

net::ServerOptions server_options(const NetFlags& flags);

// The two lines a started server prints in `lang` (scripts read the port from the
// first): "escuchando en HOST:PORT\nunirse: URL\n" or "listening on …\njoin: …\n".
std::string listening_lines(Lang lang, const std::string& bind, unsigned short port, const std::string& join_url);

// Raises the soft open-files limit to the hard one (each fellow is a socket).
void raise_open_files_limit();

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

// What Delivery needs from the flags and the file (`data_dir` already resolved).
DeliveryOptions delivery_options(const NetFlags& flags, const SourceFile& file, const std::string& data_dir);

// `facilita run --headless FILE`: opens the Delivery in `data_flag` (resuming
// an unfinished one), starts the server, prints in `lang`
//   escuchando en HOST:PORT / unirse: URL / control remoto: URL
//   (listening on HOST:PORT / join: URL / remote: URL)
// on stdout and serves until SIGINT or SIGTERM. Storage failures go to stderr,
// one line each time the alarm changes (raised, new reason or source, cleared).
int run_headless_delivery(const NetFlags& flags, const SourceFile& file, const std::string& data_flag, Lang lang);

}  // namespace facilita
