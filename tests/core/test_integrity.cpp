// The rules that keep a live room honest: results only after answers stop,
// a fresh round to ask again, ended means ended, a seq stands for one answer,
// names that cannot impersonate, renames that cannot fill the journal.
#include "core/event_json.hpp"
#include "core/session_diff.hpp"
#include "core/session_reload.hpp"
#include "core/snapshot.hpp"
#include "core/text_util.hpp"
#include "core/timers.hpp"
#include "fixtures.hpp"

using namespace facilita;
using namespace facilita::test;

namespace {

Session quiz_session() {
  Prompt timed = make_prompt("timed", PromptKind::Poll, {"x", "y"});
  timed.time_s = 60;
  return make_session({{600}, {600}},
                      {make_prompt("choice", PromptKind::Choice, {"16", "26", "32"}, {"26"}),
                       make_prompt("multi", PromptKind::Multi, {"a", "b", "c"}, {"a", "c"}),
                       make_prompt("text", PromptKind::Text), timed});
}

struct Quiz {
  Session session = quiz_session();
  Room room{session};
  Quiz() {
    room.ok(cmd::Start{});
    room.join("f1", "Ana");
    room.join("f2", "Beto");
  }
  std::string answer(const std::string& who, const std::string& prompt, AnswerValue value, std::int64_t seq) {
    return room.code(cmd::Answer{who, prompt, std::move(value), seq});
  }
  nlohmann::json shown() const { return public_state(session, room.state, room.timing(), room.now); }
};

std::string utf8(char32_t cp) {
  std::string out;
  text::append(out, cp);
  return out;
}

}  // namespace

TEST_CASE("revealing an open prompt closes it first: nobody answers after seeing the results") {
  Quiz q;
  q.room.ok(cmd::OpenPrompt{"choice"});
  CHECK(q.answer("f1", "choice", std::string("16"), 1) == "");
  CHECK(q.shown()["results"].is_null());
  q.room.ok(cmd::RevealPrompt{"choice"});
  REQUIRE(q.room.last.events.size() == 2);
  CHECK(std::holds_alternative<ev::PromptClosed>(q.room.last.events[0].data));
  CHECK(std::holds_alternative<ev::PromptRevealed>(q.room.last.events[1].data));
  CHECK(q.answer("f1", "choice", std::string("26"), 2) == "prompt-closed");  // cannot switch to the ✓
  CHECK(q.answer("f2", "choice", std::string("26"), 1) == "prompt-closed");
  const auto shown = q.shown();
  CHECK(shown["prompt"]["open"] == false);
  REQUIRE(shown["results"].is_object());
  CHECK(shown["results"]["options"][1]["correct"] == true);
  CHECK(shown["results"]["answered"] == 1);
}

TEST_CASE("a revealed prompt cannot be reopened until a new round hides its results") {
  Quiz q;
  q.room.ok(cmd::OpenPrompt{"choice"});
  CHECK(q.answer("f1", "choice", std::string("16"), 1) == "");
  q.room.ok(cmd::RevealPrompt{"choice"});
  CHECK(q.room.code(cmd::OpenPrompt{"choice"}) == "prompt-revealed");
  CHECK(q.room.last.events.empty());
  q.room.ok(cmd::OpenPrompt{"multi"});  // opening another prompt is unaffected
  CHECK(q.room.code(cmd::OpenPrompt{"choice"}) == "prompt-revealed");
  CHECK(q.room.state.open_prompt == "multi");  // and the refusal closed nothing

  q.room.ok(cmd::NewRound{"choice"});
  REQUIRE(q.room.last.events.size() == 1);
  CHECK(std::get<ev::RoundStarted>(q.room.last.events[0].data).prompt == "choice");
  const PromptState& ps = q.room.state.prompts["choice"];
  CHECK_FALSE(ps.revealed);
  CHECK_FALSE(ps.was_opened);
  CHECK(ps.answers.empty());
  CHECK(ps.round == 2);
  REQUIRE(ps.earlier_rounds.size() == 1);
  CHECK(ps.earlier_rounds[0].count("f1") == 1);  // set aside for exports, not lost

  q.room.ok(cmd::OpenPrompt{"choice"});
  CHECK(q.shown()["results"].is_null());
  CHECK(q.shown()["answered"] == 0);
  CHECK(q.answer("f1", "choice", std::string("26"), 2) == "");
  CHECK(q.answer("f1", "choice", std::string("16"), 1) == "");  // the old seq: a resend, counted once
  CHECK(q.room.last.duplicate);
  CHECK(q.room.state.prompts["choice"].answers.at("f1").seq == 2);
}

TEST_CASE("NewRound needs a prompt that was asked in this round and is closed") {
  Quiz q;
  CHECK(q.room.code(cmd::NewRound{"nope"}) == "unknown-prompt");
  CHECK(q.room.code(cmd::NewRound{"choice"}) == "not-opened");
  q.room.ok(cmd::OpenPrompt{"choice"});
  CHECK(q.room.code(cmd::NewRound{"choice"}) == "prompt-open");
  q.room.ok(cmd::ClosePrompt{"choice"});
  q.room.ok(cmd::NewRound{"choice"});  // closed, not revealed: a new round too
  CHECK(q.room.code(cmd::NewRound{"choice"}) == "not-opened");  // no empty rounds piling up
  CHECK(q.room.code(cmd::RevealPrompt{"choice"}) == "not-opened");  // nobody was asked this round
  CHECK(q.room.replayed() == q.room.state);
}

TEST_CASE("round-started is a journal event that round-trips through JSON") {
  const Event e{1234, ev::RoundStarted{"choice"}};
  const auto j = to_json(e);
  CHECK(j == nlohmann::json{{"type", "round-started"}, {"at", 1234}, {"prompt", "choice"}});
  const Event back = event_from_json(j);
  CHECK(back.at == 1234);
  REQUIRE(std::holds_alternative<ev::RoundStarted>(back.data));
  CHECK(std::get<ev::RoundStarted>(back.data).prompt == "choice");
}

TEST_CASE("a prompt that was asked in an earlier round still counts as opened for a reload") {
  Quiz q;
  q.room.ok(cmd::OpenPrompt{"choice"});
  q.room.ok(cmd::RevealPrompt{"choice"});
  q.room.ok(cmd::NewRound{"choice"});
  Session edited = q.session;
  edited.sections[0].prompts[0].options = {"16", "26", "33"};
  const ReloadDiff d = diff_sessions(q.session, edited, q.room.state);
  CHECK_FALSE(d.needs_acceptance.empty());  // its options changed under answers already given
}

TEST_CASE("after End every command is refused 'ended', except the resend of a counted answer") {
  Quiz q;
  q.room.ok(cmd::OpenPrompt{"text"});
  CHECK(q.answer("f1", "text", std::string("hola"), 3) == "");
  q.room.ok(cmd::End{});
  CHECK(q.room.state.open_prompt.empty());
  const std::size_t journal = q.room.journal.size();
  const Session edited = [&] {
    Session s = q.session;
    s.title = "Otra";
    return s;
  }();
  for (Command c : std::vector<Command>{
           cmd::Join{"f3", "Carla"}, cmd::Join{"f1", "Ana"}, cmd::Join{"f1", "Ana María"},
           cmd::Answer{"f1", "text", std::string("otra"), 4}, cmd::Answer{"f1", "text", std::string("otra"), 3},
           cmd::Answer{"f3", "text", std::string("hola"), 1}, cmd::OpenPrompt{"choice"}, cmd::ClosePrompt{"text"},
           cmd::RevealPrompt{"text"}, cmd::HideAnswer{"text", "f1"}, cmd::NewRound{"text"}, cmd::Undo{},
           cmd::Adjust{60}, cmd::Previous{}, cmd::GoTo{1}, cmd::AcceptRebalance{{600, 600}, {}},
           cmd::RecordOutage{q.room.now - 1000, q.room.now}, cmd::OutageAsPause{}, cmd::Start{}, cmd::End{},
           cmd::AcceptReload{"abc"}}) {
    CAPTURE(c.index());
    CHECK(q.room.code(c) == "ended");
  }
  CHECK(decide_reload(q.session, edited, q.room.state, "abc", q.room.now).rejected->code == "ended");
  // The page may resend an answer whose ack it lost: still acknowledged, never "storage" or "ended".
  CHECK(q.answer("f1", "text", std::string("  hola "), 3) == "");
  CHECK(q.room.last.duplicate);
  CHECK(q.room.journal.size() == journal);
}

TEST_CASE("nothing falls due after End") {
  Quiz q;
  q.room.ok(cmd::OpenPrompt{"timed"});
  CHECK(next_due_at(q.session, q.room.state) == q.room.now + 60 * kSec);
  q.room.ok(cmd::End{});
  CHECK(next_due_at(q.session, q.room.state) == 0);
  CHECK_FALSE(due_command(q.session, q.room.state, q.room.now + 10 * kMin));
  CHECK(q.shown()["prompt"]["closes_at"].is_null());
}

TEST_CASE("a seq stands for one answer: another prompt or value under it is refused 'seq-reused'") {
  Quiz q;
  q.room.ok(cmd::OpenPrompt{"multi"});
  using List = std::vector<std::string>;
  CHECK(q.answer("f1", "multi", List{"c", "a"}, 5) == "");
  CHECK(q.answer("f1", "multi", List{"a", "c"}, 5) == "");  // the same answer in another order: a resend
  CHECK(q.room.last.duplicate);
  CHECK(q.answer("f1", "multi", List{"c", "a"}, 5) == "");
  CHECK(q.room.last.duplicate);
  CHECK(q.answer("f1", "multi", List{"a"}, 5) == "seq-reused");  // a second tab with its own counter
  CHECK(q.answer("f1", "multi", List{"a", "a"}, 5) == "seq-reused");
  CHECK(std::get<List>(q.room.state.prompts["multi"].answers["f1"].value) == List{"a", "c"});
  CHECK(q.answer("f1", "multi", List{"a"}, 6) == "");  // with a fresh seq it replaces the answer
  q.room.ok(cmd::OpenPrompt{"text"});
  CHECK(q.answer("f1", "text", std::string("hola"), 5) == "seq-reused");  // same seq, other prompt
  CHECK(q.answer("f1", "text", std::string(" hola\n"), 7) == "");
  CHECK(q.answer("f1", "text", std::string("hola"), 7) == "");  // trimmed alike: a resend
  CHECK(q.room.last.duplicate);
  CHECK(q.answer("f2", "text", std::string("hola"), 5) == "");  // seqs are per participant
  q.room.ok(cmd::ClosePrompt{"text"});
  CHECK(q.answer("f1", "text", std::string("adiós"), 7) == "seq-reused");  // closed: still not a duplicate
  CHECK(q.room.replayed() == q.room.state);
}

TEST_CASE("names refuse bidi controls and invisible characters") {
  Quiz q;
  const char32_t refused[] = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E,
                              0x200F, 0x061C, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x180E, 0x00AD, 0x0085,
                              0x2028};
  for (char32_t cp : refused) {
    CAPTURE(static_cast<std::uint32_t>(cp));
    CHECK(q.room.code(cmd::Join{"f9", "An" + utf8(cp) + "a"}) == "bad-name");
    CHECK(q.room.code(cmd::Join{"f1", utf8(cp) + "Beto"}) == "bad-name");  // nor as a rename
  }
  CHECK(q.room.state.participants.count("f9") == 0);
  CHECK(q.room.state.participants["f1"].name == "Ana");
  q.room.ok(cmd::Join{"f9", "Zoë Ñúñez «ZN» 李"});  // letters of any script are fine
}

TEST_CASE("renames are bounded per participant; rejoining with the same name journals nothing") {
  Quiz q;
  const std::size_t journal = q.room.journal.size();
  for (int i = 0; i < kMaxRenames; ++i) q.room.ok(cmd::Join{"f1", "Ana " + std::to_string(i)});
  CHECK(q.room.journal.size() == journal + kMaxRenames);
  CHECK(q.room.code(cmd::Join{"f1", "Ana again"}) == "rename-limit");
  q.room.ok(cmd::Join{"f1", "Ana " + std::to_string(kMaxRenames - 1)});  // a reconnect still works
  for (int i = 0; i < 100; ++i) q.room.run(cmd::Join{"f1", "spam " + std::to_string(i)});
  CHECK(q.room.journal.size() == journal + kMaxRenames);
  q.room.ok(cmd::Join{"f2", "Beto B."});  // others are not affected
  CHECK(q.room.state.participants["f1"].renames == kMaxRenames);
  CHECK(q.room.replayed() == q.room.state);
}
