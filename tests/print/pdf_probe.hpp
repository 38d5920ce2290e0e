// Reading PDFs back with poppler-utils (pdftotext -bbox, pdfinfo) for tests.
#pragma once
#include <string>
#include <vector>

namespace facilita::print::test {

struct Word {
  int page = 0;  // 0-based
  double x_min = 0, y_min = 0, x_max = 0, y_max = 0;
  std::string text;
};
struct PdfWords {
  double page_width = 0, page_height = 0;
  int pages = 0;
  std::vector<Word> words;
};

std::string temp_path(const std::string& name);
void write_file(const std::string& path, const std::string& bytes);
// Words with their boxes (pdftotext -bbox).
PdfWords read_words(const std::string& pdf_path);
// Plain text (pdftotext -layout).
std::string read_text(const std::string& pdf_path);
std::string run(const std::string& command);

}  // namespace facilita::print::test
