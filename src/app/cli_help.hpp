// What `--help` shows and how command-line mistakes are told, one table per
// language (cli_help_es.cpp, cli_help_en.cpp): the program's, every command's and
// every flag's description, CLI11's labels ("Usage", "OPTIONS", "REQUIRED", the
// value types) and the parse errors. A table that misses a key, or repeats one,
// fails to compile. Flag and command names are the same in both languages.
#pragma once
#include <string>

#include "core/keyed_table.hpp"
#include "core/lang.hpp"

namespace CLI {
class App;
class ParseError;
}  // namespace CLI

namespace facilita {

enum class H {
  // CLI11's labels and group titles
  LblUsage, LblOptionsBadge, LblSubcommand, LblSubcommands, LblPositionals, LblRequired, LblEnv, LblNeeds,
  LblExcludes, LblText, LblInt, LblUint, LblFloat, LblNumber, GroupOptions, GroupSubcommands,
  // the program and flags every command has
  Program, HelpFlag, VersionFlag, LangFlag, DataDir,
  // check
  CheckAbout, CheckFiles, CheckJson, CheckStrict, CheckQuiet,
  // export, report, deliveries, import
  ExportAbout, ExportDelivery, ExportFormat, ExportTable, ExportOut, ExportAll,
  ReportAbout, ReportSession, ReportHtml, ReportPdf,
  DeliveriesAbout, ImportAbout, ImportFile,
  // print
  PrintAbout, PrintFile, PrintGuide, PrintHandout, PrintStart, PrintUrl, PrintPaper,
  // run (console and headless)
  RunAbout, RunAboutHeadless, RunFile, RunFileRequired, RunData, RunSingleWindow, RunConsole, RunDumpState, RunJoinUrl,
  RunScreenshot, RunView, RunAt, RunSize, RunDemo, RunReveal, RunMessage, RunBreakLeft, RunQuestions, RunQuizSummary,
  RunEnded, RunPaused, RunAdjust, RunRebalance, RunDemoFellows, RunLayout, RunPageDown,
  NetHeadless, NetPort, NetBind, NetAdminToken, NetWebRoot, NetMaxConnections, NetMaxPerIp, NetJoinsPerMinute,
  NetLimitLoopback, NetPublicHost, NetNew, NetResume, NetNoQr,
  // join, edit
  JoinAbout, JoinUrl, JoinName, JoinData, JoinScreenshot, JoinSize, JoinAfterMs,
  EditAbout, EditFile, EditScreenshot, EditSize, EditSection, EditSaved,
  // parse errors (after "facilita[ COMMAND]: error: ")
  ErrUnexpected, ErrUnexpectedMany, ErrRequired, ErrNeedsValue, ErrNotConverted, ErrNotAmong, ErrOutOfRange,
  ErrNotPositive, TypeInteger, TypeNumber, ErrExcludes, ErrRequires, ErrFlagTakesNoValue, ErrOther, ErrSeeHelp, ErrPrefix,
  Count
};

using HelpEntry = KeyedText<H>;

const char* hx(Lang lang, H key);

// printf into a std::string with a table text as the format.
std::string hxf(Lang lang, H key, ...);

// The labels and group titles of `app`'s help in `lang`, and the descriptions of
// its --help and --version flags. Call before adding subcommands: they inherit them.
void localize_help(CLI::App& app, Lang lang);

// After the subcommands are added: CLI11 gives each its --help before it takes
// the parent's option defaults, so their --help joins the translated group here.
void localize_commands_help(CLI::App& app, Lang lang);

// A CLI11 parse error as a person reads it, naming the option, argument or value:
// "facilita check: error: …" plus a hint to --help.
// `app` is the command being parsed (the program or a subcommand; null: the program).
std::string parse_error_text(Lang lang, const CLI::ParseError& error, const CLI::App* app);

}  // namespace facilita
