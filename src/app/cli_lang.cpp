#include "app/cli_lang.hpp"

#include <cstdlib>
#include <optional>

namespace facilita {

Lang locale_lang() {
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"})
    if (const char* value = std::getenv(name); value && *value) return lang_from_locale(value);
  return lang_from_locale("");
}

Lang command_lang(const std::string& flag, const std::string& session_language) {
  if (auto lang = lang_from(flag)) return *lang;
  if (auto lang = lang_from(session_language)) return *lang;
  return locale_lang();
}

Lang help_lang(const std::vector<std::string>& args) {
  std::optional<Lang> chosen;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--") break;  // what follows are arguments, not options
    std::string value;
    if (args[i] == "--lang" && i + 1 < args.size())
      value = args[i + 1];
    else if (args[i].starts_with("--lang="))
      value = args[i].substr(7);
    if (value == "es" || value == "en") chosen = lang_from(value);  // what --lang accepts
  }
  return chosen ? *chosen : locale_lang();
}

std::string language_line(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    std::string_view line = text.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos);
    pos = eol == std::string_view::npos ? text.size() : eol + 1;
    if (!line.starts_with("language:")) continue;
    line.remove_prefix(9);
    while (!line.empty() && (line.front() == ' ' || line.front() == '"' || line.front() == '\'')) line.remove_prefix(1);
    std::size_t end = 0;
    while (end < line.size() && ((line[end] >= 'a' && line[end] <= 'z') || line[end] == '-' || line[end] == '_' ||
                                 (line[end] >= 'A' && line[end] <= 'Z')))
      ++end;
    return std::string(line.substr(0, end));
  }
  return {};
}

}  // namespace facilita
