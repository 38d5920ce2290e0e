#include "core/timers.hpp"

#include <algorithm>

#include "core/engine_internal.hpp"

namespace facilita {

Millis prompt_closes_at(const Session& session, const State& state, const std::string& id) {
  const AgendaState& a = state.agenda;
  if (a.ended || (a.started && !a.running)) return 0;
  const Prompt* prompt = session.find_prompt(id);
  auto it = state.prompts.find(id);
  if (!prompt || prompt->time_s <= 0 || it == state.prompts.end() || !it->second.open) return 0;
  // Pause time since the opening moves the end; paused_so_far is the total here (not paused).
  const Millis paused_since_open = std::max<Millis>(0, a.paused_total_ms - it->second.pause_at_open);
  return it->second.opened_at + static_cast<Millis>(prompt->time_s) * 1000 + paused_since_open;
}

std::optional<Millis> prompt_time_left_ms(const Session& session, const State& state, const std::string& id,
                                          Millis now) {
  const Prompt* prompt = session.find_prompt(id);
  auto it = state.prompts.find(id);
  if (state.agenda.ended || !prompt || prompt->time_s <= 0 || it == state.prompts.end() || !it->second.open)
    return std::nullopt;
  const Millis paused_since_open =
      std::max<Millis>(0, detail::paused_so_far(state.agenda, now) - it->second.pause_at_open);
  const Millis closes = it->second.opened_at + static_cast<Millis>(prompt->time_s) * 1000 + paused_since_open;
  return std::max<Millis>(0, closes - now);
}

Millis next_due_at(const Session& session, const State& state) {
  if (state.open_prompt.empty()) return 0;
  return prompt_closes_at(session, state, state.open_prompt);
}

std::optional<Command> due_command(const Session& session, const State& state, Millis now) {
  Millis due = next_due_at(session, state);
  if (due > 0 && now >= due) return cmd::ClosePrompt{state.open_prompt};
  return std::nullopt;
}

}  // namespace facilita
