// Compile-time indexing of a help table: every key exactly once.
#pragma once
#include <array>
#include <cstddef>

#include "app/cli_help.hpp"

namespace facilita {

inline constexpr std::size_t kHelpCount = static_cast<std::size_t>(H::Count);
using IndexedHelp = std::array<const char*, kHelpCount>;

template <std::size_t N>
consteval bool covers_every_help_once(const HelpEntry (&rows)[N]) {
  std::array<int, kHelpCount> seen{};
  for (const auto& row : rows) {
    auto i = static_cast<std::size_t>(row.key);
    if (i >= kHelpCount || row.text == nullptr || row.text[0] == '\0') return false;
    ++seen[i];
  }
  for (int n : seen)
    if (n != 1) return false;
  return true;
}

template <std::size_t N>
consteval IndexedHelp index_help(const HelpEntry (&rows)[N]) {
  IndexedHelp out{};
  for (const auto& row : rows) out[static_cast<std::size_t>(row.key)] = row.text;
  return out;
}

const IndexedHelp& spanish_help();
const IndexedHelp& english_help();

}  // namespace facilita
