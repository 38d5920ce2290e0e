// The validator's message tables: every key in both languages with the same
// placeholders, Spanish by default, GCC-style prefixes untranslated.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "core/loader.hpp"
#include "core/messages.hpp"
#include "loader_test_util.hpp"

using namespace facilita;

namespace {

std::multiset<std::string> placeholders_of(std::string_view text) {
  std::multiset<std::string> out;
  for (std::size_t i = 0; i + 2 < text.size(); ++i)
    if (text[i] == '{' && text[i + 1] >= '0' && text[i + 1] <= '9' && text[i + 2] == '}')
      out.insert(std::string(text.substr(i, 3)));
  return out;
}

std::set<std::string> distinct(const std::multiset<std::string>& all) { return {all.begin(), all.end()}; }

}  // namespace

TEST_CASE("every message has Spanish and English text with the same placeholders") {
  for (int i = 0; i < static_cast<int>(M::Count); ++i) {
    const M key = static_cast<M>(i);
    const std::string es = message_text(Lang::Es, key), en = message_text(Lang::En, key);
    CAPTURE(i);
    CAPTURE(en);
    CHECK_FALSE(es.empty());
    CHECK_FALSE(en.empty());
    CHECK(distinct(placeholders_of(es)) == distinct(placeholders_of(en)));
  }
}

TEST_CASE("arguments, nouns and nested reasons are rendered in the message's language") {
  Msg m = msg(M::UnknownKey, "titel", M::NounSection);
  CHECK(render(m, Lang::En) == "unknown key 'titel' in section");
  CHECK(render(m, Lang::Es) == "clave desconocida «titel» en la sección");
  Msg d = msg(M::BadDuration, "5 minz", "duration", msg(M::DurUnknownUnit, "minz"));
  CHECK(render(d, Lang::Es) == "duración no válida «5 minz» en «duration»: unidad desconocida «minz»");
  CHECK(render(msg(M::NoteDidYouMean, "one"), Lang::Es) == "¿quisiste decir «one»?");
  CHECK(render(literal("as {0} is"), Lang::Es) == "as {0} is");
}

TEST_CASE("a diagnostic in Spanish keeps the GCC-style prefixes editors parse") {
  auto r = load_session(test::replace(test::kValid, "objectives: [one]", "objectives: [onr]"));
  REQUIRE_FALSE(r.ok());
  std::string es;
  for (const auto& d : r.diagnostics) es += format_diagnostic("f.yaml", d, Lang::Es);
  CHECK(es.find("f.yaml:11:18: error: la sección «intro» cubre el objetivo «onr», que no está definido\n") !=
        std::string::npos);
  CHECK(es.find("f.yaml:11:18: note: ¿quisiste decir «one»?\n") != std::string::npos);
  CHECK(es.find("f.yaml:6:10: warning: el objetivo «one» no lo cubre ninguna sección\n") != std::string::npos);
  // The English rendering stays as it was.
  CHECK(r.diagnostics[0].message == "section 'intro' covers objective 'onr', which is not defined");
}

TEST_CASE("a duration's reason and hint come in both languages") {
  auto r = load_session(test::replace(test::kValid, "duration: 4 min", "duration: 4"));
  REQUIRE_FALSE(r.ok());
  std::string es = format_diagnostic("f.yaml", r.diagnostics[0], Lang::Es);
  CHECK(es.find("error: duración no válida «4» en «duration»: falta la unidad después de 4") != std::string::npos);
  CHECK(es.find("note: añade una unidad: \"4 min\" o \"4 s\"") != std::string::npos);
}

TEST_CASE("locale values name a language: en* is English, anything else Spanish") {
  CHECK(lang_from_locale("en_US.UTF-8") == Lang::En);
  CHECK(lang_from_locale("es_MX.UTF-8") == Lang::Es);
  CHECK(lang_from_locale("C.UTF-8") == Lang::Es);
  CHECK(lang_from_locale("") == Lang::Es);
  CHECK(lang_from("en") == Lang::En);
  CHECK_FALSE(lang_from("fr").has_value());
}
