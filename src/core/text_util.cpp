#include "core/text_util.hpp"

#include <cstdint>
#include <cstdio>

#include <algorithm>

namespace facilita::text {

CodePoint decode(std::string_view s, std::size_t at) {
  if (at >= s.size()) return {};
  auto c = static_cast<unsigned char>(s[at]);
  int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || at + len > s.size()) return {};
  char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < len; ++k) {
    auto cc = static_cast<unsigned char>(s[at + k]);
    if ((cc >> 6) != 0x2) return {};
    cp = (cp << 6) | (cc & 0x3F);
  }
  bool overlong = (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
  if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {};
  return {cp, len};
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    auto cp = decode(s, i);
    if (cp.length == 0) return false;
    i += cp.length;
  }
  return true;
}

std::size_t code_points(std::string_view s) {
  // Every byte that is not a continuation byte starts a code point.
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool has_control(std::string_view s) {
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7F) return true;
  }
  return false;
}

bool has_invisible(std::string_view s, bool allow_joiner) {
  for (std::size_t at = 0; at < s.size();) {
    const CodePoint cp = decode(s, at);
    if (cp.length == 0) {
      ++at;
      continue;
    }
    at += static_cast<std::size_t>(cp.length);
    const char32_t c = cp.value;
    if (allow_joiner && c == 0x200D) continue;
    if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F ||
        c == 0x061C || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF || c == 0x180E || c == 0x00AD ||
        (c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x2029)  // C1 controls, line breaks in disguise
      return true;
  }
  return false;
}

std::string trim(std::string_view s) {
  auto ascii_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  // U+00A0 is C2 A0: phones insert it after autocorrect.
  bool changed = true;
  while (changed && !s.empty()) {
    changed = false;
    if (ascii_space(s.front())) { s.remove_prefix(1); changed = true; }
    else if (s.size() >= 2 && s[0] == '\xC2' && s[1] == '\xA0') { s.remove_prefix(2); changed = true; }
    if (s.empty()) break;
    if (ascii_space(s.back())) { s.remove_suffix(1); changed = true; }
    else if (s.size() >= 2 && s[s.size() - 2] == '\xC2' && s.back() == '\xA0') { s.remove_suffix(2); changed = true; }
  }
  return std::string(s);
}

bool is_letter(char32_t cp) {
  if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return true;
  if (cp >= 0xC0 && cp <= 0x24F) return cp != 0xD7 && cp != 0xF7;  // Latin-1 letters, Latin Extended-A/B
  if (cp >= 0x370 && cp <= 0x3FF) return cp != 0x37E && cp != 0x387;  // Greek
  if (cp >= 0x400 && cp <= 0x4FF) return true;                       // Cyrillic
  return false;
}

char32_t to_lower(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 0x20;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 0x20;
  if (cp == 0x178) return 0xFF;  // Ÿ
  // Latin Extended-A pairs capital/small as even/odd, except two odd-based runs.
  bool odd_run = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
  if (odd_run) return (cp % 2 == 1) ? cp + 1 : cp;
  if (cp >= 0x100 && cp <= 0x177 && cp != 0x130 && cp != 0x138 && cp != 0x149) return (cp % 2 == 0) ? cp + 1 : cp;
  return cp;
}

std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) out.push_back(std::move(word));
    word.clear();
  };
  for (std::size_t i = 0; i < s.size();) {
    auto cp = decode(s, i);
    if (cp.length == 0) {
      flush();
      ++i;
      continue;
    }
    if (is_letter(cp.value)) append(word, to_lower(cp.value));
    else flush();
    i += cp.length;
  }
  flush();
  return out;
}

std::string fnv1a_hex(std::string_view s) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h));
  return out;
}

bool has_curly_quotes(std::string_view text) {
  for (std::string_view q : {"\u201C", "\u201D", "\u2018", "\u2019", "\u00AB", "\u00BB"})
    if (text.find(q) != std::string_view::npos) return true;
  return false;
}

bool wrapped_in_curly_quotes(std::string_view text) {
  auto starts = [&](std::string_view q) { return text.substr(0, q.size()) == q; };
  auto ends = [&](std::string_view q) { return text.size() >= q.size() && text.substr(text.size() - q.size()) == q; };
  return (starts("\u201C") && ends("\u201D")) || (starts("\u2018") && ends("\u2019")) ||
         (starts("\u00AB") && ends("\u00BB"));
}

int count_bullets(std::string_view text) {
  int count = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    std::size_t i = line.find_first_not_of(' ');
    if (i != std::string_view::npos) {
      line.remove_prefix(i);
      std::size_t digits = 0;
      while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
      bool bullet = line.size() >= 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && line[1] == ' ';
      bool numbered = digits > 0 && line.size() > digits + 1 && line[digits] == '.' && line[digits + 1] == ' ';
      count += (bullet || numbered) ? 1 : 0;
    }
    start = end + 1;
  }
  return count;
}

}  // namespace facilita::text
