// Compile-time indexing of a command text table: every key exactly once.
#pragma once
#include <array>
#include <cstddef>

#include "app/cli_text.hpp"

namespace facilita {

inline constexpr std::size_t kTextCount = static_cast<std::size_t>(T::Count);
using IndexedTexts = std::array<const char*, kTextCount>;

template <std::size_t N>
consteval bool covers_every_text_once(const TextEntry (&rows)[N]) {
  std::array<int, kTextCount> seen{};
  for (const auto& row : rows) {
    auto i = static_cast<std::size_t>(row.key);
    if (i >= kTextCount || row.text == nullptr || row.text[0] == '\0') return false;
    ++seen[i];
  }
  for (int n : seen)
    if (n != 1) return false;
  return true;
}

template <std::size_t N>
consteval IndexedTexts index_texts(const TextEntry (&rows)[N]) {
  IndexedTexts out{};
  for (const auto& row : rows) out[static_cast<std::size_t>(row.key)] = row.text;
  return out;
}

const IndexedTexts& spanish_texts();
const IndexedTexts& english_texts();

}  // namespace facilita
