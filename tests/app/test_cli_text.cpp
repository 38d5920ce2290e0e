// What the commands print: every key in Spanish and English with the same printf
// conversions in the same order, and the language rule of every command.
#include <doctest/doctest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "app/cli_lang.hpp"
#include "app/cli_text.hpp"

using namespace facilita;

namespace {

std::vector<std::string> conversions(const char* text) {
  std::vector<std::string> out;
  for (const char* c = text; *c; ++c) {
    if (*c != '%') continue;
    std::string spec = "%";
    while (*++c && std::string("-0123456789.lz").find(*c) != std::string::npos) spec += *c;
    if (!*c) break;
    spec += *c;
    if (spec != "%%") out.push_back(spec);
  }
  return out;
}

}  // namespace

TEST_CASE("every command text has Spanish and English with the same printf conversions") {
  for (int i = 0; i < static_cast<int>(T::Count); ++i) {
    const T key = static_cast<T>(i);
    CAPTURE(i);
    CAPTURE(std::string(tx(Lang::En, key)));
    CHECK(std::string(tx(Lang::Es, key)) != "");
    CHECK(std::string(tx(Lang::En, key)) != "");
    CHECK(conversions(tx(Lang::Es, key)) == conversions(tx(Lang::En, key)));
  }
}

TEST_CASE("a command's language: --lang, then the session's, then the locale") {
  ::setenv("LANG", "en_US.UTF-8", 1);
  ::unsetenv("LC_ALL");
  ::unsetenv("LC_MESSAGES");
  CHECK(command_lang("es", "en") == Lang::Es);
  CHECK(command_lang("", "es") == Lang::Es);
  CHECK(command_lang("", "") == Lang::En);
  ::setenv("LC_MESSAGES", "es_MX.UTF-8", 1);
  CHECK(command_lang("", "") == Lang::Es);
  ::setenv("LANG", "C.UTF-8", 1);
  ::unsetenv("LC_MESSAGES");
  CHECK(command_lang("", "") == Lang::Es);
  CHECK(language_line("id: x\nlanguage: en\nsections: [\n") == "en");
  CHECK(language_line("id: x\n  language: en\n") == "");
  CHECK(txf(Lang::Es, T::ErrorsWarnings, "f.yaml", 2, 1) == "f.yaml: 2 error(es), 1 aviso(s)");
  CHECK(pad("sección", 9) == "sección  ");
}
