// Personal quiz feedback (the `you` message): a fellow sees only their own
// answers, a verdict only once a quiz prompt is revealed and closed, a score
// card only once the room left the quiz section; and connection health counts.
#include <random>

#include "core/personal.hpp"
#include "core/presence.hpp"
#include "fixtures.hpp"

using namespace facilita;
using namespace facilita::test;
using nlohmann::json;

namespace {

Session quiz_session() {
  auto session = make_session({{600}, {600}, {600}},
                              {make_prompt("choice", PromptKind::Choice, {"16", "26", "32"}, {"26"}),
                               make_prompt("multi", PromptKind::Multi, {"a", "b", "c"}, {"a", "c"}),
                               make_prompt("poll", PromptKind::Poll, {"x", "y"}),
                               make_prompt("scale", PromptKind::Scale), make_prompt("text", PromptKind::Text)});
  session.sections[0].prompts[3].scale = ScaleSpec{1, 5, {}};
  return session;
}

struct Quiz {
  Session session = quiz_session();
  Room room{session};
  std::int64_t seq = 0;
  Quiz() {
    room.ok(cmd::Start{});
    room.join("f1", "Ana");
    room.join("f2", "Beto");
    room.join("f3", "Carla");
  }
  void answer(const std::string& who, const std::string& prompt, AnswerValue value) {
    room.ok(cmd::Answer{who, prompt, std::move(value), ++seq});
  }
  void ask(const std::string& prompt) { room.ok(cmd::OpenPrompt{prompt}); }
  json you(const std::string& who) const { return personal_state(session, room.state, who); }
};

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("personal: a verdict only after the reveal, right/wrong on a choice") {
  Quiz q;
  q.ask("choice");
  q.answer("f1", "choice", std::string("26"));
  q.answer("f2", "choice", std::string("16"));
  json you = q.you("f1");
  CHECK(you["type"] == "you");
  CHECK(you["answers"]["choice"]["value"] == "26");
  CHECK(you["answers"]["choice"]["verdict"].is_null());
  CHECK_FALSE(you["answers"]["choice"].contains("missing"));  // would give the answer away
  q.room.ok(cmd::ClosePrompt{"choice"});
  CHECK(q.you("f1")["answers"]["choice"]["verdict"].is_null());  // closed, not revealed
  q.room.ok(cmd::RevealPrompt{"choice"});
  CHECK(q.you("f1")["answers"]["choice"]["verdict"] == "right");
  json f2 = q.you("f2")["answers"]["choice"];
  CHECK(f2["verdict"] == "wrong");
  CHECK(f2["missing"] == json(Strings{"26"}));
  CHECK(f2["extra"] == json(Strings{"16"}));
  CHECK(q.you("f3")["answers"].empty());  // did not answer: nothing to judge
}

TEST_CASE("personal: multi is right only for the exact set, partial with some right") {
  Quiz q;
  q.ask("multi");
  q.answer("f1", "multi", Strings{"c", "a"});
  q.answer("f2", "multi", Strings{"a", "b"});
  q.answer("f3", "multi", Strings{"b"});
  q.room.ok(cmd::RevealPrompt{"multi"});
  json f1 = q.you("f1")["answers"]["multi"], f2 = q.you("f2")["answers"]["multi"], f3 = q.you("f3")["answers"]["multi"];
  CHECK(f1["verdict"] == "right");
  CHECK(f1["right"] == json(Strings{"a", "c"}));
  CHECK(f2["verdict"] == "partial");
  CHECK(f2["right"] == json(Strings{"a"}));
  CHECK(f2["missing"] == json(Strings{"c"}));
  CHECK(f2["extra"] == json(Strings{"b"}));
  CHECK(f3["verdict"] == "wrong");
  CHECK(f3["missing"] == json(Strings{"a", "c"}));
}

TEST_CASE("personal: poll, scale and text never have a verdict") {
  Quiz q;
  for (const char* p : {"poll", "scale", "text"}) {
    q.ask(p);
    if (std::string(p) == "poll") q.answer("f1", p, std::string("x"));
    if (std::string(p) == "scale") q.answer("f1", p, 3);
    if (std::string(p) == "text") q.answer("f1", p, std::string("hola"));
    q.room.ok(cmd::RevealPrompt{p});
    CHECK(q.you("f1")["answers"][p]["verdict"].is_null());
    CHECK_FALSE(q.you("f1")["answers"][p].contains("right"));
  }
}

TEST_CASE("personal: never another participant's answers") {
  Quiz q;
  q.ask("text");
  q.answer("f2", "text", std::string("SECRETO-DE-BETO"));
  q.ask("choice");
  q.answer("f2", "choice", std::string("32"));
  q.room.ok(cmd::RevealPrompt{"choice"});
  q.room.ok(cmd::Next{});
  const std::string f1 = q.you("f1").dump(), unknown = q.you("nobody").dump();
  for (const std::string& text : {f1, unknown}) {
    CHECK(text.find("SECRETO") == std::string::npos);
    CHECK(text.find("\"32\"") == std::string::npos);
    CHECK(text.find("f2") == std::string::npos);
    CHECK(text.find("Beto") == std::string::npos);
  }
  CHECK(q.you("f2")["answers"]["text"]["value"] == "SECRETO-DE-BETO");
}

TEST_CASE("personal: a new round sets the fellow's answer and verdict aside") {
  Quiz q;
  q.ask("choice");
  q.answer("f1", "choice", std::string("16"));
  q.room.ok(cmd::RevealPrompt{"choice"});
  CHECK(q.you("f1")["answers"]["choice"]["verdict"] == "wrong");
  q.room.ok(cmd::NewRound{"choice"});
  CHECK_FALSE(q.you("f1")["answers"].contains("choice"));
  q.ask("choice");
  q.answer("f1", "choice", std::string("26"));
  CHECK(q.you("f1")["answers"]["choice"]["verdict"].is_null());
  q.room.ok(cmd::RevealPrompt{"choice"});
  CHECK(q.you("f1")["answers"]["choice"]["verdict"] == "right");
}

TEST_CASE("personal: the score card appears once the quiz section is left, counting revealed quiz prompts") {
  Quiz q;
  q.ask("choice");
  q.answer("f1", "choice", std::string("26"));
  q.answer("f2", "choice", std::string("16"));
  q.room.ok(cmd::RevealPrompt{"choice"});
  q.ask("multi");
  q.answer("f1", "multi", Strings{"a"});  // partial: not counted as right
  q.room.ok(cmd::RevealPrompt{"multi"});
  q.ask("poll");  // not a quiz prompt: never in the card
  q.room.ok(cmd::RevealPrompt{"poll"});
  CHECK(q.you("f1")["scores"].empty());  // still in the section
  q.room.ok(cmd::Next{});
  json card = q.you("f1")["scores"];
  REQUIRE(card.size() == 1);
  CHECK(card[0]["section"] == "s1");
  CHECK(card[0]["title"] == "Section 1");
  CHECK(card[0]["right"] == 1);
  CHECK(card[0]["of"] == 2);
  CHECK(q.you("f2")["scores"][0]["right"] == 0);
  CHECK(q.you("f3")["scores"][0]["right"] == 0);  // answered nothing: 0 of 2
  q.room.ok(cmd::Previous{});  // back in the section: the card waits until it is left again
  CHECK(q.you("f1")["scores"].empty());
  q.room.ok(cmd::End{});
  CHECK(q.you("f1")["scores"].size() == 1);
}

TEST_CASE("personal: no score card for a quiz section with nothing revealed") {
  Quiz q;
  q.ask("choice");
  q.answer("f1", "choice", std::string("26"));
  q.room.ok(cmd::Next{});
  CHECK(q.you("f1")["scores"].empty());
  q.room.ok(cmd::End{});
  CHECK(q.you("f1")["scores"].empty());
}

TEST_CASE("personal: questions and upvotes are empty lists until questions exist") {
  Quiz q;
  json you = q.you("f1");
  CHECK(you["questions"] == json::array());
  CHECK(you["upvoted"] == json::array());
}

TEST_CASE("personal: property: no verdict or correct option while open or unrevealed, over random sequences") {
  const Session& session = module_session();
  std::vector<const Prompt*> prompts;
  for (const auto& s : session.sections)
    for (const auto& p : s.prompts) prompts.push_back(&p);
  const std::vector<std::string> people = {"f1", "f2", "f3"};
  for (std::uint32_t seed = 1; seed <= 20; ++seed) {
    std::mt19937 rng(seed);
    auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
    Room room(session);
    room.ok(cmd::Start{});
    for (const auto& p : people) room.join(p, "N" + p);
    std::int64_t seq = 0;
    for (int step = 0; step < 300; ++step) {
      room.wait_s(7);
      const Prompt& p = *prompts[static_cast<std::size_t>(pick(static_cast<int>(prompts.size())))];
      const int roll = pick(100);
      if (roll < 15) room.run(cmd::OpenPrompt{p.id});
      else if (roll < 22) room.run(cmd::RevealPrompt{p.id});
      else if (roll < 28) room.run(cmd::ClosePrompt{p.id});
      else if (roll < 33) room.run(cmd::NewRound{p.id});
      else if (roll < 38) room.run(cmd::Next{});
      else if (roll < 40) room.run(cmd::Previous{});
      else {
        const Prompt& target = room.state.open_prompt.empty() ? p : *session.find_prompt(room.state.open_prompt);
        AnswerValue value = target.kind == PromptKind::Scale ? AnswerValue{3}
                            : target.kind == PromptKind::Multi
                                ? AnswerValue{Strings{target.options.front(), target.options.back()}}
                            : target.kind == PromptKind::Text
                                ? AnswerValue{std::string("texto")}
                                : AnswerValue{target.options[static_cast<std::size_t>(pick(static_cast<int>(target.options.size())))]};
        room.run(cmd::Answer{people[static_cast<std::size_t>(pick(3))], target.id, value, ++seq});
      }
      for (const auto& who : people) {
        json you = personal_state(session, room.state, who);
        for (auto it = you["answers"].begin(); it != you["answers"].end(); ++it) {
          const PromptState& ps = room.state.prompts.at(it.key());
          const bool may_judge = ps.revealed && !ps.open && room.state.open_prompt != it.key() &&
                                 !session.find_prompt(it.key())->correct.empty();
          if (!may_judge) {
            REQUIRE_MESSAGE(it.value()["verdict"].is_null(), "seed " << seed << " step " << step << " " << it.key());
            REQUIRE_FALSE(it.value().contains("missing"));
            REQUIRE_FALSE(it.value().contains("right"));
          }
          // Only one's own answer of the current round.
          REQUIRE(ps.answers.count(who) == 1);
        }
        for (const auto& card : you["scores"]) {
          REQUIRE(card["right"].get<int>() <= card["of"].get<int>());
          const int index = session.find_section(card["section"].get<std::string>());
          REQUIRE((room.state.agenda.ended || index != room.state.agenda.current));
        }
      }
    }
  }
}

TEST_CASE("personal: the room summary is the share answered exactly right per revealed quiz prompt") {
  Quiz q;
  q.ask("choice");
  q.answer("f1", "choice", std::string("26"));
  q.answer("f2", "choice", std::string("16"));
  q.ask("multi");  // closes choice
  CHECK(quiz_summary(q.session, q.room.state, 0).empty());  // closed, not revealed
  q.room.ok(cmd::RevealPrompt{"choice"});
  q.answer("f1", "multi", Strings{"a", "c"});
  q.answer("f2", "multi", Strings{"a"});
  q.answer("f3", "multi", Strings{"a", "c"});
  auto rows = quiz_summary(q.session, q.room.state, 0);
  REQUIRE(rows.size() == 1);  // multi is open: not in the summary
  CHECK(rows[0].prompt == "choice");
  CHECK(rows[0].answered == 2);
  CHECK(rows[0].right == 1);
  CHECK(rows[0].accuracy == doctest::Approx(0.5));
  q.room.ok(cmd::RevealPrompt{"multi"});
  rows = quiz_summary(q.session, q.room.state, 0);
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].right == 2);
  CHECK(rows[1].accuracy == doctest::Approx(2.0 / 3));
  CHECK(quiz_summary(q.session, q.room.state, 1).empty());
  CHECK(quiz_summary(q.session, q.room.state, 9).empty());
}

TEST_CASE("presence: connected, reconnecting under a minute, gone after; unseen counts from the baseline") {
  Quiz q;  // f1, f2, f3 joined
  const Millis now = kT0 + 10 * kMin;
  PresenceMap seen{{"f1", {2, now - 5 * kMin}}, {"f2", {0, now - 59 * kSec}}, {"x", {1, now}}};
  CHECK(presence_of(seen, "f1", now, kT0) == Presence::Connected);
  CHECK(presence_of(seen, "f2", now, kT0) == Presence::Reconnecting);
  CHECK(presence_of(seen, "f3", now, kT0) == Presence::Gone);               // never seen since the start
  CHECK(presence_of(seen, "f3", now, now - kSec) == Presence::Reconnecting);  // the server just restarted
  CHECK(count_presence(q.room.state, seen, now, kT0) == PresenceCounts{1, 1, 1});  // "x" never joined
  CHECK(count_presence(q.room.state, seen, now + kSec, kT0) == PresenceCounts{1, 0, 2});
  CHECK(presence_json({1, 2, 3}) == json{{"connected", 1}, {"reconnecting", 2}, {"gone", 3}});
}
