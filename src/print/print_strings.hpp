// What the printed documents say, in Spanish (default) and English.
#pragma once
#include <string>
#include <string_view>

#include "core/lang.hpp"

namespace facilita::print {

using facilita::Lang;  // one language type for every layer
Lang lang_from(std::string_view code);  // "en" -> En; anything else -> Es

enum class Str {
  PageOf,          // "Página {page} de {pages}"
  GuideTitle,
  HandoutTitle,
  ReportTitle,
  Objective,
  Objectives,
  Plan,
  Start,
  End,
  Duration,
  Section,
  Total,
  TimeWindow,
  Content,
  Steps,
  Notes,
  Prompts,
  Options,
  CorrectMark,     // "(correcta)"
  ScaleRange,      // "Escala de {min} a {max}"
  OpenAnswer,
  Coverage,
  PromptsTied,
  NoObjectives,
  Join,
  JoinHint,
  YourAnswer,
  Optional,
  Fixed,
  KindChoice,
  KindMulti,
  KindScale,
  KindText,
  KindPoll,
  Deliveries,
  PlannedVsActual,
  Planned,
  Actual,
  Skipped,
  Cut,
  Unfinished,
  Delivery,
  Participants,
  Responses,
  Results,
  Mastery,
  NoQuiz,
  NoAnswers,
  Trend,
  TopQuestions,
  Votes,
  NotOpened,
  Ended,
  Running,
  Abandoned,
  AverageOver,     // "media de {n} entregas completas"
  Question,
  CannotRender,    // save(): "cannot render the PDF"
  CannotWrite,
  Count  // keep last
};

// The text of `key`; every key has both languages (tests check the table).
const char* tr(Lang lang, Str key);
// For tests: whether the table row for `key` is present and complete.
bool has_entry(Str key);

}  // namespace facilita::print
