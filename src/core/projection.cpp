#include "core/projection.hpp"

namespace facilita {

const Prompt* results_prompt(const Session& session, const State& state) {
  if (!state.open_prompt.empty())
    if (const Prompt* p = session.find_prompt(state.open_prompt)) return p;
  if (session.sections.empty() || state.agenda.current < 0 ||
      state.agenda.current >= static_cast<int>(session.sections.size()))
    return nullptr;
  const Prompt* latest = nullptr;
  Millis latest_close = -1;
  for (const Prompt& p : session.sections[static_cast<std::size_t>(state.agenda.current)].prompts) {
    auto it = state.prompts.find(p.id);
    if (it == state.prompts.end() || !it->second.revealed) continue;
    if (it->second.closed_at > latest_close) {
      latest = &p;
      latest_close = it->second.closed_at;
    }
  }
  return latest;
}

const Prompt* projected_prompt(const Session& session, const State& state) {
  return state.projector_content ? nullptr : results_prompt(session, state);
}

const char* to_string(ProjectorView view) { return view == ProjectorView::Content ? "content" : "results"; }

}  // namespace facilita
