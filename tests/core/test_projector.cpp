// What the projector shows after a prompt: ShowOnProjector puts the section's
// content back (and the results again), and showing a hidden text answer again
// (UnhideAnswer). Both are journaled and replay to the same state.
#include "core/event_json.hpp"
#include "core/projection.hpp"
#include "core/snapshot.hpp"
#include "fixtures.hpp"

using namespace facilita;
using namespace facilita::test;

namespace {

Session two_sections() {
  return make_session({{600}, {600}}, {make_prompt("poll", PromptKind::Poll, {"sí", "no"}),
                                       make_prompt("quiz", PromptKind::Choice, {"16", "26"}, {"26"}),
                                       make_prompt("text", PromptKind::Text)});
}

struct Fixture {
  Session session = two_sections();
  Room room{session};
  Fixture() {
    room.ok(cmd::Start{});
    room.join("f1", "Ana");
    room.join("f2", "Beto");
  }
  const Prompt* shown() const { return projected_prompt(session, room.state); }
  std::string id_shown() const { return shown() ? shown()->id : std::string("content"); }
};

const cmd::ShowOnProjector kContent{ProjectorView::Content};
const cmd::ShowOnProjector kResults{ProjectorView::Results};

}  // namespace

TEST_CASE("the projector shows the content until a prompt is open or revealed: nothing else to switch") {
  Fixture f;
  CHECK(f.id_shown() == "content");
  CHECK(f.room.code(kContent) == "no-results");
  CHECK(f.room.code(kResults) == "no-results");
  f.room.ok(cmd::OpenPrompt{"poll"});
  f.room.ok(cmd::ClosePrompt{"poll"});
  // Closed and not revealed: the projector is back on the content already.
  CHECK(f.id_shown() == "content");
  CHECK(f.room.code(kResults) == "no-results");
  CHECK(f.room.journal.size() == 5);  // start, two joins, open, close: refusals journal nothing
}

TEST_CASE("after a reveal the projector can go back to the content and to the results again") {
  Fixture f;
  f.room.ok(cmd::OpenPrompt{"quiz"});
  CHECK(f.room.code(cmd::Answer{"f1", "quiz", std::string("26"), 1}) == "");
  f.room.ok(cmd::RevealPrompt{"quiz"});
  CHECK(f.id_shown() == "quiz");
  CHECK(f.room.code(kResults) == "already-shown");
  f.room.ok(kContent);
  REQUIRE(f.room.last.events.size() == 1);
  CHECK(std::get<ev::ProjectorShown>(f.room.last.events[0].data).what == ProjectorView::Content);
  CHECK(f.id_shown() == "content");
  CHECK(f.room.code(kContent) == "already-shown");
  // Fellows keep their results: the public state still carries them.
  const auto pub = public_state(f.session, f.room.state, f.room.timing(), f.room.now);
  CHECK(pub["prompt"]["id"] == "quiz");
  CHECK(pub["results"]["options"].size() == 2);
  f.room.ok(kResults);
  CHECK(f.id_shown() == "quiz");
  f.room.ok(kContent);
  CHECK(f.room.replayed() == f.room.state);
}

TEST_CASE("the content can be shown while a prompt is open; opening or revealing brings the prompt back") {
  Fixture f;
  f.room.ok(cmd::OpenPrompt{"poll"});
  f.room.ok(kContent);
  CHECK(f.id_shown() == "content");
  f.room.ok(cmd::RevealPrompt{"poll"});  // a reveal is meant to be seen
  CHECK(f.id_shown() == "poll");
  f.room.ok(kContent);
  f.room.ok(cmd::OpenPrompt{"quiz"});  // so is a question the room is asked
  CHECK(f.id_shown() == "quiz");
  CHECK(f.room.replayed() == f.room.state);
}

TEST_CASE("changing section resets the projector to the prompts of the new section") {
  Fixture f;
  f.room.ok(cmd::OpenPrompt{"poll"});
  f.room.ok(cmd::RevealPrompt{"poll"});
  f.room.ok(kContent);
  f.room.ok(cmd::Next{});
  CHECK_FALSE(f.room.state.projector_content);
  f.room.ok(cmd::Previous{});
  CHECK(f.id_shown() == "poll");  // back in the section: its revealed results, as before
  CHECK(f.room.replayed() == f.room.state);
}

TEST_CASE("ShowOnProjector after the end is refused") {
  Fixture f;
  f.room.ok(cmd::OpenPrompt{"poll"});
  f.room.ok(cmd::RevealPrompt{"poll"});
  f.room.ok(cmd::End{});
  CHECK(f.room.code(kContent) == "ended");
}

TEST_CASE("a hidden text answer can be shown again; replay keeps it") {
  Fixture f;
  f.room.ok(cmd::OpenPrompt{"text"});
  CHECK(f.room.code(cmd::Answer{"f1", "text", std::string("algo"), 1}) == "");
  CHECK(f.room.code(cmd::UnhideAnswer{"nope", "f1"}) == "unknown-prompt");
  CHECK(f.room.code(cmd::UnhideAnswer{"poll", "f1"}) == "not-text");
  CHECK(f.room.code(cmd::UnhideAnswer{"text", "f2"}) == "no-answer");
  CHECK(f.room.code(cmd::UnhideAnswer{"text", "f1"}) == "not-hidden");
  f.room.ok(cmd::HideAnswer{"text", "f1"});
  CHECK(f.room.state.prompts["text"].answers["f1"].hidden);
  CHECK(f.room.replayed().prompts["text"].answers["f1"].hidden);
  f.room.ok(cmd::UnhideAnswer{"text", "f1"});
  REQUIRE(f.room.last.events.size() == 1);
  CHECK(std::holds_alternative<ev::AnswerUnhidden>(f.room.last.events[0].data));
  CHECK_FALSE(f.room.state.prompts["text"].answers["f1"].hidden);
  // Hidden, shown, hidden again: the journal replays to the same state.
  f.room.ok(cmd::HideAnswer{"text", "f1"});
  f.room.ok(cmd::UnhideAnswer{"text", "f1"});
  State replayed = f.room.replayed();
  CHECK_FALSE(replayed.prompts["text"].answers["f1"].hidden);
  CHECK(replayed == f.room.state);
}

TEST_CASE("the new events round-trip through the journal's JSON") {
  for (const Event& e : {Event{7, ev::ProjectorShown{ProjectorView::Content}}, Event{8, ev::ProjectorShown{ProjectorView::Results}},
                         Event{9, ev::AnswerUnhidden{"text", "f1"}}}) {
    const Event back = event_from_json(to_json(e));
    CHECK(back.data.index() == e.data.index());
    CHECK(to_json(back) == to_json(e));
  }
  CHECK(to_json(Event{7, ev::ProjectorShown{ProjectorView::Results}})["what"] == "results");
  CHECK_THROWS_WITH(event_from_json(nlohmann::json{{"type", "projector-shown"}, {"at", 1}, {"what", "slide"}}),
                    doctest::Contains("'what'"));
}
