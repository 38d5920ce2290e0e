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
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
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
  // Queues a message. A state replaces an unsent older state; a full queue drops the client.
  void send(const Text& text, bool is_state);
  void drop(const char* why);  // close the socket now
  bool admin() const { return admin_; }
  bool write_stalled(SteadyClock::time_point now, std::chrono::seconds limit) const {
    return writing_ && now - write_started_ > limit;
  }

 private:
  struct Outgoing {
    Text text;
    bool state = false;
  };
  void on_accept(beast::error_code ec);
  void do_read();
  void on_read(beast::error_code ec, std::size_t bytes);
  void handle(std::string_view text);
  void handle_hello(HelloMsg& hello);
  void admin_hello(const std::string& token);
  void start_hello_deadline();
  void handle_answer(AnswerMsg& answer);
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
  // The latest state as text with a fresh server_time, or nullptr before the first publish.
  Text current_state(bool admin) const;
  nlohmann::json health() const;

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
  void flush();
  void broadcast(const nlohmann::json& state, bool admin);
  void sweep();
  void close_all();

  std::function<void()> wake_;
  std::weak_ptr<Impl> self_;
  StaticFiles files_;

  std::mutex mutex_;  // guards the fields below up to the network-thread section
  std::vector<Inbound> inbound_;
  std::optional<nlohmann::json> pending_public_;
  std::optional<nlohmann::json> pending_admin_;
  bool flush_posted_ = false;
  AdminContext admin_context_;

  // Network thread only.
  std::unique_ptr<asio::io_context> ioc_;
  std::optional<tcp::acceptor> acceptor_;
  std::optional<asio::steady_timer> flush_timer_;
  std::optional<asio::steady_timer> sweep_timer_;
  std::optional<asio::steady_timer> accept_retry_;
  std::unordered_map<WsSession*, std::weak_ptr<WsSession>> sessions_;
  nlohmann::json last_public_;  // the latest published (for /api/state and new clients)
  nlohmann::json last_admin_;
  nlohmann::json sent_public_;  // the latest broadcast (for de-duplication)
  SteadyClock::time_point last_broadcast_{};
  SteadyClock::time_point last_admin_broadcast_{};
  IpLimits limits_;
  std::unordered_set<std::string> welcomed_;
  std::thread thread_;
  bool running_ = false;
};

}  // namespace facilita::net
