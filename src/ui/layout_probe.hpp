// What the views drew where, for layout checks: with `LayoutLog::enabled`
// (screenshots with --layout) the views record their panels, the items in
// them, and each list with how many rows it hides behind "+N más". A test
// then checks that every item lies inside its panel and that a list that
// hides rows says so. Recording is off in a delivery.
#pragma once
#include <imgui.h>

#include <string>
#include <vector>

namespace facilita::ui {

struct LayoutEntry {
  std::string kind;    // panel | item | row | list
  std::string name;
  std::string panel;   // the panel it lies in (for a panel: its parent; "" = the window)
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  int total = 0;       // lists: rows in the list
  int hidden = 0;      // lists: rows not wholly visible, counted in "+N más"
};

struct LayoutLog {
  bool enabled = false;
  std::vector<LayoutEntry> entries;
  void clear() { entries.clear(); }
};

// The current ImGui window (a child window: a panel) as `name` inside `parent`.
void probe_window(LayoutLog& log, const std::string& name, const std::string& parent);
// The last ImGui item as `name` in `panel` (kind "item" or "row"; a row belongs to the list `panel`).
void probe_item(LayoutLog& log, const std::string& kind, const std::string& name, const std::string& panel);
void probe_box(LayoutLog& log, const std::string& kind, const std::string& name, const std::string& panel, ImVec2 a,
               ImVec2 b);
void probe_list(LayoutLog& log, const std::string& name, const std::string& panel, int total, int hidden);

}  // namespace facilita::ui
