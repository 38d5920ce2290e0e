// The wire protocol without the wire: parsing and shape-checking client
// messages, turning admin requests into Commands, building replies, tokens.
// No sockets here, so all of it is unit-testable. docs/protocol.md is the
// reference for the messages.
#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/dispatch_result.hpp"
#include "core/engine.hpp"

namespace facilita::net {

// ------------------------------------------------------------- limits
// Shape checks only: the engine enforces its own limits (core/engine.hpp:
// kMaxNameChars, kMaxTextAnswerBytes) and answers bad-name / bad-value.
inline constexpr std::size_t kMaxIdBytes = 100;         // prompt / section ids
inline constexpr std::size_t kMaxMultiChoices = 32;
inline constexpr std::int64_t kMaxSeq = (std::int64_t{1} << 53);  // exact in JS numbers
inline constexpr int kMaxAdjustMinutes = 60;
inline constexpr int kMaxBreakMinutes = 240;  // `break` {minutes}
inline constexpr std::size_t kMaxQuestionBytes = 4 * 280 + 64;  // the engine counts code points (bad-text)

// ------------------------------------------------------------- client messages
struct HelloMsg {
  std::string name;   // cleaned; empty for an admin hello
  std::string token;  // fellow token as sent (may be empty or malformed: then a new one is issued)
  std::optional<std::string> admin;  // admin token, when present
};
struct AnswerMsg {
  std::string prompt;
  AnswerValue value;
  std::int64_t seq = 0;
};
struct CommandMsg {  // admin command over the socket: {"type":"command","command":"next",...}
  nlohmann::json body;
  std::optional<std::int64_t> seq;
};
struct PingMsg {
  nlohmann::json t;  // echoed back
};
struct AskMsg {  // {"type":"ask","text":…,"anonymous":bool,"seq":n}
  std::string text;
  bool anonymous = true;
  std::int64_t seq = 0;
};
struct UpvoteMsg {  // {"type":"upvote","question":"qa-3","seq":n}
  std::string question;
  std::int64_t seq = 0;
};
using ClientMessage = std::variant<HelloMsg, AnswerMsg, CommandMsg, PingMsg, AskMsg, UpvoteMsg>;

struct ProtocolError {
  std::string code;  // bad-json, bad-message, bad-value, bad-name, ...
  std::string message;
  std::optional<std::int64_t> seq;
};

// Parses one text frame. Never throws.
std::variant<ClientMessage, ProtocolError> parse_client_message(std::string_view text);

// What the network thread knows from the last published admin state, to
// resolve `goto` by section id and `close`/`reveal` without a prompt.
struct AdminContext {
  std::vector<std::string> section_ids;
  std::string open_prompt;
  std::string displayed_prompt;
  Millis now = 0;  // the wall clock when the command arrived: `break` {minutes} ends at now + minutes
  nlohmann::json rebalance = nullptr;  // admin.rebalance: the proposal `rebalance` answers with (null = none)
};
AdminContext admin_context_from(const nlohmann::json& admin_state);

// {"command":"start|pause|resume|next|prev|goto|open|close|reveal|extend|shorten|undo|end|hide", ...}
std::variant<Command, ProtocolError> admin_command(const nlohmann::json& body, const AdminContext& context);

// protocol_plan.cpp: `show`, `accept-rebalance`, `unlock` (nullopt: not one of them).
std::optional<std::variant<Command, ProtocolError>> plan_command(const std::string& name, const nlohmann::json& body,
                                                                 const AdminContext& context,
                                                                 std::optional<std::int64_t> seq);

// Requests answered from the last published admin state, never queued for the
// main thread: {"command":"rebalance"} -> {"type":"rebalance","proposal":{...}}
// (or an error `no-rebalance`). nullopt: not a request, use admin_command.
std::optional<nlohmann::json> admin_query(const nlohmann::json& body, const AdminContext& context);

// ------------------------------------------------------------- replies
nlohmann::json error_json(std::string_view code, std::string_view message,
                          std::optional<std::int64_t> seq = std::nullopt);
nlohmann::json ack_json(std::int64_t seq, bool duplicate);

// What a client may see of a refused command. The engine's rejection codes
// keep their message (decide builds it from the session and the command
// only); `storage`, `internal` and every other code get a fixed text, because
// their message may name files or internals (the app logs the detail).
ProtocolError public_error(const DispatchResult& result, std::optional<std::int64_t> seq = std::nullopt);

// ------------------------------------------------------------- tokens
std::string random_token();                          // 128 random bits as 32 lowercase hex digits
bool is_valid_token(std::string_view token);         // 32 hex digits
std::string participant_id(std::string_view token);  // "p-" + 12 hex digits of SHA-1(token); stable
bool tokens_equal(std::string_view a, std::string_view b);  // constant time in the length of b

// Trims, rejects control characters and more than facilita::kMaxNameChars code points.
std::optional<std::string> clean_name(std::string_view name);

}  // namespace facilita::net
