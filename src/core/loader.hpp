// Loads a session from YAML text: safety guard, structure and types, then
// the cross-field rules (timing arithmetic, ids, objectives, answers).
// Every problem found is reported in one pass; the session is returned only
// when there are no errors (warnings allowed).
#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/session.hpp"

namespace facilita {

struct LoadResult {
  std::optional<Session> session;
  std::vector<Diagnostic> diagnostics;
  // What was parsed even when there are errors (the author view's timing and
  // coverage of a file being edited); never delivered. Null when not a YAML map.
  std::optional<Session> draft;
  bool ok() const { return session.has_value(); }
};

LoadResult load_session(std::string_view yaml_text);

// Cross-field rules on a structurally valid session (part of load_session).
void validate_session(const Session& session, std::vector<Diagnostic>& out);

// Closest candidate within a small edit distance, for "did you mean".
std::string closest_match(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace facilita
