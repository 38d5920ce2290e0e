#include "core/diagnostic.hpp"

namespace facilita {

std::string format_diagnostic(const std::string& file, const Diagnostic& d) {
  std::string where = file;
  // Appended piece by piece: `"literal" + std::string` trips GCC 12's -Wrestrict
  // false positive at -O2 (GCC bug 105329).
  if (d.line > 0) where.append(":").append(std::to_string(d.line)).append(":").append(std::to_string(d.col > 0 ? d.col : 1));
  std::string out = where + ": " + (d.severity == Severity::Error ? "error: " : "warning: ") + d.message + "\n";
  for (std::size_t i = 0; i < d.notes.size(); ++i) {
    std::string at = where;
    if (i < d.note_pos.size() && d.note_pos[i].line > 0)
      at = std::string(file).append(":").append(std::to_string(d.note_pos[i].line)).append(":").append(
          std::to_string(d.note_pos[i].col > 0 ? d.note_pos[i].col : 1));
    out += at + ": note: " + d.notes[i] + "\n";
  }
  return out;
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics)
    if (d.severity == Severity::Error) return true;
  return false;
}

}  // namespace facilita
