#include "app/report_pdf_file.hpp"

#include <iostream>

#include "app/cli_text.hpp"
#include "app/commands.hpp"
#include "print/documents.hpp"

namespace facilita {

int write_report_pdf(const std::vector<SessionReport>& reports, const std::string& path, Lang lang) {
  print::ReportPdfOptions options;
  options.lang = lang;
  auto doc = print::build_report_pdf(reports, options);
  std::string error;
  if (!doc->save(path, error)) {
    std::cerr << error << "\n";
    return kExitInvalid;
  }
  std::cout << txf(lang, T::Wrote, path.c_str()) << "\n";
  return kExitOk;
}

}  // namespace facilita
