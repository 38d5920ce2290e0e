// Every string the console and projector show, one table per language
// (strings_es.cpp, strings_en.cpp). Views ask for text by key; a table that
// misses a key, or repeats one, fails to compile.
#pragma once
#include <optional>
#include <string_view>

#include "core/keyed_table.hpp"
#include "core/lang.hpp"

namespace facilita::ui {

using facilita::Lang;       // core/lang.hpp: the same two languages as the CLI and validator
using facilita::lang_from;  // "es", "en"; nullopt otherwise

enum class S {
  // windows
  ConsoleTitle, ProjectorTitle,
  // agenda
  Agenda, ColStart, ColSection, ColPlanned, ColActual, CutMark, OptionalMark,
  // clock and phases
  PhaseNormal, PhaseWrapUp, PhaseOvertime, NotStarted, Paused, Ended,
  NextSection, LastSection, Section,
  // status bar
  Drift, DriftOnTime, ForecastEnd, PlannedEnd, Progress, Roster, Elapsed,
  // controls
  Start, Pause, Resume, Previous, Next, MinusMinute, PlusMinute, Rebalance, Undo, Blackout, Freeze,
  EndSession, Projector, Keys, OutageAsPause,
  // notes
  Notes, NoNotes,
  // prompts
  Prompts, NoPrompts, OpenPrompt, ClosePrompt, RevealPrompt, NewRound, PromptIdle, PromptOpen, PromptClosed,
  PromptRevealed, Responses, NotAnswered, EveryoneAnswered, NobodyJoined, Correct, Mean, TextAnswers,
  HiddenAnswer, HideAnswer, Results, AnswersOf, AnswerInBrowser, PromptKindChoice, PromptKindMulti,
  PromptKindScale, PromptKindText, PromptKindPoll,
  // rebalance preview
  RebalanceTitle, RebalanceOld, RebalanceNew, RebalanceCut, RebalanceNoChange, RebalanceStillOver,
  Accept, Cancel,
  // end of delivery
  ConfirmEndTitle, ConfirmEndBody, ConfirmEndYes,
  // keys overlay
  KeysTitle, KeyStartPause, KeyNext, KeyPrevious, KeyAdjust, KeyRebalance, KeyBlackout, KeyFreeze,
  KeyOpenPrompt, KeyClosePrompt, KeyReveal, KeyUndo, KeyHelp, KeyProjector, KeyFullscreen,
  KeyContentPage, ContentPage,
  KeysClose,
  // join area
  JoinAt, JoinPending, ShowRemote, HideRemote, RemoteHint,
  // projector indicators on the console
  ProjectorBlackedOut, ProjectorFrozen, ProjectorPane,
  // engine rejections and storage
  Rejected, StorageFailed, StorageBanner, StorageFrom, StorageSourceStart, StorageSourceKey, StorageSourceRemote,
  StorageSourceFellow, StorageSourceTimer, StorageSourceHeartbeat, RejectNotStarted, RejectEnded, RejectPromptRevealed, RejectPromptOpen, RejectLastSection, RejectFirstSection,
  RejectNoUndo, RejectTooShort, RejectSectionCut,
  // screenshots
  DemoData,
  // hot reload (console)
  ReloadErrors, ReloadPending, ReloadLive, ReloadNeedsAccept, ReloadAccept, ReloadDismiss, ReloadForeign,
  ReloadApplied, ReloadRefused, ReloadCurrentRemoved, KeyAcceptReload,
  // author view (facilita edit)
  AuthorTitle, AuthorValid, AuthorInvalid, AuthorNoValid, AuthorWarnings, AuthorCopyHint, AuthorCopied,
  AuthorTiming, AuthorTotal, AuthorCoverage, AuthorUncovered, AuthorNoObjectives, AuthorPreview,
  AuthorRehearsal, AuthorRehearse, AuthorStop, AuthorSpeed, AuthorWatching, Error, Warning,
  // room-safe single screen and the projector output
  ScreenPresentation, ScreenConsole, ConfirmConsoleTitle, ConfirmConsoleBody, ConfirmConsoleYes, RoomBanner,
  SharedScreenNotice,
  BackToPresentation, ProjectorFullscreen, KeyScreenMode, KeyConsoleFullscreen, ProjectorDocked,
  // cues (chime and flash)
  SoundOn, SoundOff, KeyMute,
  // follower window (`facilita join`)
  FollowerTitle, ConnConnecting, ConnOnline, ConnJoined, ConnRetrying, ConnFailed, ErrNotFacilita, ErrProtocol,
  ErrBadName, ErrRoomFull, ErrBusy, ErrUnreachable, YourName, JoinButton, WaitingServer, FellowPrompt, ChooseOne, ChooseMany, SendAnswer,
  ChangeAnswer, AnswerSending, AnswerReceived, AnswerRejected, PromptIsClosed, PendingAnswers, TimeLeft, YourAnswer,
  SessionEnded,
  // activity steps
  StepOf, NextStep, PreviousStep, KeyStep, RejectNoSteps, RejectLastStep, RejectFirstStep,
  // room messages and breaks
  RoomMessage, RoomMessageHint, RoomMessageShow, RoomMessageClear, RoomMessageNow, RoomMessageButton, RoomPreset1, RoomPreset2, RoomPreset3, RoomPreset4,
  BreakTitle, BreakButton, BreakMinutes, BreakOther, BreakAtClock, BreakEndsAt, BreakBadClock, BreakStart,
  BreakEnd, BreakStatus, BreakOver, BreakBackAt, BreakBackNow, KeyRoomMessage, KeyBreak, RejectBadText, RejectBadTime, RejectOnBreak,
  // fellow questions (Q&A)
  Questions, QuestionsPending, QuestionsNone, QuestionsModeration, QuestionApprove, QuestionHide, QuestionUnhide,
  QuestionAnswered, QuestionUnanswered, QuestionProject, QuestionUnproject, QuestionVotes, QuestionAnonymous,
  QuestionStatusPending, QuestionStatusHidden, QuestionStatusAnswered, QuestionProjectedNow, KeyQuestions,
  RejectQuestionHidden,
  // personal feedback, room accuracy, connection health
  Presence, PresenceGone, QuizSummary, QuizSummaryNone, QuizAccuracyRow, KeyQuizSummary, QuizSummaryButton,
  YouRight, YouWrong, YouPartial, YouMissing, YouExtra, YouScore,
  // mastery per objective at the end of a delivery
  MasteryTitle, MasteryHint, MasteryRow, MasteryNoQuiz, MasteryNoAnswers, MasteryNoObjectives,
  // printed documents (author view)
  AuthorPrintGuide, AuthorPrinted, AuthorPrintFailed,
  // states and numbers a facilitator reads at a glance
  ClockPaused, ClockEnded, ProgressLine, DriftLate, DriftEarly, LockedMark, LockedHint, PlannedStartHint,
  RebalanceRange, RebalanceEnd, PromptNotOpened, PromptTimeLeft, PromptTimeUp, HelpNumbers,
  // lists that do not fit: "+N más"
  MoreItems, MoreHint, AnswersRange, AnswersPage,
  // author view: what the preview shows, draft durations
  AuthorShow, AuthorShowContent, AuthorShowPrompt, AuthorDraftMark, AuthorDraftHint,
  // what the projector shows after a prompt; hidden text answers shown again
  ShowContent, ShowResults, ShowQuestion, ProjectorShowsContent, ProjectorShowsResults, ProjectorShowsQuestion,
  KeyProjectorView, UnhideAnswer,
  RejectNoResults,
  Count
};

const char* tr(Lang lang, S key);
// The facilitator-facing text for an engine rejection code; nullptr when the
// engine's own (English) message should be shown.
const char* rejection_text(Lang lang, std::string_view code);

// Table rows; tables are checked at compile time (see strings.cpp).
using StringEntry = KeyedText<S>;

}  // namespace facilita::ui
