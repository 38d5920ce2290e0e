// Duration text as authors write it: "5 min", "90 s", "1 h 5 min", "4:30", "79min".
#pragma once
#include <string>
#include <string_view>
#include <variant>

#include "core/messages.hpp"

namespace facilita {

struct DurationError {
  std::string message;  // English rendering of `what`
  std::string hint;     // English rendering of `hint_text`; may be empty
  int offset = 0;       // byte offset in the text where the problem starts
  Msg what;
  Msg hint_text;  // empty() when there is no hint
};

// Seconds (> 0) or an error saying what is wrong and how to write it.
std::variant<int, DurationError> parse_duration(std::string_view text);

// "79:00", "05:00", "125:00": minutes and seconds. Negative values get a '-'.
std::string format_clock(int seconds);
// Signed drift: "+3:10", "-1:00", "0:00".
std::string format_drift(int seconds);
// Human text for arithmetic: "5 min", "4 min 30 s", "90 s" -> "1 min 30 s".
std::string format_minutes(int seconds);

}  // namespace facilita
