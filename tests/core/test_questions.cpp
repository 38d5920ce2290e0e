// Fellow questions: asking, upvoting, moderation, projection, limits, seqs
// shared with answers, replay, and a random-sequence property.
#include <random>
#include <set>

#include "core/event_json.hpp"
#include "core/questions.hpp"
#include "core/snapshot.hpp"
#include "fixtures.hpp"

using namespace facilita;
using namespace facilita::test;

namespace {

Session qa_session(bool moderated = true) {
  Session s = make_session({{600}, {600}}, {make_prompt("poll", PromptKind::Poll, {"sí", "no"})});
  s.questions_moderated = moderated;
  return s;
}

struct Fixture {
  Session session;
  Room room{session};
  explicit Fixture(bool moderated = true) : session(qa_session(moderated)), room(session) {
    room.join("f1", "Ana");
    room.join("f2", "Beto");
    room.join("f3", "Caro");
  }
  std::string ask(const std::string& who, const std::string& text, std::int64_t seq, bool anonymous = true) {
    return room.code(cmd::Ask{who, text, anonymous, seq});
  }
  std::string vote(const std::string& who, const std::string& q, std::int64_t seq) {
    return room.code(cmd::Upvote{who, q, seq});
  }
  std::string moderate(const std::string& q, const std::string& action) {
    return room.code(cmd::ModerateQuestion{q, action});
  }
  const Question& q(const std::string& id) {
    const Question* found = find_question(room.state, id);
    REQUIRE(found);
    return *found;
  }
};

nlohmann::json public_of(const Room& room) {
  return public_state(room.session, room.state, room.timing(), room.now);
}

}  // namespace

TEST_CASE("questions: asked questions get ids in order and wait for approval with moderation on") {
  Fixture f;
  CHECK(f.ask("f1", "  ¿Qué es un dato abierto?  ", 1) == "");
  CHECK(f.room.last.question == "qa-1");
  f.room.wait_s(11);
  CHECK(f.ask("f2", "¿Y la transparencia?", 1, false) == "");
  CHECK(f.room.last.question == "qa-2");
  CHECK(f.q("qa-1").text == "¿Qué es un dato abierto?");
  CHECK(std::string(question_status(f.q("qa-1"))) == "pending");
  CHECK(public_of(f.room)["questions"].empty());
  CHECK(f.moderate("qa-2", "approve") == "");
  auto pub = public_of(f.room);
  REQUIRE(pub["questions"].size() == 1);
  CHECK(pub["questions"][0]["id"] == "qa-2");
  CHECK(pub["questions"][0]["name"] == "Beto");
  CHECK(pub["moderation"] == true);
}

TEST_CASE("questions: moderation off shows them at once; turning it off shows the waiting ones") {
  Fixture off(false);
  CHECK(off.ask("f1", "hola", 1) == "");
  CHECK(std::string(question_status(off.q("qa-1"))) == "approved");

  Fixture f;
  CHECK(f.ask("f1", "uno", 1) == "");
  f.room.wait_s(11);
  CHECK(f.ask("f1", "dos", 2) == "");
  CHECK(f.moderate("qa-2", "hide") == "");
  CHECK(f.room.code(cmd::SetModeration{false}) == "");
  CHECK(std::string(question_status(f.q("qa-1"))) == "approved");
  CHECK(std::string(question_status(f.q("qa-2"))) == "hidden");
  // Back on: what was shown stays shown.
  CHECK(f.room.code(cmd::SetModeration{true}) == "");
  CHECK(public_of(f.room)["questions"].size() == 1);
  CHECK(f.room.replayed() == f.room.state);
}

TEST_CASE("questions: bad-text") {
  Fixture f;
  CHECK(f.ask("f1", "   ", 1) == "bad-text");
  CHECK(f.ask("f1", std::string(281, 'a'), 2) == "bad-text");
  CHECK(f.ask("f1", std::string(280, 'a'), 3) == "");
  f.room.wait_s(11);
  std::string ñ;
  for (int i = 0; i < 281; ++i) ñ += "ñ";
  CHECK(f.ask("f1", ñ, 4) == "bad-text");  // code points, not bytes
  CHECK(f.ask("f1", "dos\nlíneas", 5) == "bad-text");
  CHECK(f.ask("f1", "a\u202Eb", 6) == "bad-text");
  CHECK(f.ask("f1", "a\u200Bb", 7) == "bad-text");
  CHECK(f.ask("f1", std::string("a\xff"), 8) == "bad-text");
  CHECK(f.room.state.questions.size() == 1);
}

TEST_CASE("questions: not-joined, ended, and accepted before Start") {
  Fixture f;
  CHECK(f.ask("ghost", "hola", 1) == "not-joined");
  CHECK(f.vote("ghost", "qa-1", 1) == "not-joined");
  CHECK(f.ask("f1", "antes de empezar", 1) == "");
  f.room.ok(cmd::Start{});
  f.room.ok(cmd::End{});
  f.room.wait_s(11);
  CHECK(f.ask("f2", "tarde", 1) == "ended");
  CHECK(f.vote("f2", "qa-1", 2) == "ended");
  CHECK(f.moderate("qa-1", "approve") == "ended");
  // A resend of what was counted is still acknowledged after the end.
  CHECK(f.ask("f1", "antes de empezar", 1) == "");
  CHECK(f.room.last.duplicate);
  CHECK(f.room.last.question == "qa-1");
}

TEST_CASE("questions: too-soon and too-many-questions") {
  Fixture f;
  CHECK(f.ask("f1", "q1", 1) == "");
  f.room.wait_s(9);
  CHECK(f.ask("f1", "q2", 2) == "too-soon");
  CHECK(f.ask("f2", "otra persona", 1) == "");  // the gap is per fellow
  f.room.wait_s(1);
  CHECK(f.ask("f1", "q2", 3) == "");
  for (int i = 4; i <= 6; ++i) {
    f.room.wait_s(10);
    CHECK(f.ask("f1", "q" + std::to_string(i), i) == "");
  }
  f.room.wait_s(10);
  CHECK(f.ask("f1", "q7", 7) == "too-many-questions");
  // Answered and hidden questions are not open.
  CHECK(f.moderate("qa-1", "answered") == "");
  CHECK(f.ask("f1", "q7", 8) == "");
  f.room.wait_s(10);
  CHECK(f.ask("f1", "q8", 9) == "too-many-questions");
  CHECK(f.moderate("qa-3", "hide") == "");
  CHECK(f.ask("f1", "q8", 10) == "");
}

TEST_CASE("questions: qa-full") {
  Fixture f;
  for (std::size_t i = 0; i < kMaxQuestions; ++i) {
    const std::string who = "p" + std::to_string(i);
    f.room.state.participants[who].name = who;
    ev::Asked asked{"qa-" + std::to_string(i + 1), who, "q", true, 1};
    apply(f.session, f.room.state, Event{f.room.now, asked});
  }
  CHECK(f.ask("f1", "una más", 1) == "qa-full");
}

TEST_CASE("questions: upvotes: one per fellow, not own, not hidden or pending ones") {
  Fixture f;
  CHECK(f.ask("f1", "¿pregunta?", 1) == "");
  CHECK(f.vote("f2", "qa-1", 1) == "unknown-question");  // pending: others do not see it
  CHECK(f.vote("f1", "qa-1", 2) == "own-question");
  CHECK(f.moderate("qa-1", "approve") == "");
  CHECK(f.vote("f1", "qa-1", 3) == "own-question");
  CHECK(f.vote("f2", "qa-2", 4) == "unknown-question");
  CHECK(f.vote("f2", "nonsense", 4) == "unknown-question");
  CHECK(f.vote("f2", "qa-1", 5) == "");
  CHECK(f.vote("f2", "qa-1", 6) == "");  // a second vote: acknowledged, not counted
  CHECK(f.room.last.duplicate);
  CHECK(f.vote("f2", "qa-1", 5) == "");  // the resend
  CHECK(f.room.last.duplicate);
  CHECK(question_votes(f.q("qa-1")) == 1);
  CHECK(f.moderate("qa-1", "hide") == "");
  CHECK(f.vote("f3", "qa-1", 1) == "unknown-question");
  CHECK(f.moderate("qa-1", "unhide") == "");
  CHECK(f.vote("f3", "qa-1", 1) == "");
  CHECK(question_votes(f.q("qa-1")) == 2);
}

TEST_CASE("questions: seqs are shared with answers: resend is a duplicate, other content seq-reused") {
  Fixture f;
  f.room.ok(cmd::OpenPrompt{"poll"});
  CHECK(f.room.code(cmd::Answer{"f1", "poll", std::string("sí"), 1}) == "");
  CHECK(f.ask("f1", "hola", 1) == "seq-reused");
  CHECK(f.ask("f1", "hola", 2) == "");
  CHECK(f.ask("f1", " hola ", 2) == "");  // same text in journal form
  CHECK(f.room.last.duplicate);
  CHECK(f.room.last.question == "qa-1");
  CHECK(f.room.last.events.empty());
  CHECK(f.ask("f1", "otra cosa", 2) == "seq-reused");
  CHECK(f.ask("f1", "hola", 2, false) == "seq-reused");  // anonymity is part of the content
  CHECK(f.room.code(cmd::Answer{"f1", "poll", std::string("sí"), 2}) == "seq-reused");
  CHECK(f.room.code(cmd::Answer{"f1", "", std::string("hola"), 2}) == "seq-reused");
  CHECK(f.moderate("qa-1", "approve") == "");
  CHECK(f.vote("f2", "qa-1", 1) == "");
  CHECK(f.vote("f2", "qa-1", 1) == "");
  CHECK(f.room.last.duplicate);
  CHECK(f.room.code(cmd::Answer{"f2", "poll", std::string("no"), 1}) == "seq-reused");
  f.room.wait_s(11);
  CHECK(f.ask("f2", "x", 1) == "seq-reused");
  // The answer seq still works as before.
  CHECK(f.room.code(cmd::Answer{"f1", "poll", std::string("sí"), 1}) == "");
  CHECK(f.room.last.duplicate);
}

TEST_CASE("questions: moderation actions, projection and bad actions") {
  Fixture f;
  CHECK(f.ask("f1", "¿primera?", 1) == "");
  CHECK(f.moderate("qa-9", "approve") == "unknown-question");
  CHECK(f.moderate("qa-1", "delete") == "bad-action");
  CHECK(f.room.code(cmd::ProjectQuestion{"qa-9"}) == "unknown-question");
  // Projecting a waiting question approves it first.
  CHECK(f.room.code(cmd::ProjectQuestion{"qa-1"}) == "");
  CHECK(f.room.last.events.size() == 2);
  CHECK(f.room.state.projected_question == "qa-1");
  CHECK(public_of(f.room)["projected_question"]["id"] == "qa-1");
  CHECK(public_of(f.room)["projected_question"].count("name") == 0);
  // Hiding takes it off the projector; a hidden question cannot be projected.
  CHECK(f.moderate("qa-1", "hide") == "");
  CHECK(f.room.state.projected_question.empty());
  CHECK(public_of(f.room)["projected_question"].is_null());
  CHECK(f.room.code(cmd::ProjectQuestion{"qa-1"}) == "question-hidden");
  CHECK(f.moderate("qa-1", "approve") == "");  // approve also unhides
  CHECK(!f.q("qa-1").hidden);
  CHECK(f.moderate("qa-1", "approve") == "");
  CHECK(f.room.last.events.empty());  // already so: nothing journaled
  CHECK(f.moderate("qa-1", "answered") == "");
  CHECK(std::string(question_status(f.q("qa-1"))) == "answered");
  CHECK(public_of(f.room)["questions"][0]["answered"] == true);
  CHECK(f.moderate("qa-1", "unanswered") == "");
  CHECK(std::string(question_status(f.q("qa-1"))) == "approved");
  CHECK(f.room.code(cmd::ProjectQuestion{"qa-1"}) == "");
  CHECK(f.room.code(cmd::ProjectQuestion{""}) == "");
  CHECK(f.room.state.projected_question.empty());
  CHECK(f.room.replayed() == f.room.state);
}

TEST_CASE("questions: public state never names anonymous askers nor carries participant ids") {
  Fixture f(false);
  CHECK(f.ask("f1", "anónima", 1, true) == "");
  CHECK(f.ask("f2", "con nombre", 1, false) == "");
  CHECK(f.vote("f3", "qa-2", 1) == "");
  auto pub = public_of(f.room);
  const std::string text = pub.dump();
  CHECK(text.find("Ana") == std::string::npos);
  CHECK(text.find("\"f1\"") == std::string::npos);
  CHECK(text.find("\"f2\"") == std::string::npos);
  REQUIRE(pub["questions"].size() == 2);
  CHECK(pub["questions"][0]["id"] == "qa-2");  // most votes first
  CHECK(pub["questions"][0]["votes"] == 1);
  CHECK(pub["questions"][0]["name"] == "Beto");
  CHECK(pub["questions"][1].count("name") == 0);
  auto admin = admin_state(f.session, f.room.state, f.room.timing(), f.room.now);
  REQUIRE(admin["admin"]["questions"].size() == 2);
  CHECK(admin["admin"]["questions"][1]["participant"] == "f1");
  CHECK(admin["admin"]["questions"][1]["name"] == "Ana");
  CHECK(admin["admin"]["questions"][1]["anonymous"] == true);
  CHECK(admin["admin"]["questions"][1]["status"] == "approved");
}

TEST_CASE("questions: events round-trip through JSON and replay rebuilds the state") {
  Fixture f;
  CHECK(f.ask("f1", "¿uno?", 1, false) == "");
  f.room.ok(cmd::ProjectQuestion{"qa-1"});
  CHECK(f.vote("f2", "qa-1", 7) == "");
  f.room.ok(cmd::ModerateQuestion{"qa-1", "answered"});
  f.room.ok(cmd::SetModeration{false});
  f.room.ok(cmd::ProjectQuestion{""});
  State replayed = initial_state(f.session);
  for (const auto& e : f.room.journal) {
    const Event back = event_from_json(to_json(e));
    CHECK(to_json(back) == to_json(e));
    apply(f.session, replayed, back);
  }
  CHECK(replayed == f.room.state);
  CHECK_THROWS(event_from_json(nlohmann::json::parse(R"({"type":"moderation-set","at":1,"on":"yes"})")));
}

TEST_CASE("questions: random sequences keep votes == distinct voters and replay == live") {
  for (unsigned seed = 1; seed <= 20; ++seed) {
    std::mt19937 rng(seed);
    Fixture f(seed % 2 == 0);
    for (int i = 4; i <= 8; ++i) f.room.join("f" + std::to_string(i), "P" + std::to_string(i));
    const char* actions[] = {"approve", "hide", "unhide", "answered", "unanswered"};
    std::map<std::string, std::int64_t> seqs;
    for (int step = 0; step < 300; ++step) {
      const std::string who = "f" + std::to_string(1 + rng() % 8);
      const std::string q = "qa-" + std::to_string(1 + rng() % 12);
      switch (rng() % 6) {
        case 0: f.room.run(cmd::Ask{who, "pregunta " + std::to_string(step), rng() % 2 == 0, ++seqs[who]}); break;
        case 1:
        case 2: f.room.run(cmd::Upvote{who, q, rng() % 3 == 0 ? seqs[who] : ++seqs[who]}); break;
        case 3: f.room.run(cmd::ModerateQuestion{q, actions[rng() % 5]}); break;
        case 4: f.room.run(cmd::ProjectQuestion{rng() % 4 == 0 ? std::string{} : q}); break;
        default: f.room.run(cmd::SetModeration{rng() % 2 == 0}); break;
      }
      f.room.wait_s(static_cast<double>(rng() % 5));
    }
    for (const auto& q : f.room.state.questions) {
      std::set<std::string> distinct(q.voters.begin(), q.voters.end());
      CHECK(distinct.size() == q.voters.size());
      CHECK(distinct.count(q.participant) == 0);
    }
    if (const Question* p = find_question(f.room.state, f.room.state.projected_question)) CHECK(!p->hidden);
    CHECK(f.room.replayed() == f.room.state);
  }
}

TEST_CASE("questions: the session's moderation setting is read from YAML") {
  const std::string base = "id: s\ntitle: T\nduration: 5 min\nsections:\n  - id: a\n    title: A\n    duration: 5 min\n";
  auto plain = load_session(base);
  REQUIRE(plain.ok());
  CHECK(plain.session->questions_moderated);
  auto off = load_session(base + "questions:\n  moderation: false\n");
  REQUIRE(off.ok());
  CHECK_FALSE(off.session->questions_moderated);
  CHECK_FALSE(initial_state(*off.session).qa_moderation);
  CHECK_FALSE(load_session(base + "questions:\n  moderation: maybe\n").ok());
  CHECK_FALSE(load_session(base + "questions:\n  moderacion: false\n").ok());
  CHECK_FALSE(load_session(base + "questions: yes\n").ok());
}

TEST_CASE("the admin state marks the plans set by hand as locked") {
  Room room(module_session());
  room.ok(cmd::Start{});
  room.ok(cmd::Adjust{60});
  const auto admin = admin_state(room.session, room.state, room.timing(), room.now);
  REQUIRE(admin["admin"]["sections"].size() == 8);
  CHECK(admin["admin"]["sections"][0]["locked"] == true);
  CHECK(admin["admin"]["sections"][1]["locked"] == false);
}
