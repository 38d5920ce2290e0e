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
// Questions (engine_questions.cpp).
Decision decide_prompt(const Session& session, const State& state, const cmd::Ask& c, Millis now);
Decision decide_prompt(const Session& session, const State& state, const cmd::Upvote& c, Millis now);
Decision decide_prompt(const Session& session, const State& state, const cmd::ModerateQuestion& c, Millis now);
Decision decide_prompt(const Session& session, const State& state, const cmd::ProjectQuestion& c, Millis now);
Decision decide_prompt(const Session& session, const State& state, const cmd::SetModeration& c, Millis now);
void apply_question(State& state, const ev::Asked& e, Millis at);
void apply_question(State& state, const ev::Upvoted& e, Millis at);
void apply_question(State& state, const ev::QuestionModerated& e, Millis at);
void apply_question(State& state, const ev::QuestionProjected& e, Millis at);
void apply_question(State& state, const ev::ModerationSet& e, Millis at);

}  // namespace facilita::detail
