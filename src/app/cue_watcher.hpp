// Watches the delivery's clock turn by turn and reports the attention cues
// (core/cues.hpp) that fired; both shells call it after Delivery::turn. The
// console chimes and flashes the projector, --headless only logs.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/cli_text.hpp"
#include "core/cues.hpp"

namespace facilita {

class CueWatcher {
 public:
  // The cues since the previous call. The first call only takes a reading:
  // a delivery resumed past a line does not cue it again.
  std::vector<Cue> observe(const Session& session, const State& state, Millis now);

 private:
  std::optional<CueFrame> last_;
  CueMemory memory_;
};

// The log line of a cue in `lang`: "cue: wrap-up section=retos (chime)", "señal:
// cierre sección=retos (campana)"; a step cue adds "step=ID" ("paso=ID").
// `outcome` is T::CueChime, T::CueMuted or T::CueNoSound.
std::string cue_log_line(const Session& session, const Cue& cue, Lang lang, T outcome);

}  // namespace facilita
