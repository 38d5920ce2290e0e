// `facilita run` in a build without the console (FACILITA_GUI=OFF): only
// `--headless` is available. Builds with the console get `run` from
// cmd_run.cpp, which offers the same network flags (add_net_flags).
#include <iostream>

#include "app/cli_lang.hpp"
#include "app/commands.hpp"
#include "app/headless.hpp"
#include "app/source_file.hpp"
#include "core/loader.hpp"

namespace facilita {

CommandRunner add_run_command(CLI::App& app) {
  struct Options {
    std::string file;
    std::string data;
    std::string lang;
    NetFlags net;
  };
  auto opt = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("run", "Deliver a session (this build: --headless only, no console)");
  cmd->add_option("file", opt->file, "Session YAML")->required();
  cmd->add_option("--data", opt->data, "Data directory for the journal (default: $XDG_DATA_HOME/facilita)");
  cmd->add_option("--lang", opt->lang, kLangFlagHelp)->check(CLI::IsMember({"es", "en"}));
  add_net_flags(*cmd, opt->net);
  return [cmd, opt]() {
    if (!cmd->parsed()) return -1;
    if (!opt->net.headless) {
      std::cerr << "facilita run: this build has no console (built with FACILITA_GUI=OFF); add --headless\n";
      return kExitUsage;
    }
    std::string io_error;
    auto file = read_source_file(opt->file, io_error);
    if (!file) {
      std::cerr << io_error << "\n";
      return kExitUsage;
    }
    auto loaded = load_session(file->text);
    for (const auto& d : loaded.diagnostics)
      if (d.severity == Severity::Error)
        std::cerr << format_diagnostic(file->path, d, command_lang(opt->lang, language_line(file->text)));
    if (!loaded.ok()) return kExitInvalid;
    return run_headless_delivery(opt->net, *file, opt->data);
  };
}

}  // namespace facilita
