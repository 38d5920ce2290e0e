// Internal to facilita_net: the server's network-thread machinery. Included
// only by the server's .cpp files (it pulls in Boost.Beast).
//
// Lifetime: Server owns a shared_ptr<Server::Impl>. Sessions refer to the
// Impl by reference; ~Impl stops the thread, then destroys the io_context
// first, which destroys every pending handler and with it every session,
// while the Impl's other members are still alive. Replies from the main
// thread capture weak pointers only, so nothing keeps a dead session alive.
#pragma once
#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <string>
#include <unordered_map>
#include <vector>
#include <unordered_set>

#include "net/limits.hpp"
#include "net/protocol.hpp"
#include "net/server.hpp"
#include "net/static_files.hpp"

namespace facilita::net {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;
using SteadyClock = std::chrono::steady_clock;
using Text = std::shared_ptr<const std::string>;

Millis wall_clock_ms();

// One published state, as the main thread handed it over, split for the
// fellows' wire: the section's markdown travels once per client in a
// `content` message keyed by `content_key`; `wire` is the state without it.
// Immutable once published; shared by every reader.
struct Frame {
  std::uint64_t seq = 0;           // publish() counter (not the state's version)
  nlohmann::json wire;             // public state; section.content replaced by section.content_key
  nlohmann::json admin;            // admin state as published (null: none)
  std::string content_key;         // 16 hex digits; "" without a section
  std::shared_ptr<const std::string> content;  // the section's markdown (null without a section)
  Text content_message;            // {"type":"content",...} for content_key, or null
  std::int64_t answered = 0;       // the live counters of `wire`
  std::int64_t participants = 0;
  std::int64_t version = 0;

  nlohmann::json full_public() const;  // wire with section.content back in (for /api/state)
};
using FramePtr = std::shared_ptr<const Frame>;

// Counts an open connection for the connection caps (global and per
// address); moves from the HTTP session to the WebSocket session on upgrade.
class ConnectionSlot {
 public:
  explicit ConnectionSlot(std::atomic<std::size_t>* counter, IpLimits* limits = nullptr, Peer peer = {})
      : counter_(counter), limits_(limits), peer_(std::move(peer)) {}
  ConnectionSlot(ConnectionSlot&& other) noexcept
      : counter_(std::exchange(other.counter_, nullptr)),
        limits_(std::exchange(other.limits_, nullptr)),
        peer_(other.peer_) {}
  ConnectionSlot& operator=(ConnectionSlot&&) = delete;
  ~ConnectionSlot() {
    if (counter_) counter_->fetch_sub(1);
    if (limits_) limits_->close_connection(peer_);
  }
  const Peer& peer() const { return peer_; }

 private:
  std::atomic<std::size_t>* counter_;
  IpLimits* limits_;
  Peer peer_;
};

class WsSession : public std::enable_shared_from_this<WsSession> {
 public:
  WsSession(Server::Impl& hub, beast::tcp_stream&& stream, ConnectionSlot slot);
  ~WsSession();
  void run(http::request<http::string_body> request);
  // What a queued message is, for replacing obsolete unsent ones.
  enum class Kind { Other, State, Live, Content, Personal };
  // Queues a message. A state replaces unsent older states and live messages,
  // a live message unsent older live messages; a full queue drops the client.
  void send(const Text& text, Kind kind);
  void send(const Text& text, bool is_state) { send(text, is_state ? Kind::State : Kind::Other); }
  // The latest published state (for a fellow: content first when it is new to this client).
  void send_current_state();
  // Per-client wire economy (network thread).
  bool knows_content(const std::string& key) const;
  void remember_content(const std::string& key);
  std::uint64_t frame_seq() const { return frame_seq_; }
  void set_frame_seq(std::uint64_t seq) { frame_seq_ = seq; }
  void drop(const char* why);  // close the socket now
  bool admin() const { return admin_; }
  // The participant of a welcomed fellow socket, else "" (personal messages, presence).
  const std::string& welcomed_participant() const {
    static const std::string kNone;
    return hello_done_ && !admin_ ? participant_ : kNone;
  }
  bool presence_counted = false;  // counted in Impl's presence as an open socket
  bool write_stalled(SteadyClock::time_point now, std::chrono::seconds limit) const {
    return writing_ && now - write_started_ > limit;
  }

 private:
  struct Outgoing {
    Text text;
    Kind kind = Kind::Other;
  };
  void on_accept(beast::error_code ec);
  void do_read();
  void on_read(beast::error_code ec, std::size_t bytes);
  void handle(std::string_view text);
  void handle_hello(HelloMsg& hello);
  void admin_hello(const std::string& token);
  void start_hello_deadline();
  void handle_answer(AnswerMsg& answer);
  void handle_ask(AskMsg& ask);        // ws_questions.cpp
  void handle_upvote(UpvoteMsg& upvote);
  void handle_command(CommandMsg& command);
  bool take_rate_token();
  void send_json(const nlohmann::json& j) { send(std::make_shared<const std::string>(j.dump()), false); }
  void send_error(const ProtocolError& e);
  void close_after_writes(websocket::close_code code);
  void do_write();
  void on_write(beast::error_code ec);
  std::function<void(const DispatchResult&)> reply_to(std::function<void(WsSession&, const DispatchResult&)> fn);

  Server::Impl& hub_;
  websocket::stream<beast::tcp_stream> ws_;
  ConnectionSlot slot_;
  beast::flat_buffer buffer_;
  std::deque<Outgoing> queue_;
  std::size_t queued_bytes_ = 0;
  bool writing_ = false;
  bool registered_ = false;
  bool dropped_ = false;
  std::optional<websocket::close_code> close_code_;  // close once the queue drains
  SteadyClock::time_point write_started_{};
  std::uint64_t frame_seq_ = 0;            // the newest Frame this client got (state or live)
  std::vector<std::string> content_keys_;  // content messages this client got, oldest first
  // who
  bool admin_ = false;
  int failed_admin_ = 0;
  std::string participant_;  // fixed by the first fellow hello: one participant per socket
  std::string token_;
  bool hello_done_ = false;  // welcomed (fellow or admin) before the hello deadline
  bool paused_ = false;      // not reading while a failed-admin delay runs
  asio::steady_timer hello_timer_;
  asio::steady_timer admin_delay_;
  // rate limit (token bucket)
  double rate_tokens_ = 0;
  SteadyClock::time_point rate_refilled_{};
  int strikes_ = 0;
};

void start_http_session(Server::Impl& hub, tcp::socket socket, ConnectionSlot slot);

class Server::Impl {
 public:
  Impl(ServerOptions options, std::function<void()> wake);
  ~Impl();

  bool start(std::string& error, const std::shared_ptr<Impl>& self);
  StartFailure failure() const { return failure_; }
  void stop();

  // Any thread.
  void enqueue(Inbound inbound);
  void publish(nlohmann::json public_state, nlohmann::json admin_state);
  std::vector<Inbound> take_inbound();
  // Wraps a net-thread callback so the main thread can call it safely.
  template <class F>
  std::function<void(const DispatchResult&)> make_reply(F on_net_thread) {
    std::weak_ptr<Impl> weak = self_;
    return [weak, fn = std::move(on_net_thread)](const DispatchResult& result) {
      if (auto hub = weak.lock()) asio::post(*hub->ioc_, [fn, result] { fn(result); });
    };
  }

  // Network thread.
  void add(WsSession* session, const std::weak_ptr<WsSession>& weak);
  void remove(WsSession* session);
  // The latest published state as text with a fresh server_time, or nullptr
  // before the first publish: the full public state (section.content inline;
  // /api/state) or, for `admin`, the admin state. Read your writes: a state
  // is visible here as soon as publish() returns.
  Text current_state(bool admin) const;
  // The admin state (else the public one) as published last, with a fresh
  // server_time; null before the first publish. For POST /api/admin replies.
  nlohmann::json admin_reply_state() const;
  // Sends `session` the latest state (catch-up on connect and after hello).
  void catch_up(WsSession& session);
  nlohmann::json health() const;
  // Personal messages and presence (personal_send.cpp).
  void send_personal(std::vector<std::pair<std::string, std::string>> messages);  // any thread
  Text personal_for(const std::string& participant) const;                         // any thread
  PresenceMap presence() const;                                                    // any thread
  void presence_opened(WsSession& session);  // network thread: a fellow socket was welcomed
  void presence_seen(const std::string& participant);
  void presence_closed(WsSession& session);
  const Millis started_at_ = wall_clock_ms();

  const ServerOptions options;
  const StaticFiles& files() const { return files_; }
  const std::string& admin_token() const { return admin_token_; }
  AdminContext admin_context();  // as of the latest publish()
  std::atomic<std::size_t>& connection_counter() { return connections_; }
  // Network thread only.
  IpLimits& limits() { return limits_; }
  // A participant id this process has welcomed (a rejoin is not a new participant).
  bool welcomed(const std::string& participant) const { return welcomed_.count(participant) != 0; }
  void mark_welcomed(const std::string& participant) { welcomed_.insert(participant); }

  std::atomic<std::size_t> connections_{0};
  std::atomic<unsigned short> port_{0};
  std::string admin_token_;

 private:
  void do_accept();
  FramePtr latest() const;
  void flush();
  void schedule_flush(SteadyClock::time_point at);
  bool broadcast_fellows(const FramePtr& frame, bool live, SteadyClock::time_point now);
  bool broadcast_admins(const FramePtr& frame);
  void send_fellow_state(WsSession& session, const FramePtr& frame, const Text& text);
  void sweep();
  void close_all();

  std::function<void()> wake_;
  std::weak_ptr<Impl> self_;
  StaticFiles files_;

  mutable std::mutex mutex_;  // guards the fields below up to the network-thread section
  std::vector<Inbound> inbound_;
  FramePtr latest_;  // the latest publish(); what /api/state, new clients and admin replies see
  std::uint64_t published_ = 0;
  bool flush_posted_ = false;
  AdminContext admin_context_;

  // Network thread only.
  std::unique_ptr<asio::io_context> ioc_;
  std::optional<tcp::acceptor> acceptor_;
  std::optional<asio::steady_timer> flush_timer_;
  std::optional<asio::steady_timer> sweep_timer_;
  std::optional<asio::steady_timer> accept_retry_;
  std::unordered_map<WsSession*, std::weak_ptr<WsSession>> sessions_;
  // Broadcast bookkeeping (see flush()).
  FramePtr fellows_base_;              // the last full state broadcast to fellows
  std::uint64_t fellows_seen_ = 0;     // the last frame flush() settled for fellows
  std::int64_t answered_sent_ = -1;    // counters fellows hold (from a state or a live message)
  std::int64_t participants_sent_ = -1;
  bool caught_up_ahead_ = false;       // a new client got a state the others have not
  SteadyClock::time_point fellows_at_{};  // last state or live message to fellows
  SteadyClock::time_point live_at_{};     // last live message
  FramePtr admin_sent_;
  std::uint64_t admins_seen_ = 0;
  SteadyClock::time_point admin_at_{};
  std::optional<SteadyClock::time_point> flush_at_;  // when the flush timer fires
  IpLimits limits_;
  std::unordered_set<std::string> welcomed_;
  mutable std::mutex personal_mutex_;
  std::unordered_map<std::string, Text> personal_;  // latest personal message per participant
  mutable std::mutex presence_mutex_;
  PresenceMap presence_;
  std::thread thread_;
  bool running_ = false;
  StartFailure failure_ = StartFailure::None;  // why the last start() failed
};

}  // namespace facilita::net
