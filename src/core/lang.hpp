// The two languages of everything a person reads: Spanish (the default) and English.
#pragma once
#include <optional>
#include <string_view>

namespace facilita {

enum class Lang { Es, En };

std::optional<Lang> lang_from(std::string_view code);  // "es", "en", "es-MX", "en_US"; nullopt otherwise

// The language a locale value names (LC_ALL, LC_MESSAGES or LANG): English when
// it starts with "en", Spanish otherwise (the product's default), including unset.
Lang lang_from_locale(std::string_view value);

const char* lang_code(Lang lang);  // "es" / "en"

}  // namespace facilita
