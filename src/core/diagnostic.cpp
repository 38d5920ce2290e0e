#include "core/diagnostic.hpp"

namespace facilita {

Diagnostic make_diagnostic(Severity severity, int line, int col, Msg text, std::vector<Msg> notes,
                           std::vector<NotePos> note_pos) {
  Diagnostic d{severity, line, col, std::move(text), std::move(notes), std::move(note_pos), {}, {}};
  d.message = diagnostic_message(d, Lang::En);
  d.notes = diagnostic_notes(d, Lang::En);
  return d;
}

std::string diagnostic_message(const Diagnostic& d, Lang lang) { return render(d.text, lang); }

std::vector<std::string> diagnostic_notes(const Diagnostic& d, Lang lang) {
  std::vector<std::string> out;
  for (const Msg& note : d.note_texts) out.push_back(render(note, lang));
  return out;
}

std::string format_diagnostic(const std::string& file, const Diagnostic& d, Lang lang) {
  std::string where = file;
  // Appended piece by piece: `"literal" + std::string` trips GCC 12's -Wrestrict
  // false positive at -O2 (GCC bug 105329).
  if (d.line > 0) where.append(":").append(std::to_string(d.line)).append(":").append(std::to_string(d.col > 0 ? d.col : 1));
  std::string out = where + ": " + (d.severity == Severity::Error ? "error: " : "warning: ") + diagnostic_message(d, lang) + "\n";
  const auto notes = diagnostic_notes(d, lang);
  for (std::size_t i = 0; i < notes.size(); ++i) {
    std::string at = where;
    if (i < d.note_pos.size() && d.note_pos[i].line > 0)
      at = std::string(file).append(":").append(std::to_string(d.note_pos[i].line)).append(":").append(
          std::to_string(d.note_pos[i].col > 0 ? d.note_pos[i].col : 1));
    out += at + ": note: " + notes[i] + "\n";
  }
  return out;
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics)
    if (d.severity == Severity::Error) return true;
  return false;
}

}  // namespace facilita
