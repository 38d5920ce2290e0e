// The language of what a command prints: `--lang es|en` when given, else the
// session's `language:` where the command reads a session, else the locale
// (LC_ALL, LC_MESSAGES, LANG: "en…" is English, anything else Spanish).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/lang.hpp"

namespace facilita {

// The first non-empty of LC_ALL, LC_MESSAGES, LANG, as a language.
Lang locale_lang();

// `flag` ("" when not given), then `session_language` ("" when unknown), then the locale.
Lang command_lang(const std::string& flag, const std::string& session_language = "");

// The value of a top-level `language:` line in a session's text, even when the
// file does not load ("" when absent): a broken file is still reported in its language.
std::string language_line(std::string_view yaml_text);

// The language of --help and of command-line errors, before any session is read:
// `--lang es|en` or `--lang=es|en` anywhere in `args` (the last valid one), else the locale.
Lang help_lang(const std::vector<std::string>& args);

}  // namespace facilita
