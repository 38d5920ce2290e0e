// Diagnostics in the GCC style so editors can jump to them:
//   FILE:LINE:COL: error: MESSAGE
//   FILE:LINE:COL: note: HINT
// The prefixes ("error:", "warning:", "note:") stay in English in every
// language; the text after them is rendered from the message tables.
#pragma once
#include <string>
#include <vector>

#include "core/messages.hpp"

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
  Msg text;                     // key + arguments, rendered per language
  std::vector<Msg> note_texts;  // the notes, likewise
  std::vector<NotePos> note_pos;  // optional, parallel to the notes
  // The English rendering of text and note_texts (logs, tests, the engine's words).
  std::string message;
  std::vector<std::string> notes;
};

Diagnostic make_diagnostic(Severity severity, int line, int col, Msg text, std::vector<Msg> notes = {},
                           std::vector<NotePos> note_pos = {});

std::string format_diagnostic(const std::string& file, const Diagnostic& d, Lang lang);
std::string diagnostic_message(const Diagnostic& d, Lang lang);
std::vector<std::string> diagnostic_notes(const Diagnostic& d, Lang lang);
bool has_errors(const std::vector<Diagnostic>& diagnostics);

}  // namespace facilita
