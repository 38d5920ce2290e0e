// Subcommands of the `facilita` program. Each registers itself on the CLI11
// app, its --help in `help`'s language, and returns the process exit code when run.
#pragma once
#include <CLI/CLI.hpp>
#include <functional>

#include "core/lang.hpp"

namespace facilita {

using CommandRunner = std::function<int()>;

// Exit codes shared by all commands.
inline constexpr int kExitOk = 0;
inline constexpr int kExitInvalid = 1;  // input was read but is not valid / operation failed
inline constexpr int kExitUsage = 2;    // bad flags, missing files, no display

CommandRunner add_check_command(CLI::App& app, Lang help);
CommandRunner add_export_command(CLI::App& app, Lang help);      // persist: answers + timeline
CommandRunner add_report_command(CLI::App& app, Lang help);      // persist: planned vs actual history
CommandRunner add_deliveries_command(CLI::App& app, Lang help);  // persist: list of deliveries
CommandRunner add_import_command(CLI::App& app, Lang help);      // persist: merge another journal's export --all
CommandRunner add_print_command(CLI::App& app, Lang help);       // print: guide and handout as PDF
#if defined(FACILITA_HAS_GUI) || defined(FACILITA_HAS_RUN)
CommandRunner add_run_command(CLI::App& app, Lang help);         // ui: facilitator console + projector
#endif
#if defined(FACILITA_HAS_GUI)
CommandRunner add_join_command(CLI::App& app, Lang help);        // ui + net: a fellow's window (follower client)
CommandRunner add_edit_command(CLI::App& app, Lang help);        // ui: author view (watch, validate, preview, rehearse)
#endif

}  // namespace facilita
