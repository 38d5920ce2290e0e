// `facilita import FILE`: merges another facilitator's `export --all` JSON
// into the local journal (persist/import.hpp).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "app/cli_lang.hpp"
#include "app/cli_help.hpp"
#include "app/cli_text.hpp"
#include "app/commands.hpp"
#include "persist/data_dir.hpp"
#include "persist/import.hpp"

namespace facilita {
namespace {

struct ImportOptions {
  std::string file;
  std::string data;
  std::string lang;
};

int run_import(const ImportOptions& opt) {
  const Lang lang = command_lang(opt.lang);
  std::error_code ec;
  auto size = std::filesystem::file_size(opt.file, ec);
  if (ec) {
    std::cerr << txf(lang, T::ImportCannotRead, opt.file.c_str(), ec.message().c_str()) << "\n";
    return kExitInvalid;
  }
  if (size > kMaxImportBytes) {
    std::cerr << txf(lang, T::ImportTooLarge, opt.file.c_str(), static_cast<int>(kMaxImportBytes >> 20)) << "\n";
    return kExitInvalid;
  }
  std::ifstream in(opt.file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) {
    std::cerr << txf(lang, T::CannotRead, opt.file.c_str()) << "\n";
    return kExitInvalid;
  }
  Journal journal = Journal::open(resolve_data_dir(opt.data));
  ImportResult r = import_export(journal, text.str(), opt.file);
  std::printf("%s", txf(lang, r.imported == 1 ? T::ImportDone : T::ImportDoneMany, opt.file.c_str(), r.imported, r.present)
                        .c_str());
  if (r.updated) std::printf("%s", txf(lang, T::ImportUpdated, r.updated).c_str());
  std::printf("\n");
  return kExitOk;
}

}  // namespace

CommandRunner add_import_command(CLI::App& app, Lang help) {
  auto opt = std::make_shared<ImportOptions>();
  auto* cmd = app.add_subcommand("import", hx(help, H::ImportAbout));
  cmd->add_option("FILE", opt->file, hx(help, H::ImportFile))->required();
  cmd->add_option("--data", opt->data, hx(help, H::DataDir));
  cmd->add_option("--lang", opt->lang, hx(help, H::LangFlag))->check(CLI::IsMember({"es", "en"}));
  return [cmd, opt]() {
    if (!cmd->parsed()) return -1;
    try {
      return run_import(*opt);
    } catch (const std::exception& e) {
      const Lang lang = command_lang(opt->lang);
      std::cerr << txf(lang, T::CommandError, "import", error_text(lang, e).c_str()) << "\n";
      return kExitInvalid;
    }
  };
}

}  // namespace facilita
