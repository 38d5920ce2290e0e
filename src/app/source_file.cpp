#include "app/source_file.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/cli_text.hpp"
#include "core/yaml_guard.hpp"

namespace facilita {

std::optional<SourceFile> read_source_file(const std::string& path, std::string& error, Lang lang) {
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    error = txf(lang, T::SrcNoSuchFile, path.c_str());
    return std::nullopt;
  }
  if (std::filesystem::is_directory(status)) {
    error = txf(lang, T::SrcIsDirectory, path.c_str());
    return std::nullopt;
  }
  auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > kMaxFileBytes) {
    error = txf(lang, T::SrcTooLarge, path.c_str(), std::to_string(size).c_str(), path.c_str());
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = txf(lang, T::SrcCannotOpen, path.c_str(), std::strerror(errno));
    return std::nullopt;
  }
  // Read at most one byte past the limit in case the file grew meanwhile.
  std::string text(kMaxFileBytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return SourceFile{path, std::move(text)};
}

}  // namespace facilita
