// Watches the delivery's clock turn by turn and reports the attention cues
// (core/cues.hpp) that fired; both shells call it after Delivery::turn. The
// console chimes and flashes the projector, --headless only logs.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

// The log line of a cue: "cue: wrap-up section=retos (chime)"; a step cue adds
// "step=ID". `outcome` is "chime", "muted" or "no sound".
std::string cue_log_line(const Session& session, const Cue& cue, std::string_view outcome);

}  // namespace facilita
