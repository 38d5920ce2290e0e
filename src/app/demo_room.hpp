// Simulated participants and answers for `--screenshot ... --demo` (README
// pictures showing a tally). Demo data only: never used in a real delivery,
// and screenshots that use it say so on screen.
#pragma once
#include "app/controller.hpp"

namespace facilita {

inline constexpr const char* kDemoJoinUrl = "http://192.168.1.20:8080/";

// The demo room's size: 14 fellows of whom 11 answer; a larger room (layout
// checks) has long names, and half of it answers.
inline constexpr int kDemoFellows = 14;
int demo_answering(int fellows);

void simulate_joins(Controller& controller, Millis at, int fellows = kDemoFellows);
// Opens the section's first prompt at the section start and lets most
// participants answer before `now`; with `reveal`, closes and reveals it.
void simulate_answers(Controller& controller, int section, Millis section_start, Millis now, bool reveal,
                      int fellows = kDemoFellows);
// Fellow questions (demo_questions.cpp): approved with votes, pending, answered, hidden; one projected.
void simulate_questions(Controller& controller, Millis now);
// Every prompt of the section asked, answered by the demo participants and revealed, one after another.
void simulate_quiz(Controller& controller, int section, Millis section_start, Millis now);

}  // namespace facilita
