#include <doctest/doctest.h>

#include <string>

#include "print/documents.hpp"
#include "print/print_strings.hpp"

using namespace facilita::print;

TEST_CASE("every printed string has Spanish and English text") {
  for (int i = 0; i < static_cast<int>(Str::Count); ++i) {
    CAPTURE(i);
    CHECK(has_entry(static_cast<Str>(i)));
    CHECK(std::string(tr(Lang::Es, static_cast<Str>(i))) != "?");
  }
  CHECK(std::string(tr(Lang::Es, Str::PageOf)) == "Página {page} de {pages}");
  CHECK(std::string(tr(Lang::En, Str::PageOf)) == "Page {page} of {pages}");
  CHECK(lang_from("en") == Lang::En);
  CHECK(lang_from("es") == Lang::Es);
  CHECK(lang_from("") == Lang::Es);
}

TEST_CASE("plan times: clock times from a start, offsets without one") {
  CHECK(plan_time(10 * 3600, 0) == "10:00");
  CHECK(plan_time(10 * 3600, 79 * 60) == "11:19");
  CHECK(plan_time(23 * 3600 + 50 * 60, 20 * 60) == "00:10");
  CHECK(plan_time(std::nullopt, 0) == "0:00");
  CHECK(plan_time(std::nullopt, 79 * 60) == "1:19");
  CHECK(parse_start_time("10:00") == 36000);
  CHECK(parse_start_time("9:30") == 9 * 3600 + 30 * 60);
  CHECK_FALSE(parse_start_time("24:00"));
  CHECK_FALSE(parse_start_time("10:60"));
  CHECK_FALSE(parse_start_time("10"));
  CHECK_FALSE(parse_start_time("aa:bb"));
  CHECK(minutes_text(5 * 60) == "5 min");
  CHECK(minutes_text(79 * 60) == "1 h 19 min");
  CHECK(minutes_text(60 * 60) == "1 h");
  CHECK(minutes_text(45) == "45 s");
}

TEST_CASE("author text is escaped for markup") {
  CHECK(escape_markup("a <b> & c") == "a &lt;b&gt; &amp; c");
}
