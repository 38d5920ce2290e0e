#include "app/cli_text.hpp"

#include <cstdarg>
#include <cstdio>

#include "app/cli_text_table.hpp"

namespace facilita {

const char* tx(Lang lang, T key) {
  const auto& table = lang == Lang::En ? english_texts() : spanish_texts();
  auto i = static_cast<std::size_t>(key);
  return i < table.size() ? table[i] : "";
}

std::string txf(Lang lang, T key, ...) {
  char buf[1024];
  va_list args;
  va_start(args, key);
  std::vsnprintf(buf, sizeof buf, tx(lang, key), args);
  va_end(args);
  return buf;
}

std::string pad(const std::string& text, std::size_t width) {
  std::size_t chars = 0;
  for (unsigned char c : text) chars += (c & 0xC0) != 0x80 ? 1 : 0;
  return chars >= width ? text : text + std::string(width - chars, ' ');
}

}  // namespace facilita
