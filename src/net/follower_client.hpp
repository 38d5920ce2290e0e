// The fellow's side of docs/protocol.md for `facilita join`: a Beast
// WebSocket client on a thread of its own (no ImGui, no GLFW), behaving like
// the fellow page (assets/web/app.js):
//  - connects to ws://host:port/ws, says hello with the name and the token
//    kept in a JSON file (keyed by server address), follows `state`,
//    `content` and `live` into a typed FellowState (net/fellow_state.hpp);
//  - answer() gives each answer the next seq and keeps it in a pending queue,
//    persisted to the same file, until the server acks it; every pending
//    answer is resent after each welcome (the server counts a seq once);
//  - an answer refused with `storage` or `rate-limited` stays queued and is
//    resent shortly; other refusals (e.g. `ended`, `prompt-closed`) reject it;
//  - reconnects with jittered exponential backoff (0.5 s -> 10 s) on a refused
//    connection or a drop; stops for good, with a clear message, on a server
//    that is not a Facilita server or speaks another protocol version.
// The UI reads snapshot() (thread-safe) and is woken through `wake`.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "net/fellow_state.hpp"

namespace facilita::net {

inline constexpr int kFollowerProtocol = 1;  // welcome's optional "protocol" field

struct ServerAddress {
  std::string host;
  unsigned short port = 0;
  std::string key() const { return host + ":" + std::to_string(port); }
};

// "http://host:port/", "ws://host:port/ws", "host:port" (port defaults to 80).
// nullopt with a one-line `error` otherwise.
std::optional<ServerAddress> parse_server_url(std::string_view url, std::string& error);

enum class LinkStatus {
  Connecting,  // first attempt under way
  Online,      // socket open (welcomed tells whether hello was answered)
  Retrying,    // waiting `retry_at_ms` before the next attempt
  Failed,      // not a Facilita server / other protocol version: no more attempts
};

enum class AnswerStatus { Sending, Acked, Rejected };

struct MyAnswer {
  nlohmann::json value;
  std::int64_t seq = 0;
  AnswerStatus status = AnswerStatus::Sending;
  std::string reason;  // error code when rejected
};

struct PendingAnswer {
  std::int64_t seq = 0;
  std::string prompt;
  nlohmann::json value;
};

struct FollowerSnapshot {
  std::uint64_t revision = 0;  // bumps on every change
  LinkStatus status = LinkStatus::Connecting;
  bool welcomed = false;
  std::string name;
  std::string participant;
  FellowState room;            // decoded state (room.known false before the first)
  std::int64_t offset_ms = 0;  // server clock - local clock (from server_time)
  std::int64_t retry_at_ms = 0;  // local epoch ms of the next attempt (Retrying)
  std::string error_code;      // not-facilita, protocol, bad-name, room-full, refused, dropped, ...
  std::string error;           // one line, English (for logs / stderr)
  std::vector<PendingAnswer> pending;      // unacked, seq order
  std::map<std::string, MyAnswer> answers;  // by prompt id
};

struct FollowerOptions {
  ServerAddress address;
  std::string name;        // "" = join later with set_name()
  std::string store_path;  // JSON file holding tokens, seq and pending answers
  std::function<void()> wake;  // thread-safe; called after every change
  int min_backoff_ms = 500;
  int max_backoff_ms = 10000;
  int connect_timeout_ms = 5000;
};

class FollowerClient {
 public:
  explicit FollowerClient(FollowerOptions options);
  ~FollowerClient();  // stops
  FollowerClient(const FollowerClient&) = delete;
  FollowerClient& operator=(const FollowerClient&) = delete;

  void start();  // loads the store, starts the network thread
  void stop();   // idempotent

  FollowerSnapshot snapshot() const;
  // Queues an answer (persisted) and sends it when welcomed; returns its seq.
  // A queued older answer to the same prompt is replaced.
  std::int64_t answer(const std::string& prompt, nlohmann::json value);
  void set_name(const std::string& name);  // (re)sends hello

  class Impl;

 private:
  std::shared_ptr<Impl> impl_;
};

// The persisted part of a client, one record per server address.
struct FollowerRecord {
  std::string token;
  std::string name;
  std::int64_t next_seq = 1;
  std::string session;  // id of the last session seen; another one forgets the answers
  std::vector<PendingAnswer> pending;
  std::map<std::string, MyAnswer> answers;
};
// Missing or unreadable file / key: an empty record.
FollowerRecord load_follower_record(const std::string& path, const std::string& key);
// Rewrites the file (other servers' records kept) via a temporary + rename.
bool save_follower_record(const std::string& path, const std::string& key, const FollowerRecord& record);

}  // namespace facilita::net
