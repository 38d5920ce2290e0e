// SIGINT / SIGTERM end `facilita run` gracefully (state dump, window layout,
// journal closed). The signals are blocked in every thread and received by a
// small thread with sigwait(), which then calls `on_signal` — a normal thread
// may wake the GLFW loop, a signal handler may not.
#pragma once
#include <functional>
#include <pthread.h>

namespace facilita {

class SignalWatcher {
 public:
  // Blocks the signals in the calling thread (create it before any other
  // thread so they inherit the mask), then starts the watching thread.
  explicit SignalWatcher(std::function<void()> on_signal);
  ~SignalWatcher();
  SignalWatcher(const SignalWatcher&) = delete;
  SignalWatcher& operator=(const SignalWatcher&) = delete;

 private:
  static void* watch(void* self);
  std::function<void()> on_signal_;
  pthread_t thread_{};
  bool running_ = false;
};

}  // namespace facilita
