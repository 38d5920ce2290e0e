// Helpers for the loader's tests: a small valid session that tests change one
// thing at a time, and lookups of diagnostics by message.
#pragma once
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "core/loader.hpp"

namespace facilita::test {

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A small valid session; tests change one thing at a time.
inline const char* kValid = R"(id: demo
title: Demo
language: en
duration: 10 min
objectives:
  - {id: one, text: First}
sections:
  - id: intro
    title: Intro
    duration: 4 min
    objectives: [one]
    prompts:
      - id: q-a
        kind: choice
        text: Pick
        options: [x, y]
        correct: x
  - id: body
    title: Body
    duration: 6 min
)";

inline std::string replace(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  return text.replace(at, from.size(), to);
}

// Finds the diagnostic whose message contains `needle`.
inline const Diagnostic* find(const LoadResult& r, const std::string& needle) {
  for (const auto& d : r.diagnostics)
    if (d.message.find(needle) != std::string::npos) return &d;
  return nullptr;
}

inline std::string all_messages(const LoadResult& r) {
  std::string out;
  for (const auto& d : r.diagnostics) out += format_diagnostic("f.yaml", d, Lang::En);
  return out;
}

inline void expect_error(const std::string& text, const std::string& needle, int line, int col) {
  auto r = load_session(text);
  CHECK_FALSE(r.ok());
  const Diagnostic* d = find(r, needle);
  REQUIRE_MESSAGE(d, "no '" << needle << "' in:\n" << all_messages(r));
  CHECK(d->severity == Severity::Error);
  CHECK_MESSAGE(d->line == line, all_messages(r));
  CHECK_MESSAGE(d->col == col, all_messages(r));
}

}  // namespace facilita::test
