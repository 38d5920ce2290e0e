// Simulated participants and answers for `--screenshot ... --demo` (README
// pictures showing a tally). Demo data only: never used in a real delivery,
// and screenshots that use it say so on screen.
#pragma once
#include "app/controller.hpp"

namespace facilita {

inline constexpr const char* kDemoJoinUrl = "http://192.168.1.20:8080/";

void simulate_joins(Controller& controller, Millis at);
// Opens the section's first prompt at the section start and lets most
// participants answer before `now`; with `reveal`, closes and reveals it.
void simulate_answers(Controller& controller, int section, Millis section_start, Millis now, bool reveal);
// Fellow questions (demo_questions.cpp): approved with votes, pending, answered, hidden; one projected.
void simulate_questions(Controller& controller, Millis now);
// Every prompt of the section asked, answered by the demo participants and revealed, one after another.
void simulate_quiz(Controller& controller, int section, Millis section_start, Millis now);

}  // namespace facilita
