// What a fellow knows about the room, decoded from the server's messages
// (docs/protocol.md: `state`, `content`, `live`). Plain data, no JSON, so the
// follower window draws from it without parsing anything; the decoding is in
// net/fellow_decoder.hpp.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace facilita::net {

enum class RoomStatus { Waiting, Running, Paused, Ended };
enum class RoomPhase { Normal, WrapUp, Overtime };

// The section's current activity step (`section.step`) and its list (`section.steps`).
struct FellowStep {
  std::string id;
  std::string title;
  std::string text;
  int index = 0;  // 0-based
  int count = 0;
  int planned_s = 0;
  int remaining_s = 0;                  // at server_time; negative past zero
  std::optional<std::int64_t> ends_at;  // server clock, ms; only while running
};

struct FellowSection {
  std::string id;
  std::string title;
  int index = 0;  // 0-based
  int count = 0;
  int planned_s = 0;
  int remaining_s = 0;  // at server_time
  RoomPhase phase = RoomPhase::Normal;
  std::optional<std::int64_t> ends_at;  // server clock, ms; only while running
  std::string content_key;
  std::optional<FellowStep> step;  // null when the section has no steps
  std::vector<FellowStep> steps;   // id, title, planned_s of each
};

struct FellowScale {
  int min = 1;
  int max = 5;
  std::vector<std::string> labels;
};

struct FellowPrompt {
  std::string id;
  std::string kind;  // choice, poll, multi, scale, text
  std::string text;
  std::vector<std::string> options;
  bool open = false;
  bool revealed = false;
  std::optional<FellowScale> scale;
  int time_s = 0;
  std::optional<std::int64_t> closes_at;
};

struct FellowOptionResult {
  std::string label;
  int count = 0;
  double percent = 0;
  bool correct = false;
};

struct FellowResults {
  int answered = 0;
  int participants = 0;
  bool text = false;  // texts/top_words instead of options
  std::vector<FellowOptionResult> options;
  std::optional<double> mean;  // scales
  std::vector<std::string> texts;
  std::vector<std::pair<std::string, int>> top_words;
};

// The fellow's own feedback (`you`): a verdict per revealed quiz prompt they
// answered, and a score card per quiz section the room has left.
struct FellowVerdict {
  std::string verdict;  // "" = none yet; right | wrong | partial
  std::vector<std::string> right, missing, extra;
};
struct FellowScore {
  std::string section;
  std::string title;
  int right = 0;
  int of = 0;
};
struct FellowYou {
  bool known = false;
  std::map<std::string, FellowVerdict> answers;  // by prompt id
  std::vector<FellowScore> scores;
};

struct FellowState {
  bool known = false;  // a state arrived
  std::int64_t version = 0;
  std::int64_t server_time = 0;
  std::string session_id;
  std::string session_title;
  std::string language;
  RoomStatus status = RoomStatus::Waiting;
  std::optional<FellowSection> section;
  // The section's markdown: inline in the state, or from the `content`
  // message with its key; null while the content is not known yet.
  std::shared_ptr<const std::string> content;
  std::optional<std::string> next_section_title;
  std::optional<FellowPrompt> prompt;
  std::optional<FellowResults> results;
  int answered = 0;
  int participants = 0;
  std::string message;                       // the room message; "" = none
  std::optional<std::int64_t> break_until;   // server clock, ms; set during a break
  FellowYou you;  // from `you` messages; kept across states

  bool ended() const { return status == RoomStatus::Ended; }
};

// An answer value as the fellow sent it: a string (choice, poll, text), a
// list (multi) or a whole number (scale).
struct FellowValue {
  std::optional<std::string> text;
  std::vector<std::string> list;
  bool is_list = false;
  std::optional<int> number;
};

}  // namespace facilita::net
