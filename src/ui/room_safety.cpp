#include "ui/room_safety.hpp"

namespace facilita::ui {

bool screen_is_shared(int monitors, bool single_window, bool private_screen) {
  if (private_screen) return false;
  return single_window || monitors <= 1;
}

ScreenMode starting_mode(bool shared_screen) {
  return shared_screen ? ScreenMode::Presentation : ScreenMode::Console;
}

VisibleParts visible_parts(ScreenMode mode, bool shared_screen) {
  VisibleParts parts;
  if (mode == ScreenMode::Presentation) {
    parts.projector_full = true;
    parts.overlay = true;
    return parts;
  }
  parts.console = true;
  parts.room_banner = shared_screen;
  return parts;
}

ScreenState after_screen_change(const ScreenState& before, bool shared_now) {
  if (shared_now == before.shared) return before;
  if (shared_now) return ScreenState{true, ScreenMode::Presentation, before.mode == ScreenMode::Console};
  return ScreenState{false, ScreenMode::Console, false};
}

bool needs_confirmation(ScreenMode from, ScreenMode to, bool shared_screen) {
  return shared_screen && from == ScreenMode::Presentation && to == ScreenMode::Console;
}

}  // namespace facilita::ui
