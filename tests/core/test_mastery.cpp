// Mastery per objective (core/mastery.hpp): the arithmetic of the rule.
#include <doctest/doctest.h>

#include "core/mastery.hpp"
#include "fixtures.hpp"

using namespace facilita;
using namespace facilita::test;

namespace {

// Objectives "a", "b", "c"; section s1 covers [a, b], s2 covers [c].
// s1: q-choice (choice, correct "x"), q-multi (multi, correct {x, z}, objectives [b]),
//     q-poll (poll, not a quiz). s2: q-late (choice, correct "y"), never opened in most tests.
Session quiz_session() {
  Prompt choice = make_prompt("q-choice", PromptKind::Choice, {"x", "y", "z"}, {"x"});
  Prompt multi = make_prompt("q-multi", PromptKind::Multi, {"x", "y", "z"}, {"x", "z"});
  multi.objectives = {"b"};
  Prompt poll = make_prompt("q-poll", PromptKind::Poll, {"x", "y"});
  Session s = make_session({{300}, {300}}, {choice, multi, poll});
  s.objectives = {{"a", "Objective A", {}, {}}, {"b", "Objective B", {}, {}}, {"c", "Objective C", {}, {}},
                  {"d", "Objective D", {}, {}}};
  s.sections[0].objectives = {"a", "b"};
  s.sections[1].objectives = {"c"};
  s.sections[1].prompts = {make_prompt("q-late", PromptKind::Choice, {"x", "y"}, {"y"})};
  return s;
}

const ObjectiveMastery& of(const std::vector<ObjectiveMastery>& all, const std::string& id) {
  for (const auto& m : all)
    if (m.id == id) return m;
  FAIL("no objective " << id);
  return all.front();
}

void answer(Room& room, const std::string& who, const std::string& prompt, AnswerValue value, std::int64_t seq) {
  room.ok(cmd::Answer{who, prompt, std::move(value), seq});
}

}  // namespace

TEST_CASE("mastery: a choice answer is correct only when it is the correct option") {
  Session s = quiz_session();
  const Prompt& choice = s.sections[0].prompts[0];
  CHECK(is_quiz(choice));
  CHECK(answer_is_correct(choice, AnswerValue{std::string("x")}));
  CHECK_FALSE(answer_is_correct(choice, AnswerValue{std::string("y")}));
  CHECK_FALSE(answer_is_correct(choice, AnswerValue{std::vector<std::string>{"x"}}));
  CHECK_FALSE(is_quiz(s.sections[0].prompts[2]));
  CHECK_FALSE(answer_is_correct(s.sections[0].prompts[2], AnswerValue{std::string("x")}));
}

TEST_CASE("mastery: a multi answer is correct only as the exact set (not a subset, not a superset)") {
  Session s = quiz_session();
  const Prompt& multi = s.sections[0].prompts[1];
  CHECK(answer_is_correct(multi, AnswerValue{std::vector<std::string>{"x", "z"}}));
  CHECK(answer_is_correct(multi, AnswerValue{std::vector<std::string>{"z", "x"}}));  // order does not matter
  CHECK_FALSE(answer_is_correct(multi, AnswerValue{std::vector<std::string>{"x"}}));
  CHECK_FALSE(answer_is_correct(multi, AnswerValue{std::vector<std::string>{"x", "y", "z"}}));
  CHECK_FALSE(answer_is_correct(multi, AnswerValue{std::vector<std::string>{}}));
}

TEST_CASE("mastery: a prompt's own objectives replace its section's") {
  Session s = quiz_session();
  CHECK(prompt_objectives(s.sections[0], s.sections[0].prompts[0]) == std::vector<std::string>{"a", "b"});
  CHECK(prompt_objectives(s.sections[0], s.sections[0].prompts[1]) == std::vector<std::string>{"b"});

  Room room(s);
  room.ok(cmd::Start{});
  room.join("p1", "Ana");
  room.join("p2", "Beto");
  room.join("p3", "Carla");
  room.ok(cmd::OpenPrompt{"q-choice"});
  answer(room, "p1", "q-choice", std::string("x"), 1);
  answer(room, "p2", "q-choice", std::string("y"), 2);
  answer(room, "p3", "q-choice", std::string("x"), 3);
  room.ok(cmd::ClosePrompt{"q-choice"});
  room.ok(cmd::OpenPrompt{"q-multi"});
  answer(room, "p1", "q-multi", std::vector<std::string>{"x", "z"}, 4);
  answer(room, "p2", "q-multi", std::vector<std::string>{"x"}, 5);
  room.ok(cmd::ClosePrompt{"q-multi"});
  room.ok(cmd::OpenPrompt{"q-poll"});
  answer(room, "p1", "q-poll", std::string("x"), 6);

  auto m = compute_mastery(s, room.state);
  REQUIRE(m.size() == 4);
  CHECK(m[0].id == "a");  // the session's order
  CHECK(m[0].text == "Objective A");
  // a: q-choice only (q-multi names [b]); the poll is no quiz.
  CHECK(of(m, "a").quiz_prompts == 1);
  CHECK(of(m, "a").asked == 1);
  CHECK(of(m, "a").answers == 3);
  CHECK(of(m, "a").correct == 2);
  // b: q-choice (section default) + q-multi (its own list).
  CHECK(of(m, "b").quiz_prompts == 2);
  CHECK(of(m, "b").answers == 5);
  CHECK(of(m, "b").correct == 3);
  REQUIRE(of(m, "b").share());
  CHECK(*of(m, "b").share() == doctest::Approx(0.6));
}

TEST_CASE("mastery: an objective with no quiz prompt has no share, never 0 %") {
  Session s = quiz_session();
  auto m = compute_mastery(s, initial_state(s));
  CHECK(of(m, "d").quiz_prompts == 0);
  CHECK(of(m, "d").answers == 0);
  CHECK_FALSE(of(m, "d").share().has_value());
}

TEST_CASE("mastery: unopened quiz prompts count in quiz_prompts but not in asked") {
  Session s = quiz_session();
  Room room(s);
  room.ok(cmd::Start{});
  auto m = compute_mastery(s, room.state);
  CHECK(of(m, "c").quiz_prompts == 1);
  CHECK(of(m, "c").asked == 0);
  CHECK(of(m, "c").answers == 0);
  CHECK_FALSE(of(m, "c").share().has_value());  // "no answers", not 0 %

  room.ok(cmd::OpenPrompt{"q-late"});
  m = compute_mastery(s, room.state);
  CHECK(of(m, "c").asked == 1);
  CHECK(of(m, "a").asked == 0);
  CHECK(of(m, "a").quiz_prompts == 1);
}

TEST_CASE("mastery: a new round sets the earlier answers aside") {
  Session s = quiz_session();
  Room room(s);
  room.ok(cmd::Start{});
  room.join("p1", "Ana");
  room.join("p2", "Beto");
  room.ok(cmd::OpenPrompt{"q-choice"});
  answer(room, "p1", "q-choice", std::string("y"), 1);
  answer(room, "p2", "q-choice", std::string("y"), 2);
  room.ok(cmd::ClosePrompt{"q-choice"});
  CHECK(of(compute_mastery(s, room.state), "a").correct == 0);

  room.ok(cmd::NewRound{"q-choice"});
  auto m = compute_mastery(s, room.state);
  CHECK(of(m, "a").answers == 0);
  CHECK(of(m, "a").asked == 1);  // it was asked in this delivery
  room.ok(cmd::OpenPrompt{"q-choice"});
  answer(room, "p1", "q-choice", std::string("x"), 3);
  m = compute_mastery(s, room.state);
  CHECK(of(m, "a").answers == 1);
  CHECK(of(m, "a").correct == 1);
}

TEST_CASE("mastery: hidden answers are left out") {
  // Only text answers can be hidden and text prompts are never quiz prompts;
  // a hand-made state with a hidden quiz answer still does not count it.
  Session s = quiz_session();
  State state = initial_state(s);
  state.prompts["q-choice"].was_opened = true;
  state.prompts["q-choice"].answers["p1"] = StoredAnswer{std::string("x"), 1, kT0, false};
  state.prompts["q-choice"].answers["p2"] = StoredAnswer{std::string("x"), 2, kT0, true};
  auto m = compute_mastery(s, state);
  CHECK(of(m, "a").answers == 1);
  CHECK(of(m, "a").correct == 1);
}

TEST_CASE("mastery: the module's quiz prompts are tied to its objectives") {
  const Session& s = module_session();
  auto m = compute_mastery(s, initial_state(s));
  REQUIRE(m.size() == s.objectives.size());
  int tied = 0;
  for (const auto& o : m) tied += o.quiz_prompts;
  CHECK(tied > 0);
}
