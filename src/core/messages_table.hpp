// Compile-time indexing of a message table: every key exactly once.
#pragma once
#include <array>
#include <cstddef>

#include "core/messages.hpp"

namespace facilita {

inline constexpr std::size_t kMessageCount = static_cast<std::size_t>(M::Count);
using IndexedMessages = std::array<const char*, kMessageCount>;

template <std::size_t N>
consteval bool covers_every_message_once(const MessageEntry (&rows)[N]) {
  std::array<int, kMessageCount> seen{};
  for (const auto& row : rows) {
    auto i = static_cast<std::size_t>(row.key);
    if (i >= kMessageCount || row.text == nullptr) return false;
    ++seen[i];
  }
  for (int n : seen)
    if (n != 1) return false;
  return true;
}

template <std::size_t N>
consteval IndexedMessages index_messages(const MessageEntry (&rows)[N]) {
  IndexedMessages out{};
  for (const auto& row : rows) out[static_cast<std::size_t>(row.key)] = row.text;
  return out;
}

const IndexedMessages& spanish_messages();
const IndexedMessages& english_messages();

}  // namespace facilita
