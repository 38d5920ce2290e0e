// Activity steps on the console, the agenda and the projector
// (step_view.cpp, projector_step.cpp).
#pragma once
#include <string>

#include "core/engine.hpp"
#include "ui/projector_parts.hpp"
#include "ui/ui_state.hpp"

namespace facilita::ui {

// The current step, or null when the current section has none.
const Step* current_step(const Session& session, const State& state, const Timing& timing);
// "01:32" counting down, "+00:15" past zero (like the section clock).
std::string step_countdown_text(const Timing& timing);
// "Paso 2 de 4 · En parejas".
std::string step_heading(const UiState& ui, const Timing& timing, const Step& step);

// Console, under the big clock: heading, step countdown, its text, and the
// previous / next step buttons (keys Shift+S / S).
void draw_step_clock(const Session& session, const State& state, const Timing& timing, const Dispatch& dispatch,
                     UiState& ui);
// Agenda: one indented row per step of section `index` (the current one), the
// current step marked. Call inside the agenda's 5-column table.
void draw_agenda_steps(const Session& session, const State& state, const Timing& timing, int index, UiState& ui);

// Projector: the step title and countdown in a block whose right edge is
// `right_x`, from `top`. Returns its width (0 when there is no step).
float draw_projector_step(const ProjectorFrame& frame, float right_x, float top);

}  // namespace facilita::ui
