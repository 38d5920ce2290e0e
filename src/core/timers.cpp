#include "core/timers.hpp"

namespace facilita {

Millis next_due_at(const Session& session, const State& state) {
  if (state.open_prompt.empty()) return 0;
  const Prompt* prompt = session.find_prompt(state.open_prompt);
  auto it = state.prompts.find(state.open_prompt);
  if (!prompt || prompt->time_s <= 0 || it == state.prompts.end() || !it->second.open) return 0;
  return it->second.opened_at + static_cast<Millis>(prompt->time_s) * 1000;
}

std::optional<Command> due_command(const Session& session, const State& state, Millis now) {
  Millis due = next_due_at(session, state);
  if (due > 0 && now >= due) return cmd::ClosePrompt{state.open_prompt};
  return std::nullopt;
}

}  // namespace facilita
