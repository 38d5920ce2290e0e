// `facilita import FILE`: merges another facilitator's `export --all` JSON
// into the local journal (persist/import.hpp).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "app/commands.hpp"
#include "persist/data_dir.hpp"
#include "persist/import.hpp"

namespace facilita {
namespace {

struct ImportOptions {
  std::string file;
  std::string data;
};

int run_import(const ImportOptions& opt) {
  std::error_code ec;
  auto size = std::filesystem::file_size(opt.file, ec);
  if (ec) {
    std::cerr << opt.file << ": error: cannot read: " << ec.message() << "\n";
    return kExitInvalid;
  }
  if (size > kMaxImportBytes) {
    std::cerr << opt.file << ": error: larger than " << (kMaxImportBytes >> 20) << " MiB; not an export\n";
    return kExitInvalid;
  }
  std::ifstream in(opt.file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) {
    std::cerr << opt.file << ": error: cannot read\n";
    return kExitInvalid;
  }
  Journal journal = Journal::open(resolve_data_dir(opt.data));
  ImportResult r = import_export(journal, text.str(), opt.file);
  std::printf("%s: %d deliver%s imported, %d already present", opt.file.c_str(), r.imported,
              r.imported == 1 ? "y" : "ies", r.present);
  if (r.updated) std::printf(", %d brought up to date", r.updated);
  std::printf("\n");
  return kExitOk;
}

}  // namespace

CommandRunner add_import_command(CLI::App& app) {
  auto opt = std::make_shared<ImportOptions>();
  auto* cmd = app.add_subcommand("import", "Merge another journal's `export --all --format json` into this one");
  cmd->add_option("FILE", opt->file, "The export file")->required();
  cmd->add_option("--data", opt->data, "Data directory (default: $XDG_DATA_HOME/facilita)");
  return [cmd, opt]() {
    if (!cmd->parsed()) return -1;
    try {
      return run_import(*opt);
    } catch (const std::exception& e) {
      std::cerr << "error: " << e.what() << "\n";
      return kExitInvalid;
    }
  };
}

}  // namespace facilita
