#include "app/signal_watcher.hpp"

#include <csignal>

namespace facilita {
namespace {

// SIGUSR1 only tells the watcher to stop (sent by the destructor).
sigset_t watched_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGUSR1);
  return set;
}

}  // namespace

SignalWatcher::SignalWatcher(std::function<void()> on_signal) : on_signal_(std::move(on_signal)) {
  sigset_t set = watched_signals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  running_ = pthread_create(&thread_, nullptr, &SignalWatcher::watch, this) == 0;
}

SignalWatcher::~SignalWatcher() {
  if (!running_) return;
  pthread_kill(thread_, SIGUSR1);
  pthread_join(thread_, nullptr);
}

void* SignalWatcher::watch(void* self) {
  auto* watcher = static_cast<SignalWatcher*>(self);
  sigset_t set = watched_signals();
  for (;;) {
    int signal = 0;
    if (sigwait(&set, &signal) != 0) continue;
    if (signal == SIGUSR1) return nullptr;
    if (watcher->on_signal_) watcher->on_signal_();
  }
}

}  // namespace facilita
