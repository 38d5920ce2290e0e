// Mastery per objective (core/mastery.hpp) on the console once the delivery
// has ended, in place of the notes (mastery_view.cpp).
#pragma once
#include <string>

#include "core/mastery.hpp"
#include "ui/views.hpp"

namespace facilita::ui {

void draw_mastery(const Session& session, const State& state, const Timing& timing, const Dispatch& dispatch, UiState& ui);
// A row's value: "72 % · 18 de 25 respuestas", "sin preguntas de quiz" or "sin respuestas".
std::string mastery_row_text(const UiState& ui, const ObjectiveMastery& m);

}  // namespace facilita::ui
