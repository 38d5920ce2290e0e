// propose_rebalance(): exact totals, bounds, fixed sections, proportional
// shares, and the cut proposal when even the minimums do not fit.
#include <algorithm>
#include <numeric>

#include "fixtures.hpp"

using namespace facilita;
using namespace facilita::test;

namespace {

int sum_of(const std::vector<int>& v, const std::vector<std::size_t>& indices) {
  int total = 0;
  for (auto i : indices) total += v[i];
  return total;
}

// The module after `intro_s` in the introduction and `second_s` in funcionamiento.
Room module_late(int intro_s, int second_s) {
  Room room(module_session());
  room.ok(cmd::Start{});
  room.wait_s(intro_s);
  room.ok(cmd::Next{});
  room.wait_s(second_s);
  return room;
}

}  // namespace

TEST_CASE("5 min late in section 2: the rest shrinks to end on time") {
  Room room = module_late(7 * 60, 15 * 60);
  REQUIRE(room.timing().drift_s == 300);
  const Session& s = room.session;
  const RebalancePlan plan = propose_rebalance(s, room.state, room.now);
  REQUIRE(plan.old_s.size() == 8);
  REQUIRE(plan.new_s.size() == 8);
  CHECK(plan.cut.empty());
  CHECK(plan.overrun_s == 0);
  CHECK(plan.changes());

  // Current + upcoming add up to what remains: 79 min minus the 7 spent.
  CHECK(sum_of(plan.new_s, {1, 2, 3, 4, 5, 6, 7}) == 79 * 60 - 7 * 60);
  CHECK(plan.new_s[0] == plan.old_s[0]);  // done
  CHECK(plan.new_s[7] == 360);            // cierre is fixed
  CHECK(plan.new_s[1] == 900);            // 15 min already spent, its maximum
  for (std::size_t i = 2; i < 7; ++i) {
    CHECK(plan.new_s[i] >= s.sections[i].effective_min_s());
    CHECK(plan.new_s[i] <= s.sections[i].effective_max_s());
  }
  // 300 s taken in proportion to each section's room above its minimum (180, 240, 180, 360, 240 s).
  CHECK(plan.old_s[2] - plan.new_s[2] == 45);
  CHECK(plan.old_s[3] - plan.new_s[3] == 60);
  CHECK(plan.old_s[4] - plan.new_s[4] == 45);
  CHECK(plan.old_s[5] - plan.new_s[5] == 90);
  CHECK(plan.old_s[6] - plan.new_s[6] == 60);

  room.ok(cmd::AcceptRebalance{plan.new_s, plan.cut});
  CHECK(room.timing().drift_s == 0);
  CHECK(room.timing().forecast_end == room.timing().planned_end);
}

TEST_CASE("rounding is exact to the second") {
  // Three equal sections must lose 100 s: 33 + 33 + 34 in some order.
  const Session s = make_session({{600}, {600}, {600}, {600}});
  Room room(s);
  room.ok(cmd::Start{});
  room.wait_s(700);
  room.ok(cmd::Next{});
  const RebalancePlan plan = propose_rebalance(s, room.state, room.now);
  CHECK(plan.new_s[1] + plan.new_s[2] + plan.new_s[3] == 1700);
  for (int i = 1; i < 4; ++i) CHECK((plan.new_s[i] == 566 || plan.new_s[i] == 567));
}

TEST_CASE("running early grows the rest within their maxima") {
  Room room = module_late(2 * 60, 0);
  const RebalancePlan plan = propose_rebalance(room.session, room.state, room.now);
  CHECK(sum_of(plan.new_s, {1, 2, 3, 4, 5, 6, 7}) == 77 * 60);
  for (std::size_t i = 1; i < 7; ++i) CHECK(plan.new_s[i] >= plan.old_s[i]);
  CHECK(plan.new_s[7] == 360);
}

TEST_CASE("no change needed when on time") {
  Room room = module_late(5 * 60, 60);
  const RebalancePlan plan = propose_rebalance(room.session, room.state, room.now);
  CHECK_FALSE(plan.changes());
  CHECK(plan.overrun_s == 0);
}

TEST_CASE("a cut fixes what shrinking cannot") {
  // 25 min late in the introduction: the minimums need 60 s more than remains.
  Room room = module_late(30 * 60, 0);
  const RebalancePlan plan = propose_rebalance(room.session, room.state, room.now);
  REQUIRE(plan.cut == std::vector<int>{2});  // `avance`, the only optional section
  CHECK(plan.new_s[2] == plan.old_s[2]);
  CHECK(plan.overrun_s == 0);
  CHECK(sum_of(plan.new_s, {1, 3, 4, 5, 6, 7}) == 79 * 60 - 30 * 60);
  room.ok(cmd::AcceptRebalance{plan.new_s, plan.cut});
  CHECK(room.timing().drift_s == 0);
  CHECK(room.timing().sections[2].status == SectionStatus::Cut);
}

TEST_CASE("infeasible: cut the optional section, everything at its minimum, report the overrun") {
  Room room = module_late(35 * 60, 0);
  const Session& s = room.session;
  const RebalancePlan plan = propose_rebalance(s, room.state, room.now);
  CHECK(plan.cut == std::vector<int>{2});
  for (std::size_t i : {1, 3, 4, 5, 6}) CHECK(plan.new_s[i] == s.sections[i].effective_min_s());
  CHECK(plan.new_s[7] == 360);
  // Minimums 8+6+5+12+8 min + 6 fixed = 45 min, but only 44 remain.
  CHECK(plan.overrun_s == 60);
  room.ok(cmd::AcceptRebalance{plan.new_s, plan.cut});  // the best there is can be accepted
  CHECK(room.timing().drift_s == 60);
}

TEST_CASE("the fewest cuts, preferring the latest optional sections") {
  // s1 runs long; s2..s4 are optional with minimums 150, 300 and 300 s.
  const Session s = make_session({{600, 600, 600},
                                  {300, 150, 450, false, true},
                                  {600, 300, 900, false, true},
                                  {600, 300, 900, false, true},
                                  {600, 300, 900},
                                  {300, 0, 0, true}});
  // Nothing is done, so current + upcoming must fill 3000 s, 300 of them fixed;
  // the minimums need (elapsed in s1) + 1050 s.
  auto plan_after = [&](int elapsed_s) {
    Room room(s);
    room.ok(cmd::Start{});
    room.wait_s(elapsed_s);
    return propose_rebalance(s, room.state, room.now);
  };
  SUBCASE("deficit 150 s: any one section frees enough; the latest is cut") {
    const RebalancePlan plan = plan_after(1800);
    CHECK(plan.cut == std::vector<int>{3});
    CHECK(plan.overrun_s == 0);
    CHECK(plan.new_s[0] + plan.new_s[1] + plan.new_s[2] + plan.new_s[4] == 2700);
  }
  SUBCASE("deficit 450 s: two sections needed; the later pair wins") {
    const RebalancePlan plan = plan_after(2100);
    CHECK(plan.cut == std::vector<int>{2, 3});
    CHECK(plan.overrun_s == 0);
    CHECK(plan.new_s[0] + plan.new_s[1] + plan.new_s[4] == 2700);
  }
  SUBCASE("deficit 850 s: all optional sections go and 100 s remain over") {
    const RebalancePlan plan = plan_after(2500);
    CHECK(plan.cut == std::vector<int>{1, 2, 3});
    CHECK(plan.new_s[0] == 2500);
    CHECK(plan.new_s[4] == 300);
    CHECK(plan.new_s[5] == 300);
    CHECK(plan.overrun_s == 100);
  }
}

TEST_CASE("the current section never drops below its elapsed time") {
  Room room = module_late(15 * 60, 10 * 60);
  const RebalancePlan plan = propose_rebalance(room.session, room.state, room.now);
  CHECK(plan.new_s[1] >= 600);
  CHECK(plan.new_s[1] >= room.session.sections[1].effective_min_s());
}

TEST_CASE("after End there is nothing to rebalance") {
  Room room = module_late(30 * 60, 0);
  room.ok(cmd::End{});
  const RebalancePlan plan = propose_rebalance(room.session, room.state, room.now);
  CHECK_FALSE(plan.changes());
}

TEST_CASE("a plan the facilitator set by hand is kept; the rest fits around it") {
  // The introduction given 5 more minutes by hand, 2 min into it: rebalance
  // must not take them back (it used to shrink it towards its minimum).
  Room room(module_session());
  room.ok(cmd::Start{});
  room.ok(cmd::Adjust{300});
  room.wait_s(120);
  CHECK(room.state.agenda.locked[0]);
  CHECK_FALSE(room.state.agenda.locked[1]);
  const int intro = room.state.agenda.planned_s[0];
  const RebalancePlan plan = propose_rebalance(room.session, room.state, room.now);
  CHECK(plan.new_s[0] == intro);
  CHECK(plan.changes());
  const Session& s = room.session;
  int rest = 0;
  for (std::size_t i = 1; i < 8; ++i) {
    CHECK(plan.new_s[i] >= s.sections[i].effective_min_s());
    CHECK(plan.new_s[i] <= s.sections[i].effective_max_s());
    if (!std::ranges::count(plan.cut, static_cast<int>(i))) rest += plan.new_s[i];
  }
  CHECK(rest == s.duration_s - intro);
}

TEST_CASE("an upcoming hand-set plan stays out of the shares and the cuts") {
  Room room = module_late(7 * 60, 0);  // section 2 current, 2 min late
  room.ok(cmd::Adjust{120});           // section 2 given 2 more minutes by hand
  const int kept = room.state.agenda.planned_s[1];
  const RebalancePlan plan = propose_rebalance(room.session, room.state, room.now);
  CHECK(plan.new_s[1] == kept);
  int later = 0, target = room.session.duration_s - 7 * 60 - kept;
  for (std::size_t i = 2; i < 8; ++i) later += plan.new_s[i];
  CHECK(later == target);
  // A plan that changes the hand-set section is refused.
  std::vector<int> bad = plan.new_s;
  bad[1] -= 60;
  bad[2] += 60;
  CHECK(room.code(cmd::AcceptRebalance{bad, {}}) == "bad-plan");
  room.ok(cmd::AcceptRebalance{plan.new_s, plan.cut});
  CHECK(room.state.agenda.locked[1]);  // accepting keeps the lock
}

TEST_CASE("UnlockPlan gives a hand-set plan back to rebalance; undo and replay agree") {
  Room room = module_late(7 * 60, 0);
  CHECK(room.code(cmd::UnlockPlan{1}) == "not-locked");
  CHECK(room.code(cmd::UnlockPlan{99}) == "bad-section");
  room.ok(cmd::Adjust{300});
  REQUIRE(room.state.agenda.locked[1]);
  CHECK(propose_rebalance(room.session, room.state, room.now).new_s[1] == room.state.agenda.planned_s[1]);
  room.ok(cmd::UnlockPlan{1});
  CHECK(std::holds_alternative<ev::PlanUnlocked>(room.last.events.at(0).data));
  CHECK_FALSE(room.state.agenda.locked[1]);
  CHECK(propose_rebalance(room.session, room.state, room.now).new_s[1] < room.state.agenda.planned_s[1]);
  CHECK(room.replayed() == room.state);
  room.ok(cmd::Undo{});  // the lock comes back with the agenda
  CHECK(room.state.agenda.locked[1]);
  room.ok(cmd::Undo{});  // and goes with the Adjust
  CHECK_FALSE(room.state.agenda.locked[1]);
  CHECK(room.replayed() == room.state);
  room.ok(cmd::End{});
  CHECK(room.code(cmd::UnlockPlan{1}) == "ended");
}
