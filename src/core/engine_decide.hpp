// Internal to core: the parts of decide() (agenda in engine_decide.cpp,
// prompts in engine_prompts.cpp, participants and answers in engine_answers.cpp).
#pragma once
#include <initializer_list>
#include <string>
#include <vector>

#include "core/engine.hpp"

namespace facilita::detail {

Decision rejected(std::string code, std::string message);
Decision events(Millis now, std::initializer_list<EventData> data);

Decision decide_prompt(const Session& session, const State& state, const cmd::OpenPrompt& c, Millis now);
Decision decide_prompt(const Session& session, const State& state, const cmd::ClosePrompt& c, Millis now);
Decision decide_prompt(const Session& session, const State& state, const cmd::RevealPrompt& c, Millis now);
Decision decide_prompt(const Session& session, const State& state, const cmd::NewRound& c, Millis now);
Decision decide_prompt(const Session& session, const State& state, const cmd::HideAnswer& c, Millis now);
Decision decide_prompt(const Session& session, const State& state, const cmd::UnhideAnswer& c, Millis now);
Decision decide_prompt(const Session& session, const State& state, const cmd::ShowOnProjector& c, Millis now);
Decision decide_prompt(const Session& session, const State& state, const cmd::Join& c, Millis now);
Decision decide_prompt(const Session& session, const State& state, const cmd::Answer& c, Millis now);
Decision decide_step(const Session& session, const State& state, const cmd::NextStep& c, Millis now);
Decision decide_step(const Session& session, const State& state, const cmd::PreviousStep& c, Millis now);

// Room messages and breaks (engine_room.cpp).
Decision decide_room(const State& state, const cmd::ShowMessage& c, Millis now);
Decision decide_room(const State& state, const cmd::ClearMessage& c, Millis now);
Decision decide_room(const State& state, const cmd::StartBreak& c, Millis now);
Decision decide_room(const State& state, const cmd::EndBreak& c, Millis now);
// What End closes first: a break under way ends, the room message goes
// (nothing could clear it after the end).
std::vector<EventData> room_closing(const State& state);
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
