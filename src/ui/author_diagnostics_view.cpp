// The author view's error and warning list: "error 12:5  message"; a click
// copies FILE:LINE:COL to the clipboard (editors and terminals jump there).
#include <cstdio>
#include <string>

#include "ui/author_views.hpp"
#include "ui/theme.hpp"

namespace facilita::ui {

void draw_author_diagnostics(AuthorState& author, UiState& ui) {
  ImGui::TextDisabled("%s", ui.t(S::AuthorCopyHint));
  if (!author.copied.empty()) {
    char line[600];
    std::snprintf(line, sizeof line, ui.t(S::AuthorCopied), author.copied.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("  ·  %s", line);
  }
  int row = 0;
  for (const Diagnostic& d : author.diagnostics) {
    const bool error = d.severity == Severity::Error;
    std::string where = std::to_string(d.line) + ":" + std::to_string(d.col);
    std::string text = std::string(ui.t(error ? S::Error : S::Warning)) + "  " + where + "  " + diagnostic_message(d, ui.lang);
    for (const std::string& note : diagnostic_notes(d, ui.lang)) text += "  — " + note;
    ImGui::PushID(row++);
    ImGui::PushStyleColor(ImGuiCol_Text, error ? theme::kOvertime : theme::kWrapUp);
    if (ImGui::Selectable(text.c_str(), false)) {
      author.copied = author.path + ":" + where;
      ImGui::SetClipboardText(author.copied.c_str());
    }
    ImGui::PopStyleColor();
    ImGui::PopID();
  }
}

}  // namespace facilita::ui
