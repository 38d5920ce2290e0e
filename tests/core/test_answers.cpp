// Prompts, participants and answers: opening and closing, reveal, hide,
// joining, answer validation, duplicates and replacement.
#include "fixtures.hpp"

using namespace facilita;
using namespace facilita::test;

namespace {

Session with_prompts() {
  Prompt scale = make_prompt("scale", PromptKind::Scale);
  scale.scale = ScaleSpec{1, 5, {}};
  return make_session({{600}, {600}},
                      {make_prompt("choice", PromptKind::Choice, {"16", "26", "32"}, {"26"}),
                       make_prompt("poll", PromptKind::Poll, {"sí", "no"}),
                       make_prompt("multi", PromptKind::Multi, {"a", "b", "c"}, {"a", "c"}), scale,
                       make_prompt("text", PromptKind::Text)});
}

struct Fixture {
  Session session = with_prompts();
  Room room{session};
  Fixture() {
    room.join("f1", "Ana");
    room.join("f2", "Beto");
  }
  std::string answer(const std::string& who, const std::string& prompt, AnswerValue value, std::int64_t seq) {
    return room.code(cmd::Answer{who, prompt, std::move(value), seq});
  }
};

}  // namespace

TEST_CASE("opening a prompt closes the open one; re-opening keeps answers") {
  Fixture f;
  Room& room = f.room;
  CHECK(room.code(cmd::OpenPrompt{"nope"}) == "unknown-prompt");
  room.ok(cmd::OpenPrompt{"choice"});  // prompts work before Start too
  CHECK(room.state.open_prompt == "choice");
  CHECK(room.code(cmd::OpenPrompt{"choice"}) == "already-open");
  CHECK(f.answer("f1", "choice", std::string("26"), 1) == "");
  room.ok(cmd::OpenPrompt{"poll"});
  REQUIRE(room.last.events.size() == 2);
  CHECK(std::get<ev::PromptClosed>(room.last.events[0].data).prompt == "choice");
  CHECK(std::get<ev::PromptOpened>(room.last.events[1].data).prompt == "poll");
  CHECK_FALSE(room.state.prompts["choice"].open);
  CHECK(room.state.prompts["poll"].open);
  room.ok(cmd::OpenPrompt{"choice"});
  CHECK(room.state.prompts["choice"].answers.count("f1") == 1);
}

TEST_CASE("ClosePrompt and RevealPrompt") {
  Fixture f;
  Room& room = f.room;
  CHECK(room.code(cmd::ClosePrompt{"nope"}) == "unknown-prompt");
  CHECK(room.code(cmd::ClosePrompt{"choice"}) == "prompt-closed");
  CHECK(room.code(cmd::RevealPrompt{"nope"}) == "unknown-prompt");
  CHECK(room.code(cmd::RevealPrompt{"choice"}) == "not-opened");
  room.ok(cmd::OpenPrompt{"choice"});
  room.ok(cmd::RevealPrompt{"choice"});  // while open: closes first, two events
  REQUIRE(room.last.events.size() == 2);
  CHECK(std::get<ev::PromptClosed>(room.last.events[0].data).prompt == "choice");
  CHECK(std::get<ev::PromptRevealed>(room.last.events[1].data).prompt == "choice");
  CHECK(room.state.prompts["choice"].revealed);
  CHECK_FALSE(room.state.prompts["choice"].open);
  CHECK(room.state.open_prompt.empty());
  CHECK(room.code(cmd::RevealPrompt{"choice"}) == "already-revealed");
  CHECK(room.code(cmd::ClosePrompt{"choice"}) == "prompt-closed");
  room.ok(cmd::OpenPrompt{"poll"});
  room.ok(cmd::ClosePrompt{"poll"});
  room.ok(cmd::RevealPrompt{"poll"});  // while closed
  CHECK(room.state.prompts["poll"].revealed);
}

TEST_CASE("Join trims names, updates on re-join, and rejects bad ids and names") {
  Fixture f;
  Room& room = f.room;
  room.ok(cmd::Join{"f3", "  María José Ñúñez \t"});
  CHECK(room.state.participants["f3"].name == "María José Ñúñez");
  const Millis joined = room.state.participants["f3"].joined_at;
  room.wait_s(10);
  room.ok(cmd::Join{"f3", "Majo"});
  CHECK(room.state.participants["f3"].name == "Majo");
  CHECK(room.state.participants["f3"].joined_at == joined);
  room.ok(cmd::Join{"f3", "Majo"});  // a reconnect: accepted, nothing journaled
  CHECK(room.last.events.empty());

  CHECK(room.code(cmd::Join{"f4", "   "}) == "bad-name");
  CHECK(room.code(cmd::Join{"f4", std::string(kMaxNameChars + 1, 'x')}) == "bad-name");
  std::string accented;
  for (std::size_t i = 0; i < kMaxNameChars; ++i) accented += "ñ";  // 80 bytes, 40 characters
  room.ok(cmd::Join{"f4", accented});
  CHECK(room.code(cmd::Join{"f4", accented + "a"}) == "bad-name");
  CHECK(room.code(cmd::Join{"f5", "Ana\nBeto"}) == "bad-name");
  CHECK(room.code(cmd::Join{"f5", "bad \xC3"}) == "bad-name");
  CHECK(room.code(cmd::Join{"", "Ana"}) == "bad-participant");
  CHECK(room.code(cmd::Join{"with space", "Ana"}) == "bad-participant");
  CHECK(room.code(cmd::Join{std::string(kMaxParticipantIdBytes + 1, 'a'), "Ana"}) == "bad-participant");
}

TEST_CASE("the room has a participant limit") {
  Fixture f;
  for (std::size_t i = f.room.state.participants.size(); i < kMaxParticipants; ++i)
    f.room.join("p" + std::to_string(i), "N");
  CHECK(f.room.code(cmd::Join{"one-more", "N"}) == "room-full");
  f.room.ok(cmd::Join{"f1", "Ana María"});  // existing participants can still rename
}

TEST_CASE("Answer rejections: not-joined, unknown-prompt, prompt-closed") {
  Fixture f;
  CHECK(f.answer("ghost", "choice", std::string("26"), 1) == "not-joined");
  CHECK(f.answer("f1", "nope", std::string("26"), 1) == "unknown-prompt");
  CHECK(f.answer("f1", "choice", std::string("26"), 1) == "prompt-closed");
  f.room.ok(cmd::OpenPrompt{"poll"});
  CHECK(f.answer("f1", "choice", std::string("26"), 1) == "prompt-closed");
  CHECK(f.room.state.prompts["choice"].answers.empty());
}

TEST_CASE("a duplicate seq is acknowledged and counted once, even after the prompt closed") {
  Fixture f;
  f.room.ok(cmd::OpenPrompt{"choice"});
  CHECK(f.answer("f1", "choice", std::string("26"), 7) == "");
  CHECK(f.room.last.events.size() == 1);
  const std::size_t journal = f.room.journal.size();
  CHECK(f.answer("f1", "choice", std::string("26"), 7) == "");
  CHECK(f.room.last.duplicate);
  CHECK(f.room.journal.size() == journal);
  CHECK(std::get<std::string>(f.room.state.prompts["choice"].answers["f1"].value) == "26");
  f.room.ok(cmd::ClosePrompt{"choice"});
  CHECK(f.answer("f1", "choice", std::string("26"), 7) == "");
  CHECK(f.room.last.duplicate);
  // The same seq from someone else is a different answer.
  CHECK(f.answer("f2", "choice", std::string("26"), 7) == "prompt-closed");
}

TEST_CASE("a new answer replaces the previous one while the prompt is open") {
  Fixture f;
  f.room.ok(cmd::OpenPrompt{"choice"});
  CHECK(f.answer("f1", "choice", std::string("26"), 1) == "");
  f.room.wait_s(3);
  CHECK(f.answer("f1", "choice", std::string("32"), 2) == "");
  const auto& answers = f.room.state.prompts["choice"].answers;
  REQUIRE(answers.size() == 1);
  CHECK(std::get<std::string>(answers.at("f1").value) == "32");
  CHECK(answers.at("f1").seq == 2);
  CHECK(answers.at("f1").at == kT0 + 3 * kSec);
}

TEST_CASE("choice and poll answers must be one of the options") {
  Fixture f;
  f.room.ok(cmd::OpenPrompt{"choice"});
  CHECK(f.answer("f1", "choice", std::string("27"), 1) == "bad-value");
  CHECK(f.answer("f1", "choice", 26, 2) == "bad-value");
  CHECK(f.answer("f1", "choice", std::vector<std::string>{"26"}, 3) == "bad-value");
  f.room.ok(cmd::OpenPrompt{"poll"});
  CHECK(f.answer("f1", "poll", std::string("sí"), 4) == "");
  CHECK(f.answer("f1", "poll", std::string("si"), 5) == "bad-value");
}

TEST_CASE("multi answers: a non-empty list of distinct options, kept in option order") {
  Fixture f;
  f.room.ok(cmd::OpenPrompt{"multi"});
  using List = std::vector<std::string>;
  CHECK(f.answer("f1", "multi", List{}, 1) == "bad-value");
  CHECK(f.answer("f1", "multi", List{"a", "a"}, 2) == "bad-value");
  CHECK(f.answer("f1", "multi", List{"a", "z"}, 3) == "bad-value");
  CHECK(f.answer("f1", "multi", std::string("a"), 4) == "bad-value");
  CHECK(f.answer("f1", "multi", List{"c", "a"}, 5) == "");
  CHECK(std::get<List>(f.room.state.prompts["multi"].answers["f1"].value) == List{"a", "c"});
}

TEST_CASE("scale answers: an integer within the scale") {
  Fixture f;
  f.room.ok(cmd::OpenPrompt{"scale"});
  CHECK(f.answer("f1", "scale", 0, 1) == "bad-value");
  CHECK(f.answer("f1", "scale", 6, 2) == "bad-value");
  CHECK(f.answer("f1", "scale", std::string("3"), 3) == "bad-value");
  CHECK(f.answer("f1", "scale", 1, 4) == "");
  CHECK(f.answer("f1", "scale", 5, 5) == "");
}

TEST_CASE("text answers: trimmed, non-empty, at most 500 bytes, valid UTF-8") {
  Fixture f;
  f.room.ok(cmd::OpenPrompt{"text"});
  CHECK(f.answer("f1", "text", std::string(" \n "), 1) == "bad-value");
  CHECK(f.answer("f1", "text", std::string(kMaxTextAnswerBytes + 1, 'x'), 2) == "bad-value");
  CHECK(f.answer("f1", "text", std::string("bad \xFF"), 3) == "bad-value");
  CHECK(f.answer("f1", "text", std::string("nul \x01"), 4) == "bad-value");
  CHECK(f.answer("f1", "text", 3, 5) == "bad-value");
  CHECK(f.answer("f1", "text", "  " + std::string(kMaxTextAnswerBytes, 'x') + "  ", 6) == "");
  CHECK(f.answer("f2", "text", std::string("  Línea uno\nlínea dos  "), 7) == "");
  CHECK(std::get<std::string>(f.room.state.prompts["text"].answers["f2"].value) == "Línea uno\nlínea dos");
}

TEST_CASE("text answers refuse direction overrides and zero-width characters, as names and questions do") {
  // Projected, a right-to-left override or a zero-width space lets one answer pass for
  // another text; the zero-width joiner of emoji sequences typed on phones stays.
  Fixture f;
  f.room.ok(cmd::OpenPrompt{"text"});
  CHECK(f.answer("f1", "text", std::string("\u202Etxet"), 1) == "bad-value");          // RIGHT-TO-LEFT OVERRIDE
  CHECK(f.answer("f1", "text", std::string("te\u200Bxt"), 2) == "bad-value");          // ZERO WIDTH SPACE
  CHECK(f.answer("f1", "text", std::string("a\u2066b\u2069"), 3) == "bad-value");     // isolates
  CHECK(f.answer("f1", "text", std::string("\uFEFFhola"), 4) == "bad-value");          // BOM
  CHECK(f.answer("f1", "text", std::string("equipo \U0001F469\u200D\U0001F4BB"), 5) == "");  // 👩‍💻
  CHECK(f.answer("f2", "text", std::string("Participación ciudadana"), 6) == "");
}

TEST_CASE("HideAnswer hides a text answer once; a replacement stays hidden") {
  Fixture f;
  f.room.ok(cmd::OpenPrompt{"text"});
  CHECK(f.room.code(cmd::HideAnswer{"nope", "f1"}) == "unknown-prompt");
  CHECK(f.room.code(cmd::HideAnswer{"choice", "f1"}) == "not-text");
  CHECK(f.room.code(cmd::HideAnswer{"text", "f1"}) == "no-answer");
  CHECK(f.answer("f1", "text", std::string("algo feo"), 1) == "");
  f.room.ok(cmd::HideAnswer{"text", "f1"});
  CHECK(f.room.state.prompts["text"].answers["f1"].hidden);
  CHECK(f.answer("f1", "text", std::string("otra vez"), 2) == "");
  CHECK(f.room.state.prompts["text"].answers["f1"].hidden);
  CHECK(f.room.code(cmd::HideAnswer{"text", "f1"}) == "already-hidden");  // UnhideAnswer shows it again
  CHECK(f.room.state.prompts["text"].answers["f1"].hidden);
}
