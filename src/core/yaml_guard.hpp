// Checks that make a YAML text safe to hand to yaml-cpp: size, encoding,
// indentation, nesting depth (yaml-cpp 0.7 parses recursively), anchors and
// aliases (unbounded expansion), duplicate keys (yaml-cpp keeps them silently),
// syntax errors and multiple documents.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"

namespace facilita {

inline constexpr std::size_t kMaxFileBytes = 1u << 20;   // 1 MiB
inline constexpr int kMaxDepth = 64;
inline constexpr std::size_t kMaxScalarBytes = 64u << 10;  // 64 KiB

// Appends errors to `out`; returns true when the text may be parsed by yaml-cpp.
bool guard_yaml_text(std::string_view text, std::vector<Diagnostic>& out);

// The error for yaml-cpp's syntax message `what`: translated when it is one an
// author can cause (end of map not found, illegal map value…), else as given.
Msg yaml_syntax_error(const std::string& what);

// Notes saying what to do about a YAML syntax error (`msg` from yaml-cpp at
// 0-based `error_line`): indentation, quoting, curly quotes.
std::vector<Msg> yaml_syntax_notes(std::string_view text, int error_line, const std::string& what);

}  // namespace facilita
