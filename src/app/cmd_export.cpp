// `facilita export`: one delivery's answers and timeline as CSV or JSON.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>

#include "app/cli_lang.hpp"
#include "app/cli_help.hpp"
#include "app/cli_text.hpp"
#include "app/commands.hpp"
#include "persist/data_dir.hpp"
#include "persist/export.hpp"
#include "persist/export_all.hpp"
#include "persist/time_text.hpp"

namespace facilita {
namespace {

struct ExportOptions {
  std::int64_t delivery = 0;  // 0 = the latest
  std::string format;
  std::string table = "answers";
  std::string out;
  std::string data;
  bool all = false;
  std::string lang;
};

bool write_file(const std::string& path, const std::string& text, Lang lang) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << text;
  file.close();
  if (!file) std::cerr << txf(lang, T::CannotWriteExport, path.c_str()) << "\n";
  return static_cast<bool>(file);
}

Millis now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// --all: every delivery, for a coordinator (persist/export_all.hpp).
int run_export_all(const ExportOptions& opt) {
  const std::string dir = default_data_dir(opt.data);
  Journal journal = Journal::open(dir, {.read_only = true, .create = false});
  if (journal.journal_id().empty()) {
    // A journal older than identities gets one on its first writable open.
    try {
      Journal::open(dir, {.create = false});
      journal = Journal::open(dir, {.read_only = true, .create = false});
    } catch (const JournalError&) {
      // read-only media: export_all_json says what is missing
    }
  }
  std::string text;
  std::size_t count = journal.deliveries().size();
  if (opt.format == "json") text = export_all_json(journal, now_ms()).dump(2) + "\n";
  else text = export_all_csv(journal, opt.table);
  if (opt.out.empty()) {
    std::cout << text << std::flush;
    return std::cout ? kExitOk : kExitInvalid;
  }
  const Lang lang = command_lang(opt.lang);
  if (!write_file(opt.out, text, lang)) return kExitInvalid;
  std::printf("%s\n", txf(lang, T::ExportAllDone, opt.out.c_str(), count, journal.journal_id().c_str()).c_str());
  return kExitOk;
}

int run_export(const ExportOptions& opt) {
  if (opt.all) return run_export_all(opt);
  Journal journal = Journal::open(default_data_dir(opt.data), {.read_only = true, .create = false});
  auto info = opt.delivery ? journal.delivery(opt.delivery) : journal.latest();
  const Lang lang = command_lang(opt.lang);
  if (!info) {
    std::cerr << (opt.delivery ? txf(lang, T::NoDelivery, journal.path().c_str(), static_cast<long long>(opt.delivery))
                               : txf(lang, T::NoDeliveriesAny, journal.path().c_str()))
              << "\n";
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
  if (!write_file(opt.out, text, lang)) return kExitInvalid;
  std::printf("%s\n", txf(lang, T::ExportOneDone, opt.out.c_str(), static_cast<long long>(info->id),
                           info->session_id.c_str(), data.answers.size(), data.timeline.size(), data.questions.size())
                           .c_str());
  return kExitOk;
}

}  // namespace

CommandRunner add_export_command(CLI::App& app, Lang help) {
  auto opt = std::make_shared<ExportOptions>();
  auto* cmd = app.add_subcommand("export", hx(help, H::ExportAbout));
  auto* delivery =
      cmd->add_option("--delivery", opt->delivery, hx(help, H::ExportDelivery))
          ->check(CLI::PositiveNumber);
  cmd->add_option("--format", opt->format, hx(help, H::ExportFormat))
      ->required()
      ->check(CLI::IsMember({"csv", "json"}));
  cmd->add_option("--table", opt->table, hx(help, H::ExportTable))
      ->check(CLI::IsMember({"answers", "timeline", "questions"}))
      ->capture_default_str();
  cmd->add_option("-o,--out", opt->out, hx(help, H::ExportOut));
  cmd->add_option("--data", opt->data, hx(help, H::DataDir));
  cmd->add_flag("--all", opt->all, hx(help, H::ExportAll))
      ->excludes(delivery);
  cmd->add_option("--lang", opt->lang, hx(help, H::LangFlag))->check(CLI::IsMember({"es", "en"}));
  return [cmd, opt]() {
    if (!cmd->parsed()) return -1;
    try {
      return run_export(*opt);
    } catch (const std::exception& e) {
      const Lang lang = command_lang(opt->lang);
      std::cerr << txf(lang, T::CommandError, "export", error_text(lang, e).c_str()) << "\n";
      return kExitInvalid;
    }
  };
}

}  // namespace facilita
