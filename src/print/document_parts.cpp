// Small pieces shared by the printed documents.
#include <cstdio>

#include "print/documents.hpp"

namespace facilita::print {

std::string fill_in(std::string text, std::string_view key, const std::string& value) {
  std::string token = "{";  // appended: `"{" + std::string` trips GCC 12's -Wrestrict (bug 105329)
  token += key;
  token += '}';
  for (auto at = text.find(token); at != std::string::npos; at = text.find(token, at + value.size()))
    text.replace(at, token.size(), value);
  return text;
}

std::string plan_time(std::optional<int> start_s, int offset_s) {
  char buf[16];
  if (start_s) {
    int t = (*start_s + offset_s) / 60;
    std::snprintf(buf, sizeof buf, "%02d:%02d", (t / 60) % 24, t % 60);
  } else {
    int t = offset_s / 60;
    std::snprintf(buf, sizeof buf, "%d:%02d", t / 60, t % 60);
  }
  return buf;
}

std::optional<int> parse_start_time(std::string_view text) {
  auto colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2 || text.size() - colon != 3) return std::nullopt;
  int h = 0, m = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i == colon) continue;
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    (i < colon ? h : m) = (i < colon ? h : m) * 10 + (text[i] - '0');
  }
  if (h > 23 || m > 59) return std::nullopt;
  return h * 3600 + m * 60;
}

std::string minutes_text(int seconds) {
  if (seconds < 60) return std::to_string(seconds) + " s";
  int minutes = seconds / 60, rest = seconds % 60;
  std::string out;
  if (minutes >= 60) out = std::to_string(minutes / 60) + " h" + (minutes % 60 ? " " : "");
  if (minutes % 60 || minutes < 60) out += std::to_string(minutes % 60) + " min";
  if (rest) {  // appended: `" " + std::string` trips GCC 12's -Wrestrict (bug 105329)
    out += ' ';
    out += std::to_string(rest);
    out += " s";
  }
  return out;
}

}  // namespace facilita::print
