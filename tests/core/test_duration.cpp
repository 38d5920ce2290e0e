#include <doctest/doctest.h>

#include "core/duration.hpp"

using namespace facilita;

static int seconds(const char* text) {
  auto r = parse_duration(text);
  REQUIRE_MESSAGE(std::holds_alternative<int>(r), text << ": " << std::get<DurationError>(r).message);
  return std::get<int>(r);
}
static DurationError failure(const char* text) {
  auto r = parse_duration(text);
  REQUIRE_MESSAGE(std::holds_alternative<DurationError>(r), text << " parsed as " << std::get<int>(r));
  return std::get<DurationError>(r);
}

TEST_CASE("duration grammar: unit forms") {
  CHECK(seconds("5 min") == 300);
  CHECK(seconds("79min") == 79 * 60);
  CHECK(seconds("90 s") == 90);
  CHECK(seconds("1 h 5 min") == 3900);
  CHECK(seconds("1h5min30s") == 3930);
  CHECK(seconds("  2 minutos ") == 120);
  CHECK(seconds("1 hora") == 3600);
  CHECK(seconds("45 seg") == 45);
}

TEST_CASE("duration grammar: clock forms") {
  CHECK(seconds("4:30") == 270);
  CHECK(seconds("0:45") == 45);
  CHECK(seconds("1:05:00") == 3900);
}

TEST_CASE("duration grammar: errors say where and why") {
  auto e = failure("5");
  CHECK(e.message == "missing unit after 5");
  CHECK(e.offset == 1);
  CHECK(e.hint.find("5 min") != std::string::npos);
  CHECK(failure("5 minutes please").message == "expected a number");
  CHECK(failure("5 minutes please").offset == 10);
  CHECK(failure("1.5 min").message == "fractions are not allowed");
  CHECK(failure("0 min").message == "duration must be greater than zero");
  CHECK(failure("0:00").message == "duration must be greater than zero");
  CHECK(failure("-5 min").message == "duration must be positive");
  CHECK(failure("").message == "empty duration");
  CHECK(failure("5 parsecs").message == "unknown unit 'parsecs'");
  CHECK(failure("5 parsecs").offset == 2);
  CHECK(failure("5 s 3 min").message.find("out of order") != std::string::npos);
  CHECK(failure("4:7").message.find("two digits") != std::string::npos);
  CHECK(failure("4:75").message == "seconds must be below 60");
  CHECK(failure("25 h").message == "duration longer than 24 h");
  CHECK(failure("min").message == "expected a number");
}

TEST_CASE("clock and drift formatting") {
  CHECK(format_clock(0) == "00:00");
  CHECK(format_clock(79 * 60) == "79:00");
  CHECK(format_clock(3725) == "62:05");
  CHECK(format_clock(-65) == "-01:05");
  CHECK(format_drift(190) == "+3:10");
  CHECK(format_drift(-60) == "-1:00");
  CHECK(format_drift(0) == "0:00");
  CHECK(format_minutes(270) == "4 min 30 s");
  CHECK(format_minutes(300) == "5 min");
}
