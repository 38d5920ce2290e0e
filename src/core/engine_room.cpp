// decide() for room messages and breaks. A message is one line of 1 to 140
// code points shown on the projector and every fellow page until cleared; a
// break pauses the agenda and shows a countdown to a clock time. The break
// never ends by itself: the facilitator ends it (EndBreak, or Resume).
#include <string>

#include "core/engine.hpp"
#include "core/engine_decide.hpp"
#include "core/text_util.hpp"

namespace facilita::detail {

Decision decide_room(const State&, const cmd::ShowMessage& c, Millis now) {
  const std::string message = text::trim(c.text);
  if (message.empty() || !text::valid_utf8(message) || text::code_points(message) > kMaxRoomMessageChars ||
      text::has_control(message))
    return rejected("bad-text",
                    "a message is 1 to " + std::to_string(kMaxRoomMessageChars) + " characters on one line");
  if (text::has_invisible(message))
    return rejected("bad-text", "a message cannot contain invisible or text-direction characters");
  return events(now, {ev::MessageShown{message}});
}

Decision decide_room(const State& state, const cmd::ClearMessage&, Millis now) {
  if (state.room_message.empty()) return rejected("no-message", "no message is shown");
  return events(now, {ev::MessageCleared{}});
}

Decision decide_room(const State& state, const cmd::StartBreak& c, Millis now) {
  const AgendaState& a = state.agenda;
  if (!a.started) return rejected("not-started", "start the session first");
  if (c.until <= now) return rejected("bad-time", "a break ends in the future");
  if (c.until - now > kMaxBreakMs) return rejected("bad-time", "a break ends at most 4 hours ahead");
  // A break while paused (or a new end time during a break) pauses nothing more.
  if (a.running) return events(now, {ev::Paused{}, ev::BreakStarted{c.until}});
  return events(now, {ev::BreakStarted{c.until}});
}

Decision decide_room(const State& state, const cmd::EndBreak&, Millis now) {
  if (state.break_until == 0) return rejected("no-break", "there is no break to end");
  if (state.agenda.running) return events(now, {ev::BreakEnded{}});  // only from a damaged journal
  return events(now, {ev::BreakEnded{}, ev::Resumed{}});
}

std::vector<EventData> room_closing(const State& state) {
  std::vector<EventData> out;
  if (state.break_until != 0) out.push_back(ev::BreakEnded{});
  if (!state.room_message.empty()) out.push_back(ev::MessageCleared{});
  return out;
}

}  // namespace facilita::detail
