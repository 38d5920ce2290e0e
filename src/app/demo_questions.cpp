// Simulated fellow questions for `--screenshot ... --demo --questions`: some
// approved with votes, one pending, one hidden, the most voted projected.
// Demo data only, labelled on screen like the rest of the demo room.
#include <iterator>
#include <string>

#include "app/demo_room.hpp"

namespace facilita {

void simulate_questions(Controller& controller, Millis now) {
  struct Demo { int asker; const char* text; bool anonymous; int votes; const char* action; };
  static constexpr Demo kQuestions[] = {
      {1, "¿Quién da seguimiento a los compromisos cuando cambia la administración?", false, 7, "approve"},
      {3, "¿Cómo se eligen las organizaciones que co-crean el plan?", true, 4, "approve"},
      {5, "¿Hay un tablero público con el avance de cada compromiso?", true, 2, "answered"},
      {7, "¿Puede un municipio sumarse a mitad del plan?", false, 0, ""},
      {9, "texto fuera de tema", true, 0, "hide"},
  };
  Millis at = now - 600'000;
  for (std::size_t i = 0; i < std::size(kQuestions); ++i) {
    const Demo& q = kQuestions[i];
    controller.dispatch(cmd::Ask{"demo-" + std::to_string(q.asker + 1), q.text, q.anonymous, 1000}, at += 20'000);
    const std::string id = "qa-" + std::to_string(i + 1);
    if (*q.action) controller.dispatch(cmd::ModerateQuestion{id, q.action}, at += 1000);
    for (int v = 0; v < q.votes; ++v)
      controller.dispatch(cmd::Upvote{"demo-" + std::to_string((q.asker + 1 + v) % 11 + 1), id, 2000 + static_cast<std::int64_t>(i)},
                          at += 1000);
  }
  controller.dispatch(cmd::ProjectQuestion{"qa-1"}, now - 1000);
}

}  // namespace facilita
