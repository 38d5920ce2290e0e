// The fellows' server: HTTP (static pages, /api/state, /api/admin, /healthz)
// and WebSocket (/ws) on one thread of its own, built on Boost.Beast.
//
// Threading contract:
//  - The network thread never touches the engine. It parses and validates
//    messages, turns them into Commands and queues them; then calls `wake`.
//  - The main thread drains take_inbound() every loop turn, dispatches each
//    command through the Controller and calls inbound.reply(result). Only
//    then does the client get `ack` (answers are acked after the journal
//    commit) or `error`.
//  - The main thread calls publish() after changes; the new state is
//    visible at once to /api/state, new clients and admin replies (read your
//    writes), so the main thread publishes before it answers the commands.
//    Broadcasts go out at once after a quiet period and are coalesced only
//    under load (broadcast_interval_ms); when only the counters changed,
//    fellows get a small `live` message (at most one per live_interval_ms);
//    the section's content goes to each client once per content key; states
//    equal to the last one sent (ignoring the clock fields) are not re-sent,
//    so calling publish() every loop turn is cheap.
// docs/protocol.md describes the wire protocol.
#pragma once
#include <cstddef>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/dispatch_result.hpp"
#include "core/engine.hpp"
#include "core/presence.hpp"

namespace facilita::net {

struct ServerOptions {
  std::string bind = "0.0.0.0";
  unsigned short port = 8080;            // 0 = an ephemeral port; see Server::port()
  std::string admin_token;               // empty = a random token for this run
  std::string web_root;                  // directory holding index.html, app.js, ...
  std::size_t max_connections = 3000;    // HTTP + WebSocket; more are refused with 503
  std::size_t max_message = 4096;        // bytes per WebSocket message (larger: close 1009)
  std::size_t max_http_body = 8192;      // POST /api/admin
  int handshake_timeout_s = 30;          // HTTP request / WebSocket handshake
  int idle_timeout_s = 60;               // WebSocket without traffic (server pings at half)
  int http_idle_timeout_s = 30;          // keep-alive HTTP connection waiting for a request
  int write_timeout_s = 10;              // one write to a client may take this long, then it is dropped
  std::size_t max_queue_messages = 64;   // per client, unsent
  std::size_t max_queue_bytes = 1 << 20; // per client, unsent
  double rate_per_s = 20;                // messages per client per second, sustained
  double rate_burst = 40;                // and in a burst
  int rate_strikes_to_close = 20;        // rate-limited messages tolerated before closing (1008)
  int broadcast_interval_ms = 100;       // states to fellows and remotes: at most 10/s, leading edge
  int live_interval_ms = 500;            // `live` counter messages: at most 2/s
  int socket_send_buffer = 0;            // SO_SNDBUF for client sockets; 0 = OS default (tests)
  // Abuse limits (docs/protocol.md, "Limits" and "Origin and Host").
  std::size_t max_per_ip = 32;           // open connections per client address; more get 503
  int joins_per_minute = 10;             // new participants per client address per minute
  bool limit_loopback = false;           // apply the two caps above to 127.0.0.0/8 and ::1 too
  int hello_timeout_s = 10;              // a WebSocket without a successful hello is closed (1008)
  double http_rate_per_s = 20;           // HTTP requests per connection per second, sustained
  double http_rate_burst = 40;           // and in a burst (then 429 with Retry-After)
  int http_strikes_to_close = 10;        // 429s on one connection before it is closed
  int admin_failures_to_delay = 3;       // failed admin attempts per address before answers wait
  int admin_failures_to_block = 10;      // within a minute: admin refused (429) for admin_block_s
  int admin_delay_ms = 1000;
  int admin_block_s = 60;
  std::vector<std::string> public_hosts; // host names accepted in `Host` besides IP literals and localhost
};

// An explicit admin token must have at least this many characters (and at
// most kMaxAdminTokenChars, the longest the WebSocket hello accepts).
inline constexpr std::size_t kMinAdminTokenChars = 16;
inline constexpr std::size_t kMaxAdminTokenChars = 200;

// A command from a client, waiting for the main thread.
struct Inbound {
  Command command;
  bool admin = false;  // sent by an authenticated facilitator connection
  // Thread-safe; call exactly once from the main thread with the dispatch result.
  // Posts back to the network thread, which answers the client. Safe to call
  // after the client left or the server stopped (then it does nothing).
  std::function<void(const DispatchResult&)> reply;
};

// What kept the server from starting.
enum class StartFailure {
  None,
  TokenTooShort,    // --admin-token below kMinAdminTokenChars
  TokenTooLong,     // above kMaxAdminTokenChars
  WebFiles,         // the web root cannot be read (the error names it)
  NotAnAddress,     // --bind is not an IP address
  PortInUse,        // another program listens on --port
  PortDenied,       // no permission for that port
  NotLocalAddress,  // --bind is not an address of this computer
  CannotListen,     // anything else the system said (in the error)
};

class Server {
 public:
  Server(ServerOptions options, std::function<void()> wake);
  ~Server();  // stops
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Loads the web files, binds and starts the network thread. On failure
  // returns false with a one-line `error` ("port 8080 is in use", ...).
  bool start(std::string& error);
  // Why the last start() failed (None when it did not), so the program can say
  // it in the user's language; `error` above is the English text.
  StartFailure start_failure() const;
  void stop();  // idempotent; closes every connection and joins the thread

  std::vector<Inbound> take_inbound();  // main thread, each loop turn
  // Main thread. `admin_state` (optional) goes to authenticated remotes;
  // see core/snapshot.hpp.
  void publish(nlohmann::json public_state, nlohmann::json admin_state = nullptr);

  // Main thread. Per-participant messages (the `you` feedback, see
  // core/personal.hpp): each text goes to every welcomed socket of that
  // participant only, and is kept to follow the `welcome` of a later socket.
  void send_personal(std::vector<std::pair<std::string, std::string>> messages);
  // Any thread: open sockets and last-seen time per participant (connection health).
  PresenceMap presence() const;
  Millis started_at() const;             // wall clock at construction (presence baseline)

  unsigned short port() const;           // the bound port (after start)
  const std::string& admin_token() const;
  std::string join_url() const;          // http://LAN-IPv4:port/
  std::string admin_url() const;         // http://LAN-IPv4:port/remote#token=...
  std::size_t connections() const;       // open HTTP + WebSocket connections

  class Impl;

 private:
  std::shared_ptr<Impl> impl_;
};

// First non-loopback IPv4 address of an interface that is up, else 127.0.0.1.
std::string lan_address();

}  // namespace facilita::net
