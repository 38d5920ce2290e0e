// Reading a session file from disk, refusing oversized files before reading.
#pragma once
#include <optional>
#include <string>

#include "core/lang.hpp"

namespace facilita {

struct SourceFile {
  std::string path;
  std::string text;
};

// On failure returns nullopt and sets `error` to a message in `lang` naming the file.
std::optional<SourceFile> read_source_file(const std::string& path, std::string& error, Lang lang);

}  // namespace facilita
