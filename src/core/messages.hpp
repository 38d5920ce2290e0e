// Validator messages as keys + arguments, rendered in Spanish or English from
// one table per language (messages_es.cpp, messages_en.cpp). Placeholders are
// {0}, {1}…; both tables use the same ones for a key. A table that misses a key,
// or repeats one, fails to compile.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/keyed_table.hpp"
#include "core/lang.hpp"

namespace facilita {

enum class M {
  Literal,  // {0} as given (text that is not ours, e.g. an I/O error)
  // nouns used inside other messages ("in section", "en la sección")
  NounSession, NounSection, NounStep, NounPrompt, NounObjective, NounQuestions, NounScale,
  NounASection, NounAStep, NounAPrompt, NounAnObjective, NounQuestionsMap, NounScaleMap,
  // file safety (yaml_guard)
  NestingDeeper, NoteFlattenFew, NoteFlatten, TabIndent, NoteTabSpaces, AliasNotAllowed, AnchorNotAllowed,
  NoteWriteOut, TextTooLong, NoteSplitUp, DuplicateKey, NoteKeyOnce, KeysPlainText, NoteKeyWord, FileTooLarge,
  NoteSmallFiles, FileEmpty, NoteSessionStarts, InvalidUtf8, NoteSaveUtf8, NulByte, NoteNotText,
  MultipleDocuments, NoteOneSession, YamlSyntax, NoteStraightQuotes, NoteIndentMatch, NoteQuoteColon,
  NoteCloseFlow,
  // yaml-cpp's own syntax messages, translated (yaml_syntax_error)
  YamlEndOfMap, YamlEndOfMapFlow, YamlEndOfSeq, YamlEndOfSeqFlow, YamlUnknownToken, YamlDocInScalar,
  YamlEofInScalar, YamlCharInScalar, YamlTabIndent, YamlFlowEnd, YamlBlockEntry, YamlMapKey, YamlMapValue,
  YamlBadEscape, YamlBadHex, YamlBadUnicode, YamlCharInBlock, YamlZeroIndent, YamlSingleQuotedChar,
  // structure and types (loader)
  TopLevelMap, LanguageValue, NoSections, MustBeMap, UnknownKey, NoteDidYouMean, NoteAllowedKeys, NoteFlowComma,
  MustBeTextNotMap, MustBeTextNotList, MustBeTextNotNull, MissingKeyIn, NotEmpty, CurlyWrapped, NoteCurlyQuotes,
  InvalidId, NoteIdChars, MustBeBool, MissingDurationKey, MustBeDuration, BadDuration, MustBeList, MissingKey,
  MustBeItemList, ManyBullets, NoteFewerBullets, UnknownKind, NoteKinds, TakesNoOptions, OptionsEmpty,
  NoteTwoOptions, OptionsNeedTwo, EmptyOption, OptionCurly, DuplicateOption, NeedsOptions, ObjectivesEmptyList,
  NoteLeaveOutObjectives, ScaleOnlyForScale, ScaleNeeded, NoteAddScale, ChoiceOneCorrect, NoteUseMulti,
  CorrectEmpty, NoCorrectAnswer, CorrectCurly, CorrectNotAmong, NoteCopyCorrect, ScaleWhole, ScaleMinBelowMax,
  ScaleTooWide,
  // cross-field rules (validate)
  SumMismatch, NoteSumArithmetic, NoteSumRemove, NoteSumAdd, MinAbove, MaxBelow, NoteMinMax, FixedIgnoresBounds,
  FixedAndOptional, DuplicateSectionId, DuplicatePromptId, DuplicateObjectiveId, DuplicateStepId, NoteFirstDefined,
  StepsOver, NoteStepsArithmetic, NoteStepsRemove, StepsUnder, NoteStepsOutside, PromptObjectiveTwice,
  NoteListOnce, PromptObjectiveUndefined, NotePromptObjectives, PromptTimeLong, SectionObjectiveUndefined,
  NoteAddObjective, ObjectiveNotCovered, NoteListUnderSection,
  // durations
  DurMalformedClock, DurTooManyParts, DurTwoDigits, DurUnexpectedChar, DurSecondsBelow60, DurMinSecBelow60,
  DurEmpty, DurPositive, NoteRemoveMinus, DurExpectedNumber, DurNumberTooLarge, DurFractions, NoteWholeUnits,
  DurMissingUnit, NoteAddUnit, DurUnknownUnit, NoteUnits, DurUnitOrder, NoteUnitOrder, DurOver24h, DurZero,
  NoteDurationHint,
  Count
};

struct Msg;
// An argument: plain text, or a message of its own (a noun, a nested reason).
struct MsgArg {
  std::string text;
  std::vector<Msg> nested;  // one element when the argument is a message
  // Implicit on purpose; defined below Msg, where std::vector<Msg> may be destroyed
  // (Clang needs Msg complete for that, even in a constructor's cleanup path).
  MsgArg(std::string t);  // NOLINT
  MsgArg(const char* t);  // NOLINT
  MsgArg(M key);          // NOLINT
  MsgArg(Msg msg);        // NOLINT
};

struct Msg {
  M key = M::Literal;
  std::vector<MsgArg> args;
  bool empty() const { return key == M::Literal && (args.empty() || args[0].text.empty()); }
};

inline MsgArg::MsgArg(std::string t) : text(std::move(t)) {}
inline MsgArg::MsgArg(const char* t) : text(t) {}
inline MsgArg::MsgArg(M key) : nested{Msg{key, {}}} {}
inline MsgArg::MsgArg(Msg m) : nested{std::move(m)} {}

template <typename... A>
Msg msg(M key, A&&... args) {
  return Msg{key, {MsgArg(std::forward<A>(args))...}};
}
inline Msg literal(std::string text) { return Msg{M::Literal, {MsgArg(std::move(text))}}; }

// The raw table text of a key, with its {N} placeholders.
const char* message_text(Lang lang, M key);
// The message with its arguments in place.
std::string render(const Msg& m, Lang lang);

using MessageEntry = KeyedText<M>;

}  // namespace facilita
