// Where the console and projector windows go: remembered between runs in a
// small JSON file (DATA_DIR/windows.json, or $XDG_CONFIG_HOME/facilita/windows.json
// when no data dir is given), and the projector on a second monitor when present.
#pragma once
#include <string>
#include <vector>

struct GLFWmonitor;
struct GLFWwindow;

namespace facilita {

struct WindowPlacement {
  int x = 0, y = 0, width = 0, height = 0;  // width 0 = not known (let the system place it)
  bool fullscreen = false;
  bool valid() const { return width > 0 && height > 0; }
};

struct WindowLayout {
  WindowPlacement console;
  WindowPlacement projector;
  bool projector_visible = true;
  std::string projector_monitor;  // name of the monitor the projector last used ("" = unknown)
};

// A connected monitor as the placement decision sees it.
struct MonitorInfo {
  std::string name;
  bool primary = false;
};

// Pure: which of `monitors` gets the projector, fullscreen; -1 = a normal
// window (single monitor). The remembered monitor wins when it is connected
// and is not the primary (where the console lives); else the first non-primary.
int choose_projector_monitor(const std::vector<MonitorInfo>& monitors, const std::string& remembered);

// After a monitor was connected or disconnected, what happens to the projector window.
struct ProjectorSituation {
  bool second_monitor = false;   // a non-primary monitor is connected (choose_projector_monitor >= 0)
  bool fullscreen = false;       // the window is still fullscreen on a connected monitor
  bool wants_fullscreen = false; // it was fullscreen on a projector monitor and nobody took it out
  bool docked = false;           // already a pane of the console
  bool on_screen = true;         // its windowed placement is on a connected monitor
};
enum class ProjectorMove {
  Keep,        // nothing to do
  Fullscreen,  // (back) fullscreen on the second monitor, no longer a pane
  Dock,        // its monitor went: hide the window, draw it as a pane of the console
  Reposition,  // a plain window off every screen: bring it onto the primary one
};
// Pure. GLFW takes a fullscreen window out of fullscreen when its monitor goes
// and leaves it as a big window over the console; the projector must never
// cover the console, and returns to its output as soon as one is back.
ProjectorMove after_monitor_change(const ProjectorSituation& situation);

// The file to use: DATA_DIR/windows.json or $XDG_CONFIG_HOME/facilita/windows.json
// (~/.config/facilita/windows.json). Empty when neither can be determined.
std::string window_layout_path(const std::string& data_dir);
// Missing or unreadable files give an empty layout (first run).
WindowLayout load_window_layout(const std::string& path);
// Best effort: the layout is a convenience, a failure only loses it.
bool save_window_layout(const std::string& path, const WindowLayout& layout);

// The monitor for the projector (choose_projector_monitor over the connected
// monitors), else null.
GLFWmonitor* projector_monitor(const std::string& remembered = "");
// The name of the monitor `window` is fullscreen on, else of the one holding its centre.
std::string monitor_name_of(GLFWwindow* window);
// True when the placement is at least partly on a connected monitor.
bool placement_on_screen(const WindowPlacement& placement);

}  // namespace facilita
