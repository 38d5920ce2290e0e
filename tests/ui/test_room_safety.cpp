// What the room may see on a single screen, and where the projector goes when
// its monitor comes and goes: the pure rules behind the shell.
#include <doctest/doctest.h>

#include <initializer_list>

#include "ui/room_safety.hpp"

using namespace facilita::ui;

TEST_CASE("room safety: one monitor or one window is a screen the room sees, unless said private") {
  CHECK(screen_is_shared(1, false, false));
  CHECK(screen_is_shared(0, false, false));
  CHECK(screen_is_shared(2, true, false));  // --single-window: the projector is a pane of this screen
  CHECK_FALSE(screen_is_shared(2, false, false));
  CHECK_FALSE(screen_is_shared(1, false, true));  // --console
  CHECK_FALSE(screen_is_shared(1, true, true));
}

TEST_CASE("room safety: a shared screen starts in presentation, a private one in the console") {
  CHECK(starting_mode(true) == ScreenMode::Presentation);
  CHECK(starting_mode(false) == ScreenMode::Console);
}

TEST_CASE("room safety: presentation draws the projector and the overlay, never the console") {
  for (bool shared : {true, false}) {
    VisibleParts p = visible_parts(ScreenMode::Presentation, shared);
    CHECK(p.projector_full);
    CHECK(p.overlay);
    CHECK_FALSE(p.console);
    CHECK_FALSE(p.room_banner);
  }
}

TEST_CASE("room safety: the console on a shared screen carries the banner, on a private one it does not") {
  VisibleParts shared = visible_parts(ScreenMode::Console, true);
  CHECK(shared.console);
  CHECK(shared.room_banner);
  CHECK_FALSE(shared.projector_full);
  VisibleParts own = visible_parts(ScreenMode::Console, false);
  CHECK(own.console);
  CHECK_FALSE(own.room_banner);
}

TEST_CASE("room safety: only going to the console on a shared screen asks first") {
  CHECK(needs_confirmation(ScreenMode::Presentation, ScreenMode::Console, true));
  CHECK_FALSE(needs_confirmation(ScreenMode::Console, ScreenMode::Presentation, true));
  CHECK_FALSE(needs_confirmation(ScreenMode::Presentation, ScreenMode::Console, false));
  CHECK_FALSE(needs_confirmation(ScreenMode::Console, ScreenMode::Console, true));
}

TEST_CASE("room safety: a screen that becomes shared mid-run hides the console and says how to bring it back") {
  const ScreenState console{false, ScreenMode::Console, false};
  const ScreenState unplugged = after_screen_change(console, true);
  CHECK(unplugged == ScreenState{true, ScreenMode::Presentation, true});
  CHECK_FALSE(visible_parts(unplugged.mode, unplugged.shared).console);
  CHECK(needs_confirmation(unplugged.mode, ScreenMode::Console, unplugged.shared));  // Tab asks first
  // Nothing else changes while it stays shared: a console the facilitator chose stays.
  const ScreenState chosen{true, ScreenMode::Console, false};
  CHECK(after_screen_change(chosen, true) == chosen);
  CHECK(after_screen_change(unplugged, true) == unplugged);
}

TEST_CASE("room safety: a second monitor back makes the screen private: the console returns by itself") {
  CHECK(after_screen_change(ScreenState{true, ScreenMode::Presentation, true}, false) ==
        ScreenState{false, ScreenMode::Console, false});
  CHECK(after_screen_change(ScreenState{true, ScreenMode::Console, false}, false) ==
        ScreenState{false, ScreenMode::Console, false});
  const ScreenState own{false, ScreenMode::Console, false};
  CHECK(after_screen_change(own, false) == own);
  // Shared already in presentation (started on one screen): no notice, nothing was hidden.
  CHECK(after_screen_change(ScreenState{false, ScreenMode::Presentation, false}, true).notice == false);
}
