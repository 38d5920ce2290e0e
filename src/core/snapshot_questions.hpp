// The questions part of the snapshots (see snapshot.hpp and docs/protocol.md).
// Public: only questions shown to the room, never a participant id, never the
// name of an anonymous asker. Admin: every question.
#pragma once
#include <nlohmann/json.hpp>
#include <string_view>

#include "core/engine.hpp"

namespace facilita {

inline constexpr std::size_t kMaxQuestionsShown = 200;  // public list, most voted first: bounds a state message

// Adds "questions", "projected_question" and "moderation" to a public state.
void add_public_questions(nlohmann::json& j, const State& state);
// Adds "questions" (every question, most voted first) to an admin object.
void add_admin_questions(nlohmann::json& admin, const State& state);
// One fellow's own questions (any status) and the questions they upvoted:
// {"questions":[{"id","text","status","votes"}], "upvoted":["qa-3",...]}.
// For the personal message; never broadcast.
nlohmann::json personal_questions(const State& state, std::string_view participant);

}  // namespace facilita
