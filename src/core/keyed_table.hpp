// The texts of one language, keyed by an enum class that ends with `Count`:
// written as rows {key, text} in any order, checked and indexed at compile time.
// Every table of the program (validator messages, command texts and help, the
// report's words, the GUI's strings) is one of these per language, so a table
// that misses a key, repeats one or leaves a text empty fails to compile.
#pragma once
#include <array>
#include <cstddef>

namespace facilita {

template <typename Key>
struct KeyedText {
  Key key;
  const char* text;
};

template <typename Key>
using KeyedTable = std::array<const char*, static_cast<std::size_t>(Key::Count)>;

template <typename Key, std::size_t N>
consteval bool covers_every_key_once(const KeyedText<Key> (&rows)[N]) {
  constexpr auto count = static_cast<std::size_t>(Key::Count);
  std::array<int, count> seen{};
  for (const auto& row : rows) {
    auto i = static_cast<std::size_t>(row.key);
    if (i >= count || row.text == nullptr || row.text[0] == '\0') return false;
    ++seen[i];
  }
  for (int n : seen)
    if (n != 1) return false;
  return true;
}

template <typename Key, std::size_t N>
consteval KeyedTable<Key> index_by_key(const KeyedText<Key> (&rows)[N]) {
  KeyedTable<Key> out{};
  for (const auto& row : rows) out[static_cast<std::size_t>(row.key)] = row.text;
  return out;
}

// The text of `key` in an indexed table; "" for a key out of range.
template <typename Key>
const char* text_of(const KeyedTable<Key>& table, Key key) {
  auto i = static_cast<std::size_t>(key);
  return i < table.size() ? table[i] : "";
}

}  // namespace facilita
