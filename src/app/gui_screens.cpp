// The projector window and the monitors: where it goes when the projector
// cable is pulled or plugged back (after_monitor_change), whether the console
// must leave a screen that became shared (after_screen_change), and F11, which
// acts on the projector view whichever window has the focus.
#include <algorithm>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include "app/app_window.hpp"
#include "app/gui_loop.hpp"
#include "ui/room_safety.hpp"

namespace facilita {
namespace {

// The room may now see this screen (the projector unplugged, the laptop switched
// to mirroring) or it is the facilitator's own again (room_safety.hpp decides).
void follow_screen_sharing(ui::UiState& ui, bool private_screen) {
  int monitors = 0;
  glfwGetMonitors(&monitors);
  const bool shared_now = ui::screen_is_shared(monitors, ui.single_window, private_screen);
  const ui::ScreenState after = ui::after_screen_change({ui.shared_screen, ui.screen, ui.screen_notice}, shared_now);
  ui.shared_screen = after.shared;
  ui.screen = after.mode;
  ui.screen_notice = after.notice;
  if (!after.shared) ui.confirm_console = false;  // nothing to confirm on a private screen
}

// A plain window on the primary monitor, inside its work area.
void place_on_primary(GLFWwindow* w) {
  int mx = 0, my = 0, mw = 0, mh = 0;
  if (GLFWmonitor* primary = glfwGetPrimaryMonitor()) glfwGetMonitorWorkarea(primary, &mx, &my, &mw, &mh);
  int width = std::min(1024, std::max(320, mw - 160)), height = std::min(576, std::max(240, mh - 160));
  glfwSetWindowMonitor(w, nullptr, mx + 80, my + 80, width, height, 0);
}

}  // namespace

void GuiLoop::fullscreen_projector(GLFWmonitor* monitor) {
  if (!projector_ || !monitor) return;
  projector_->set_fullscreen_on(monitor);
  if (const char* name = glfwGetMonitorName(monitor)) remembered_monitor_ = name;
  projector_wants_fullscreen_ = true;
}

void GuiLoop::handle_monitors() {
  follow_screen_sharing(ui_, options_.private_screen);
  if (!projector_) return;
  GLFWwindow* w = projector_->glfw();
  GLFWmonitor* second = projector_monitor(remembered_monitor_);
  ProjectorSituation situation;
  situation.second_monitor = second != nullptr;
  situation.fullscreen = glfwGetWindowMonitor(w) != nullptr;
  situation.wants_fullscreen = projector_wants_fullscreen_;
  situation.docked = ui_.projector_docked;
  situation.on_screen = placement_on_screen(projector_->placement());
  switch (after_monitor_change(situation)) {
    case ProjectorMove::Keep: return;
    case ProjectorMove::Fullscreen:
      ui_.projector_docked = false;
      if (!ui_.projector_visible) return;  // hidden with P: it goes back there when shown
      projector_->set_visible(true);
      fullscreen_projector(second);
      return;
    case ProjectorMove::Dock:
      // GLFW left it as a window as big as the lost output over the console: make
      // it small and hide it; the console draws the projector view as a pane.
      place_on_primary(w);
      projector_->set_visible(false);
      ui_.projector_docked = true;
      return;
    case ProjectorMove::Reposition: place_on_primary(w); return;
  }
}

void GuiLoop::toggle_projector_fullscreen() {
  if (!projector_ || ui_.projector_docked) {  // one window: the presentation (or console) is the projector view
    console_->toggle_fullscreen();
    return;
  }
  if (glfwGetWindowMonitor(projector_->glfw())) {
    projector_->toggle_fullscreen();
    projector_wants_fullscreen_ = false;
    return;
  }
  if (!ui_.projector_visible) {
    ui_.projector_visible = true;
    projector_->set_visible(true);
  }
  if (GLFWmonitor* second = projector_monitor(remembered_monitor_)) fullscreen_projector(second);
  else projector_->toggle_fullscreen();  // one monitor: where it is
}

}  // namespace facilita
