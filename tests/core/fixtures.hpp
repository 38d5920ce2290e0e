// Shared test helpers: the real module, hand-made sessions and a "room" that
// drives decide/apply with a fake clock and keeps the journal for replays.
#pragma once
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/engine.hpp"
#include "core/loader.hpp"

namespace facilita::test {

inline constexpr Millis kT0 = 1'700'000'000'000;  // an arbitrary wall-clock start
inline constexpr Millis kSec = 1000;
inline constexpr Millis kMin = 60 * kSec;

inline Session load_file(const std::string& relative) {
  std::ifstream in(std::string(FACILITA_SOURCE_DIR) + "/" + relative, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot read " << relative);
  std::stringstream text;
  text << in.rdbuf();
  LoadResult loaded = load_session(text.str());
  REQUIRE_MESSAGE(loaded.ok(), relative << " does not load");
  return *loaded.session;
}

// The 79-minute module, loaded once.
inline const Session& module_session() {
  static const Session session = load_file("sessions/m2-s3-gobierno-abierto.yaml");
  return session;
}

struct SectionSpec {
  int duration_s = 300;
  int min_s = 0;
  int max_s = 0;
  bool fixed = false;
  bool optional = false;
};

// A session of plain sections "s1", "s2"..., with the duration their sum.
inline Session make_session(const std::vector<SectionSpec>& specs, std::vector<Prompt> prompts_in_first = {}) {
  Session session;
  session.id = "test";
  session.title = "Test";
  for (std::size_t i = 0; i < specs.size(); ++i) {
    Section section;
    section.id = "s" + std::to_string(i + 1);
    section.title = "Section " + std::to_string(i + 1);
    section.duration_s = specs[i].duration_s;
    section.min_s = specs[i].min_s;
    section.max_s = specs[i].max_s;
    section.fixed = specs[i].fixed;
    section.optional = specs[i].optional;
    session.duration_s += specs[i].duration_s;
    session.sections.push_back(section);
  }
  if (!session.sections.empty()) session.sections[0].prompts = std::move(prompts_in_first);
  return session;
}

inline Prompt make_prompt(std::string id, PromptKind kind, std::vector<std::string> options = {},
                          std::vector<std::string> correct = {}) {
  Prompt p;
  p.id = std::move(id);
  p.kind = kind;
  p.text = "?";
  p.options = std::move(options);
  p.correct = std::move(correct);
  return p;
}

// One delivery: a session, its live state, a fake clock and the journal.
struct Room {
  explicit Room(const Session& s) : session(s), state(initial_state(s)) {}

  const Session& session;
  State state;
  Millis now = kT0;
  std::vector<Event> journal;
  Decision last;

  Decision run(const Command& command) {
    last = decide(session, state, command, now);
    const Millis stamp = std::max(now, state.last_event_at);  // the journal never goes back in time
    for (const auto& event : last.events) {
      CHECK(event.at == stamp);
      apply(session, state, event);
      journal.push_back(event);
    }
    return last;
  }
  // Runs a command that must be accepted.
  void ok(const Command& command) {
    run(command);
    REQUIRE_MESSAGE(!last.rejected, "rejected: " << last.rejected->code << ": " << last.rejected->message);
  }
  // Runs a command and returns its rejection code ("" when accepted).
  std::string code(const Command& command) {
    run(command);
    return last.rejected ? last.rejected->code : std::string{};
  }
  void wait_s(double seconds) { now += static_cast<Millis>(seconds * 1000); }
  void wait_ms(Millis ms) { now += ms; }
  Timing timing() const { return derive(session, state, now); }

  State replayed() const {
    State fresh = initial_state(session);
    for (const auto& event : journal) apply(session, fresh, event);
    return fresh;
  }
  void join(const std::string& id, const std::string& name) { ok(cmd::Join{id, name}); }
};

}  // namespace facilita::test
