// The views: pure functions of the model, the derived timing and the UI
// state. They draw with ImGui into the current window / region and queue
// Commands through Dispatch; they never change the model themselves.
#pragma once
#include <imgui.h>

#include <string>

#include "core/engine.hpp"
#include "ui/ui_state.hpp"

namespace facilita::ui {

// Console, one region each (see console_view.cpp for the layout).
void draw_agenda(const Session& session, const State& state, const Timing& timing, const Dispatch& dispatch, UiState& ui);
void draw_clock(const Session& session, const State& state, const Timing& timing, const Dispatch& dispatch, UiState& ui);
void draw_controls(const Session& session, const State& state, const Timing& timing, const Dispatch& dispatch, UiState& ui);
void draw_status_bar(const Session& session, const State& state, const Timing& timing, const Dispatch& dispatch, UiState& ui);
void draw_notes(const Session& session, const State& state, const Timing& timing, const Dispatch& dispatch, UiState& ui);
void draw_prompts(const Session& session, const State& state, const Timing& timing, const Dispatch& dispatch, UiState& ui);
// Fellow questions (Q): a one-line header when closed, the list when open.
void draw_questions(const Session& session, const State& state, const Timing& timing, const Dispatch& dispatch, UiState& ui);
void draw_join_area(const Session& session, const State& state, const Timing& timing, const Dispatch& dispatch, UiState& ui);
// Hot reload notice (errors of a saved file, diff to accept), under the status bar.
void draw_reload_notice(const Session& session, const State& state, const Timing& timing, const Dispatch& dispatch, UiState& ui);
// Storage alarm (the journal refuses writes), under the status bar until a write succeeds.
void draw_storage_banner(const Session& session, const State& state, const Timing& timing, const Dispatch& dispatch, UiState& ui);
struct StorageBannerText {
  std::string headline;  // "" when storage is fine
  std::string detail;    // first failure's source and the reason
};
StorageBannerText storage_banner_text(const UiState& ui);
// Room message (M) and break (D): a line under the controls each, and their dialogs.
void draw_room_message(const Session& session, const State& state, const Timing& timing, const Dispatch& dispatch, UiState& ui);
void draw_break(const Session& session, const State& state, const Timing& timing, const Dispatch& dispatch, UiState& ui);
// Modals and overlays, drawn last.
void draw_rebalance_preview(const Session& session, const State& state, const Timing& timing, const Dispatch& dispatch, UiState& ui);
void draw_confirm_end(const Session& session, const State& state, const Timing& timing, const Dispatch& dispatch, UiState& ui);
void draw_room_message_dialog(const Session& session, const State& state, const Timing& timing, const Dispatch& dispatch, UiState& ui);
void draw_break_dialog(const Session& session, const State& state, const Timing& timing, const Dispatch& dispatch, UiState& ui);
void draw_keys_overlay(const Session& session, const State& state, const Timing& timing, const Dispatch& dispatch, UiState& ui);

// Connection health ("18 conectados · 2 reconectando · 3 sin señal"); "" without
// a server or before anyone joined. Drawn in the status bar, coloured when
// anyone is reconnecting or gone (presence_view.cpp).
std::string presence_line(const UiState& ui);
void draw_presence_line(const UiState& ui, const std::string& line);
// The room's accuracy per revealed quiz prompt of the current section, on the
// projector while `A` is on (quiz_summary_view.cpp).
void draw_quiz_summary(const Session& session, const State& state, UiState& ui, ImVec2 pos, ImVec2 size);

// Room-safe single screen (room_safety.hpp): the projector view with a discreet
// overlay and the dialogs the keys open (presentation_view.cpp); the question
// before the console shows on such a screen, and the "visible to the room"
// banner over it, with the line for a disconnected projector (screen_banner_view.cpp).
void draw_presentation(const Session& session, const State& state, const Timing& timing, const Dispatch& dispatch,
                       UiState& ui);
void draw_confirm_console(const Session& session, const State& state, const Timing& timing, const Dispatch& dispatch,
                          UiState& ui);
void draw_screen_banner(const Session& session, const State& state, const Timing& timing, const Dispatch& dispatch,
                        UiState& ui);

// The whole console window (all of the above); `projector_pane` draws the
// projector inside the console (--single-window).
void draw_console(const Session& session, const State& state, const Timing& timing, const Dispatch& dispatch, UiState& ui);
// The modal dialogs and the keys overlay, drawn by the console and the presentation.
void draw_dialogs(const Session& session, const State& state, const Timing& timing, const Dispatch& dispatch, UiState& ui);

// The projector, drawn into the rectangle [pos, pos + size) of the current
// window's draw list (a whole window, or a pane of the console). Uses the
// frozen snapshot while frozen; black while blacked out.
void draw_projector(const Session& session, const State& state, const Timing& timing, const Dispatch& dispatch,
                    UiState& ui, ImVec2 pos, ImVec2 size);
// The projector as a full-window view of the current ImGui context.
void draw_projector_window(const Session& session, const State& state, const Timing& timing, const Dispatch& dispatch,
                           UiState& ui);

}  // namespace facilita::ui
