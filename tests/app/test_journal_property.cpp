// Property test over the real pieces: random command sequences (answers, joins,
// prompts, agenda moves; a `now` that sometimes steps back) go through the real
// Controller — one by one and in batches — into the real SQLite journal, with
// commits failing now and then. After every run, replaying the journal must
// rebuild exactly the live state: an engine/journal disagreement (an event
// applied but not stored, stored twice, or stored in another order) fails here.
#include <doctest/doctest.h>

#include <random>

#include "app/controller.hpp"
#include "persist/journal_session.hpp"
#include "sim.hpp"

using namespace facilita;

namespace {

const std::vector<std::string> kPeople = {"p1", "p2", "p3", "p4", "p5"};

struct Random {
  std::mt19937 rng;
  explicit Random(std::uint32_t seed) : rng(seed) {}
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); }
  bool chance(int percent) { return pick(100) < percent; }
};

AnswerValue value_for(const Prompt& p, Random& r) {
  if (r.chance(8)) return std::string("nope");
  switch (p.kind) {
    case PromptKind::Choice:
    case PromptKind::Poll: return p.options[static_cast<std::size_t>(r.pick(static_cast<int>(p.options.size())))];
    case PromptKind::Multi: {
      std::vector<std::string> chosen;
      for (const auto& o : p.options)
        if (r.chance(50)) chosen.push_back(o);
      return chosen;
    }
    case PromptKind::Scale: return 1 + r.pick(5);
    case PromptKind::Text: return std::string(r.chance(50) ? "agua potable" : "=HYPERLINK(\"x\")");
  }
  return 0;
}

Command random_command(const Session& session, const State& state, Random& r) {
  std::vector<const Prompt*> prompts;
  for (const auto& section : session.sections)
    for (const auto& p : section.prompts) prompts.push_back(&p);
  const Prompt& any = *prompts[static_cast<std::size_t>(r.pick(static_cast<int>(prompts.size())))];
  const Prompt& prompt = !state.open_prompt.empty() && r.chance(80) ? *session.find_prompt(state.open_prompt) : any;
  const std::string& who = kPeople[static_cast<std::size_t>(r.pick(static_cast<int>(kPeople.size())))];
  const int k = r.pick(100);
  if (k < 40) return cmd::Answer{who, prompt.id, value_for(prompt, r), r.pick(12)};
  if (k < 52) return cmd::Join{who, r.chance(70) ? "Persona " + who : "Otra " + who};
  if (k < 60) return cmd::OpenPrompt{any.id};
  if (k < 64) return cmd::ClosePrompt{prompt.id};
  if (k < 67) return cmd::RevealPrompt{prompt.id};
  if (k < 70) return cmd::HideAnswer{prompt.id, who};
  if (k < 74) return cmd::Next{};
  if (k < 77) return cmd::Previous{};
  if (k < 81) return cmd::Pause{};
  if (k < 85) return cmd::Resume{};
  if (k < 88) return cmd::Adjust{r.chance(50) ? 60 : -60};
  if (k < 90) return cmd::Undo{};
  if (k < 91) return cmd::End{};
  return cmd::Start{};
}

}  // namespace

TEST_CASE("property: the live state of the real Controller equals the replay of its SQLite journal") {
  const std::string text = sim::module_text();
  for (std::uint32_t seed = 1; seed <= 12; ++seed) {
    CAPTURE(seed);
    sim::TempDir dir;
    Journal journal = Journal::open(dir.path());
    Millis now = 1'760'000'000'000;
    JournalSession js = JournalSession::start(journal, text, sim::kModulePath, now);
    Random r(seed);
    bool fail_next = false;
    EventSink real = js.sink();
    int failures = 0, commits = 0;
    Controller controller(js.session(), js.state(), [&](const std::vector<Event>& events, std::string& error) {
      if (fail_next) {  // a full disk for one commit
        ++failures;
        error = "database or disk is full";
        return false;
      }
      ++commits;
      return real(events, error);
    });
    REQUIRE(controller.dispatch(cmd::Start{}, now).ok);
    for (int step = 0; step < 150; ++step) {
      // The clock mostly moves on, sometimes jumps back (a wall-clock step).
      now += r.chance(10) ? -r.pick(90'000) : r.pick(20'000);
      fail_next = r.chance(7);
      if (r.chance(40)) {
        std::vector<Command> batch;
        const int n = 1 + r.pick(12);
        State scratch = controller.state();  // only to aim the commands at open prompts
        for (int i = 0; i < n; ++i) batch.push_back(random_command(controller.session(), scratch, r));
        const State before = controller.state();
        auto results = controller.dispatch_batch(batch, now);
        REQUIRE(results.size() == batch.size());
        bool stored = false;
        for (const auto& result : results) stored = stored || result.code == "storage";
        if (fail_next) CHECK(controller.state() == before);
        if (stored) CHECK(controller.state() == before);
      } else {
        const State before = controller.state();
        DispatchResult result = controller.dispatch(random_command(controller.session(), controller.state(), r), now);
        if (result.code == "storage") CHECK(controller.state() == before);
      }
      if (controller.state().agenda.ended) break;
    }
    Replayed replayed = replay(journal, js.delivery_id());
    CHECK(replayed.state == controller.state());
    CHECK(commits > 0);
    (void)failures;
  }
}
