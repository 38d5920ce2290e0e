#include "app/cue_watcher.hpp"

#include <utility>

namespace facilita {

std::vector<Cue> CueWatcher::observe(const Session& session, const State& state, Millis now) {
  CueFrame frame{derive(session, state, now), state.agenda.current, state.agenda.running};
  std::vector<Cue> cues;
  if (last_) cues = detect_cues(*last_, frame, memory_);
  last_ = std::move(frame);
  return cues;
}

std::string cue_log_line(const Session& session, const Cue& cue, Lang lang, T outcome) {
  const T kind = cue.kind == CueKind::WrapUp        ? T::CueWrapUp
                 : cue.kind == CueKind::SectionZero ? T::CueZero
                                                    : T::CueStepZero;
  const bool known = cue.section >= 0 && cue.section < static_cast<int>(session.sections.size());
  const std::string section =
      known ? session.sections[static_cast<std::size_t>(cue.section)].id : std::to_string(cue.section);
  std::string step;
  if (cue.kind == CueKind::StepZero) {
    const auto* steps = known ? &session.sections[static_cast<std::size_t>(cue.section)].steps : nullptr;
    const std::string id = steps && cue.step >= 0 && cue.step < static_cast<int>(steps->size())
                               ? (*steps)[static_cast<std::size_t>(cue.step)].id
                               : std::to_string(cue.step + 1);
    step = txf(lang, T::CueStep, id.c_str());
  }
  return txf(lang, T::CueLine, tx(lang, kind), section.c_str(), step.c_str(), tx(lang, outcome));
}

}  // namespace facilita
