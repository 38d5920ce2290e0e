#include "app/report_pdf_file.hpp"

#include <iostream>

#include "app/commands.hpp"
#include "print/documents.hpp"

namespace facilita {

int write_report_pdf(const std::vector<SessionReport>& reports, const std::string& path, const std::string& lang) {
  print::ReportPdfOptions options;
  if (!lang.empty()) options.lang = print::lang_from(lang);
  auto doc = print::build_report_pdf(reports, options);
  std::string error;
  if (!doc->save(path, error)) {
    std::cerr << error << "\n";
    return kExitInvalid;
  }
  std::cout << "wrote " << path << "\n";
  return kExitOk;
}

}  // namespace facilita
