// Each validation rule: its message and where it points (line:column).
#include <doctest/doctest.h>

#include <set>

#include "core/loader.hpp"
#include "core/yaml_guard.hpp"
#include "loader_test_util.hpp"

using namespace facilita;

using namespace facilita::test;

TEST_CASE("a valid session loads") {
  auto r = load_session(kValid);
  REQUIRE_MESSAGE(r.ok(), all_messages(r));
  CHECK(r.session->duration_s == 600);
  CHECK(r.session->sections.size() == 2);
  CHECK(r.session->sections[0].prompts[0].correct == std::vector<std::string>{"x"});
  CHECK(r.session->planned_start_s(1) == 240);
}

TEST_CASE("the module loads with 79:00 and a 5-minute introduction") {
  auto r = load_session(read_text(FACILITA_SOURCE_DIR "/sessions/m2-s3-gobierno-abierto.yaml"));
  REQUIRE_MESSAGE(r.ok(), all_messages(r));
  CHECK(r.diagnostics.empty());
  const Session& s = *r.session;
  CHECK(s.duration_s == 79 * 60);
  CHECK(s.language == "es");
  REQUIRE(!s.sections.empty());
  CHECK(s.sections[0].id == "introduccion");
  CHECK(s.sections[0].duration_s == 5 * 60);
  int sum = 0, quiz = 0;
  std::set<PromptKind> kinds;
  for (const auto& sec : s.sections) {
    sum += sec.duration_s;
    CHECK_FALSE(sec.objectives.empty());
    CHECK_FALSE(sec.notes.empty());
    for (const auto& p : sec.prompts) {
      kinds.insert(p.kind);
      if (sec.id == "quiz") ++quiz;
    }
  }
  CHECK(sum == 79 * 60);
  CHECK(quiz >= 6);
  CHECK(kinds.size() >= 3);
}

TEST_CASE("every example session is valid") {
  for (auto path : {"/sessions/examples/code-review-basics.yaml"}) {
    auto r = load_session(read_text(std::string(FACILITA_SOURCE_DIR) + path));
    CHECK_MESSAGE(r.ok(), path << "\n" << all_messages(r));
  }
}

TEST_CASE("unknown keys suggest the closest one") {
  auto text = replace(kValid, "    duration: 6 min", "    duraton: 6 min");
  auto r = load_session(text);
  const Diagnostic* d = find(r, "unknown key 'duraton' in section");
  REQUIRE(d);
  CHECK(d->line == 20);
  CHECK(d->col == 5);
  REQUIRE(!d->notes.empty());
  CHECK(d->notes[0] == "did you mean 'duration'?");
  CHECK(find(r, "missing required key 'duration'"));
}

TEST_CASE("bad duration text points into the value") {
  expect_error(replace(kValid, "duration: 4 min", "duration: 4 minz"), "unknown unit 'minz'", 10, 17);
  expect_error(replace(kValid, "duration: 4 min", "duration: \"4\""), "missing unit after 4", 10, 17);
  expect_error(replace(kValid, "duration: 4 min", "duration: 1.5 min"), "fractions are not allowed", 10, 16);
}

TEST_CASE("zero and negative durations") {
  expect_error(replace(kValid, "duration: 4 min", "duration: 0 min"), "greater than zero", 10, 15);
  expect_error(replace(kValid, "duration: 4 min", "duration: -4 min"), "must be positive", 10, 15);
}

TEST_CASE("section sum shows the arithmetic") {
  auto r = load_session(replace(kValid, "duration: 10 min", "duration: 11 min"));
  const Diagnostic* d = find(r, "add up to 10 min, not the session's 11 min");
  REQUIRE_MESSAGE(d, all_messages(r));
  CHECK(d->line == 8);
  REQUIRE(d->notes.size() == 2);
  CHECK(d->notes[0] == "4 + 6 = 10 min, expected 11 min");
  CHECK(d->notes[1].find("add 1 min") == 0);
}

TEST_CASE("min <= duration <= max") {
  expect_error(replace(kValid, "    duration: 4 min\n", "    duration: 4 min\n    min: 5 min\n"),
               "min 5 min is above its duration 4 min", 11, 5);
  expect_error(replace(kValid, "    duration: 4 min\n", "    duration: 4 min\n    max: 3 min\n"),
               "max 3 min is below its duration 4 min", 11, 5);
}

TEST_CASE("correct must be among options; options must not be empty") {
  auto r = load_session(replace(kValid, "correct: x", "correct: z"));
  const Diagnostic* d = find(r, "correct answer 'z' is not among the options");
  REQUIRE(d);
  CHECK(d->line == 17);
  CHECK(d->col == 18);
  expect_error(replace(kValid, "options: [x, y]", "options: []"), "'options' is empty", 16, 18);
  expect_error(replace(kValid, "correct: x", "correct: [x, y]"), "one correct option, not a list", 17, 18);
}

TEST_CASE("wrong types and kinds") {
  expect_error(replace(kValid, "title: Intro", "title: [a, b]"), "'title' must be text, not a list", 9, 12);
  expect_error(replace(kValid, "kind: choice", "kind: quiz"), "unknown prompt kind 'quiz'", 14, 15);
  expect_error(replace(kValid, "id: intro", "id: Intro_1"), "invalid id 'Intro_1'", 8, 9);
  expect_error(replace(kValid, "language: en", "language: fr"), "language must be 'es' or 'en'", 3, 11);
  expect_error(replace(kValid, "    duration: 6 min\n", "    duration: 6 min\n    fixed: maybe\n"),
               "'fixed' must be true or false", 21, 12);
}

TEST_CASE("duplicate YAML keys") {
  expect_error(replace(kValid, "title: Demo\n", "title: Demo\ntitle: Again\n"), "duplicate key 'title'", 3, 1);
}

TEST_CASE("every error is reported in one pass") {
  auto text = replace(replace(kValid, "kind: choice", "kind: quiz"), "duration: 6 min",
                      "duration: 6 mins please");
  auto r = load_session(text);
  CHECK(find(r, "unknown prompt kind"));
  CHECK(find(r, "bad duration"));
}

TEST_CASE("hostile files get a clear error and no crash") {
  SUBCASE("empty") { expect_error("", "file is empty", 0, 0); }
  SUBCASE("only whitespace") { expect_error("  \n\n", "file is empty", 0, 0); }
  SUBCASE("top level is a list") { expect_error("- a\n- b\n", "top level must be a mapping", 1, 1); }
  SUBCASE("top level is a scalar") { expect_error("hello\n", "top level must be a mapping", 1, 1); }
  SUBCASE("larger than 1 MiB") {
    std::string big(kMaxFileBytes + 1, 'a');
    expect_error(big, "larger than 1 MiB", 0, 0);
  }
  SUBCASE("deep flow nesting") {
    std::string deep = "id: " + std::string(100000, '[') + std::string(100000, ']') + "\n";
    expect_error(deep, "nesting deeper than 64 levels", 1, 67);
  }
  SUBCASE("deep compact sequences") {
    std::string deep;
    for (int i = 0; i < 100000; ++i) deep += "- ";
    deep += "x\n";
    expect_error(deep, "nesting deeper than 64 levels", 1, 127);
  }
  SUBCASE("deep block indentation") {
    std::string deep;
    for (int i = 0; i < 70; ++i) deep += std::string(i, ' ') + "k:\n";
    expect_error(deep, "nesting deeper than 64 levels", 64, 65);
  }
  SUBCASE("aliases") {
    expect_error("a: &x [1, 2]\nb: *x\n", "anchors (&name) are not allowed", 1, 4);
    expect_error("a: &x [1, 2]\nb: *x\n", "aliases (*name) are not allowed", 2, 4);
  }
  SUBCASE("billion laughs is refused before expansion") {
    std::string lol = "a: &a [x, x]\n";
    for (char c = 'b'; c <= 'z'; ++c)
      lol += std::string(1, c) + ": &" + c + " [*" + char(c - 1) + ", *" + char(c - 1) + "]\n";
    auto r = load_session(lol);
    CHECK_FALSE(r.ok());
    CHECK(find(r, "aliases"));
  }
  SUBCASE("invalid UTF-8 gives the byte offset") {
    std::string bad = "id: demo\ntitle: caf\xC3\x28\n";
    expect_error(bad, "invalid UTF-8 at byte offset 19", 2, 11);
  }
  SUBCASE("tabs in indentation") { expect_error("id: x\nsections:\n\t- id: a\n", "tab character in indentation", 3, 1); }
  SUBCASE("syntax error") { expect_error("id: [unclosed\n", "YAML syntax", 2, 1); }
  SUBCASE("two documents") { expect_error("id: a\n---\nid: b\n", "more than one YAML document", 0, 0); }
  SUBCASE("NUL byte") { expect_error(std::string("id: a\0b\n", 8), "NUL byte", 1, 6); }
  SUBCASE("huge string") {
    expect_error("title: \"" + std::string(70000, 'a') + "\"\n", "longer than 64 KiB", 1, 8);
  }
}

TEST_CASE("prompt objectives: loaded with positions; undefined or repeated ids are errors at the id") {
  auto r = load_session(replace(kValid, "        correct: x\n", "        correct: x\n        objectives: [one]\n"));
  REQUIRE_MESSAGE(r.ok(), all_messages(r));
  const Prompt& p = r.session->sections[0].prompts[0];
  CHECK(p.objectives == std::vector<std::string>{"one"});
  REQUIRE(p.objectives_pos.size() == 1);
  CHECK(p.objectives_pos[0].line == 18);
  CHECK(p.objectives_pos[0].col == 22);
  CHECK(r.session->sections[1].prompts.empty());

  auto bad = replace(kValid, "        correct: x\n", "        correct: x\n        objectives: [one, onee]\n");
  expect_error(bad, "names objective 'onee', which is not defined", 18, 27);
  const LoadResult loaded = load_session(bad);
  const Diagnostic* d = find(loaded, "names objective 'onee'");
  REQUIRE(d);
  REQUIRE_FALSE(d->notes.empty());
  CHECK(d->notes[0] == "did you mean 'one'?");

  expect_error(replace(kValid, "        correct: x\n", "        correct: x\n        objectives: [one, one]\n"),
               "lists objective 'one' twice", 18, 27);
  expect_error(replace(kValid, "        correct: x\n", "        correct: x\n        objectives: []\n"),
               "'objectives' is an empty list", 18, 21);
}
