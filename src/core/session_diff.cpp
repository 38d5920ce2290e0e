// diff_sessions(): sections are matched by id, prompts by id across the whole
// session (a prompt may move between sections). merged_live is built on the
// running session's section list, so its indices always fit the running State.
#include "core/session_diff.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/duration.hpp"

namespace facilita {
namespace {

// Appended, not `"'" + std::string`: GCC 12's -Wrestrict false positive (bug 105329).
std::string q(std::string_view id) { return std::string("'").append(id).append("'"); }

std::string clock_or_default(int seconds) { return seconds ? format_clock(seconds) : "default"; }

bool same_scale(const std::optional<ScaleSpec>& a, const std::optional<ScaleSpec>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a || (a->min == b->min && a->max == b->max && a->labels == b->labels);
}

// What answers are checked and counted against; "" when none of it changed.
std::string definition_changes(const Prompt& a, const Prompt& b) {
  std::vector<std::string> what;
  if (a.kind != b.kind) what.push_back("kind");
  if (a.options != b.options) what.push_back("options");
  if (a.correct != b.correct) what.push_back("correct answer");
  if (!same_scale(a.scale, b.scale)) what.push_back("scale");
  std::string text;
  for (const auto& w : what) text += (text.empty() ? "" : ", ") + w;
  return text;
}

bool same_prompt(const Prompt& a, const Prompt& b) {
  return definition_changes(a, b).empty() && a.text == b.text && a.time_s == b.time_s;
}

bool same_objectives(const std::vector<Objective>& a, const std::vector<Objective>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const Objective& x, const Objective& y) { return x.id == y.id && x.text == y.text; });
}

// Steps time a section's activity: a change waits for acceptance like its duration.
bool same_steps(const std::vector<Step>& a, const std::vector<Step>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Step& x, const Step& y) {
    return x.id == y.id && x.title == y.title && x.duration_s == y.duration_s && x.text == y.text;
  });
}

// Where one prompt id sits in each version (section index), if anywhere.
struct PromptHome {
  int running = -1;
  int edited = -1;
  const Prompt* in_running = nullptr;
  const Prompt* in_edited = nullptr;
};

class Differ {
 public:
  Differ(const Session& running, const Session& edited, const State& state)
      : running_(running), edited_(edited), state_(state) {
    for (const auto& s : running.sections) edited_of_running_.push_back(edited.find_section(s.id));
    for (const auto& s : edited.sections) running_of_edited_.push_back(running.find_section(s.id));
  }

  ReloadDiff run() {
    out_.merged_live = running_;
    if (running_.id != edited_.id) {
      out_.foreign = true;
      accept("session id changed: " + q(running_.id) + " → " + q(edited_.id));
    } else {
      session_fields();
      sections();
      prompts();
      build_prompt_lists();
      keep_referenced_objectives();
    }
    out_.identical = out_.live_changes.empty() && out_.needs_acceptance.empty();
    return std::move(out_);
  }

 private:
  void live(std::string text) { out_.live_changes.push_back(std::move(text)); }
  void accept(std::string text) { out_.needs_acceptance.push_back(std::move(text)); }

  bool opened(const std::string& id) const {
    auto it = state_.prompts.find(id);
    // was_opened is per round; a later round means it was asked before.
    return state_.open_prompt == id ||
           (it != state_.prompts.end() && (it->second.was_opened || it->second.open || it->second.round > 1));
  }

  void session_fields() {
    Session& m = out_.merged_live;
    if (running_.duration_s != edited_.duration_s)
      accept("session duration: " + format_clock(running_.duration_s) + " → " + format_clock(edited_.duration_s));
    if (running_.title != edited_.title) live("session title");
    if (running_.objective != edited_.objective) live("session objective");
    if (running_.language != edited_.language)
      live("session language: " + running_.language + " → " + edited_.language);
    if (!same_objectives(running_.objectives, edited_.objectives)) live("session objectives");
    m.title = edited_.title;
    m.objective = edited_.objective;
    m.language = edited_.language;
    m.objectives = edited_.objectives;
  }

  // Timing fields wait for acceptance (min and max only make sense next to
  // the duration they bound); the rest of a section is live.
  void section_fields(const Section& r, const Section& e, Section& m) {
    const std::string id = q(r.id);
    if (r.duration_s != e.duration_s)
      accept("duration of " + id + ": " + format_clock(r.duration_s) + " → " + format_clock(e.duration_s));
    if (r.min_s != e.min_s)
      accept("min of " + id + ": " + clock_or_default(r.min_s) + " → " + clock_or_default(e.min_s));
    if (r.max_s != e.max_s)
      accept("max of " + id + ": " + clock_or_default(r.max_s) + " → " + clock_or_default(e.max_s));
    if (r.fixed != e.fixed) accept("section " + id + (e.fixed ? " is now fixed" : " is no longer fixed"));
    if (r.optional != e.optional)
      accept("section " + id + (e.optional ? " is now optional" : " is no longer optional"));
    if (!same_steps(r.steps, e.steps)) accept("steps of " + id);
    if (r.title != e.title) live("title of " + id);
    if (r.content != e.content) live("content of " + id);
    if (r.notes != e.notes) live("notes of " + id);
    if (r.objectives != e.objectives) live("objectives of " + id);
    m.title = e.title;
    m.content = e.content;
    m.notes = e.notes;
    m.objectives = e.objectives;
    m.pos = e.pos;
  }

  void sections() {
    for (std::size_t j = 0; j < edited_.sections.size(); ++j) {
      const int i = running_of_edited_[j];
      if (i < 0)
        accept("section " + q(edited_.sections[j].id) + " added");
      else
        section_fields(running_.sections[i], edited_.sections[j], out_.merged_live.sections[i]);
    }
    std::vector<std::string> kept_running, kept_edited;
    for (std::size_t i = 0; i < running_.sections.size(); ++i) {
      if (edited_of_running_[i] < 0)
        accept("section " + q(running_.sections[i].id) + " removed");
      else
        kept_running.push_back(running_.sections[i].id);
    }
    for (std::size_t j = 0; j < edited_.sections.size(); ++j)
      if (running_of_edited_[j] >= 0) kept_edited.push_back(edited_.sections[j].id);
    if (kept_running != kept_edited) accept("sections reordered");
  }

  void prompts() {
    std::map<std::string, PromptHome> homes;
    for (std::size_t i = 0; i < running_.sections.size(); ++i)
      for (const auto& p : running_.sections[i].prompts) {
        homes[p.id].running = static_cast<int>(i);
        homes[p.id].in_running = &p;
      }
    for (std::size_t j = 0; j < edited_.sections.size(); ++j)
      for (const auto& p : edited_.sections[j].prompts) {
        homes[p.id].edited = static_cast<int>(j);
        homes[p.id].in_edited = &p;
      }
    // Authoring order for the messages: the edited file first, then what it dropped.
    for (const auto& section : edited_.sections)
      for (const auto& p : section.prompts) prompt(p.id, homes[p.id]);
    for (const auto& section : running_.sections)
      for (const auto& p : section.prompts)
        if (!homes[p.id].in_edited) prompt(p.id, homes[p.id]);
  }

  void prompt(const std::string& id, const PromptHome& h) {
    if (h.in_running && h.in_edited) return prompt_in_both(id, h);
    if (h.in_edited) {  // a new id: live where its section already runs, else it comes with its section
      if (const int dest = running_of_edited_[h.edited]; dest >= 0) {
        live("prompt " + q(id) + " added to " + q(edited_.sections[h.edited].id));
        place(id, dest, *h.in_edited);
      }
      return;
    }
    if (opened(id)) {
      accept("prompt " + q(id) + " already opened: removed (its answers are kept)");
      place(id, h.running, *h.in_running);
    } else if (edited_of_running_[h.running] >= 0) {
      live("prompt " + q(id) + " removed (not opened yet)");
    } else {
      place(id, h.running, *h.in_running);  // leaves with its section, when that is accepted
    }
  }

  void prompt_in_both(const std::string& id, const PromptHome& h) {
    const Prompt& r = *h.in_running;
    const Prompt& e = *h.in_edited;
    const std::string& from = running_.sections[h.running].id;
    const std::string& to = edited_.sections[h.edited].id;
    const int dest = running_of_edited_[h.edited];
    if (opened(id)) {
      // Answers were given to this definition: only the wording and the time are live.
      Prompt kept = r;
      kept.text = e.text;
      kept.time_s = e.time_s;
      if (r.text != e.text) live("text of prompt " + q(id) + " (already opened)");
      if (r.time_s != e.time_s) live("answer time of prompt " + q(id) + " (already opened)");
      if (auto what = definition_changes(r, e); !what.empty())
        accept("prompt " + q(id) + " already opened: " + what + " changed");
      if (from != to) accept("prompt " + q(id) + " already opened: moved from " + q(from) + " to " + q(to));
      place(id, h.running, kept);
    } else if (dest >= 0) {
      if (from != to)
        live("prompt " + q(id) + " moved to " + q(to) + " (not opened yet)");
      else if (!same_prompt(r, e))
        live("prompt " + q(id) + " (not opened yet)");
      place(id, dest, e);
    } else {
      if (!same_prompt(r, e)) live("prompt " + q(id) + " (not opened yet)");
      accept("prompt " + q(id) + " (not opened yet) moves to new section " + q(to));
      place(id, h.running, e);
    }
  }

  void place(const std::string& id, int section, const Prompt& version) {
    placed_.insert_or_assign(id, std::pair<int, Prompt>{section, version});
  }

  // Each merged section lists its prompts in the edited order, then the ones
  // kept back from the edit (opened, or leaving with a removed section) at
  // their running position.
  void build_prompt_lists() {
    for (std::size_t i = 0; i < running_.sections.size(); ++i) {
      const int here = static_cast<int>(i);
      std::vector<Prompt> list;
      std::set<std::string> listed;
      if (const int j = edited_of_running_[i]; j >= 0)
        for (const auto& p : edited_.sections[j].prompts)
          if (auto it = placed_.find(p.id); it != placed_.end() && it->second.first == here) {
            list.push_back(it->second.second);
            listed.insert(p.id);
          }
      const auto& old = running_.sections[i].prompts;
      for (std::size_t k = 0; k < old.size(); ++k) {
        auto it = placed_.find(old[k].id);
        if (it == placed_.end() || it->second.first != here || listed.count(old[k].id)) continue;
        list.insert(list.begin() + static_cast<std::ptrdiff_t>(std::min(k, list.size())), it->second.second);
        listed.insert(old[k].id);
      }
      out_.merged_live.sections[i].prompts = std::move(list);
    }
  }

  // Sections whose removal awaits acceptance may name objectives the edit dropped.
  void keep_referenced_objectives() {
    Session& m = out_.merged_live;
    auto known = [&](const std::string& id) {
      return std::any_of(m.objectives.begin(), m.objectives.end(), [&](const Objective& o) { return o.id == id; });
    };
    for (const auto& section : m.sections)
      for (const auto& ref : section.objectives)
        if (!known(ref))
          for (const auto& o : running_.objectives)
            if (o.id == ref) m.objectives.push_back(o);
  }

  const Session& running_;
  const Session& edited_;
  const State& state_;
  std::vector<int> edited_of_running_;  // per running section: its index in the edit, -1 = removed
  std::vector<int> running_of_edited_;  // per edited section: its index in the running session, -1 = added
  std::map<std::string, std::pair<int, Prompt>> placed_;  // prompt id -> running section index, version
  ReloadDiff out_;
};

}  // namespace

ReloadDiff diff_sessions(const Session& running, const Session& edited, const State& state) {
  return Differ(running, edited, state).run();
}

}  // namespace facilita
