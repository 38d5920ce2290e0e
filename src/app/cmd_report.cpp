// `facilita report`: planned vs actual per section across past deliveries.
#include <fstream>
#include <iostream>
#include <memory>

#include "app/cli_lang.hpp"
#include "app/cli_help.hpp"
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
  if (!opt.pdf.empty() && write_report_pdf(reports, opt.pdf, lang) != kExitOk) return kExitInvalid;
  return kExitOk;
}

}  // namespace

CommandRunner add_report_command(CLI::App& app, Lang help) {
  auto opt = std::make_shared<ReportOptions>();
  auto* cmd = app.add_subcommand("report", hx(help, H::ReportAbout));
  cmd->add_option("session", opt->session, hx(help, H::ReportSession));
  cmd->add_option("--html", opt->html, hx(help, H::ReportHtml));
  cmd->add_option("--pdf", opt->pdf, hx(help, H::ReportPdf));
  cmd->add_option("--data", opt->data, hx(help, H::DataDir));
  cmd->add_option("--lang", opt->lang, hx(help, H::LangFlag))->check(CLI::IsMember({"es", "en"}));
  return [cmd, opt]() {
    if (!cmd->parsed()) return -1;
    try {
      return run_report(*opt);
    } catch (const std::exception& e) {
      const Lang lang = command_lang(opt->lang);
      std::cerr << txf(lang, T::CommandError, "report", error_text(lang, e).c_str()) << "\n";
      return kExitInvalid;
    }
  };
}

}  // namespace facilita
