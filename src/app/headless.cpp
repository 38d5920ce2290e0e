#include "app/headless.hpp"
#include "core/timers.hpp"

#include <sys/resource.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>

#include "app/commands.hpp"
#include "app/signal_watcher.hpp"
#include "core/snapshot.hpp"
#include "persist/data_dir.hpp"
#include "persist/journal_session.hpp"

#ifndef FACILITA_WEB_ROOT_DEFAULT
#define FACILITA_WEB_ROOT_DEFAULT ""
#endif

namespace facilita {
namespace {

constexpr auto kIdleTurn = std::chrono::milliseconds(250);

Millis wall_now() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

bool has_index(const std::filesystem::path& dir) {
  std::error_code ec;
  return !dir.empty() && std::filesystem::is_regular_file(dir / "index.html", ec);
}

}  // namespace

void add_net_flags(CLI::App& run, NetFlags& flags) {
  run.add_flag("--headless", flags.headless, "No windows: serve fellows and the remote only (Ctrl+C ends)");
  run.add_option("--port", flags.port, "Port for fellows' browsers (0 = any free port)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  run.add_option("--bind", flags.bind, "Address to listen on (127.0.0.1 = this computer only)")
      ->capture_default_str();
  run.add_option("--admin-token", flags.admin_token, "Secret for the remote, at least 16 characters (default: random for this run)");
  run.add_option("--web-root", flags.web_root, "Directory with the fellows' pages (default: the installed ones)");
  run.add_option("--max-connections", flags.max_connections, "Most open connections at once")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  run.add_option("--max-per-ip", flags.max_per_ip, "Most open connections from one address (loopback exempt)")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  run.add_option("--joins-per-minute", flags.joins_per_minute,
                 "Most new participants from one address per minute (loopback exempt)")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  run.add_flag("--limit-loopback", flags.limit_loopback,
               "Apply --max-per-ip and --joins-per-minute to this computer's own addresses too");
  run.add_option("--public-host", flags.public_hosts,
                 "A host name fellows use to reach this server (repeatable); IP addresses and localhost always work")
      ->allow_extra_args(false);  // one name per --public-host, so the session file is not taken
  auto* fresh = run.add_flag("--new", flags.start_new, "Start a new delivery even if one is unfinished");
  auto* resume = run.add_flag("--resume")->description("Resume the unfinished delivery without asking (the default)");
  fresh->excludes(resume);
}

JournalSession open_delivery(Journal& journal, const NetFlags& flags, const std::string& text,
                             const std::string& path, Millis now) {
  return flags.start_new ? JournalSession::start_fresh(journal, text, path, now)
                         : JournalSession::resume_or_start(journal, text, path, now);
}

std::string find_web_root(const std::string& flag) {
  namespace fs = std::filesystem;
  if (!flag.empty()) return flag;  // explicit: the server reports it if it is wrong
  if (const char* env = std::getenv("FACILITA_WEB_ROOT"); env && has_index(env)) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (fs::path candidate : {exe.parent_path().parent_path() / "share" / "facilita" / "web",
                               exe.parent_path() / "web"})
      if (has_index(candidate)) return candidate.string();
  }
  if (has_index(FACILITA_WEB_ROOT_DEFAULT)) return FACILITA_WEB_ROOT_DEFAULT;
  return "";
}

net::ServerOptions server_options(const NetFlags& flags) {
  net::ServerOptions o;
  o.bind = flags.bind;
  o.port = static_cast<unsigned short>(flags.port);
  o.admin_token = flags.admin_token;
  o.web_root = find_web_root(flags.web_root);
  o.max_connections = flags.max_connections;
  o.max_per_ip = flags.max_per_ip;
  o.joins_per_minute = flags.joins_per_minute;
  o.limit_loopback = flags.limit_loopback;
  o.public_hosts = flags.public_hosts;
  return o;
}

void raise_open_files_limit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
  }
}

// ---------------------------------------------------------------- NetPump

void NetPump::turn(const Controller& controller, const Dispatch& dispatch, Millis now) {
  for (auto& inbound : server_.take_inbound()) {
    DispatchResult result = dispatch(inbound.command, now);
    if (inbound.reply) inbound.reply(result);
  }
  if (controller.version() != published_version_ || now - published_at_ >= 1000) publish(controller, now);
}

void NetPump::publish(const Controller& controller, Millis now) {
  const Session& session = controller.session();
  const State& state = controller.state();
  Timing timing = derive(session, state, now);
  server_.publish(public_state(session, state, timing, now, controller.version()),
                  admin_state(session, state, timing, now, controller.version()));
  published_version_ = controller.version();
  published_at_ = now;
}

// ---------------------------------------------------------------- Waker

void Waker::wake() {
  std::lock_guard lock(mutex_);
  woken_ = true;
  cv_.notify_one();
}

void Waker::stop() {
  std::lock_guard lock(mutex_);
  stopped_ = true;
  cv_.notify_one();
}

bool Waker::stopped() {
  std::lock_guard lock(mutex_);
  return stopped_;
}

void Waker::wait(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  cv_.wait_for(lock, timeout, [this] { return woken_ || stopped_; });
  woken_ = false;
}

// ---------------------------------------------------------------- loops

int run_headless(Controller& controller, net::Server& server, Waker& waker,
                 const std::function<void(Millis)>& on_turn) {
  NetPump pump(server);
  const Dispatch dispatch = [&](const Command& c, Millis now) {
    DispatchResult r = controller.dispatch(c, now);
    if (r.code == "storage") std::cerr << "facilita: journal write failed: " << r.message << "\n";
    return r;
  };
  while (!waker.stopped()) {
    const Millis now = wall_now();
    pump.turn(controller, dispatch, now);
    if (on_turn) on_turn(now);
    waker.wait(kIdleTurn);
  }
  pump.turn(controller, dispatch, wall_now());  // answer what is already queued
  return kExitOk;
}

int run_headless_delivery(const NetFlags& flags, const SourceFile& file, const std::string& data_flag) {
  Waker waker;
  SignalWatcher signals([&waker] { waker.stop(); });  // before any thread starts
  raise_open_files_limit();

  std::optional<Journal> journal;
  std::optional<JournalSession> delivery;
  try {
    journal.emplace(Journal::open(resolve_data_dir(data_flag)));
    delivery.emplace(open_delivery(*journal, flags, file.text, file.path, wall_now()));
  } catch (const std::exception& e) {
    std::cerr << "facilita run: " << e.what() << "\n";
    return kExitInvalid;
  }
  Controller controller(delivery->session(), delivery->state(), delivery->sink());
  if (auto gap = delivery->outage()) controller.dispatch(*gap, wall_now());

  net::ServerOptions options = server_options(flags);
  if (options.web_root.empty()) {
    std::cerr << "facilita run: cannot find the fellows' pages (index.html); use --web-root DIR\n";
    return kExitUsage;
  }
  net::Server server(options, [&waker] { waker.wake(); });
  std::string error;
  if (!server.start(error)) {
    std::cerr << "facilita run: " << error << "\n";
    return kExitUsage;
  }
  NetPump(server).publish(controller, wall_now());

  std::cout << "facilita: " << controller.session().title << " (delivery " << delivery->delivery_id()
            << (delivery->resumed() ? ", resumed" : "") << ")\n";
  if (!delivery->note().empty()) std::cout << "note: " << delivery->note() << "\n";
  std::cout << "listening on " << options.bind << ":" << server.port() << "\n"
            << "join: " << server.join_url() << "\n"
            << "remote: " << server.admin_url() << "\n"
            << "Ctrl+C ends (the delivery stays resumable)" << std::endl;

  Millis last_heartbeat = 0;
  int status = run_headless(controller, server, waker, [&](Millis now) {
    // A prompt whose answer window ran out closes itself (journaled like a key press).
    if (auto due = due_command(controller.session(), controller.state(), now)) controller.dispatch(*due, now);
    if (now - last_heartbeat >= JournalSession::kHeartbeatMs) {
      delivery->heartbeat(now);
      last_heartbeat = now;
    }
  });
  server.stop();
  delivery->heartbeat(wall_now());
  std::cout << "facilita: stopped" << std::endl;
  return status;
}

}  // namespace facilita
