// Structural reload: decide_reload() checks and builds the events,
// detail::apply_reload() moves the agenda state to the new section list.
#include "core/session_reload.hpp"

#include <algorithm>

#include "core/engine_internal.hpp"
#include "core/session_diff.hpp"

namespace facilita {
namespace {

constexpr std::size_t kMaxHashBytes = 128;

Rejection refuse(std::string code, std::string message) { return Rejection{std::move(code), std::move(message)}; }

bool valid_hash(std::string_view hash) {
  return !hash.empty() && hash.size() <= kMaxHashBytes &&
         std::all_of(hash.begin(), hash.end(), [](char c) { return c > 0x20 && c < 0x7F; });
}

// The events accepting `new_s` makes; the caller has run check_reload.
std::vector<Event> reload_events(const Session& old_s, const Session& new_s, const State& state, std::string file_hash,
                                 Millis now) {
  ev::SessionReloaded reloaded{std::move(file_hash), section_mapping(old_s, new_s), {}};
  for (std::size_t j = 0; j < new_s.sections.size(); ++j) {
    const int k = reloaded.old_index[j];
    const int authored = new_s.sections[j].duration_s;
    const bool keep_plan = k >= 0 && old_s.sections[static_cast<std::size_t>(k)].duration_s == authored;
    reloaded.planned_s.push_back(keep_plan ? state.agenda.planned_s[static_cast<std::size_t>(k)] : authored);
  }
  std::vector<Event> out;
  if (!state.open_prompt.empty() && !new_s.find_prompt(state.open_prompt))
    out.push_back(Event{now, ev::PromptClosed{state.open_prompt}});
  out.push_back(Event{now, std::move(reloaded)});
  return out;
}

// A mapping that fits: one entry per new section, each old index used at most once.
bool valid_mapping(const std::vector<int>& old_index, std::size_t old_n) {
  std::vector<bool> used(old_n, false);
  for (int k : old_index) {
    if (k == -1) continue;
    if (k < 0 || static_cast<std::size_t>(k) >= old_n || used[static_cast<std::size_t>(k)]) return false;
    used[static_cast<std::size_t>(k)] = true;
  }
  return true;
}

bool consistent(const AgendaState& a) {
  const std::size_t n = a.planned_s.size();
  return a.actual_ms.size() == n && a.cut.size() == n && a.visited.size() == n;
}

}  // namespace

std::vector<int> section_mapping(const Session& old_s, const Session& new_s) {
  std::vector<int> out;
  out.reserve(new_s.sections.size());
  for (const auto& section : new_s.sections) out.push_back(old_s.find_section(section.id));
  return out;
}

std::optional<Rejection> check_reload(const Session& old_s, const Session& new_s, const State& state) {
  const AgendaState& a = state.agenda;
  if (!detail::well_formed(old_s, a)) return refuse("bad-state", "the state was not made for the running session");
  if (old_s.id != new_s.id)
    return refuse("foreign-session", "the file now holds session '" + new_s.id + "', not '" + old_s.id + "'");
  if (a.ended) return refuse("ended", "the delivery has ended; the edited file applies to the next one");
  if (new_s.sections.empty()) return refuse("bad-section", "the edited session has no sections");
  if (a.started && new_s.find_section(old_s.sections[static_cast<std::size_t>(a.current)].id) < 0)
    return refuse("current-removed", "the edit removes the section being delivered ('" +
                                         old_s.sections[static_cast<std::size_t>(a.current)].id +
                                         "'); move to another section, then accept");
  return std::nullopt;
}

Decision decide_reload(const Session& old_s, const Session& new_s, const State& state, std::string file_hash,
                       Millis now) {
  Decision d;
  now = std::max(now, state.last_event_at);  // like decide(): the journal never goes back in time
  if (auto problem = check_reload(old_s, new_s, state)) {
    d.rejected = std::move(problem);
  } else if (!valid_hash(file_hash)) {
    d.rejected = refuse("bad-hash", "a file hash is 1 to 128 printable ASCII characters");
  } else if (diff_sessions(old_s, new_s, state).identical) {
    d.rejected = refuse("no-change", "the edited file changes nothing");
  } else {
    d.events = reload_events(old_s, new_s, state, std::move(file_hash), now);
  }
  return d;
}

std::variant<State, Rejection> remap_state(const Session& old_s, const Session& new_s, const State& state, Millis now) {
  if (auto problem = check_reload(old_s, new_s, state)) return *problem;
  State out = state;
  Session session = old_s;
  for (const Event& e : reload_events(old_s, new_s, state, std::string{}, now))
    apply_with_reload(session, out, e, [&](std::string_view) { return &new_s; });
  return out;
}

bool apply_with_reload(Session& session, State& state, const Event& event, const SessionLookup& version_of) {
  if (const auto* reloaded = std::get_if<ev::SessionReloaded>(&event.data)) {
    const Session* next = version_of ? version_of(reloaded->file_hash) : nullptr;
    if (!next) return false;
    // Copied before the swap: `next` may be owned by the caller's own version store.
    Session swapped = *next;
    apply(swapped, state, event);
    session = std::move(swapped);
    return true;
  }
  apply(session, state, event);
  return true;
}

namespace detail {

bool apply_reload(const Session& new_s, State& state, const ev::SessionReloaded& e, Millis at) {
  const AgendaState& old = state.agenda;
  const std::size_t n = new_s.sections.size();
  if (n == 0 || e.old_index.size() != n || e.planned_s.size() != n || !consistent(old) ||
      !valid_mapping(e.old_index, old.planned_s.size()))
    return false;
  if (std::any_of(e.planned_s.begin(), e.planned_s.end(), [](int s) { return s <= 0 || s > kMaxPlannedS; })) return false;
  auto now_at = std::find(e.old_index.begin(), e.old_index.end(), old.current);
  const bool delivering = old.started && !old.ended;
  if (delivering && now_at == e.old_index.end()) return false;  // decide refuses "current-removed"

  AgendaState a = old;  // clocks, flags and pauses carry over unchanged
  const bool found = now_at != e.old_index.end();
  a.current = old.started && found ? static_cast<int>(now_at - e.old_index.begin()) : 0;
  a.planned_s = e.planned_s;
  a.actual_ms.assign(n, 0);
  a.cut.assign(n, false);
  a.visited.assign(n, false);
  a.locked.assign(n, false);
  a.entered_at.assign(n, 0);
  for (std::size_t j = 0; j < n; ++j) {
    if (e.old_index[j] < 0) continue;
    const auto k = static_cast<std::size_t>(e.old_index[j]);
    a.actual_ms[j] = old.actual_ms[k];
    a.cut[j] = old.cut[k];
    a.visited[j] = old.visited[k];
    a.locked[j] = detail::is_locked(old, k);
    a.entered_at[j] = k < old.entered_at.size() ? old.entered_at[k] : 0;
  }
  for (std::size_t k = 0; k < old.actual_ms.size(); ++k)
    if (std::find(e.old_index.begin(), e.old_index.end(), static_cast<int>(k)) == e.old_index.end())
      a.removed_ms += old.actual_ms[k];

  // Snapshots are indexed by the old section list and hold the old plan: only
  // a reload that changes neither (prompts, texts) leaves them valid.
  bool same_layout = e.planned_s == old.planned_s;
  for (std::size_t j = 0; j < n; ++j) same_layout = same_layout && e.old_index[j] == static_cast<int>(j);
  if (!same_layout) state.undo_stack.clear();
  detail::fit_step(new_s, a, at);
  state.agenda = std::move(a);
  for (const auto& section : new_s.sections)
    for (const auto& prompt : section.prompts) state.prompts[prompt.id];
  // decide_reload closes a removed open prompt first; this only guards a damaged journal.
  if (!state.open_prompt.empty() && !new_s.find_prompt(state.open_prompt)) {
    PromptState& p = state.prompts[state.open_prompt];
    p.open = false;
    p.closed_at = at;
    state.open_prompt.clear();
  }
  return true;
}

}  // namespace detail
}  // namespace facilita
