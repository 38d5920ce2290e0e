// What a new author hits: each slip gets its message, its place and a note
// saying what to do.
#include <doctest/doctest.h>

#include <string>

#include "core/duration.hpp"
#include "core/loader.hpp"
#include "core/yaml_guard.hpp"
#include "loader_test_util.hpp"

using namespace facilita;
using namespace facilita::test;

namespace {

// The diagnostic `needle` (error or warning) at line:col with a note containing `note`.
const Diagnostic& expect_at(const LoadResult& r, const std::string& needle, Severity severity, int line, int col,
                            const std::string& note) {
  const Diagnostic* d = find(r, needle);
  REQUIRE_MESSAGE(d, "no '" << needle << "' in:\n" << all_messages(r));
  CHECK(d->severity == severity);
  CHECK_MESSAGE(d->line == line, all_messages(r));
  CHECK_MESSAGE(d->col == col, all_messages(r));
  bool noted = false;
  for (const auto& n : d->notes) noted = noted || n.find(note) != std::string::npos;
  CHECK_MESSAGE(noted, "no note '" << note << "' in:\n" << all_messages(r));
  return *d;
}

int count(const LoadResult& r, Severity severity) {
  int n = 0;
  for (const auto& d : r.diagnostics) n += d.severity == severity ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("a key indented less than its item says to indent it") {
  auto r = load_session(replace(kValid, "    duration: 6 min\n", "  duration: 6 min\n"));
  CHECK_FALSE(r.ok());
  expect_at(r, "YAML syntax: end of map not found", Severity::Error, 20, 3, "indent this line to match");
}

TEST_CASE("a key indented deeper than the one above says to indent it or quote the text") {
  auto r = load_session(replace(kValid, "    duration: 6 min\n", "      duration: 6 min\n"));
  CHECK_FALSE(r.ok());
  expect_at(r, "YAML syntax: illegal map value", Severity::Error, 20, 15, "indent it to match");
}

TEST_CASE("a comma inside a {id, text} mapping says to quote the text") {
  auto r = load_session(replace(kValid, "{id: one, text: First}", "{id: one, text: First, then more}"));
  expect_at(r, "unknown key 'then more' in objective", Severity::Error, 6, 28, "put text with a comma in quotes");
}

TEST_CASE("curly quotes around a value: a note to use straight quotes") {
  SUBCASE("an id in curly quotes is an invalid id") {
    auto r = load_session(replace(kValid, "id: intro", "id: \u201Cintro\u201D"));
    expect_at(r, "invalid id", Severity::Error, 8, 9, "type straight quotes");
  }
  SUBCASE("a title in curly quotes is a warning") {
    auto r = load_session(replace(kValid, "title: Intro", "title: \u201CIntro\u201D"));
    CHECK(r.ok());
    expect_at(r, "'title' is wrapped in curly quotes", Severity::Warning, 9, 12, "type straight quotes");
  }
  SUBCASE("a syntax error on a line with curly quotes") {
    auto r = load_session(replace(kValid, "title: Intro", "title: \u201CIntro: hoy\u201D"));
    expect_at(r, "YAML syntax", Severity::Error, 9, 20, "use straight quotes");  // columns count bytes
  }
  SUBCASE("a duration in curly quotes") {
    auto r = load_session(replace(kValid, "duration: 4 min", "duration: \u201C4 min\u201D"));
    expect_at(r, "bad duration", Severity::Error, 10, 15, "type straight quotes");
  }
}

TEST_CASE("curly quotes inside options and correct are warnings") {
  auto r = load_session(replace(replace(kValid, "options: [x, y]", "options: [\u201Cx\u201D, y]"), "correct: x",
                                "correct: \u201Cx\u201D"));
  CHECK(r.ok());
  expect_at(r, "option '\u201Cx\u201D' has curly quotes", Severity::Warning, 16, 19, "type straight quotes");
  expect_at(r, "correct answer '\u201Cx\u201D' has curly quotes", Severity::Warning, 17, 18, "type straight quotes");
}

TEST_CASE("a scale prompt without 'scale:' is an error at its kind") {
  auto r = load_session(replace(replace(kValid, "kind: choice", "kind: scale"), "        options: [x, y]\n        correct: x\n", ""));
  CHECK_FALSE(r.ok());
  expect_at(r, "a scale prompt needs 'scale'", Severity::Error, 14, 15, "scale: {min: 1, max: 5}");
  CHECK_MESSAGE(count(r, Severity::Error) == 1, all_messages(r));
}

TEST_CASE("60 bullets in one section's content: a warning at 'content'") {
  std::string content = "    content: |\n";
  for (int i = 0; i < 60; ++i) content += "      - point " + std::to_string(i) + "\n";
  auto r = load_session(replace(kValid, "    title: Body\n", "    title: Body\n" + content));
  CHECK(r.ok());
  expect_at(r, "section 'body' has 60 bullets in its content", Severity::Warning, 20, 5, "split it into two sections");
  auto fewer = load_session(replace(kValid, "    title: Body\n", "    title: Body\n    content: |\n      - one\n      - two\n"));
  CHECK(fewer.diagnostics.empty());
}

TEST_CASE("a typo in kind is the only error, with a suggestion") {
  auto r = load_session(replace(replace(kValid, "kind: choice", "kind: multy"), "correct: x", "correct: [x, y]"));
  CHECK_FALSE(r.ok());
  expect_at(r, "unknown prompt kind 'multy'", Severity::Error, 14, 15, "did you mean 'multi'?");
  CHECK_MESSAGE(count(r, Severity::Error) == 1, all_messages(r));
  CHECK_FALSE(find(r, "correct option"));
}

TEST_CASE("common unit spellings: accepted, and named in the hint") {
  auto r = load_session(replace(replace(kValid, "duration: 4 min", "duration: 4 mins"), "duration: 6 min", "duration: 6 minutos"));
  CHECK_MESSAGE(r.ok(), all_messages(r));
  CHECK(std::get<int>(parse_duration("1 hora")) == 3600);
  CHECK(std::get<int>(parse_duration("2 horas 5 mins 10 seg")) == 2 * 3600 + 5 * 60 + 10);
  auto bad = load_session(replace(kValid, "duration: 4 min", "duration: 4 minz"));
  expect_at(bad, "unknown unit 'minz'", Severity::Error, 10, 17, "min (mins, minutos)");
}

TEST_CASE("warnings point at the key that caused them") {
  SUBCASE("answer time longer than the section: at 'time'") {
    auto r = load_session(replace(kValid, "        correct: x\n", "        correct: x\n        time: 5 min\n"));
    const Diagnostic* d = find(r, "answer time is longer than its section");
    REQUIRE(d);
    CHECK(d->line == 18);
    CHECK(d->col == 9);
  }
  SUBCASE("fixed with min: at 'min'") {
    auto r = load_session(replace(kValid, "    duration: 6 min\n", "    duration: 6 min\n    fixed: true\n    min: 5 min\n"));
    const Diagnostic* d = find(r, "is fixed; its min and max are ignored");
    REQUIRE(d);
    CHECK(d->line == 22);
    CHECK(d->col == 5);
  }
  SUBCASE("steps shorter than the section: at 'steps'") {
    auto r = load_session(replace(kValid, "    duration: 6 min\n", "    duration: 6 min\n    steps:\n      - {id: s1, title: A, duration: 2 min}\n"));
    const Diagnostic* d = find(r, "less than the section's");
    REQUIRE(d);
    CHECK(d->line == 21);
    CHECK(d->col == 5);
  }
  SUBCASE("an uncovered objective: at its id") {
    auto r = load_session(replace(kValid, "    objectives: [one]\n", ""));
    CHECK(r.ok());
    const Diagnostic* d = find(r, "objective 'one' is not covered");
    REQUIRE(d);
    CHECK(d->severity == Severity::Warning);
    CHECK(d->line == 6);
    CHECK(d->col == 10);
  }
}

TEST_CASE("yaml-cpp's syntax messages read in Spanish too, with what follows them kept") {
  auto r = load_session(replace(kValid, "    duration: 6 min\n", "  duration: 6 min\n"));
  const Diagnostic* d = find(r, "YAML syntax: end of map not found");
  REQUIRE_MESSAGE(d, all_messages(r));
  CHECK(render(d->text, Lang::Es) == "sintaxis de YAML: no se encontró el final de un mapa");

  auto escape = load_session(replace(kValid, "title: ", "title: \"a\\q\" # "));
  const Diagnostic* e = find(escape, "YAML syntax: unknown escape character: q");
  REQUIRE_MESSAGE(e, all_messages(escape));
  CHECK(render(e->text, Lang::Es) == "sintaxis de YAML: secuencia de escape desconocida: q");

  // One yaml-cpp does not say for a session file: kept as yaml-cpp wrote it.
  CHECK(render(yaml_syntax_error("repeated YAML directive"), Lang::Es) == "sintaxis de YAML: repeated YAML directive");
}
