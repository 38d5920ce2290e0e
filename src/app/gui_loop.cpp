#include "app/gui_loop.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <utility>

#include "app/app_window.hpp"
#include "app/cli_text.hpp"
#include "app/state_dump.hpp"
#include "ui/room_safety.hpp"
#include "ui/views.hpp"

namespace facilita {
namespace {

constexpr double kIdleWaitS = 2.0;        // paused / not started: nothing on screen moves by the second
constexpr Millis kMessageShownMs = 6000;  // a rejected command's explanation stays this long

// Set by GLFW's monitor callback (main thread, inside glfwWaitEvents*); handled in
// the loop, after GLFW has already taken a window off a monitor that went.
std::atomic<bool> g_monitors_changed{false};
void on_monitor(GLFWmonitor*, int) { g_monitors_changed = true; }


}  // namespace

GuiLoop::GuiLoop(Controller& controller, ui::UiState& ui, GuiOptions options, NowFunction now)
    : controller_(controller), ui_(ui), options_(std::move(options)), now_(std::move(now)) {}

GuiLoop::~GuiLoop() {
  if (console_) glfwSetMonitorCallback(nullptr);
  windows_open_ = false;
  projector_.reset();
  console_.reset();
}

bool GuiLoop::open(std::string& error) {
  WindowLayout saved = load_window_layout(options_.layout_path);
  const std::string title = controller_.session().title;
  console_ = std::make_unique<AppWindow>(WindowRole::Console, std::string(ui_.t(ui::S::ConsoleTitle)) + " — " + title,
                                         saved.console, true);
  if (!console_->ok()) {
    error = tx(ui_.lang, T::GuiNoWindow);
    return false;
  }
  if (saved.console.fullscreen) console_->toggle_fullscreen();
  // One monitor (mirrored to the room, most likely) or one window: a screen the
  // room sees. Start with what the room may see; the console comes after a question.
  int monitors = 0;
  glfwGetMonitors(&monitors);
  ui_.shared_screen = ui::screen_is_shared(monitors, options_.single_window, options_.private_screen);
  ui_.screen = ui::starting_mode(ui_.shared_screen);
  ui_.single_window = options_.single_window || ui_.shared_screen;
  if (!ui_.single_window) {
    remembered_monitor_ = saved.projector_monitor;
    GLFWmonitor* second = projector_monitor(remembered_monitor_);
    bool visible = second ? true : saved.projector_visible;
    projector_ = std::make_unique<AppWindow>(WindowRole::Projector, std::string(ui_.t(ui::S::ProjectorTitle)) + " — " + title,
                                             saved.projector, visible);
    if (!projector_->ok()) {
      error = tx(ui_.lang, T::GuiNoProjector);
      return false;
    }
    if (second) fullscreen_projector(second);
    ui_.projector_visible = visible;
  }
  glfwSetMonitorCallback(on_monitor);
  windows_open_ = true;
  return true;
}

void GuiLoop::wake() {
  if (windows_open_ && !wake_pending_.exchange(true)) glfwPostEmptyEvent();
}

void GuiLoop::stop() {
  stop_ = true;
  wake();
}

void GuiLoop::set_join_url(std::string url) {
  {
    std::lock_guard lock(join_mutex_);
    pending_join_url_ = std::move(url);
    join_url_changed_ = true;
  }
  wake();
}

DispatchResult GuiLoop::dispatch(const Command& command, Millis now) {
  return dispatch_ ? dispatch_(command, now) : controller_.dispatch(command, now);
}

void GuiLoop::report(const DispatchResult& result) {
  Millis now = now_();
  // Storage failures are not a message: the storage banner shows them, from
  // whatever source, until a write succeeds (UiState::storage).
  if (result.ok || result.code == "storage") return;
  char text[512];
  const char* localized = ui::rejection_text(ui_.lang, result.code);
  std::snprintf(text, sizeof text, ui_.t(ui::S::Rejected), localized ? localized : result.message.c_str());
  ui_.message_is_error = false;
  message_until_ = now + kMessageShownMs;
  ui_.message = text;
}

void GuiLoop::process_queued(Millis now) {
  std::vector<Command> commands = std::exchange(queued_, {});
  for (const Command& command : commands) report(dispatch(command, now));
}

void GuiLoop::handle_input(Millis now) {
  ui_.now = now;  // keys that start a break count from now (the last frame may be old)
  ui::Dispatch queue = [this](Command c) { queued_.push_back(std::move(c)); };
  for (AppWindow* window : {console_.get(), projector_.get()}) {
    if (!window) continue;
    for (const ui::KeyInput& key : window->take_keys()) {
      ui::handle_shortcut(key, controller_.session(), controller_.state(), queue, ui_);
      // Each key sees the state the previous one produced (Space then → then +).
      process_queued(now);
      handle_requests(now);
    }
  }
}

void GuiLoop::handle_requests(Millis now) {
  if (ui_.request_rebalance_preview) {
    ui_.request_rebalance_preview = false;
    if (controller_.state().agenda.started && !controller_.state().agenda.ended)
      ui_.rebalance = propose_rebalance(controller_.session(), controller_.state(), now);
  }
  if (ui_.request_freeze_toggle) {
    ui_.request_freeze_toggle = false;
    ui_.frozen = !ui_.frozen;
    if (ui_.frozen)
      ui_.frozen_view = ui::ProjectorSnapshot{controller_.state(), derive(controller_.session(), controller_.state(), now)};
    else
      ui_.frozen_view.reset();
  }
  if (ui_.request_toggle_projector) {
    ui_.request_toggle_projector = false;
    ui_.projector_visible = !ui_.projector_visible;
    if (projector_ && !ui_.projector_docked) projector_->set_visible(ui_.projector_visible);
  }
  if (ui_.request_toggle_fullscreen) {  // F11 or its button: the projector view
    ui_.request_toggle_fullscreen = false;
    toggle_projector_fullscreen();
  }
  if (ui_.request_toggle_console_fullscreen) {  // Shift+F11: the console's own window
    ui_.request_toggle_console_fullscreen = false;
    console_->toggle_fullscreen();
  }
  if (on_requests_) on_requests_(now);
}

void GuiLoop::draw_frame(Millis now) {
  const Session& session = controller_.session();
  const State& state = controller_.state();
  const Timing timing = derive(session, state, now);
  ui_.now = now;  // break countdowns
  ui::Dispatch queue = [this](Command c) { queued_.push_back(std::move(c)); };
  const bool presentation = ui::visible_parts(ui_.screen, ui_.shared_screen).projector_full;
  console_->set_presentation_fonts(presentation);
  if (presentation) console_->render([&] { ui::draw_presentation(session, state, timing, queue, ui_); });
  else console_->render([&] { ui::draw_console(session, state, timing, queue, ui_); });
  if (projector_ && ui_.projector_visible && !ui_.projector_docked)
    projector_->render([&] { ui::draw_projector_window(session, state, timing, queue, ui_); });
}

double GuiLoop::wait_timeout(Millis now) const {
  double timeout = kIdleWaitS;
  if (controller_.state().agenda.running) {
    // Wake just after the displayed second changes.
    Timing timing = derive(controller_.session(), controller_.state(), now);
    Millis into_second = ((timing.section_elapsed_ms % 1000) + 1000) % 1000;
    timeout = static_cast<double>(1000 - into_second + 5) / 1000.0;
  }
  if (controller_.state().break_until != 0)  // the break countdown ticks by the wall-clock second
    timeout = std::min(timeout, static_cast<double>(1000 - now % 1000 + 5) / 1000.0);
  if (ui_.flash.active()) timeout = std::min(timeout, 1.0 / 30);  // the flash fades at ~30 fps
  if (message_until_ > now) timeout = std::min(timeout, static_cast<double>(message_until_ - now) / 1000.0 + 0.01);
  // Wake on time for what the Delivery has due (a prompt's answer window closing),
  // not only on the second tick: the close lands within a few ms of its time.
  if (next_wake_) timeout = std::min(timeout, static_cast<double>(std::max<Millis>(0, next_wake_(now) - now)) / 1000.0);
  return std::max(0.001, timeout);
}

GuiLoop::FrameKey GuiLoop::frame_key(Millis now) const {
  const State& state = controller_.state();
  Timing t = derive(controller_.session(), state, now);
  return FrameKey{controller_.version(), state.agenda.running, t.section_elapsed_ms / 1000, t.drift_s,
                  t.forecast_end / 60000, t.planned_end / 60000, ui_.reload.generation, ui_.storage.generation,
                  state.break_until != 0 ? now / 1000 : 0};
}

void GuiLoop::write_dump() const {
  if (options_.dump_state_path.empty()) return;
  write_state_dump(options_.dump_state_path, controller_.session(), controller_.state(), ui_, controller_.version(),
                   now_());
}

WindowLayout GuiLoop::layout() const {
  WindowLayout layout;
  layout.console = console_->placement();
  if (projector_) layout.projector = projector_->placement();
  layout.projector_monitor = remembered_monitor_;
  if (projector_ && glfwGetWindowMonitor(projector_->glfw())) layout.projector_monitor = monitor_name_of(projector_->glfw());
  layout.projector_visible = ui_.projector_visible;
  return layout;
}

int GuiLoop::run() {
  std::string dumped_key = state_dump_key(controller_.session(), controller_.state(), ui_, now_());
  std::uint64_t dumped_reload = ui_.reload.generation;
  std::uint64_t dumped_storage = ui_.storage.generation;
  write_dump();
  dumped_version_ = controller_.version();
  while (!stop_) {
    if (extra_frames_ > 0) glfwPollEvents();
    else glfwWaitEventsTimeout(wait_timeout(now_()));
    // Cleared before the queues are read: a message queued after this posts again.
    wake_pending_.store(false);
    if (stop_ || console_->close_requested()) break;
    Millis now = now_();
    if (projector_ && projector_->close_requested()) {  // closing the projector only hides it (P shows it)
      projector_->clear_close_request();
      ui_.request_toggle_projector = ui_.projector_visible;
    }
    bool input = console_->take_dirty();
    if (g_monitors_changed.exchange(false)) {
      handle_monitors();
      input = true;
    }
    if (projector_) input = projector_->take_dirty() || input;
    {
      std::lock_guard lock(join_mutex_);
      if (join_url_changed_) {
        ui_.join_url = pending_join_url_;
        input = true;
      }
      join_url_changed_ = false;
    }
    if (on_turn_) on_turn_(now);
    if (message_until_ && message_until_ <= now && !ui_.message_is_error) {
      ui_.message.clear();
      message_until_ = 0;
      input = true;
    }
    handle_input(now);
    handle_requests(now);
    process_queued(now);
    if (on_frame_) on_frame_();
    FrameKey key = frame_key(now);
    // A cue's flash fades frame by frame; one more frame clears it.
    const bool flashing = ui_.flash.active();
    if (input || extra_frames_ > 0 || !(key == drawn_) || flashing || flash_drawn_) {
      draw_frame(now);
      drawn_ = key;
    }
    flash_drawn_ = flashing;
    if (!queued_.empty()) {  // clicks in this frame
      process_queued(now);
      handle_requests(now);
      input = true;
    }
    extra_frames_ = input ? 2 : std::max(0, extra_frames_ - 1);
    std::string dump_key = state_dump_key(controller_.session(), controller_.state(), ui_, now);
    if (controller_.version() != dumped_version_ || dump_key != dumped_key ||
        ui_.reload.generation != dumped_reload || ui_.storage.generation != dumped_storage) {
      write_dump();
      dumped_version_ = controller_.version();
      dumped_reload = ui_.reload.generation;
      dumped_storage = ui_.storage.generation;
      dumped_key = dump_key;
    }
  }
  write_dump();
  save_window_layout(options_.layout_path, layout());
  windows_open_ = false;
  return 0;
}

}  // namespace facilita
