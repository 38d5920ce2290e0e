#include "app/source_file.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/yaml_guard.hpp"

namespace facilita {

std::optional<SourceFile> read_source_file(const std::string& path, std::string& error) {
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    error = path + ": error: no such file";
    return std::nullopt;
  }
  if (std::filesystem::is_directory(status)) {
    error = path + ": error: is a directory, expected a session .yaml file";
    return std::nullopt;
  }
  auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > kMaxFileBytes) {
    error = path + ": error: file is larger than 1 MiB (" + std::to_string(size) +
            " bytes); refusing to parse it\n" + path + ": note: sessions are small text files; split the content";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = path + ": error: cannot open: " + std::strerror(errno);
    return std::nullopt;
  }
  // Read at most one byte past the limit in case the file grew meanwhile.
  std::string text(kMaxFileBytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return SourceFile{path, std::move(text)};
}

}  // namespace facilita
