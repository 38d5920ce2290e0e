#include "app/headless.hpp"
#include "app/cli_help.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <utility>

#include "app/cli_text.hpp"
#include "app/commands.hpp"
#include "app/cue_watcher.hpp"
#include "app/install_paths.hpp"
#include "app/signal_watcher.hpp"
#include "app/terminal_qr.hpp"
#include "persist/data_dir.hpp"

namespace facilita {
namespace {

constexpr Millis kLongestSleepMs = 1000;  // the Delivery names earlier wake-ups (a prompt closing)

void report_storage(const std::optional<StorageAlarm>& alarm, Lang lang) {
  if (!alarm) {
    std::cerr << tx(lang, T::StorageBack) << std::endl;
    return;
  }
  constexpr std::pair<Source, T> kSources[] = {
      {Source::Start, T::SourceStart},   {Source::Key, T::SourceKey},     {Source::Remote, T::SourceRemote},
      {Source::Fellow, T::SourceFellow}, {Source::Timer, T::SourceTimer}, {Source::Heartbeat, T::SourceHeartbeat}};
  std::string sources;
  for (const auto& [source, word] : kSources)
    if (alarm->from(source)) sources += (sources.empty() ? "" : ", ") + std::string(tx(lang, word));
  std::cerr << txf(lang, T::StorageFailing, sources.c_str(), alarm->reason.c_str()) << std::endl;
}

bool has_index(const std::filesystem::path& dir) {
  std::error_code ec;
  return !dir.empty() && std::filesystem::is_regular_file(dir / "index.html", ec);
}

}  // namespace

void add_net_flags(CLI::App& run, NetFlags& flags, Lang help) {
  run.add_flag("--headless", flags.headless, hx(help, H::NetHeadless));
  run.add_option("--port", flags.port, hx(help, H::NetPort))
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  run.add_option("--bind", flags.bind, hx(help, H::NetBind))
      ->capture_default_str();
  run.add_option("--admin-token", flags.admin_token, hx(help, H::NetAdminToken));
  run.add_option("--web-root", flags.web_root, hx(help, H::NetWebRoot));
  run.add_option("--max-connections", flags.max_connections, hx(help, H::NetMaxConnections))
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  run.add_option("--max-per-ip", flags.max_per_ip, hx(help, H::NetMaxPerIp))
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  run.add_option("--joins-per-minute", flags.joins_per_minute,
                 hx(help, H::NetJoinsPerMinute))
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  run.add_flag("--limit-loopback", flags.limit_loopback,
               hx(help, H::NetLimitLoopback));
  run.add_option("--public-host", flags.public_hosts,
                 hx(help, H::NetPublicHost))
      ->allow_extra_args(false);  // one name per --public-host, so the session file is not taken
  auto* fresh = run.add_flag("--new", flags.start_new, hx(help, H::NetNew));
  auto* resume = run.add_flag("--resume")->description(hx(help, H::NetResume));
  fresh->excludes(resume);
  run.add_flag("--no-qr", flags.no_qr, hx(help, H::NetNoQr));
}

std::string find_web_root(const std::string& flag) {
  namespace fs = std::filesystem;
  if (!flag.empty()) return flag;  // explicit: the server reports it if it is wrong
  if (const char* env = std::getenv("FACILITA_WEB_ROOT"); env && has_index(env)) return env;
  if (std::string shared = find_shared(Shared::Web, ""); has_index(shared)) return shared;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec && has_index(exe.parent_path() / "web")) return (exe.parent_path() / "web").string();
  return "";
}

std::string listening_lines(Lang lang, const std::string& bind, unsigned short port, const std::string& join_url) {
  return txf(lang, T::Listening, bind.c_str(), static_cast<unsigned>(port)) + "\n" +
         txf(lang, T::JoinAt, join_url.c_str()) + "\n";
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

// ---------------------------------------------------------------- the shell

DeliveryOptions delivery_options(const NetFlags& flags, const SourceFile& file, const std::string& data_dir) {
  DeliveryOptions o;
  o.data_dir = data_dir;
  o.file_text = file.text;
  o.file_path = file.path;
  o.start_new = flags.start_new;
  return o;
}

int run_headless_delivery(const NetFlags& flags, const SourceFile& file, const std::string& data_flag, Lang lang) {
  Waker waker;
  SignalWatcher signals([&waker] { waker.stop(); });  // before any thread starts
  raise_open_files_limit();

  std::unique_ptr<Delivery> delivery;
  try {
    delivery = std::make_unique<Delivery>(delivery_options(flags, file, resolve_data_dir(data_flag)));
  } catch (const std::exception& e) {  // LockHeldError names the other process
    std::cerr << txf(lang, T::CommandError, "run", error_text(lang, e).c_str()) << "\n";
    return kExitInvalid;
  }
  std::string problem;
  const net::ServerOptions options = server_options(flags);
  if (!delivery->serve(options, [&waker] { waker.wake(); }, problem, lang)) {
    std::cerr << txf(lang, T::FellowsCannotJoin, problem.c_str()) << "\n";
    return kExitUsage;
  }
  net::Server& server = *delivery->server();
  std::cout << txf(lang, delivery->resumed() ? T::RunTitleResumed : T::RunTitle,
                   delivery->controller().session().title.c_str(), std::to_string(delivery->delivery_id()).c_str())
            << "\n";
  if (!delivery->note().empty()) std::cout << txf(lang, T::RunNote, delivery->note().c_str()) << "\n";
  std::cout << listening_lines(lang, options.bind, server.port(), server.join_url());
  // The QR always (tests read it from a pipe); in colour only on a terminal.
  if (!flags.no_qr) std::cout << qr_text(qr_matrix(server.join_url()), isatty(STDOUT_FILENO) != 0);
  std::cout << txf(lang, T::RemoteAt, server.admin_url().c_str()) << "\n" << tx(lang, T::CtrlCEnds) << std::endl;

  std::uint64_t reported = delivery->storage_generation();
  CueWatcher cues;  // wrap-up and zero are logged; there is no sound here
  while (!waker.stopped()) {
    const Millis now = delivery->now();
    delivery->turn(now);
    for (const Cue& cue : cues.observe(delivery->controller().session(), delivery->controller().state(), now))
      std::cerr << cue_log_line(delivery->controller().session(), cue, lang, T::CueNoSound) << std::endl;
    if (delivery->storage_generation() != reported) {
      reported = delivery->storage_generation();
      report_storage(delivery->storage_alarm(), lang);
    }
    const Millis wait = std::clamp<Millis>(delivery->next_wake_at(now) - delivery->now(), 1, kLongestSleepMs);
    waker.wait(std::chrono::milliseconds(wait));
  }
  delivery->close();
  std::cout << tx(lang, T::Stopped) << std::endl;
  return kExitOk;
}

}  // namespace facilita
