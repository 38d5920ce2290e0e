#include "ui/room_parts.hpp"

#include <cstdio>
#include <cstring>
#include <ctime>

namespace facilita::ui {

std::string break_countdown_text(Millis remaining_ms) {
  const Millis s = remaining_ms <= 0 ? 0 : (remaining_ms + 999) / 1000;  // 0:00 only when it is time
  char text[32];
  if (s >= 3600)
    std::snprintf(text, sizeof text, "%lld:%02lld:%02lld", static_cast<long long>(s / 3600),
                  static_cast<long long>(s / 60 % 60), static_cast<long long>(s % 60));
  else
    std::snprintf(text, sizeof text, "%lld:%02lld", static_cast<long long>(s / 60), static_cast<long long>(s % 60));
  return text;
}

std::optional<Millis> next_local_clock(const char* hhmm, Millis now) {
  int h = -1, m = -1;
  char tail = 0;
  if (std::sscanf(hhmm, "%d:%d%c", &h, &m, &tail) != 2 || h < 0 || h > 23 || m < 0 || m > 59) return std::nullopt;
  std::time_t seconds = static_cast<std::time_t>(now / 1000);
  std::tm local{};
  localtime_r(&seconds, &local);
  for (int day = 0; day < 2; ++day) {
    std::tm at = local;
    at.tm_mday += day;
    at.tm_hour = h;
    at.tm_min = m;
    at.tm_sec = 0;
    at.tm_isdst = -1;
    const std::time_t t = std::mktime(&at);
    if (t != static_cast<std::time_t>(-1) && static_cast<Millis>(t) * 1000 > now) return static_cast<Millis>(t) * 1000;
  }
  return std::nullopt;
}

std::optional<Millis> break_until_choice(const UiState& ui) {
  if (ui.break_minutes > 0) return ui.now + static_cast<Millis>(ui.break_minutes) * 60'000;
  return next_local_clock(ui.break_clock, ui.now);
}

void open_message_dialog(UiState& ui) {
  ui.message_dialog = true;
  ui.break_dialog = false;
  ui.dialog_opened = true;
}

void open_break_dialog(UiState& ui) {
  ui.break_dialog = true;
  ui.message_dialog = false;
  ui.dialog_opened = true;
}

void type_ahead(UiState& ui, unsigned codepoint) {
  if (codepoint < 0x20 || codepoint == 0x7f || codepoint > 0x10ffff) return;
  char bytes[4];
  std::size_t n = 0;
  if (codepoint < 0x80) {
    bytes[n++] = static_cast<char>(codepoint);
  } else if (codepoint < 0x800) {
    bytes[n++] = static_cast<char>(0xc0 | (codepoint >> 6));
    bytes[n++] = static_cast<char>(0x80 | (codepoint & 0x3f));
  } else if (codepoint < 0x10000) {
    bytes[n++] = static_cast<char>(0xe0 | (codepoint >> 12));
    bytes[n++] = static_cast<char>(0x80 | ((codepoint >> 6) & 0x3f));
    bytes[n++] = static_cast<char>(0x80 | (codepoint & 0x3f));
  } else {
    bytes[n++] = static_cast<char>(0xf0 | (codepoint >> 18));
    bytes[n++] = static_cast<char>(0x80 | ((codepoint >> 12) & 0x3f));
    bytes[n++] = static_cast<char>(0x80 | ((codepoint >> 6) & 0x3f));
    bytes[n++] = static_cast<char>(0x80 | (codepoint & 0x3f));
  }
  std::size_t len = std::strlen(ui.message_draft);
  if (len + n + 1 > sizeof ui.message_draft) return;  // full: the field would refuse it too
  std::memcpy(ui.message_draft + len, bytes, n);
  ui.message_draft[len + n] = '\0';
}

void send_room_message(const Dispatch& dispatch, UiState& ui) {
  if (ui.message_draft[0] == '\0') return;
  dispatch(cmd::ShowMessage{ui.message_draft});  // the engine trims and checks it
  ui.message_draft[0] = '\0';
  ui.message_dialog = false;
}

void start_break(const Dispatch& dispatch, UiState& ui) {
  const auto until = break_until_choice(ui);
  if (!until) return;
  dispatch(cmd::StartBreak{*until});
  ui.break_dialog = false;
}

}  // namespace facilita::ui
