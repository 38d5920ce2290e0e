// Where the console and projector windows go: remembered between runs in a
// small JSON file (DATA_DIR/windows.json, or $XDG_CONFIG_HOME/facilita/windows.json
// when no data dir is given), and the projector on a second monitor when present.
#pragma once
#include <string>

struct GLFWmonitor;

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
};

// The file to use: DATA_DIR/windows.json or $XDG_CONFIG_HOME/facilita/windows.json
// (~/.config/facilita/windows.json). Empty when neither can be determined.
std::string window_layout_path(const std::string& data_dir);
// Missing or unreadable files give an empty layout (first run).
WindowLayout load_window_layout(const std::string& path);
// Best effort: the layout is a convenience, a failure only loses it.
bool save_window_layout(const std::string& path, const WindowLayout& layout);

// The monitor for the projector: a monitor other than the primary one, else null.
GLFWmonitor* projector_monitor();
// True when the placement is at least partly on a connected monitor.
bool placement_on_screen(const WindowPlacement& placement);

}  // namespace facilita
