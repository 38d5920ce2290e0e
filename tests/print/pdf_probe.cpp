#include "pdf_probe.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include <unistd.h>

namespace facilita::print::test {

std::string temp_path(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("facilita-print-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return (dir / name).string();
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

std::string run(const std::string& command) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return out;
  char buf[4096];
  while (std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) out.append(buf, n);
  ::pclose(pipe);
  return out;
}

std::string read_text(const std::string& pdf_path) { return run("pdftotext -enc UTF-8 '" + pdf_path + "' -"); }

PdfWords read_words(const std::string& pdf_path) {
  std::string html = run("pdftotext -enc UTF-8 -bbox '" + pdf_path + "' -");
  PdfWords out;
  std::regex page_re(R"re(<page width="([0-9.]+)" height="([0-9.]+)">)re");
  std::regex word_re(R"re(<word xMin="([0-9.-]+)" yMin="([0-9.-]+)" xMax="([0-9.-]+)" yMax="([0-9.-]+)">([^<]*)</word>)re");
  std::istringstream lines(html);
  std::string line;
  std::smatch m;
  while (std::getline(lines, line)) {
    if (std::regex_search(line, m, page_re)) {
      out.page_width = std::stod(m[1]);
      out.page_height = std::stod(m[2]);
      ++out.pages;
    } else if (std::regex_search(line, m, word_re)) {
      out.words.push_back({out.pages - 1, std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4]), m[5]});
    }
  }
  return out;
}

}  // namespace facilita::print::test
