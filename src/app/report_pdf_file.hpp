// `facilita report --pdf FILE`: the report as PDF.
#pragma once
#include <string>
#include <vector>

#include "persist/report.hpp"

namespace facilita {

// Writes the PDF report in `lang` ("es" | "en"; empty = the reports' language);
// prints "wrote FILE" or the error naming FILE. Returns an exit code.
int write_report_pdf(const std::vector<SessionReport>& reports, const std::string& path,
                     const std::string& lang = "");

}  // namespace facilita
