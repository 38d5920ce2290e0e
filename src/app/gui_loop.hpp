// The facilitator's main loop: two windows (console + projector, or one with
// --single-window), input -> Commands -> Controller, redraw on input, on
// wake-ups and when the displayed second changes. Idles in
// glfwWaitEventsTimeout; never busy-loops.
//
// Integration points for the Delivery (see cmd_run.cpp):
//   - wake():            thread-safe; glfwPostEmptyEvent. Give it to net::Server.
//   - set_on_turn(f):    f(now) runs on the main thread every loop turn, before
//                        drawing: Delivery::turn (network batch, timers, heartbeat).
//   - set_dispatch(f):   how keys and clicks reach the model (Delivery::dispatch);
//                        default: the Controller directly.
//   - set_next_wake(f):  f(now) = when the Delivery next has work (a prompt's window
//                        closing); the loop wakes then at the latest.
//   - set_on_frame(f):   f() runs before a frame is considered (copy what the
//                        Delivery knows into UiState, e.g. the storage alarm).
//   - set_join_url(url): thread-safe; shown as text + QR on console and projector.
#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "app/controller.hpp"
#include "app/window_layout.hpp"
#include "ui/ui_state.hpp"

namespace facilita {

class AppWindow;

using NowFunction = std::function<Millis()>;

struct GuiOptions {
  bool single_window = false;
  bool private_screen = false;  // --console: the room does not see this screen (no presentation mode)
  std::string layout_path;      // window placements; "" = not remembered
  std::string dump_state_path;  // JSON of the agenda state on every change and on exit; "" = off
};

class GuiLoop {
 public:
  GuiLoop(Controller& controller, ui::UiState& ui, GuiOptions options, NowFunction now);
  ~GuiLoop();
  GuiLoop(const GuiLoop&) = delete;
  GuiLoop& operator=(const GuiLoop&) = delete;

  // Opens the windows; false (with a one-line `error`) when they cannot be created.
  bool open(std::string& error);
  // Runs until the console window closes or stop() is called. Returns the exit code.
  int run();

  // ---- thread-safe
  void wake();
  void stop();
  void set_join_url(std::string url);

  // ---- main thread
  void set_on_turn(std::function<void(Millis now)> hook) { on_turn_ = std::move(hook); }
  // f(now) runs on the main thread after keys and clicks set UiState requests
  // (e.g. accepting a saved session file).
  void set_on_requests(std::function<void(Millis now)> hook) { on_requests_ = std::move(hook); }
  DispatchResult dispatch(const Command& command, Millis now);
  void set_dispatch(std::function<DispatchResult(const Command&, Millis)> f) { dispatch_ = std::move(f); }
  void set_next_wake(std::function<Millis(Millis now)> f) { next_wake_ = std::move(f); }
  void set_on_frame(std::function<void()> f) { on_frame_ = std::move(f); }

 private:
  void handle_input(Millis now);
  void handle_requests(Millis now);
  void process_queued(Millis now);
  void report(const DispatchResult& result);
  void draw_frame(Millis now);
  double wait_timeout(Millis now) const;
  // What the windows show that changes with time alone (seconds while running,
  // minutes for the end times): a frame is drawn only when this, the model,
  // or the UI changed.
  struct FrameKey {
    std::uint64_t version = 0;
    bool running = false;
    Millis section_second = 0;
    int drift_s = 0;
    Millis forecast_minute = 0;
    Millis planned_minute = 0;
    std::uint64_t reload_generation = 0;
    std::uint64_t storage_generation = 0;
    Millis break_second = 0;  // the wall-clock second during a break (its countdown), else 0
    bool operator==(const FrameKey&) const = default;
  };
  FrameKey frame_key(Millis now) const;
  void write_dump() const;
  WindowLayout layout() const;
  // A monitor was connected or disconnected: keep the projector off the
  // console, and back fullscreen on its output when one returns (gui_screens.cpp).
  void handle_monitors();
  // F11 and its button: the projector view, whichever window has the focus.
  void toggle_projector_fullscreen();
  void fullscreen_projector(struct GLFWmonitor* monitor);

  Controller& controller_;
  ui::UiState& ui_;
  GuiOptions options_;
  NowFunction now_;
  std::unique_ptr<AppWindow> console_;
  std::unique_ptr<AppWindow> projector_;
  std::vector<Command> queued_;  // from views and keys, dispatched after input / the frame
  std::function<void(Millis)> on_turn_;
  std::function<void(Millis)> on_requests_;
  std::function<DispatchResult(const Command&, Millis)> dispatch_;
  std::function<Millis(Millis)> next_wake_;
  std::function<void()> on_frame_;
  std::atomic<bool> stop_{false};
  std::atomic<bool> windows_open_{false};
  // A wake-up posted and not yet taken by the loop: a burst of fellows' messages
  // posts one X event, not one each (the network thread calls into Xlib less).
  std::atomic<bool> wake_pending_{false};
  std::mutex join_mutex_;
  std::string pending_join_url_;
  bool join_url_changed_ = false;
  std::uint64_t dumped_version_ = ~std::uint64_t{0};
  Millis message_until_ = 0;
  int extra_frames_ = 2;  // ImGui settles hover/active states over a couple of frames
  FrameKey drawn_;        // what the last frame showed
  bool flash_drawn_ = false;  // the last frame showed a cue's flash
  std::string remembered_monitor_;  // the projector's monitor by name (window layout)
  bool projector_wants_fullscreen_ = false;  // fullscreen on its output until the facilitator says otherwise
};

}  // namespace facilita
