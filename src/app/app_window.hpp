// One GLFW window with its own OpenGL context and its OWN Dear ImGui context
// (fonts, input, backends). GLFW delivers events for every window from one
// glfwWaitEvents call, and the 1.86 GLFW backend looks its data up in the
// *current* ImGui context, so our callbacks switch to the window's context
// before forwarding. Key presses are also queued here: in 1.86 a press and
// release arriving between two frames would otherwise be missed.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "app/window_layout.hpp"
#include "ui/fonts.hpp"
#include "ui/shortcuts.hpp"

struct GLFWwindow;
struct ImGuiContext;

namespace facilita {

enum class WindowRole { Console, Projector };

class AppWindow {
 public:
  // Creates the window (hidden unless `visible`), its GL 3.3 core context and
  // its ImGui context. `placement` may be invalid (system default size/place).
  AppWindow(WindowRole role, const std::string& title, const WindowPlacement& placement, bool visible);
  ~AppWindow();
  AppWindow(const AppWindow&) = delete;
  AppWindow& operator=(const AppWindow&) = delete;

  bool ok() const { return window_ != nullptr; }
  GLFWwindow* glfw() const { return window_; }
  WindowRole role() const { return role_; }

  std::vector<ui::KeyInput> take_keys();
  bool take_dirty();  // input, resize or expose since the last call
  bool close_requested() const;
  void clear_close_request();
  bool focused() const;
  bool visible() const;
  void set_visible(bool visible);
  void set_title(const std::string& title);

  // Fullscreen on the monitor the window is on (or `monitor`), or back to the saved placement.
  void toggle_fullscreen();
  void set_fullscreen_on(struct GLFWmonitor* monitor);
  WindowPlacement placement() const;
  // The console window showing the presentation (room_safety.hpp): text baked at
  // the projector's sizes, widgets (dialogs, overlay keys) at the console's.
  void set_presentation_fonts(bool on);

  // One frame into the window: `draw` runs between NewFrame and Render with
  // this window's ImGui context current. Swaps buffers.
  void render(const std::function<void()>& draw);
  // `frames` frames into an offscreen framebuffer of `width` x `height`;
  // returns RGBA pixels, top row first (empty on failure).
  std::vector<unsigned char> render_offscreen(int width, int height, int frames, const std::function<void()>& draw);

 private:
  friend struct WindowCallbacks;
  void make_current();
  void frame(int width, int height, const std::function<void()>& draw);
  void update_fonts(float width, float height);

  WindowRole role_;
  GLFWwindow* window_ = nullptr;
  ImGuiContext* imgui_ = nullptr;
  ui::FontSet fonts_;
  bool fonts_built_ = false;
  bool presentation_fonts_ = false;
  bool fonts_presentation_ = false;  // what the baked fonts are for
  std::vector<ui::KeyInput> keys_;
  bool dirty_ = true;
  WindowPlacement windowed_;  // placement to return to from fullscreen
};

}  // namespace facilita
