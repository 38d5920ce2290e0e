// Internal to core: the parts of decide() (agenda in engine_decide.cpp,
// prompts in engine_prompts.cpp, participants and answers in engine_answers.cpp).
#pragma once
#include <initializer_list>
#include <string>

#include "core/engine.hpp"

namespace facilita::detail {

Decision rejected(std::string code, std::string message);
Decision events(Millis now, std::initializer_list<EventData> data);

Decision decide_prompt(const Session& session, const State& state, const cmd::OpenPrompt& c, Millis now);
Decision decide_prompt(const Session& session, const State& state, const cmd::ClosePrompt& c, Millis now);
Decision decide_prompt(const Session& session, const State& state, const cmd::RevealPrompt& c, Millis now);
Decision decide_prompt(const Session& session, const State& state, const cmd::NewRound& c, Millis now);
Decision decide_prompt(const Session& session, const State& state, const cmd::HideAnswer& c, Millis now);
Decision decide_prompt(const Session& session, const State& state, const cmd::Join& c, Millis now);
Decision decide_prompt(const Session& session, const State& state, const cmd::Answer& c, Millis now);
Decision decide_step(const Session& session, const State& state, const cmd::NextStep& c, Millis now);
Decision decide_step(const Session& session, const State& state, const cmd::PreviousStep& c, Millis now);

}  // namespace facilita::detail
