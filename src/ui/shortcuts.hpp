// One-key control of the delivery. Both windows feed their key presses here;
// the result is Commands (through Dispatch) or requests in UiState.
#pragma once
#include <string>

#include "core/engine.hpp"
#include "ui/ui_state.hpp"

namespace facilita::ui {

// A key press (GLFW key code + modifiers) or a typed character (codepoint),
// queued by the window callbacks so no press is lost between frames.
struct KeyInput {
  int key = 0;             // GLFW_KEY_*, 0 for a typed character
  int mods = 0;            // GLFW_MOD_*
  unsigned codepoint = 0;  // typed character, 0 for a key press
};

void handle_shortcut(const KeyInput& input, const Session& session, const State& state, const Dispatch& dispatch,
                     UiState& ui);

// Commands behind the controls, shared by keys and buttons.
void toggle_clock(const State& state, const Dispatch& dispatch);  // start / pause / resume
std::string prompt_to_open(const Session& session, const State& state);    // O: next never-opened prompt
std::string prompt_to_reveal(const Session& session, const State& state);  // V: open or last closed, not revealed
void toggle_projector_view(const State& state, const Dispatch& dispatch);  // T: content <-> results
void accept_rebalance(const Dispatch& dispatch, UiState& ui);
// Tab / the banner's button: presentation <-> console on a shared screen; to the
// console only after the confirmation (UiState::confirm_console).
void switch_screen(UiState& ui);
// The projector shows revealed text answers in more than one page (UiState::answer_page).
bool answers_paged(const Session& session, const State& state, const UiState& ui);
// ↑ / ↓ (delta -1 / +1): the page of what the projector shows — the revealed
// text answers when they are projected and do not fit, else the content. UI
// state only: the journal does not record it.
void page_projector(const Session& session, const State& state, UiState& ui, int delta);

}  // namespace facilita::ui
