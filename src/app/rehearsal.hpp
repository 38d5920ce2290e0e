// Rehearsal in the author view: the real engine (Controller, in-memory sink,
// nothing journaled) on a simulated clock running `speed` times faster than
// the wall clock. Each section runs to its planned end, then the next one
// starts; after the last one the session ends. Main thread only.
#pragma once
#include <optional>

#include "app/controller.hpp"

namespace facilita {

class Rehearsal {
 public:
  void start(const Session& session, Millis real_now);
  void stop() { controller_.reset(); }
  bool running() const { return controller_.has_value(); }
  // Moves the simulated clock to `real_now` at `speed` (1, 10, 60; a change of
  // speed takes effect from the previous call on) and advances the agenda.
  void advance(Millis real_now, int speed);

  const Session& session() const { return controller_->session(); }
  const State& state() const { return controller_->state(); }
  Millis sim_now() const { return sim_; }

 private:
  std::optional<Controller> controller_;
  Millis sim_ = 0;
  Millis real_ = 0;
};

}  // namespace facilita
