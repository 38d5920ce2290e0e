#include "app/rehearsal.hpp"

#include <algorithm>

namespace facilita {

namespace {
constexpr Millis kSimStart = 0;
}

void Rehearsal::start(const Session& session, Millis real_now) {
  controller_.emplace(session, initial_state(session), [](const std::vector<Event>&, std::string&) { return true; });
  sim_ = kSimStart;
  real_ = real_now;
  controller_->dispatch(cmd::Start{}, sim_);
}

void Rehearsal::advance(Millis real_now, int speed) {
  if (!controller_) return;
  speed = std::clamp(speed, 1, 600);
  Millis target = sim_ + std::max<Millis>(0, real_now - real_) * speed;
  real_ = real_now;
  // Section by section: each change happens at the section's planned end, even
  // when one step of the simulated clock spans several sections.
  for (int guard = 0; guard < 1000 && !controller_->state().agenda.ended; ++guard) {
    Timing t = derive(controller_->session(), controller_->state(), sim_);
    Millis end_of_section = sim_ + std::max<Millis>(0, t.section_remaining_ms);
    if (end_of_section > target) break;
    sim_ = end_of_section;
    const AgendaState& a = controller_->state().agenda;
    bool last = a.current + 1 >= static_cast<int>(controller_->session().sections.size());
    auto result = controller_->dispatch(last ? Command{cmd::End{}} : Command{cmd::Next{}}, sim_);
    if (!result.ok && !last) controller_->dispatch(cmd::End{}, sim_);  // e.g. only cut sections remain
  }
  if (!controller_->state().agenda.ended) sim_ = target;
}

}  // namespace facilita
