// Reading a session file from disk, refusing oversized files before reading.
#pragma once
#include <optional>
#include <string>

namespace facilita {

struct SourceFile {
  std::string path;
  std::string text;
};

// On failure returns nullopt and sets `error` to a one-line message.
std::optional<SourceFile> read_source_file(const std::string& path, std::string& error);

}  // namespace facilita
