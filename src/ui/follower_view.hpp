// The fellow's window (`facilita join`): connection status, section and its
// clock, the content, the open prompt with an input for its kind, and the
// results once revealed. A pure function of a FollowerModel (built by the app
// from net::FollowerClient's snapshot; the room is the typed net::FellowState,
// so nothing here reads JSON); actions go out through callbacks.
#pragma once
#include <array>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/engine.hpp"
#include "net/fellow_state.hpp"
#include "ui/ui_state.hpp"

namespace facilita::ui {

enum class FollowerLink { Connecting, Online, Retrying, Failed };
enum class FollowerAnswerStatus { Sending, Acked, Rejected };

struct FollowerAnswer {
  net::FellowValue value;
  FollowerAnswerStatus status = FollowerAnswerStatus::Sending;
  std::string reason;  // error code when rejected
};

struct FollowerModel {
  FollowerLink link = FollowerLink::Connecting;
  bool welcomed = false;
  std::string name;
  std::string error_code;  // not-facilita, protocol, bad-name, room-full, refused, ...
  std::string error;       // English one-liner (shown when there is no translation)
  int retry_in_s = 0;
  const net::FellowState* room = nullptr;  // null before the first state
  Millis server_now = 0;                  // local clock + offset to the server's
  std::map<std::string, FollowerAnswer> answers;  // by prompt id
  int pending = 0;                                // answers not acknowledged yet
};

// What the fellow is editing; kept across frames by the app.
struct FollowerDraft {
  std::string prompt;  // the prompt the draft belongs to; another one resets it
  int choice = -1;
  std::vector<bool> multi;
  int scale = 0;
  std::array<char, 512> text{};
  std::array<char, 64> name{};
  bool dirty = false;  // changed since the last send
};

struct FollowerActions {
  std::function<void(const std::string& prompt, const net::FellowValue& value)> answer;
  std::function<void(const std::string& name)> join;
};

// The whole window (current ImGui context, full display size).
void draw_follower_window(const FollowerModel& model, FollowerDraft& draft, const FollowerActions& actions,
                          UiState& ui);

// "12:34", "+01:05" when over; for the clock line.
std::string follower_clock_text(Millis remaining_ms);

// What a link's `error_code` means, in words for a fellow ("not-facilita",
// "room-full", "busy", "refused"…); nullptr for a code it does not know by name.
// The technical detail (FollowerSnapshot::error) stays out of the window.
const char* follower_error_text(const std::string& code, const UiState& ui);

// The room message (a line) and a break (countdown) above the section; true
// while a break replaces the section (follower_room.cpp).
bool draw_follower_room(const FollowerModel& model, UiState& ui);
// The fellow's own verdict on a revealed prompt and their score cards
// (follower_feedback_view.cpp).
void draw_own_verdict(const net::FellowState& room, const net::FellowPrompt& prompt, UiState& ui);
void draw_score_cards(const net::FellowState& room, UiState& ui);

}  // namespace facilita::ui
