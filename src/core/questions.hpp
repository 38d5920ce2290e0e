// Fellow questions: lookups shared by decide, apply, snapshots, views and
// exports. The rules themselves live in engine_questions.cpp.
#pragma once
#include <string>
#include <string_view>

#include "core/engine.hpp"

namespace facilita {

// The question with this id ("qa-N"), or nullptr.
const Question* find_question(const State& state, std::string_view id);
// "pending" | "approved" | "hidden" | "answered" (hidden wins, then answered).
const char* question_status(const Question& q);
// Shown to the room: not hidden and approved (moderation off approves on asking).
inline bool question_public(const Question& q) { return !q.hidden && q.approved; }
inline bool question_open(const Question& q) { return !q.hidden && !q.answered; }
inline int question_votes(const Question& q) { return static_cast<int>(q.voters.size()); }
// Indices into state.questions sorted by votes (desc), then oldest first.
std::vector<std::size_t> questions_by_votes(const State& state);

}  // namespace facilita
