// Room messages and breaks on the console: what the M and D dialogs send
// (shared by their buttons and by Enter in shortcuts.cpp) and the countdown
// text the console, the projector and the follower window show.
#pragma once
#include <optional>
#include <string>

#include "core/engine.hpp"
#include "ui/ui_state.hpp"

namespace facilita::ui {

// "4:12", "1:04:12"; 0:00 for anything not ahead.
std::string break_countdown_text(Millis remaining_ms);
// The next local time HH:MM after `now` (today, or tomorrow when already past).
std::optional<Millis> next_local_clock(const char* hhmm, Millis now);
// Where the break dialog's choice ends: now + minutes, or the clock time; nullopt when unreadable.
std::optional<Millis> break_until_choice(const UiState& ui);

void open_message_dialog(UiState& ui);
void open_break_dialog(UiState& ui);
// Dispatch the draft / the choice and close the dialog (an empty draft or an unreadable time keeps it open).
void send_room_message(const Dispatch& dispatch, UiState& ui);
// A character typed while the message field is not focused yet (the frames
// right after M): kept in the draft, so fast typing loses nothing.
void type_ahead(UiState& ui, unsigned codepoint);
void start_break(const Dispatch& dispatch, UiState& ui);

}  // namespace facilita::ui
