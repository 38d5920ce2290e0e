// facilita: run a timed training session in a room.
#include <sys/stat.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "app/cli_help.hpp"
#include "app/cli_lang.hpp"
#include "app/commands.hpp"

#ifndef FACILITA_VERSION
#define FACILITA_VERSION "0.0.0"
#endif

int main(int argc, char** argv) {
  using namespace facilita;
  // Journals, exports, lock files and the follower's store hold names and answers:
  // everything this process creates is for its owner only (0700 / 0600).
  ::umask(077);
  // --help and command-line errors: `--lang` anywhere in argv, else the locale
  // (no session is read before the command line is understood).
  const Lang help = help_lang(std::vector<std::string>(argv + (argc > 0 ? 1 : 0), argv + argc));
  CLI::App app{"", "facilita"};
  localize_help(app, help);
  app.set_version_flag("--version", std::string("facilita ") + FACILITA_VERSION, hx(help, H::VersionFlag));
  app.require_subcommand(0, 1);
  std::vector<CommandRunner> commands{add_check_command(app, help), add_export_command(app, help),
                                      add_report_command(app, help), add_deliveries_command(app, help),
                                      add_import_command(app, help)};
  commands.push_back(add_print_command(app, help));
#if defined(FACILITA_HAS_GUI) || defined(FACILITA_HAS_RUN)
  commands.push_back(add_run_command(app, help));
#endif
#if defined(FACILITA_HAS_GUI)
  commands.push_back(add_join_command(app, help));
  commands.push_back(add_edit_command(app, help));
#endif
  localize_commands_help(app, help);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // The innermost command given names the place ("facilita check: error: …").
    const CLI::App* where = &app;
    for (const CLI::App* sub = where; sub;) {
      auto parsed = sub->get_subcommands();
      sub = parsed.empty() ? nullptr : parsed.front();
      if (sub) where = sub;
    }
    std::cerr << parse_error_text(help, e, where);
    return kExitUsage;
  }
  for (auto& command : commands)
    if (int status = command(); status >= 0) return status;
  std::cout << app.help();
  return kExitUsage;
}
