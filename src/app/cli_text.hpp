// What the commands print for people (the `check` plan, summaries, errors),
// one table per language (cli_text_es.cpp, cli_text_en.cpp). printf-style
// placeholders (%s, %d, %zu) must match between the tables; a table that misses
// a key, or repeats one, fails to compile. Column keys of CSV/JSON exports are
// for machines and stay as they are.
#pragma once
#include <cstdarg>
#include <cstddef>
#include <exception>
#include <string>

#include "core/keyed_table.hpp"
#include "core/lang.hpp"

namespace facilita {

enum class T {
  // check: the plan
  PlanIdLine, ColStart, ColDuration, ColRebalance, ColSection, Fixed, OptionalMark, PromptCount, Total,
  PromptsLine, ObjectivesLabel, NotCovered, QuizPrompts, NoQuizPrompt,
  // check: summaries
  ErrorsWarnings, StrictFailed, WarningsCount, FileOk,
  // run / print: a session that does not load
  NotValidSession,
  // deliveries
  NoDeliveries, DelivId, DelivSession, DelivStarted, DelivStatus, DelivEvents, DelivAnswers, DelivOrigin, DelivHere,
  StatusEnded, StatusRunning, StatusAbandoned,
  // report / export / import
  NoDeliveriesOf, NoDeliveriesAny, NoDelivery, SeeDeliveries, CannotWriteReport, Wrote, CannotWriteExport,
  ExportAllDone, ExportOneDone, ImportCannotRead, ImportTooLarge, ImportDone, ImportDoneMany, ImportUpdated, CannotRead,
  LangWanted, PrintNeedsOutput, PrintBadStart, WrotePages,
  // reading a session file
  SrcNoSuchFile, SrcIsDirectory, SrcTooLarge, SrcCannotOpen,
  // run, join, edit: windows and the network at start-up
  NoDisplayConsole, NoDisplayWindow, NoDisplayAuthor, GlfwInitFailed, SizeWanted, NoGlContext, NoGlWindow,
  JoinNoWindow, SavesNotNoticed, FellowsCannotJoin, NetworkNote, NoConsoleBuild, CommandError,
  // the data directory, the delivery lock and the journal
  DataDirNoHome, DataDirCannotCreate, DataDirNotDir, LockCannotCreate, LockCannotLock, LockHeld, LockHolderPid,
  LockHolderStarting, NoJournalYet,
  // the fellows' server at start-up
  NetNoWebPages, NetTokenShort, NetTokenLong, NetNotAddress, NetPortInUse, NetPortDenied, NetNotLocal,
  // run: what the terminal shows while a delivery runs
  RunTitle, RunTitleResumed, RunNote, Listening, JoinAt, RemoteAt, CtrlCEnds, Stopped,
  StorageBack, StorageFailing, SourceStart, SourceKey, SourceRemote, SourceFellow, SourceTimer, SourceHeartbeat,
  CueLine, CueStep, CueWrapUp, CueZero, CueStepZero, CueChime, CueMuted, CueNoSound, MuteNotRemembered, NoAudio,
  // run --screenshot
  ShotNoFramebuffer, ShotCannotWrite, ShotAtFormat, ShotAtNoSection, GuiNoWindow, GuiNoProjector,
  Count
};

using TextEntry = KeyedText<T>;

const char* tx(Lang lang, T key);

// printf into a std::string with a table text as the format.
std::string txf(Lang lang, T key, ...);

// printf into a std::string (txf and the help's hxf share it).
std::string format_va(const char* format, std::va_list args);

// A failure of the data directory, the delivery lock or the journal in `lang`,
// naming the place (directory, lock file, journal); any other exception as it says.
std::string error_text(Lang lang, const std::exception& error);

// `text` padded with spaces to `width` characters (UTF-8 aware, for aligned columns).
std::string pad(const std::string& text, std::size_t width);

}  // namespace facilita
