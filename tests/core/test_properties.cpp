// Property tests with a fixed seed: random command sequences over the real
// module, with a clock that now and then steps back. After every step the
// clock arithmetic must add up, every rebalance proposal must respect its
// bounds, the journal's times must not go backwards, and what fellows see
// must never show results or correct marks for a prompt that takes answers;
// after End nothing but a resend is accepted. After every run, replaying the
// journal on a fresh state must rebuild the live state exactly.
#include <algorithm>
#include <optional>
#include <random>
#include <utility>

#include "core/snapshot.hpp"
#include "core/tally.hpp"
#include "fixtures.hpp"

using namespace facilita;
using namespace facilita::test;

namespace {

const std::vector<std::string> kPeople = {"f1", "f2", "f3", "f4", "f5", "f6"};
const std::vector<std::string> kNames = {"Ana", " Beto ", "Carla", "Ñoño", "", "Zoé"};

struct Generator {
  std::mt19937 rng;
  const Session& session;
  std::vector<const Prompt*> prompts;
  bool just_recorded = false;
  std::optional<cmd::Answer> last_answer;

  Generator(const Session& s, std::uint32_t seed) : rng(seed), session(s) {
    for (const auto& section : s.sections)
      for (const auto& p : section.prompts) prompts.push_back(&p);
  }
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); }
  bool chance(int percent) { return pick(100) < percent; }
  const std::string& person() { return kPeople[static_cast<std::size_t>(pick(6))]; }

  const Prompt& some_prompt(const State& state) {
    if (!state.open_prompt.empty() && chance(80)) return *session.find_prompt(state.open_prompt);
    return *prompts[static_cast<std::size_t>(pick(static_cast<int>(prompts.size())))];
  }
  // Mostly valid values for the prompt's kind, sometimes wrong ones.
  AnswerValue value_for(const Prompt& p) {
    if (chance(10)) return chance(50) ? AnswerValue{std::string("nope")} : AnswerValue{42};
    switch (p.kind) {
      case PromptKind::Choice:
      case PromptKind::Poll: return p.options[static_cast<std::size_t>(pick(static_cast<int>(p.options.size())))];
      case PromptKind::Multi: {
        std::vector<std::string> chosen;
        for (const auto& o : p.options)
          if (chance(50)) chosen.push_back(o);
        return chosen;
      }
      case PromptKind::Scale: return 1 + pick(5);
      case PromptKind::Text: return std::string(chance(10) ? "  " : "Un problema público: agua potable");
    }
    return 0;
  }
  Command answer(const State& state) {
    // A page that lost an ack resends the very answer (a multi possibly in another order).
    if (last_answer && chance(25)) {
      cmd::Answer again = *last_answer;
      if (auto* list = std::get_if<std::vector<std::string>>(&again.value)) std::reverse(list->begin(), list->end());
      return again;
    }
    const Prompt& p = some_prompt(state);
    last_answer = cmd::Answer{person(), p.id, value_for(p), pick(40)};
    return *last_answer;
  }
  Command command(const State& state, Millis now) {
    // The console asks right after recording an outage; make that likely.
    if (std::exchange(just_recorded, false) && chance(50)) return cmd::OutageAsPause{};
    const int roll = pick(100);
    if (!state.agenda.started && roll < 30) return cmd::Start{};
    if (roll < 8) return cmd::Pause{};
    if (roll < 16) return cmd::Resume{};
    if (roll < 26) return cmd::Next{};
    if (roll < 30) return cmd::Previous{};
    if (roll < 33) return cmd::GoTo{pick(10) - 1};
    if (roll < 38) return cmd::Adjust{(pick(21) - 10) * 60};
    if (roll < 42) {
      RebalancePlan plan = propose_rebalance(session, state, now);
      if (chance(20) && !plan.new_s.empty()) plan.new_s[static_cast<std::size_t>(pick(8))] += 30;
      return cmd::AcceptRebalance{plan.new_s, plan.cut};
    }
    if (roll < 47) return cmd::Undo{};
    if (roll < 48) return cmd::UnlockPlan{pick(9) - 1};
    if (roll < 54) return cmd::OpenPrompt{some_prompt(state).id};
    if (roll < 57) return cmd::ClosePrompt{some_prompt(state).id};
    if (roll < 59) return cmd::RevealPrompt{some_prompt(state).id};
    if (roll < 61) return cmd::NewRound{some_prompt(state).id};
    if (roll < 62) return cmd::HideAnswer{some_prompt(state).id, person()};
    if (roll < 67) return cmd::Join{person(), kNames[static_cast<std::size_t>(pick(6))]};
    if (roll < 92) return answer(state);
    if (roll < 94) {
      just_recorded = true;
      return cmd::RecordOutage{now - 1000 * (1 + pick(300)), now};
    }
    if (roll < 97) return cmd::OutageAsPause{};
    // Rare, so most runs stay in the delivery where the agenda is live.
    return chance(5) ? Command{cmd::End{}} : Command{cmd::Next{}};
  }
};

// Where the plan's remaining time should go, computed independently of the engine.
int expected_target(const Session& s, const AgendaState& a) {
  Millis done = 0;
  for (std::size_t i = 0; i < a.visited.size(); ++i)
    if (a.visited[i] && static_cast<int>(i) != a.current) done += a.actual_ms[i];
  const Millis left = static_cast<Millis>(s.duration_s) * 1000 - done;
  return static_cast<int>(left >= 0 ? left / 1000 : -((-left + 999) / 1000));
}

void check_plan(const Session& s, const State& state, Millis now) {
  const AgendaState& a = state.agenda;
  const RebalancePlan plan = propose_rebalance(s, state, now);
  REQUIRE(plan.old_s == a.planned_s);
  REQUIRE(plan.new_s.size() == s.sections.size());
  if (!a.started || a.ended) return;
  const Timing t = derive(s, state, now);
  const int elapsed_s = static_cast<int>((t.section_elapsed_ms + 999) / 1000);
  int sum = 0;
  bool all_lo = true, all_hi = true;
  for (std::size_t i = 0; i < s.sections.size(); ++i) {
    const Section& sec = s.sections[i];
    const bool current = static_cast<int>(i) == a.current;
    const bool cut = a.cut[i] || std::count(plan.cut.begin(), plan.cut.end(), static_cast<int>(i));
    const bool kept = sec.fixed || a.locked[i];  // fixed by the author or set by hand
    if ((a.visited[i] && !current) || cut || kept) {
      CHECK(plan.new_s[i] == plan.old_s[i]);
      // A kept section still ahead takes its plan; a current one at least its elapsed time.
      if (kept && !cut && current) sum += std::max(plan.new_s[i], elapsed_s);
      else if (kept && !cut && !a.visited[i]) sum += plan.new_s[i];
      continue;
    }
    const int lo = std::max(sec.effective_min_s(), current ? elapsed_s : 0);
    const int hi = std::max(sec.effective_max_s(), lo);
    CHECK(plan.new_s[i] >= lo);
    CHECK(plan.new_s[i] <= hi);
    all_lo = all_lo && plan.new_s[i] == lo;
    all_hi = all_hi && plan.new_s[i] == hi;
    sum += plan.new_s[i];
  }
  const int target = expected_target(s, a);
  if (plan.overrun_s > 0) {
    CHECK(all_lo);
    CHECK(sum - target == plan.overrun_s);
  } else if (sum != target) {
    CHECK(sum < target);  // ends early only when everything is at its maximum
    CHECK(all_hi);
  }
  // The engine accepts its own proposal.
  CHECK_FALSE(decide(s, state, cmd::AcceptRebalance{plan.new_s, plan.cut}, now).rejected);
}

// The quiz invariant, on what fellows actually receive: a prompt that takes
// answers shows neither results nor a correct mark, and revealed implies closed.
void check_public(const Session& s, const State& state, Millis now) {
  for (const auto& [id, ps] : state.prompts) {
    CAPTURE(id);
    REQUIRE_FALSE((ps.open && ps.revealed));
  }
  const nlohmann::json shown = public_state(s, state, derive(s, state, now), now);
  if (shown["prompt"].is_null()) {
    REQUIRE(shown["results"].is_null());
    return;
  }
  const std::string id = shown["prompt"]["id"];
  const bool takes_answers = state.open_prompt == id;
  REQUIRE(shown["prompt"]["open"] == takes_answers);
  if (takes_answers) {
    REQUIRE(shown["results"].is_null());
    REQUIRE(shown.dump().find("\"correct\"") == std::string::npos);
  }
  if (!shown["results"].is_null()) REQUIRE(shown["prompt"]["revealed"] == true);
}

void check_clock(const Session& s, const State& state, Millis now) {
  const AgendaState& a = state.agenda;
  for (Millis ms : a.actual_ms) REQUIRE(ms >= 0);
  const Timing t = derive(s, state, now);
  REQUIRE(t.section_elapsed_ms >= 0);
  REQUIRE(t.paused_ms >= 0);
  if (a.started && !a.ended) {
    // Every millisecond since the start is in a section or in a pause.
    REQUIRE(a.started_at + t.session_elapsed_ms + t.paused_ms == now);
    REQUIRE(std::count_if(t.sections.begin(), t.sections.end(),
                          [](const SectionTiming& st) { return st.status == SectionStatus::Current; }) == 1);
    REQUIRE_FALSE(a.cut[static_cast<std::size_t>(a.current)]);
  }
  REQUIRE(t.progress >= 0.0);
  REQUIRE(t.progress <= 1.0);
  if (!state.open_prompt.empty()) REQUIRE(state.prompts.at(state.open_prompt).open);
  REQUIRE(state.undo_stack.size() <= kUndoDepth);
}

}  // namespace

TEST_CASE("random deliveries: replay rebuilds the state, clocks add up, plans keep their bounds") {
  const Session& s = module_session();
  std::mt19937 seeds(20240611);
  int accepted = 0, rejected = 0, duplicates = 0, reused = 0, rounds = 0, ended_refusals = 0;
  for (int run = 0; run < 200; ++run) {
    Room room(s);
    Generator gen(s, seeds());
    for (int step = 0; step < 200; ++step) {
      // Now and then the wall clock steps back (up to a minute).
      room.wait_ms(gen.chance(3) ? -gen.pick(60'000) : std::uniform_int_distribution<Millis>(0, 120'000)(gen.rng));
      const bool was_ended = room.state.agenda.ended;
      const std::size_t journal = room.journal.size();
      const Millis last_at = room.state.last_event_at;
      room.run(gen.command(room.state, room.now));
      (room.last.rejected ? rejected : accepted) += 1;
      duplicates += room.last.duplicate;
      reused += room.last.rejected && room.last.rejected->code == "seq-reused";
      rounds += !room.last.rejected && !room.last.events.empty() &&
                std::holds_alternative<ev::RoundStarted>(room.last.events.back().data);
      if (was_ended) {
        ended_refusals += room.last.rejected && room.last.rejected->code == "ended";
        REQUIRE(room.journal.size() == journal);  // ended means ended
        REQUIRE((room.last.rejected || room.last.duplicate));
      }
      for (std::size_t i = journal; i < room.journal.size(); ++i) REQUIRE(room.journal[i].at >= last_at);
      // The engine's time: the caller's clock, never before the last event.
      const Millis now = std::max(room.now, room.state.last_event_at);
      check_clock(s, room.state, now);
      check_public(s, room.state, now);
      if (step % 5 == 0) check_plan(s, room.state, now);
    }
    for (const auto* p : gen.prompts) {
      const Tally t = tally(s, room.state, p->id);
      CHECK(t.answered <= t.participants);
    }
    const State replayed = room.replayed();
    REQUIRE_MESSAGE(replayed == room.state, "run " << run);
  }
  // The generator must exercise both paths, or the properties prove little.
  CHECK(accepted > 10000);
  CHECK(rejected > 5000);
  CHECK(duplicates > 100);
  CHECK(reused > 30);
  CHECK(rounds > 30);
  CHECK(ended_refusals > 1000);
}
