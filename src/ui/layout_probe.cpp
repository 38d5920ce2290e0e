#include "ui/layout_probe.hpp"

namespace facilita::ui {

void probe_box(LayoutLog& log, const std::string& kind, const std::string& name, const std::string& panel, ImVec2 a,
               ImVec2 b) {
  if (!log.enabled) return;
  LayoutEntry e;
  e.kind = kind;
  e.name = name;
  e.panel = panel;
  e.x0 = a.x;
  e.y0 = a.y;
  e.x1 = b.x;
  e.y1 = b.y;
  log.entries.push_back(std::move(e));
}

void probe_window(LayoutLog& log, const std::string& name, const std::string& parent) {
  if (!log.enabled) return;
  const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
  probe_box(log, "panel", name, parent, pos, ImVec2(pos.x + size.x, pos.y + size.y));
}

void probe_item(LayoutLog& log, const std::string& kind, const std::string& name, const std::string& panel) {
  if (!log.enabled) return;
  probe_box(log, kind, name, panel, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

void probe_list(LayoutLog& log, const std::string& name, const std::string& panel, int total, int hidden) {
  if (!log.enabled) return;
  LayoutEntry e;
  e.kind = "list";
  e.name = name;
  e.panel = panel;
  e.total = total;
  e.hidden = hidden;
  log.entries.push_back(std::move(e));
}

}  // namespace facilita::ui
