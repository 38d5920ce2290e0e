#include "core/cues.hpp"

namespace facilita {

const char* to_string(CueKind kind) {
  switch (kind) {
    case CueKind::WrapUp: return "wrap-up";
    case CueKind::SectionZero: return "zero";
    case CueKind::StepZero: return "step-zero";
  }
  return "?";
}

std::vector<Cue> detect_cues(const CueFrame& before, const CueFrame& now, CueMemory& memory) {
  std::vector<Cue> cues;
  if (!now.running || !before.running || before.section != now.section || now.section < 0) return cues;
  const int section = now.section;
  const Timing& a = before.timing;
  const Timing& b = now.timing;

  bool zero = a.section_remaining_ms > 0 && b.section_remaining_ms <= 0;
  bool wrap_up = a.phase == Phase::Normal && b.phase != Phase::Normal;
  bool same_step = b.step >= 0 && a.step == b.step;
  bool step_zero = same_step && a.step_remaining_ms > 0 && b.step_remaining_ms <= 0;

  if (zero) {
    // The louder cue stands for the quieter ones crossed at the same moment.
    memory.wrap_up.insert(section);
    if (step_zero) memory.step_zero.insert({section, b.step});
    if (memory.zero.insert(section).second) cues.push_back({CueKind::SectionZero, section, -1});
    return cues;
  }
  if (wrap_up && memory.wrap_up.insert(section).second) cues.push_back({CueKind::WrapUp, section, -1});
  if (step_zero && memory.step_zero.insert({section, b.step}).second)
    cues.push_back({CueKind::StepZero, section, b.step});
  return cues;
}

}  // namespace facilita
