#include "core/lang.hpp"

namespace facilita {

std::optional<Lang> lang_from(std::string_view code) {
  if (code == "es" || code.starts_with("es-") || code.starts_with("es_")) return Lang::Es;
  if (code == "en" || code.starts_with("en-") || code.starts_with("en_")) return Lang::En;
  return std::nullopt;
}

Lang lang_from_locale(std::string_view value) { return value.starts_with("en") ? Lang::En : Lang::Es; }

const char* lang_code(Lang lang) { return lang == Lang::En ? "en" : "es"; }

}  // namespace facilita
