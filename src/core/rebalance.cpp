// Rebalance: fit what remains of the plan into what remains of the session.
// Sections shrink or grow in proportion to the room each one has to move,
// rounded so the total is exact to the second; when even every minimum does
// not fit, the fewest (and latest) optional sections are proposed for cutting.
// A plan the facilitator set by hand (Adjust) is locked: kept as it is, the
// rest spread over the other sections, until UnlockPlan.
#include <algorithm>
#include <bit>
#include <cstdint>
#include <numeric>

#include "core/engine.hpp"
#include "core/engine_internal.hpp"

namespace facilita {
namespace detail {

PlanFrame plan_frame(const Session& session, const AgendaState& agenda, Millis now) {
  PlanFrame frame;
  const std::size_t n = session.sections.size();
  frame.lo.assign(n, 0);
  frame.hi.assign(n, 0);
  Millis done_ms = agenda.removed_ms;  // sections a reload removed were done too
  for (std::size_t i = 0; i < n; ++i)
    if (is_done(agenda, i)) done_ms += agenda.actual_ms[i];
  // Rounded down so a plan that meets the target never ends late.
  frame.target_s = static_cast<int>(floor_div(static_cast<Millis>(session.duration_s) * 1000 - done_ms, 1000));

  for (std::size_t i = 0; i < n; ++i) {
    const Section& section = session.sections[i];
    const bool current = is_current(agenda, i);
    if (!current && !is_upcoming(agenda, i)) continue;
    const int spent_s = current ? ceil_seconds(current_elapsed_ms(agenda, now)) : 0;
    if (section.fixed || is_locked(agenda, i)) {  // a hand-set plan is kept like a fixed one
      frame.fixed_s += std::max(agenda.planned_s[i], spent_s);
      continue;
    }
    frame.lo[i] = std::max(section.effective_min_s(), spent_s);
    frame.hi[i] = std::max(section.effective_max_s(), frame.lo[i]);
    frame.flexible.push_back(static_cast<int>(i));
    if (!current && section.optional) frame.cuttable.push_back(static_cast<int>(i));
  }
  return frame;
}

}  // namespace detail

namespace {

using detail::PlanFrame;

// `amount` split in proportion to `room`, largest remainder first, so the parts
// add up to exactly `amount`. Needs 0 <= amount < sum(room).
std::vector<std::int64_t> proportional_shares(std::int64_t amount, const std::vector<std::int64_t>& room) {
  const std::int64_t total = std::accumulate(room.begin(), room.end(), std::int64_t{0});
  std::vector<std::int64_t> share(room.size()), rest(room.size());
  std::int64_t given = 0;
  for (std::size_t i = 0; i < room.size(); ++i) {
    share[i] = amount * room[i] / total;
    rest[i] = amount * room[i] % total;
    given += share[i];
  }
  std::vector<std::size_t> order(room.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  // Ties go to the earlier section: deterministic and easy to explain.
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return rest[a] > rest[b]; });
  for (std::size_t k = 0; given < amount && k < order.size(); ++k, ++given) ++share[order[k]];
  return share;
}

// New durations for `sections` summing to `target` within [lo, hi], or all at
// the nearest bound when the target is out of reach.
void distribute(const std::vector<int>& sections, const PlanFrame& frame, int target, std::vector<int>& plan) {
  std::int64_t sum = 0;
  for (int i : sections) {
    plan[i] = std::clamp(plan[i], frame.lo[i], frame.hi[i]);
    sum += plan[i];
  }
  if (sum == target || sections.empty()) return;
  const bool shrink = sum > target;
  std::vector<std::int64_t> room;
  for (int i : sections) room.push_back(shrink ? plan[i] - frame.lo[i] : frame.hi[i] - plan[i]);
  const std::int64_t need = shrink ? sum - target : target - sum;
  const std::int64_t available = std::accumulate(room.begin(), room.end(), std::int64_t{0});
  if (need >= available) {
    for (int i : sections) plan[i] = shrink ? frame.lo[i] : frame.hi[i];
    return;
  }
  auto share = proportional_shares(need, room);
  for (std::size_t k = 0; k < sections.size(); ++k)
    plan[sections[k]] += static_cast<int>(shrink ? -share[k] : share[k]);
}

// Descending indices compared lexicographically: the larger set is "later".
bool later(std::uint32_t a, std::uint32_t b, const std::vector<int>& candidates) {
  for (int k = static_cast<int>(candidates.size()) - 1; k >= 0; --k) {
    bool in_a = a >> k & 1u, in_b = b >> k & 1u;
    if (in_a != in_b) return in_a;
  }
  return false;
}

// The fewest candidates whose minimums free at least `deficit` seconds,
// preferring later sections; all of them when no subset is enough.
std::vector<int> choose_cuts(std::vector<int> candidates, const PlanFrame& frame, std::int64_t deficit) {
  constexpr std::size_t kMaxCandidates = 16;  // 65536 subsets at most; sessions have a handful
  if (candidates.size() > kMaxCandidates)
    candidates.erase(candidates.begin(), candidates.end() - kMaxCandidates);
  const std::uint32_t all = (1u << candidates.size()) - 1u;
  std::uint32_t best = 0;
  for (std::uint32_t mask = 1; mask <= all && mask != 0; ++mask) {
    std::int64_t freed = 0;
    for (std::size_t k = 0; k < candidates.size(); ++k)
      if (mask >> k & 1u) freed += frame.lo[candidates[k]];
    if (freed < deficit) continue;
    const int size = std::popcount(mask), best_size = std::popcount(best);
    if (best == 0 || size < best_size || (size == best_size && later(mask, best, candidates))) best = mask;
  }
  if (best == 0) best = all;
  std::vector<int> cut;
  for (std::size_t k = 0; k < candidates.size(); ++k)
    if (best >> k & 1u) cut.push_back(candidates[k]);
  return cut;
}

}  // namespace

RebalancePlan propose_rebalance(const Session& session, const State& state, Millis now) {
  RebalancePlan plan;
  plan.old_s = state.agenda.planned_s;
  plan.new_s = state.agenda.planned_s;
  if (state.agenda.ended || !detail::well_formed(session, state.agenda)) return plan;

  const PlanFrame frame = detail::plan_frame(session, state.agenda, now);
  const int flex_target = frame.target_s - frame.fixed_s;
  std::vector<int> flexible = frame.flexible;
  std::int64_t min_sum = 0;
  for (int i : flexible) min_sum += frame.lo[i];
  if (min_sum > flex_target && !frame.cuttable.empty()) {
    plan.cut = choose_cuts(frame.cuttable, frame, min_sum - flex_target);
    std::erase_if(flexible, [&](int i) { return std::ranges::count(plan.cut, i) > 0; });
  }
  distribute(flexible, frame, flex_target, plan.new_s);

  std::int64_t total = frame.fixed_s;
  for (int i : flexible) total += plan.new_s[i];
  plan.overrun_s = static_cast<int>(std::max<std::int64_t>(0, total - frame.target_s));
  return plan;
}

}  // namespace facilita
