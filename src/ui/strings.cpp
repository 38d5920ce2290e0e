#include "ui/strings.hpp"

#include "ui/strings_table.hpp"

namespace facilita::ui {

const char* tr(Lang lang, S key) {
  return text_of(lang == Lang::En ? english_strings() : spanish_strings(), key);
}

const char* rejection_text(Lang lang, std::string_view code) {
  struct Row {
    std::string_view code;
    S text;
  };
  static constexpr Row kRows[] = {
      {"not-started", S::RejectNotStarted}, {"ended", S::RejectEnded},
      {"prompt-revealed", S::RejectPromptRevealed}, {"prompt-open", S::RejectPromptOpen},
      {"last-section", S::RejectLastSection}, {"first-section", S::RejectFirstSection},
      {"no-undo", S::RejectNoUndo}, {"too-short", S::RejectTooShort},
      {"section-cut", S::RejectSectionCut},
      {"no-steps", S::RejectNoSteps}, {"last-step", S::RejectLastStep}, {"first-step", S::RejectFirstStep},
      {"bad-text", S::RejectBadText}, {"bad-time", S::RejectBadTime}, {"on-break", S::RejectOnBreak},
      {"question-hidden", S::RejectQuestionHidden}, {"no-results", S::RejectNoResults},
  };
  for (const Row& row : kRows)
    if (row.code == code) return tr(lang, row.text);
  return nullptr;
}

}  // namespace facilita::ui
