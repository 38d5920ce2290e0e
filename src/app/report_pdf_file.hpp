// `facilita report --pdf FILE`: the report as PDF.
#pragma once
#include <string>
#include <vector>

#include "core/lang.hpp"
#include "persist/report.hpp"

namespace facilita {

// Writes the PDF report in `lang`; prints "escrito FILE" ("wrote FILE") or the
// error naming FILE. Returns an exit code.
int write_report_pdf(const std::vector<SessionReport>& reports, const std::string& path, Lang lang);

}  // namespace facilita
