// Cross-field rules point at the offending value (line and column), and a
// duplicate id also points back at its first occurrence with a note.
#include <doctest/doctest.h>

#include "core/loader.hpp"
#include "loader_test_util.hpp"

using namespace facilita;
using namespace facilita::test;

namespace {

// The error `needle` at line:col with a note at note_line:note_col.
void expect_duplicate(const std::string& text, const std::string& needle, int line, int col, int note_line,
                      int note_col) {
  expect_error(text, needle, line, col);
  auto r = load_session(text);
  const Diagnostic* d = find(r, needle);
  REQUIRE(d);
  REQUIRE(d->notes.size() == 1);
  CHECK(d->notes[0] == "first defined here");
  REQUIRE(d->note_pos.size() == 1);
  CHECK(d->note_pos[0].line == note_line);
  CHECK(d->note_pos[0].col == note_col);
}

}  // namespace

TEST_CASE("a duplicate section id points at the second id, with a note at the first") {
  auto text = replace(kValid, "  - id: body", "  - id: intro");
  expect_duplicate(text, "duplicate section id 'intro'", 18, 9, 8, 9);
  auto r = load_session(text);
  const std::string printed = format_diagnostic("f.yaml", *find(r, "duplicate section id"), Lang::En);
  CHECK(printed == "f.yaml:18:9: error: duplicate section id 'intro'\nf.yaml:8:9: note: first defined here\n");
}

TEST_CASE("a duplicate objective id points at the second id") {
  expect_duplicate(replace(kValid, "  - {id: one, text: First}\n", "  - {id: one, text: First}\n  - {id: one, text: Again}\n"),
                   "duplicate objective id 'one'", 7, 10, 6, 10);
}

TEST_CASE("a duplicate prompt id points at the second id") {
  expect_duplicate(replace(kValid, "    duration: 6 min\n", "    duration: 6 min\n    prompts:\n      - {id: q-a, kind: text, text: Why}\n"),
                   "duplicate prompt id 'q-a'", 22, 14, 13, 13);
}

TEST_CASE("a duplicate step id points at the second id") {
  expect_duplicate(replace(kValid, "    duration: 6 min\n",
                           "    duration: 6 min\n    steps:\n      - {id: s1, title: A, duration: 3 min}\n"
                           "      - {id: s1, title: B, duration: 3 min}\n"),
                   "duplicate step id 's1'", 23, 14, 22, 14);
}

TEST_CASE("an undefined objective in a section's list points at that id, with a suggestion") {
  auto text = replace(kValid, "objectives: [one]", "objectives: [one, onee]");
  expect_error(text, "section 'intro' covers objective 'onee', which is not defined", 11, 23);
  auto r = load_session(text);
  const Diagnostic* d = find(r, "covers objective 'onee'");
  REQUIRE(d);
  REQUIRE(d->notes.size() == 2);
  CHECK(d->notes[0] == "did you mean 'one'?");
  const Section& s = r.draft->sections[0];
  REQUIRE(s.objectives_pos.size() == 2);
  CHECK(s.objectives_pos[0].line == 11);
  CHECK(s.objectives_pos[0].col == 18);
}

TEST_CASE("a block-list objective points at its item") {
  expect_error(replace(kValid, "    objectives: [one]\n", "    objectives:\n      - one\n      - zzz\n"),
               "covers objective 'zzz'", 13, 9);
}

TEST_CASE("a correct answer not among the options points at that value") {
  expect_error(replace(kValid, "correct: x", "correct: z"), "correct answer 'z' is not among the options", 17, 18);
  auto multi = replace(replace(kValid, "kind: choice", "kind: multi"), "correct: x", "correct: [x, z]");
  expect_error(multi, "correct answer 'z' is not among the options", 17, 22);
}

TEST_CASE("min and max errors point at their keys") {
  expect_error(replace(kValid, "    duration: 4 min\n", "    duration: 4 min\n    max: 3 min\n"),
               "max 3 min is below its duration 4 min", 11, 5);
}
