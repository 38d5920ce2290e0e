#include "core/snapshot_admin.hpp"

#include <algorithm>

#include "core/projection.hpp"
#include "core/snapshot.hpp"
#include "core/tally.hpp"

namespace facilita {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxListed = 300;  // names and texts in one admin state: keeps it bounded

// The forecast end if the plan were accepted: derive() on a copy of the agenda
// with the Rebalanced event applied (the answers are not needed for timing).
Millis forecast_after(const Session& session, const State& state, const RebalancePlan& plan, Millis now) {
  State after;
  after.agenda = state.agenda;
  after.last_event_at = state.last_event_at;
  after.break_until = state.break_until;
  after.break_since = state.break_since;
  apply(session, after, Event{std::max(now, state.last_event_at), ev::Rebalanced{plan.new_s, plan.cut}});
  return derive(session, after, now).forecast_end;
}

std::string name_of(const State& state, const std::string& id) {
  auto it = state.participants.find(id);
  return it == state.participants.end() ? id : it->second.name;
}

}  // namespace

json rebalance_json(const Session& session, const State& state, const Timing& timing, Millis now) {
  const AgendaState& a = state.agenda;
  if (!a.started || a.ended || a.planned_s.size() != session.sections.size()) return nullptr;
  const RebalancePlan plan = propose_rebalance(session, state, now);
  json sections = json::array();
  for (std::size_t i = 0; i < session.sections.size() && i < plan.new_s.size() && i < plan.old_s.size(); ++i) {
    if (i < timing.sections.size() && timing.sections[i].status == SectionStatus::Done) continue;
    const Section& sec = session.sections[i];
    const bool cut = std::find(plan.cut.begin(), plan.cut.end(), static_cast<int>(i)) != plan.cut.end();
    sections.push_back({{"index", i},
                        {"id", sec.id},
                        {"title", sec.title},
                        {"min_s", sec.effective_min_s()},
                        {"max_s", sec.effective_max_s()},
                        {"fixed", sec.fixed},
                        {"locked", i < a.locked.size() && a.locked[i]},
                        {"old_s", plan.old_s[i]},
                        {"new_s", plan.new_s[i]},
                        {"cut", cut}});
  }
  return {{"changes", plan.changes()},
          {"sections", std::move(sections)},
          {"durations_s", plan.new_s},
          {"cut", plan.cut},
          {"overrun_s", plan.overrun_s},
          {"planned_end", timing.planned_end},
          {"forecast_end_before", timing.forecast_end},
          {"forecast_end_after", plan.changes() ? forecast_after(session, state, plan, now) : timing.forecast_end}};
}

void add_admin_live(json& admin, const Session& session, const State& state, const Timing& timing, Millis now) {
  // "content" / "results" while a prompt is open or revealed here; null: the content, nothing to switch.
  admin["projector"] = results_prompt(session, state) ? json(to_string(state.projector_content ? ProjectorView::Content
                                                                                                : ProjectorView::Results))
                                                      : json(nullptr);
  admin["end_drift_s"] = timing.end_drift_s;
  admin["rebalance"] = rebalance_json(session, state, timing, now);
  // Who has not answered and, for a text prompt, every answer with its hidden
  // flag (hide / unhide address them by participant).
  json missing = json::array(), texts = json::array();
  if (const Prompt* p = displayed_prompt(session, state)) {
    auto ps = state.prompts.find(p->id);
    if (ps != state.prompts.end() && ps->second.was_opened) {
      const Tally t = tally(session, state, p->id);
      for (const auto& id : t.not_answered) {
        if (missing.size() >= kMaxListed) break;
        missing.push_back(name_of(state, id));
      }
      for (const TextAnswer& answer : t.texts) {
        if (texts.size() >= kMaxListed) break;
        texts.push_back({{"participant", answer.participant},
                         {"name", answer.name},
                         {"text", answer.text},
                         {"hidden", answer.hidden}});
      }
    }
  }
  admin["missing"] = std::move(missing);
  admin["texts"] = std::move(texts);
}

}  // namespace facilita
