#include "core/duration.hpp"

#include <array>
#include <cctype>
#include <cstdlib>

namespace facilita {
namespace {

struct Unit {
  std::string_view name;
  int seconds;
  int rank;  // units must appear from largest to smallest, each once
};

constexpr std::array<Unit, 18> kUnits{{
    {"h", 3600, 0},       {"hr", 3600, 0},       {"hora", 3600, 0},    {"horas", 3600, 0},
    {"hour", 3600, 0},    {"hours", 3600, 0},    {"min", 60, 1},       {"m", 60, 1},
    {"minuto", 60, 1},    {"minutos", 60, 1},    {"minute", 60, 1},    {"minutes", 60, 1},
    {"s", 1, 2},          {"sec", 1, 2},         {"seg", 1, 2},        {"segundos", 1, 2},
    {"mins", 60, 1},      {"hrs", 3600, 0},
}};

const Unit* find_unit(std::string_view word) {
  for (const auto& unit : kUnits)
    if (unit.name == word) return &unit;
  if (word == "seconds" || word == "second" || word == "segundo") return &kUnits[12];
  return nullptr;
}

bool is_space(char c) { return c == ' '; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

constexpr int kMaxSeconds = 24 * 3600;
const Msg kHint = msg(M::NoteDurationHint);

DurationError fail(Msg what, int offset, Msg hint = kHint) {
  DurationError e;
  e.message = render(what, Lang::En);
  e.hint = hint.key == M::Literal ? std::string() : render(hint, Lang::En);
  e.offset = offset;
  e.what = std::move(what);
  e.hint_text = std::move(hint);
  return e;
}
const Msg kNoHint{};

// "m:ss" or "h:mm:ss"
std::variant<int, DurationError> parse_colon_form(std::string_view text, int base) {
  int parts[3] = {0, 0, 0};
  int count = 0;
  std::size_t i = 0;
  while (i <= text.size()) {
    std::size_t start = i;
    while (i < text.size() && is_digit(text[i])) ++i;
    if (i == start || i - start > 5) return fail(msg(M::DurMalformedClock), base + int(start));
    if (count == 3) return fail(msg(M::DurTooManyParts), base + int(start));
    parts[count++] = std::atoi(std::string(text.substr(start, i - start)).c_str());
    if (count > 1 && i - start != 2)
      return fail(msg(M::DurTwoDigits), base + int(start));
    if (i == text.size()) break;
    if (text[i] != ':') return fail(msg(M::DurUnexpectedChar), base + int(i));
    ++i;
  }
  if (count < 2) return fail(msg(M::DurMalformedClock), base);
  int seconds = 0;
  if (count == 2) {
    if (parts[1] >= 60) return fail(msg(M::DurSecondsBelow60), base);
    seconds = parts[0] * 60 + parts[1];
  } else {
    if (parts[1] >= 60 || parts[2] >= 60) return fail(msg(M::DurMinSecBelow60), base);
    seconds = parts[0] * 3600 + parts[1] * 60 + parts[2];
  }
  return seconds;
}

}  // namespace

std::variant<int, DurationError> parse_duration(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && is_space(text[i])) ++i;
  std::size_t end = text.size();
  while (end > i && is_space(text[end - 1])) --end;
  if (i == end) return fail(msg(M::DurEmpty), 0);
  std::string_view body = text.substr(i, end - i);
  const int base = static_cast<int>(i);
  if (body[0] == '-') return fail(msg(M::DurPositive), base, msg(M::NoteRemoveMinus));

  std::variant<int, DurationError> result;
  if (body.find(':') != std::string_view::npos) {
    result = parse_colon_form(body, base);
  } else {
    int total = 0;
    int last_rank = -1;
    std::size_t p = 0;
    while (p < body.size()) {
      std::size_t num_start = p;
      while (p < body.size() && is_digit(body[p])) ++p;
      if (p == num_start)
        return fail(msg(M::DurExpectedNumber), base + int(num_start));
      if (p - num_start > 6) return fail(msg(M::DurNumberTooLarge), base + int(num_start));
      long value = std::atol(std::string(body.substr(num_start, p - num_start)).c_str());
      if (p < body.size() && (body[p] == '.' || body[p] == ','))
        return fail(msg(M::DurFractions), base + int(p), msg(M::NoteWholeUnits));
      while (p < body.size() && is_space(body[p])) ++p;
      std::size_t unit_start = p;
      while (p < body.size() && is_alpha(body[p])) ++p;
      std::string unit_text;
      for (char c : body.substr(unit_start, p - unit_start))
        unit_text += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (unit_text.empty())
        return fail(msg(M::DurMissingUnit, std::to_string(value)), base + int(unit_start),
                    msg(M::NoteAddUnit, std::to_string(value)));
      const Unit* unit = find_unit(unit_text);
      if (!unit)
        return fail(msg(M::DurUnknownUnit, unit_text), base + int(unit_start), msg(M::NoteUnits));
      if (unit->rank <= last_rank)
        return fail(msg(M::DurUnitOrder, unit_text), base + int(unit_start), msg(M::NoteUnitOrder));
      last_rank = unit->rank;
      total += static_cast<int>(value) * unit->seconds;
      if (total > kMaxSeconds) return fail(msg(M::DurOver24h), base, kNoHint);
      while (p < body.size() && is_space(body[p])) ++p;
    }
    result = total;
  }
  if (auto* seconds = std::get_if<int>(&result)) {
    if (*seconds <= 0) return fail(msg(M::DurZero), base, kNoHint);
    if (*seconds > kMaxSeconds) return fail(msg(M::DurOver24h), base, kNoHint);
  }
  return result;
}

std::string format_clock(int seconds) {
  std::string sign = seconds < 0 ? "-" : "";
  int s = seconds < 0 ? -seconds : seconds;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%02d:%02d", sign.c_str(), s / 60, s % 60);
  return buf;
}

std::string format_drift(int seconds) {
  int s = seconds < 0 ? -seconds : seconds;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%d:%02d", seconds > 0 ? "+" : (seconds < 0 ? "-" : ""), s / 60, s % 60);
  return buf;
}

std::string format_minutes(int seconds) {
  int m = seconds / 60, s = seconds % 60;
  if (m && s) return std::to_string(m) + " min " + std::to_string(s) + " s";
  if (m) return std::to_string(m) + " min";
  return std::to_string(s) + " s";
}

}  // namespace facilita
