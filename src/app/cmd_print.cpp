// `facilita print FILE --guide OUT.pdf | --handout OUT.pdf`: the facilitator
// guide and the fellow handout of a session as PDF.
#include <filesystem>
#include <iostream>
#include <memory>

#include "app/cli_lang.hpp"
#include "app/cli_help.hpp"
#include "app/cli_text.hpp"
#include "app/commands.hpp"
#include "app/print_documents.hpp"
#include "app/source_file.hpp"
#include "core/loader.hpp"
#include "print/documents.hpp"

namespace facilita {
namespace {

struct PrintOptions {
  std::string file;
  std::string guide;
  std::string handout;
  std::string start;
  std::string url;
  std::string paper = "a4";
  std::string lang;
};

int run_print(const PrintOptions& opt) {
  if (opt.guide.empty() && opt.handout.empty()) {
    std::cerr << tx(command_lang(opt.lang), T::PrintNeedsOutput) << "\n";
    return kExitUsage;
  }
  std::optional<int> start;
  if (!opt.start.empty()) {
    start = print::parse_start_time(opt.start);
    if (!start) {
      std::cerr << txf(command_lang(opt.lang), T::PrintBadStart, opt.start.c_str()) << "\n";
      return kExitUsage;
    }
  }
  // Same diagnostics as `check`; nothing is written when the file has errors.
  std::string io_error;
  auto file = read_source_file(opt.file, io_error, command_lang(opt.lang));
  if (!file) {
    std::cerr << io_error << "\n";
    return kExitInvalid;
  }
  auto result = load_session(file->text);
  const Lang out_lang = command_lang(opt.lang, language_line(file->text));
  int errors = 0, warnings = 0;
  for (const auto& d : result.diagnostics) {
    std::cerr << format_diagnostic(opt.file, d, out_lang);
    (d.severity == Severity::Error ? errors : warnings)++;
  }
  if (errors || !result.ok()) {
    std::cerr << txf(out_lang, T::ErrorsWarnings, opt.file.c_str(), errors, warnings) << "\n";
    return kExitInvalid;
  }
  const Session& session = *result.session;
  print::Paper paper = opt.paper == "letter" ? print::Paper::Letter : print::Paper::A4;
  print::Lang lang = print::lang_from(opt.lang.empty() ? session.language : opt.lang);
  int status = kExitOk;
  auto save = [&](print::PdfWriter& doc, const std::string& path) {
    std::string error;
    if (!doc.save(path, error)) {
      std::cerr << error << "\n";
      status = kExitInvalid;
      return;
    }
    std::cout << txf(out_lang, T::WrotePages, path.c_str(), static_cast<int>(doc.pages())) << "\n";
  };
  if (!opt.guide.empty()) save(*print::build_guide(session, {start, paper, lang}), opt.guide);
  if (!opt.handout.empty()) save(*print::build_handout(session, {opt.url, paper, lang}), opt.handout);
  return status;
}

}  // namespace

std::string default_guide_path(const Session& session, const std::string& source_path) {
  auto dir = std::filesystem::path(source_path).parent_path();
  return (dir / (session.id + (session.language == "en" ? "-guide.pdf" : "-guia.pdf"))).string();
}

bool write_guide_pdf(const Session& session, const std::string& out_path, std::string& error) {
  auto doc = print::build_guide(session, {std::nullopt, print::Paper::A4, print::lang_from(session.language)});
  return doc->save(out_path, error);
}

CommandRunner add_print_command(CLI::App& app, Lang help) {
  auto opt = std::make_shared<PrintOptions>();
  auto* cmd = app.add_subcommand("print", hx(help, H::PrintAbout));
  cmd->add_option("file", opt->file, hx(help, H::PrintFile))->required();
  cmd->add_option("--guide", opt->guide, hx(help, H::PrintGuide));
  cmd->add_option("--handout", opt->handout, hx(help, H::PrintHandout));
  cmd->add_option("--start", opt->start, hx(help, H::PrintStart));
  cmd->add_option("--url", opt->url, hx(help, H::PrintUrl));
  cmd->add_option("--paper", opt->paper, hx(help, H::PrintPaper))->check(CLI::IsMember({"a4", "letter"}));
  cmd->add_option("--lang", opt->lang, hx(help, H::LangFlag))->check(CLI::IsMember({"es", "en"}));
  return [cmd, opt]() {
    if (!cmd->parsed()) return -1;
    try {
      return run_print(*opt);
    } catch (const std::exception& e) {
      const Lang lang = command_lang(opt->lang);
      std::cerr << txf(lang, T::CommandError, "print", error_text(lang, e).c_str()) << "\n";
      return kExitInvalid;
    }
  };
}

}  // namespace facilita
