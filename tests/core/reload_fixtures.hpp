// Hot-reload test helpers: the module's YAML edited in memory the way an
// author would, and a delivery whose session can change on the way, with a
// journal that replays through the same apply_with_reload the live loop uses.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "core/event_json.hpp"
#include "core/session_diff.hpp"
#include "core/session_json.hpp"
#include "core/session_reload.hpp"
#include "fixtures.hpp"

namespace facilita::test {

inline const std::string& module_text() {
  static const std::string text = [] {
    std::ifstream in(std::string(FACILITA_SOURCE_DIR) + "/sessions/m2-s3-gobierno-abierto.yaml", std::ios::binary);
    std::stringstream all;
    all << in.rdbuf();
    return all.str();
  }();
  return text;
}

inline Session load_text(const std::string& text) {
  LoadResult loaded = load_session(text);
  REQUIRE_MESSAGE(loaded.ok(), "edited text does not load: "
                                   << (loaded.diagnostics.empty() ? std::string("?")
                                                                  : format_diagnostic("edit", loaded.diagnostics[0], Lang::En)));
  return *loaded.session;
}

// The first `from` after the first `anchor`, replaced by `to`.
inline std::string edit(std::string text, std::string_view anchor, std::string_view from, std::string_view to) {
  const auto at = text.find(anchor);
  REQUIRE_MESSAGE(at != std::string::npos, "no anchor " << anchor);
  const auto pos = text.find(from, at);
  REQUIRE_MESSAGE(pos != std::string::npos, "no " << from << " after " << anchor);
  return text.replace(pos, from.size(), to);
}

// Where section `id`'s block is in the `sections:` list: [begin, end).
inline std::pair<std::size_t, std::size_t> section_span(const std::string& text, std::string_view id) {
  const auto list = text.find("\nsections:\n");
  REQUIRE(list != std::string::npos);
  const auto begin = text.find("\n  - id: " + std::string(id) + "\n", list);
  REQUIRE_MESSAGE(begin != std::string::npos, "no section " << id);
  const auto next = text.find("\n  - id: ", begin + 1);
  return {begin + 1, next == std::string::npos ? text.size() : next + 1};
}

// The first `from` inside section `id`'s block, replaced by `to`.
inline std::string edit_section(std::string text, std::string_view id, std::string_view from, std::string_view to) {
  auto [begin, end] = section_span(text, id);
  const auto pos = text.find(from, begin);
  REQUIRE_MESSAGE((pos != std::string::npos && pos + from.size() <= end), "no " << from << " in section " << id);
  return text.replace(pos, from.size(), to);
}

inline std::string section_block(const std::string& text, std::string_view id) {
  auto [begin, end] = section_span(text, id);
  return text.substr(begin, end - begin);
}

inline std::string without_section(std::string text, std::string_view id) {
  auto [begin, end] = section_span(text, id);
  return text.erase(begin, end - begin);
}

// `block` (a whole "  - id: ..." section) inserted just before section `before`.
inline std::string with_section_before(std::string text, std::string_view before, const std::string& block) {
  return text.insert(section_span(text, before).first, block);
}

inline std::string moved_before(const std::string& text, std::string_view id, std::string_view before) {
  return with_section_before(without_section(text, id), before, section_block(text, id));
}

// A 4-minute section with a poll of its own, to insert with with_section_before().
inline const std::string kExtraSection =
    "  - id: extra\n"
    "    title: Pausa activa\n"
    "    duration: 4 min\n"
    "    objectives: [agentes]\n"
    "    content: |\n"
    "      # Pausa\n"
    "    prompts:\n"
    "      - id: q-extra\n"
    "        kind: poll\n"
    "        text: ¿Cómo vamos?\n"
    "        options: [Bien, Regular]\n"
    "\n";

// Change messages as one string, so a failed check shows them.
inline std::string listed(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += (out.empty() ? "" : " | ") + line;
  return out;
}

inline bool same(const Session& a, const Session& b) { return to_json(a) == to_json(b); }

inline const Prompt& prompt_of(const Session& s, std::string_view id) {
  const Prompt* p = s.find_prompt(id);
  REQUIRE_MESSAGE(p, "no prompt " << id);
  return *p;
}

// A delivery whose session may be reloaded. Versions are kept by file hash,
// as the journal keeps the file texts; "v0" is the one it started with.
struct Delivery {
  explicit Delivery(const Session& first) : session(first), state(initial_state(first)) { versions["v0"] = first; }

  std::map<std::string, Session> versions;
  Session session;
  State state;
  Millis now = kT0;
  std::vector<Event> journal;
  Decision last;

  SessionLookup lookup() const {
    return [this](std::string_view hash) -> const Session* {
      auto it = versions.find(std::string(hash));
      return it == versions.end() ? nullptr : &it->second;
    };
  }
  void record(const Decision& d) {
    last = d;
    for (const auto& event : d.events) {
      REQUIRE(apply_with_reload(session, state, event, lookup()));
      journal.push_back(event);
    }
  }
  std::string code(const Command& command) {
    record(decide(session, state, command, now));
    return last.rejected ? last.rejected->code : std::string{};
  }
  void ok(const Command& command) { REQUIRE(code(command).empty()); }
  // Accepting `edited` (saved as `hash`): "" when accepted, else the rejection code.
  std::string reload(const Session& edited, const std::string& hash) {
    Decision d = decide_reload(session, edited, state, hash, now);
    if (d.rejected) {
      last = d;
      return d.rejected->code;
    }
    versions[hash] = edited;
    record(d);
    return {};
  }
  void wait_s(double seconds) { now += static_cast<Millis>(seconds * 1000); }
  Timing timing() const { return derive(session, state, now); }

  // Replay: the first version, every journaled event in order, through JSON as persist stores them.
  std::pair<Session, State> replayed() const {
    Session s = versions.at("v0");
    State st = initial_state(s);
    for (const auto& event : journal)
      REQUIRE(apply_with_reload(s, st, event_from_json(nlohmann::json::parse(to_json(event).dump())), lookup()));
    return {s, st};
  }
};

}  // namespace facilita::test
