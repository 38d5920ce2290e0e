#include "app/window_layout.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

namespace facilita {
namespace {

nlohmann::json to_json(const WindowPlacement& p) {
  return {{"x", p.x}, {"y", p.y}, {"width", p.width}, {"height", p.height}, {"fullscreen", p.fullscreen}};
}

WindowPlacement placement_from(const nlohmann::json& j) {
  WindowPlacement p;
  if (!j.is_object()) return p;
  p.x = j.value("x", 0);
  p.y = j.value("y", 0);
  p.width = j.value("width", 0);
  p.height = j.value("height", 0);
  p.fullscreen = j.value("fullscreen", false);
  if (p.width < 200 || p.height < 150 || p.width > 16384 || p.height > 16384) p = WindowPlacement{};
  return p;
}

}  // namespace

std::string window_layout_path(const std::string& data_dir) {
  namespace fs = std::filesystem;
  if (!data_dir.empty()) return (fs::path(data_dir) / "windows.json").string();
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
    return (fs::path(xdg) / "facilita" / "windows.json").string();
  if (const char* home = std::getenv("HOME"); home && *home)
    return (fs::path(home) / ".config" / "facilita" / "windows.json").string();
  return {};
}

WindowLayout load_window_layout(const std::string& path) {
  WindowLayout layout;
  if (path.empty()) return layout;
  std::ifstream in(path);
  if (!in) return layout;
  nlohmann::json j = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return layout;
  layout.console = placement_from(j.value("console", nlohmann::json{}));
  layout.projector = placement_from(j.value("projector", nlohmann::json{}));
  layout.projector_visible = j.value("projector_visible", true);
  if (auto it = j.find("projector_monitor"); it != j.end() && it->is_string()) layout.projector_monitor = *it;
  return layout;
}

bool save_window_layout(const std::string& path, const WindowLayout& layout) {
  namespace fs = std::filesystem;
  if (path.empty()) return false;
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  nlohmann::json j = {{"console", to_json(layout.console)},
                      {"projector", to_json(layout.projector)},
                      {"projector_visible", layout.projector_visible},
                      {"projector_monitor", layout.projector_monitor}};
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    if (!out) return false;
    out << j.dump(2) << "\n";
    if (!out) return false;
  }
  fs::rename(tmp, path, ec);
  return !ec;
}

int choose_projector_monitor(const std::vector<MonitorInfo>& monitors, const std::string& remembered) {
  if (!remembered.empty())
    for (std::size_t i = 0; i < monitors.size(); ++i)
      if (monitors[i].name == remembered && !monitors[i].primary) return static_cast<int>(i);
  for (std::size_t i = 0; i < monitors.size(); ++i)
    if (!monitors[i].primary) return static_cast<int>(i);
  return -1;
}

ProjectorMove after_monitor_change(const ProjectorSituation& s) {
  if (s.fullscreen) return ProjectorMove::Keep;
  if (s.second_monitor && (s.docked || s.wants_fullscreen)) return ProjectorMove::Fullscreen;
  if (s.docked) return ProjectorMove::Keep;
  if (s.wants_fullscreen) return ProjectorMove::Dock;
  if (!s.on_screen) return ProjectorMove::Reposition;
  return ProjectorMove::Keep;
}

GLFWmonitor* projector_monitor(const std::string& remembered) {
  int count = 0;
  GLFWmonitor** monitors = glfwGetMonitors(&count);
  GLFWmonitor* primary = glfwGetPrimaryMonitor();
  std::vector<MonitorInfo> infos;
  for (int i = 0; i < count; ++i) {
    const char* name = glfwGetMonitorName(monitors[i]);
    infos.push_back(MonitorInfo{name ? name : "", monitors[i] == primary});
  }
  int chosen = choose_projector_monitor(infos, remembered);
  return chosen < 0 ? nullptr : monitors[chosen];
}

std::string monitor_name_of(GLFWwindow* window) {
  GLFWmonitor* monitor = glfwGetWindowMonitor(window);
  if (!monitor) {
    int x = 0, y = 0, w = 0, h = 0, count = 0;
    glfwGetWindowPos(window, &x, &y);
    glfwGetWindowSize(window, &w, &h);
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    for (int i = 0; i < count && !monitor; ++i) {
      int mx, my, mw, mh;
      glfwGetMonitorWorkarea(monitors[i], &mx, &my, &mw, &mh);
      if (x + w / 2 >= mx && x + w / 2 < mx + mw && y + h / 2 >= my && y + h / 2 < my + mh) monitor = monitors[i];
    }
  }
  const char* name = monitor ? glfwGetMonitorName(monitor) : nullptr;
  return name ? name : "";
}

bool placement_on_screen(const WindowPlacement& p) {
  if (!p.valid()) return false;
  int count = 0;
  GLFWmonitor** monitors = glfwGetMonitors(&count);
  for (int i = 0; i < count; ++i) {
    int mx = 0, my = 0, mw = 0, mh = 0;
    glfwGetMonitorWorkarea(monitors[i], &mx, &my, &mw, &mh);
    bool overlaps = p.x + p.width > mx + 40 && p.x < mx + mw - 40 && p.y + 40 > my && p.y < my + mh - 40;
    if (overlaps) return true;
  }
  return false;
}

}  // namespace facilita
