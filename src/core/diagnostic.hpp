// Diagnostics in the GCC style so editors can jump to them:
//   FILE:LINE:COL: error: MESSAGE
//   FILE:LINE:COL: note: HINT
#pragma once
#include <string>
#include <vector>

namespace facilita {

enum class Severity { Error, Warning };

// Where a note points when it is not the diagnostic's own place (the first
// occurrence of a duplicate id). Line 0 = at the diagnostic.
struct NotePos {
  int line = 0;
  int col = 0;
};

struct Diagnostic {
  Severity severity = Severity::Error;
  int line = 0;  // 0 = the file as a whole
  int col = 0;
  std::string message;
  std::vector<std::string> notes;
  std::vector<NotePos> note_pos;  // optional, parallel to notes
};

std::string format_diagnostic(const std::string& file, const Diagnostic& d);
bool has_errors(const std::vector<Diagnostic>& diagnostics);

}  // namespace facilita
