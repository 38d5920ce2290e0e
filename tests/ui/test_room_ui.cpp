// The room message (M) and break (D) dialogs from the keyboard, and the
// break countdown / clock-time helpers.
#include <doctest/doctest.h>

#include <GLFW/glfw3.h>

#include <cstring>
#include <ctime>
#include <vector>

#include "ui/room_parts.hpp"
#include "ui/shortcuts.hpp"

using namespace facilita;
using namespace facilita::ui;

namespace {

struct Keys {
  Session session;
  State state = initial_state(session);
  UiState ui;
  std::vector<Command> sent;
  Dispatch dispatch = [this](Command c) { sent.push_back(std::move(c)); };
  void key(int k) { handle_shortcut(KeyInput{k, 0, 0}, session, state, dispatch, ui); }
  void type(char c) { handle_shortcut(KeyInput{0, 0, static_cast<unsigned>(c)}, session, state, dispatch, ui); }
};

}  // namespace

TEST_CASE("M opens the message dialog; typing goes to the field, Enter shows it, Esc cancels") {
  Keys k;
  k.type('m');
  CHECK(k.ui.message_dialog);
  CHECK(k.ui.dialog_opened);
  for (char c : std::string("r+ -bfpocv")) k.type(c);  // while typing, no key drives the session
  k.key(GLFW_KEY_SPACE);
  CHECK(k.sent.empty());
  CHECK_FALSE(k.ui.blackout);
  // Typed before the field had the focus (the frames right after M): kept in
  // the draft, in order, the M itself left out.
  CHECK(std::string(k.ui.message_draft) == "r+ -bfpocv");
  k.key(GLFW_KEY_BACKSPACE);  // keys without a character add nothing
  CHECK(std::string(k.ui.message_draft) == "r+ -bfpocv");
  k.key(GLFW_KEY_ENTER);
  REQUIRE(k.sent.size() == 1);
  CHECK(std::get<cmd::ShowMessage>(k.sent[0]).text == "r+ -bfpocv");
  CHECK_FALSE(k.ui.message_dialog);
  CHECK(k.ui.message_draft[0] == '\0');
  k.type('M');
  k.key(GLFW_KEY_ENTER);  // an empty draft sends nothing
  CHECK(k.sent.size() == 1);
  k.ui.dialog_opened = false;  // the field has the focus now: ImGui edits the draft, not the shortcuts
  std::strcpy(k.ui.message_draft, "Regresamos en 5 minutos");
  k.type('x');
  CHECK(std::string(k.ui.message_draft) == "Regresamos en 5 minutos");
  k.key(GLFW_KEY_ENTER);
  REQUIRE(k.sent.size() == 2);
  CHECK(std::get<cmd::ShowMessage>(k.sent[1]).text == "Regresamos en 5 minutos");
  k.type('M');
  k.key(GLFW_KEY_ESCAPE);
  CHECK_FALSE(k.ui.message_dialog);
  CHECK(k.sent.size() == 2);
}

TEST_CASE("D opens the break dialog; Enter starts a break of the chosen minutes or until a clock time") {
  Keys k;
  k.ui.now = 1'700'000'000'000;
  k.type('d');
  CHECK(k.ui.break_dialog);
  k.key(GLFW_KEY_ENTER);
  REQUIRE(k.sent.size() == 1);
  CHECK(std::get<cmd::StartBreak>(k.sent[0]).until == k.ui.now + 10 * 60'000);  // the default: 10 minutes
  CHECK_FALSE(k.ui.break_dialog);
  k.type('D');
  k.ui.break_minutes = 0;
  std::strcpy(k.ui.break_clock, "99:99");  // unreadable: the dialog stays open, nothing is sent
  k.key(GLFW_KEY_ENTER);
  CHECK(k.ui.break_dialog);
  CHECK(k.sent.size() == 1);
  k.key(GLFW_KEY_ESCAPE);
  CHECK_FALSE(k.ui.break_dialog);
}

TEST_CASE("break countdown text and the next local clock time") {
  CHECK(break_countdown_text(252'000) == "4:12");
  CHECK(break_countdown_text(251'001) == "4:12");  // a partial second shows as the next whole one
  CHECK(break_countdown_text(0) == "0:00");
  CHECK(break_countdown_text(-5'000) == "0:00");
  CHECK(break_countdown_text(3'723'000) == "1:02:03");

  const Millis now = 1'700'000'000'000;
  std::time_t s = static_cast<std::time_t>(now / 1000);
  std::tm local{};
  localtime_r(&s, &local);
  char later[8];
  std::snprintf(later, sizeof later, "%02d:%02d", (local.tm_hour + 1) % 24, local.tm_min);
  auto at = next_local_clock(later, now);
  REQUIRE(at);
  CHECK(*at > now);
  CHECK(*at - now <= 3600'000);
  CHECK(*at - now > 3540'000);
  char earlier[8];
  std::snprintf(earlier, sizeof earlier, "%02d:%02d", local.tm_hour, local.tm_min);  // this minute: tomorrow
  auto tomorrow = next_local_clock(earlier, now);
  REQUIRE(tomorrow);
  CHECK(*tomorrow - now > 23 * 3600'000LL);
  CHECK_FALSE(next_local_clock("25:00", now));
  CHECK_FALSE(next_local_clock("11:05x", now));
  CHECK_FALSE(next_local_clock("", now));
}
