// `facilita run` in a build without the console (FACILITA_GUI=OFF): only
// `--headless` is available. Builds with the console get `run` from
// cmd_run.cpp, which offers the same network flags (add_net_flags).
#include <iostream>

#include "app/cli_lang.hpp"
#include "app/cli_help.hpp"
#include "app/cli_text.hpp"
#include "app/commands.hpp"
#include "app/headless.hpp"
#include "app/source_file.hpp"
#include "core/loader.hpp"

namespace facilita {

CommandRunner add_run_command(CLI::App& app, Lang help) {
  struct Options {
    std::string file;
    std::string data;
    std::string lang;
    NetFlags net;
  };
  auto opt = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("run", hx(help, H::RunAboutHeadless));
  cmd->add_option("file", opt->file, hx(help, H::RunFileRequired))->required();
  cmd->add_option("--data", opt->data, hx(help, H::RunData));
  cmd->add_option("--lang", opt->lang, hx(help, H::LangFlag))->check(CLI::IsMember({"es", "en"}));
  add_net_flags(*cmd, opt->net, help);
  return [cmd, opt]() {
    if (!cmd->parsed()) return -1;
    if (!opt->net.headless) {
      std::cerr << tx(command_lang(opt->lang), T::NoConsoleBuild) << "\n";
      return kExitUsage;
    }
    std::string io_error;
    auto file = read_source_file(opt->file, io_error, command_lang(opt->lang));
    if (!file) {
      std::cerr << io_error << "\n";
      return kExitUsage;
    }
    auto loaded = load_session(file->text);
    for (const auto& d : loaded.diagnostics)
      if (d.severity == Severity::Error)
        std::cerr << format_diagnostic(file->path, d, command_lang(opt->lang, language_line(file->text)));
    if (!loaded.ok()) return kExitInvalid;
    return run_headless_delivery(opt->net, *file, opt->data, command_lang(opt->lang, language_line(file->text)));
  };
}

}  // namespace facilita
