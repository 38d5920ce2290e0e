// `facilita export`: one delivery's answers and timeline as CSV or JSON.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>

#include "app/commands.hpp"
#include "persist/data_dir.hpp"
#include "persist/export.hpp"

namespace facilita {
namespace {

struct ExportOptions {
  std::int64_t delivery = 0;  // 0 = the latest
  std::string format;
  std::string table = "answers";
  std::string out;
  std::string data;
};

bool write_file(const std::string& path, const std::string& text) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << text;
  file.close();
  if (!file) std::cerr << path << ": error: cannot write the export\n";
  return static_cast<bool>(file);
}

int run_export(const ExportOptions& opt) {
  Journal journal = Journal::open(default_data_dir(opt.data), {.read_only = true, .create = false});
  auto info = opt.delivery ? journal.delivery(opt.delivery) : journal.latest();
  if (!info) {
    std::cerr << journal.path() << ": error: "
              << (opt.delivery ? "no delivery " + std::to_string(opt.delivery) : std::string("no deliveries yet"))
              << " (see `facilita deliveries`)\n";
    return kExitInvalid;
  }
  ExportData data = build_export(replay(journal, info->id));
  std::string text;
  if (opt.format == "json") text = export_json(data).dump(2) + "\n";
  else if (opt.table == "questions") text = questions_csv(data);
  else text = opt.table == "timeline" ? timeline_csv(data) : answers_csv(data);
  if (opt.out.empty()) {
    std::cout << text << std::flush;
    return std::cout ? kExitOk : kExitInvalid;
  }
  if (!write_file(opt.out, text)) return kExitInvalid;
  std::printf("%s: delivery %lld of %s, %zu answers, %zu sections, %zu questions\n", opt.out.c_str(),
              static_cast<long long>(info->id), info->session_id.c_str(), data.answers.size(), data.timeline.size(),
              data.questions.size());
  return kExitOk;
}

}  // namespace

CommandRunner add_export_command(CLI::App& app) {
  auto opt = std::make_shared<ExportOptions>();
  auto* cmd = app.add_subcommand("export", "Export a delivery's answers and timeline as CSV or JSON");
  cmd->add_option("--delivery", opt->delivery, "Delivery id (default: the latest; see `facilita deliveries`)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--format", opt->format, "csv (one table per file, RFC 4180) or json (answers and timeline)")
      ->required()
      ->check(CLI::IsMember({"csv", "json"}));
  cmd->add_option("--table", opt->table, "With csv: which table to write")
      ->check(CLI::IsMember({"answers", "timeline", "questions"}))
      ->capture_default_str();
  cmd->add_option("-o,--out", opt->out, "Write to FILE instead of standard output");
  cmd->add_option("--data", opt->data, "Data directory (default: $XDG_DATA_HOME/facilita)");
  return [cmd, opt]() {
    if (!cmd->parsed()) return -1;
    try {
      return run_export(*opt);
    } catch (const std::exception& e) {
      std::cerr << "error: " << e.what() << "\n";
      return kExitInvalid;
    }
  };
}

}  // namespace facilita
