// facilita: run a timed training session in a room.
#include <sys/stat.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "app/commands.hpp"

#ifndef FACILITA_VERSION
#define FACILITA_VERSION "0.0.0"
#endif

int main(int argc, char** argv) {
  using namespace facilita;
  // Journals, exports, lock files and the follower's store hold names and answers:
  // everything this process creates is for its owner only (0700 / 0600).
  ::umask(077);
  CLI::App app{"Facilita: run a timed training session in a room, offline.", "facilita"};
  app.set_version_flag("--version", std::string("facilita ") + FACILITA_VERSION);
  app.require_subcommand(0, 1);
  std::vector<CommandRunner> commands{add_check_command(app), add_export_command(app), add_report_command(app),
                                      add_deliveries_command(app), add_import_command(app)};
  commands.push_back(add_print_command(app));
#if defined(FACILITA_HAS_GUI) || defined(FACILITA_HAS_RUN)
  commands.push_back(add_run_command(app));
#endif
#if defined(FACILITA_HAS_GUI)
  commands.push_back(add_join_command(app));
  commands.push_back(add_edit_command(app));
#endif
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }
  for (auto& command : commands)
    if (int status = command(); status >= 0) return status;
  std::cout << app.help();
  return kExitUsage;
}
