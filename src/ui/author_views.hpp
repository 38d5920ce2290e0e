// The author view (`facilita edit FILE`), one region per file: diagnostics,
// timing bar, objective coverage, projector preview + rehearsal, and the
// window that lays them out. Pure functions of AuthorState / UiState.
#pragma once
#include <imgui.h>

#include "ui/author_state.hpp"
#include "ui/ui_state.hpp"

namespace facilita::ui {

void draw_author(AuthorState& author, UiState& ui);  // the whole window

void draw_author_diagnostics(AuthorState& author, UiState& ui);
void draw_author_timing(AuthorState& author, UiState& ui);
void draw_author_coverage(AuthorState& author, UiState& ui);
void draw_author_preview(AuthorState& author, UiState& ui);

// A projector state showing `section` of `session` as delivered (the clock
// at the section's start): its content with `prompt` -1, else that prompt
// open. False when the engine refuses (no such section or prompt).
bool preview_state(const Session& session, int section, int prompt, State& out);
// Its first prompt open (its content when it has none).
inline bool preview_state(const Session& session, int section, State& out) {
  return preview_state(session, section, 0, out);
}

}  // namespace facilita::ui
