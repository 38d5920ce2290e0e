// What the room may see. With one display (most rooms mirror the laptop to the
// projector) or --single-window, everything on the facilitator's screen is on
// the wall: the run starts in a presentation mode that shows only the
// projector view and a discreet overlay (clock, section, next section). The
// full console, with notes, correct answers and the names of who has not
// answered, comes only after a confirmation and carries a banner while shown.
// Pure: decided here, read by the views and the app loop.
#pragma once

namespace facilita::ui {

enum class ScreenMode { Presentation, Console };

// The facilitator's screen is what the room sees: one monitor or one window,
// unless the facilitator said their screen is private (--console).
bool screen_is_shared(int monitors, bool single_window, bool private_screen);

// How the run starts: presentation on a shared screen, else the console.
ScreenMode starting_mode(bool shared_screen);

// Which parts may draw.
struct VisibleParts {
  bool projector_full = false;  // the projector view fills the window
  bool overlay = false;         // clock · section · next, for the facilitator but room-safe
  bool console = false;         // agenda, notes, prompts with correct answers and missing names
  bool room_banner = false;     // "Visible para la sala" over the console
};
VisibleParts visible_parts(ScreenMode mode, bool shared_screen);

// Going from `from` to `to` asks first (the room would see the console).
bool needs_confirmation(ScreenMode from, ScreenMode to, bool shared_screen);

// The monitors changed during the run: the projector was unplugged or the
// laptop switched to mirroring (the screen became shared), or a second monitor
// came back (it is the facilitator's own again).
struct ScreenState {
  bool shared = false;
  ScreenMode mode = ScreenMode::Console;
  bool notice = false;  // the overlay tells the facilitator the console was hidden and how to bring it back
  bool operator==(const ScreenState&) const = default;
};
// Shared now: the console leaves the room's eyes at once — presentation, with
// the notice (Tab + confirm brings the console back, with its banner). Private
// again: the console comes back by itself (the projector goes back to its
// output, window_layout.hpp). Otherwise nothing changes: a console the
// facilitator chose to show stays.
ScreenState after_screen_change(const ScreenState& before, bool shared_now);

}  // namespace facilita::ui
