// Test support: drives deliveries through decide -> journal -> apply with a
// fake clock, the way the app's controller does, so tests and tools can build
// realistic journals (tests, crash_child, make_delivery, bench).
#pragma once
#include <string>
#include <vector>

#include "persist/journal_session.hpp"

namespace facilita::sim {

std::string read_text(const std::string& path);
void write_text(const std::string& path, const std::string& bytes);

// A fresh directory under $TMPDIR (or /tmp), removed with everything in it.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};
// The module shipped in sessions/ (FACILITA_SOURCE_DIR must be defined by the build).
std::string module_text();
inline constexpr const char* kModulePath = "sessions/m2-s3-gobierno-abierto.yaml";

// decide -> append (one commit) -> apply, like app/controller.cpp.
class Driver {
 public:
  Driver(Journal& journal, JournalSession js, Millis now);
  // Throws std::runtime_error when the engine rejects the command or the append fails.
  Decision dispatch(const Command& command);
  std::int64_t last_seq() const { return last_seq_; }  // journal seq of the last committed event
  const Session& session() const { return session_; }
  const State& state() const { return state_; }
  JournalSession& journal_session() { return js_; }
  Millis now = 0;

 private:
  JournalSession js_;
  Session session_;
  State state_;
  std::int64_t last_seq_ = 0;
};

struct Fellow {
  std::string id;
  std::string name;
};
// Four fellows whose names need CSV quoting and HTML escaping.
std::vector<Fellow> fellows();

// A value valid for the prompt, varying with `k`.
AnswerValue answer_for(const Prompt& prompt, int k);

struct Script {
  Millis start = 1'700'000'000'000;       // 2023-11-14T22:13:20Z
  std::vector<int> overrun_s;            // per section, added to its planned time (default 0)
  int stop_in_section = -1;              // >= 0: stop (unfinished) after the prompts of this section
};

// Runs one delivery of `session_text` into `journal`: start, joins, every prompt
// opened/answered by every fellow/closed/revealed, sections held for
// planned + overrun, End.
struct Ran {
  std::int64_t delivery = 0;
  State state;  // the live state, as the app would hold it
  Millis now = 0;
};
Ran run_delivery(Journal& journal, const std::string& session_text, const Script& script);

}  // namespace facilita::sim
