// Attention cues: the moments the room should notice — the current section
// enters its wrap-up, the section reaches zero, the current step reaches zero.
// Pure: the caller keeps the previous Timing and a CueMemory between turns and
// decides what a cue does (chime, projector flash, log line).
#pragma once
#include <set>
#include <utility>
#include <vector>

#include "core/engine.hpp"

namespace facilita {

enum class CueKind { WrapUp, SectionZero, StepZero };
const char* to_string(CueKind kind);  // "wrap-up" | "zero" | "step-zero"

struct Cue {
  CueKind kind = CueKind::WrapUp;
  int section = 0;
  int step = -1;  // StepZero only
  bool operator==(const Cue&) const = default;
};

// What already fired: a cue fires at most once per section (per step),
// even when time is added back and the clock crosses the line again.
struct CueMemory {
  std::set<int> wrap_up;                 // sections
  std::set<int> zero;                    // sections
  std::set<std::pair<int, int>> step_zero;  // (section, step)
  bool operator==(const CueMemory&) const = default;
};

// One observation of the clock: derived timing plus what derive does not say.
struct CueFrame {
  Timing timing;
  int section = -1;      // state.agenda.current
  bool running = false;  // state.agenda.running (started, not paused, not ended)
};

// The cues that fire going from `before` to `now`. A cue fires only on a
// crossing inside the same section (and step) while running: entering a
// section or step that is already past its line, a paused clock, or a line
// already cued for that section / step fire nothing. When a section reaches
// zero its wrap-up and its current step's zero are folded into that one cue.
std::vector<Cue> detect_cues(const CueFrame& before, const CueFrame& now, CueMemory& memory);

}  // namespace facilita
