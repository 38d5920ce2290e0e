// Compile-time indexing of a language table: every key exactly once.
#pragma once
#include <array>
#include <cstddef>

#include "ui/strings.hpp"

namespace facilita::ui {

inline constexpr std::size_t kStringCount = static_cast<std::size_t>(S::Count);
using IndexedStrings = std::array<const char*, kStringCount>;

template <std::size_t N>
consteval bool covers_every_key_once(const StringEntry (&rows)[N]) {
  std::array<int, kStringCount> seen{};
  for (const auto& row : rows) {
    auto i = static_cast<std::size_t>(row.key);
    if (i >= kStringCount || row.text == nullptr) return false;
    ++seen[i];
  }
  for (int n : seen)
    if (n != 1) return false;
  return true;
}

template <std::size_t N>
consteval IndexedStrings index_strings(const StringEntry (&rows)[N]) {
  IndexedStrings out{};
  for (const auto& row : rows) out[static_cast<std::size_t>(row.key)] = row.text;
  return out;
}

const IndexedStrings& spanish_strings();
const IndexedStrings& english_strings();

}  // namespace facilita::ui
