// `facilita report`: planned vs actual per section across past deliveries.
#include <fstream>
#include <iostream>
#include <memory>

#include "app/cli_lang.hpp"
#include "app/cli_text.hpp"
#include "app/commands.hpp"
#include "persist/data_dir.hpp"
#include "persist/report.hpp"
#include "app/report_pdf_file.hpp"

namespace facilita {
namespace {

struct ReportOptions {
  std::string session;
  std::string html;
  std::string data;
  std::string lang;  // "" = the session's language
  std::string pdf;
};

int run_report(const ReportOptions& opt) {
  Journal journal = Journal::open(default_data_dir(opt.data), {.read_only = true, .create = false});
  auto session = opt.session.empty() ? std::nullopt : std::optional<std::string>(opt.session);
  auto reports = build_report(journal, session);
  if (reports.empty()) {
    const Lang lang = command_lang(opt.lang);
    std::cerr << (session ? txf(lang, T::NoDeliveriesOf, journal.path().c_str(), session->c_str())
                          : txf(lang, T::NoDeliveriesAny, journal.path().c_str()))
              << "\n";
    return kExitInvalid;
  }
  const Lang lang = command_lang(opt.lang, reports.front().language);
  std::cout << report_text(reports, lang_code(lang)) << std::flush;
  if (!opt.html.empty()) {
    std::ofstream file(opt.html, std::ios::binary | std::ios::trunc);
    file << report_html(reports, lang_code(lang));
    file.close();
    if (!file) {
      std::cerr << txf(lang, T::CannotWriteReport, opt.html.c_str()) << "\n";
      return kExitInvalid;
    }
    std::cout << "\n" << txf(lang, T::Wrote, opt.html.c_str()) << "\n";
  }
  if (!opt.pdf.empty() && write_report_pdf(reports, opt.pdf, lang_code(lang)) != kExitOk) return kExitInvalid;
  return kExitOk;
}

}  // namespace

CommandRunner add_report_command(CLI::App& app) {
  auto opt = std::make_shared<ReportOptions>();
  auto* cmd = app.add_subcommand("report", "Planned vs actual time per section across past deliveries");
  cmd->add_option("session", opt->session, "Session id (default: every session)");
  cmd->add_option("--html", opt->html, "Also write a self-contained HTML page with a chart to FILE");
  cmd->add_option("--pdf", opt->pdf, "Also write the report as PDF to FILE");
  cmd->add_option("--data", opt->data, "Data directory (default: $XDG_DATA_HOME/facilita)");
  cmd->add_option("--lang", opt->lang, kLangFlagHelp)->check(CLI::IsMember({"es", "en"}));
  return [cmd, opt]() {
    if (!cmd->parsed()) return -1;
    try {
      return run_report(*opt);
    } catch (const std::exception& e) {
      std::cerr << "error: " << e.what() << "\n";
      return kExitInvalid;
    }
  };
}

}  // namespace facilita
