#include "app/delivery.hpp"

#include <time.h>

#include <algorithm>
#include <chrono>

#include "app/cli_text.hpp"
#include "core/timers.hpp"
#include "persist/data_dir.hpp"

namespace facilita {

std::string_view to_string(Source source) {
  switch (source) {
    case Source::Start: return "start";
    case Source::Key: return "key";
    case Source::Remote: return "remote";
    case Source::Fellow: return "fellow";
    case Source::Timer: return "timer";
    case Source::Heartbeat: return "heartbeat";
  }
  return "?";
}

// ---------------------------------------------------------------- clock

ClockSource ClockSource::system() {
  return ClockSource{
      [] {
        using namespace std::chrono;
        return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
      },
      [] {
        timespec ts{};
        ::clock_gettime(CLOCK_BOOTTIME, &ts);
        return static_cast<Millis>(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
      }};
}

DeliveryClock::DeliveryClock(ClockSource source)
    : source_(std::move(source)), wall_origin_(source_.wall()), steady_origin_(source_.steady()) {}

Millis DeliveryClock::now() {
  last_ = std::max(last_, wall_origin_ + (source_.steady() - steady_origin_));
  return last_;
}

// ---------------------------------------------------------------- delivery

Delivery::Delivery(DeliveryOptions options) : clock_(std::move(options.clock)), data_dir_(options.data_dir) {
  make_private_dir(data_dir_);
  // The lock comes first: a second process must not even replay, let alone abandon.
  const Session parsed = parse_session_text(options.file_text, options.file_path);
  lock_.emplace(DeliveryLock::acquire(data_dir_, parsed.id, clock_.now()));
  journal_ = std::make_unique<Journal>(Journal::open(data_dir_));
  const Millis opened = clock_.now();
  journal_session_ = std::make_unique<JournalSession>(
      options.start_new ? JournalSession::start_fresh(*journal_, options.file_text, options.file_path, opened)
                        : JournalSession::resume_or_start(*journal_, options.file_text, options.file_path, opened));
  controller_ = std::make_unique<Controller>(journal_session_->session(), journal_session_->state(),
                                             journal_session_->sink());
  if (const auto& gap = journal_session_->outage()) dispatch(*gap, Source::Start, opened);
}

Delivery::~Delivery() { close(); }

bool Delivery::serve(net::ServerOptions options, std::function<void()> wake, std::string& problem, Lang lang) {
  if (options.web_root.empty()) {
    problem = tx(lang, T::NetNoWebPages);
    return false;
  }
  const std::string bind = options.bind;
  const int port = options.port;
  auto server = std::make_unique<net::Server>(std::move(options), std::move(wake));
  if (!server->start(problem)) {
    switch (server->start_failure()) {
      case net::StartFailure::TokenTooShort:
        problem = txf(lang, T::NetTokenShort, static_cast<int>(net::kMinAdminTokenChars));
        break;
      case net::StartFailure::TokenTooLong:
        problem = txf(lang, T::NetTokenLong, static_cast<int>(net::kMaxAdminTokenChars));
        break;
      case net::StartFailure::NotAnAddress: problem = txf(lang, T::NetNotAddress, bind.c_str()); break;
      case net::StartFailure::PortInUse: problem = txf(lang, T::NetPortInUse, port); break;
      case net::StartFailure::PortDenied: problem = txf(lang, T::NetPortDenied, port); break;
      case net::StartFailure::NotLocalAddress: problem = txf(lang, T::NetNotLocal, bind.c_str()); break;
      default: break;  // the system's words, naming the directory or address
    }
    return false;
  }
  server_ = std::move(server);
  pump_.emplace(*server_);
  pump_->attach(*controller_);
  pump_->publish(*controller_, now());
  return true;
}

void Delivery::turn(Millis now) {
  if (closed_) return;
  if (pump_) {
    const std::uint64_t before = controller_->version();
    bool failed = false;
    pump_->turn(*controller_, now, [&](const net::Inbound& in, const DispatchResult& result) {
      if (result.code == "storage" && !failed) {  // one failed commit, however many commands it carried
        failed = true;
        record(result, in.admin ? Source::Remote : Source::Fellow, now);
      }
    });
    if (controller_->version() != before) wrote_ok();
  }
  // A prompt whose answer window ran out closes itself (journaled like a key press).
  if (now >= timer_retry_at_)
    if (auto due = due_command(controller_->session(), controller_->state(), now))
      if (dispatch(*due, Source::Timer, now).code == "storage") timer_retry_at_ = now + 1000;
  if (pump_) pump_->publish_if_changed(*controller_, now);
  if (last_heartbeat_ == 0 || now - last_heartbeat_ >= JournalSession::kHeartbeatMs) heartbeat(now);
}

Millis Delivery::next_wake_at(Millis now) const {
  Millis next = last_heartbeat_ == 0 ? now : last_heartbeat_ + JournalSession::kHeartbeatMs;
  if (Millis due = next_due_at(controller_->session(), controller_->state()); due > 0)
    next = std::min(next, std::max(due, timer_retry_at_));
  if (pump_) next = std::min(next, pump_->published_at() + 1000);
  return std::max(next, now);
}

DispatchResult Delivery::dispatch(const Command& command, Source source, Millis now) {
  const std::uint64_t before = controller_->version();
  DispatchResult result = controller_->dispatch(command, now);
  if (controller_->version() != before) wrote_ok();
  record(result, source, now);
  return result;
}

void Delivery::close() {
  if (closed_) return;
  if (pump_) turn(now());  // answer what is already queued
  closed_ = true;
  if (server_) server_->stop();
  if (journal_session_) journal_session_->heartbeat(now());
}

void Delivery::record(const DispatchResult& result, Source source, Millis now) {
  if (result.code != "storage") return;
  const unsigned bit = 1u << static_cast<unsigned>(source);
  if (!alarm_) {
    alarm_ = StorageAlarm{result.message, source, bit, now, 0};
    ++alarm_generation_;
  } else if (alarm_->reason != result.message || !(alarm_->sources & bit)) {
    alarm_->reason = result.message;
    alarm_->sources |= bit;
    ++alarm_generation_;
  }
  ++alarm_->failures;
}

void Delivery::wrote_ok() {
  if (!alarm_) return;
  alarm_.reset();
  ++alarm_generation_;
}

void Delivery::heartbeat(Millis now) {
  last_heartbeat_ = now;
  std::string error;
  if (journal_session_->heartbeat(now, error)) {
    // A heartbeat is a write too, but a small one: it clears only its own alarm,
    // so a full disk that still refuses answers keeps showing.
    if (alarm_ && alarm_->sources == (1u << static_cast<unsigned>(Source::Heartbeat))) wrote_ok();
    return;
  }
  record(DispatchResult{false, false, "storage", error, {}}, Source::Heartbeat, now);
}

}  // namespace facilita
