// Server and Server::Impl: the listener, the main-thread queues and the
// sweep that drops stalled clients. Publishing and broadcasts: broadcast.cpp.
#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>

#include <boost/asio/post.hpp>
#include <future>

#include "net/detail.hpp"

namespace facilita::net {

using nlohmann::json;

Millis wall_clock_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string lan_address() {
  ifaddrs* list = nullptr;
  if (getifaddrs(&list) != 0) return "127.0.0.1";
  std::string found;
  for (ifaddrs* a = list; a && found.empty(); a = a->ifa_next) {
    if (!a->ifa_addr || a->ifa_addr->sa_family != AF_INET) continue;
    if ((a->ifa_flags & IFF_UP) == 0 || (a->ifa_flags & IFF_LOOPBACK) != 0) continue;
    char text[INET_ADDRSTRLEN] = {};
    auto* in = reinterpret_cast<sockaddr_in*>(a->ifa_addr);
    if (inet_ntop(AF_INET, &in->sin_addr, text, sizeof text)) found = text;
  }
  freeifaddrs(list);
  return found.empty() ? "127.0.0.1" : found;
}

namespace {

StartFailure bind_failure(const beast::error_code& ec) {
  if (ec == asio::error::address_in_use) return StartFailure::PortInUse;
  if (ec == asio::error::access_denied) return StartFailure::PortDenied;
  if (ec == boost::system::errc::address_not_available) return StartFailure::NotLocalAddress;
  return StartFailure::CannotListen;
}

std::string bind_error(const beast::error_code& ec, const ServerOptions& o) {
  const std::string port = std::to_string(o.port);
  if (ec == asio::error::address_in_use) return "port " + port + " is in use (choose another with --port)";
  if (ec == asio::error::access_denied) return "no permission to listen on port " + port;
  if (ec == boost::system::errc::address_not_available) return "cannot listen on " + o.bind + ": not an address of this computer";
  return "cannot listen on " + o.bind + ":" + port + ": " + ec.message();
}

}  // namespace

// ---------------------------------------------------------------- Impl

namespace {
IpLimitOptions ip_limit_options(const ServerOptions& o) {
  IpLimitOptions l;
  l.max_connections_per_ip = o.max_per_ip;
  l.joins_per_minute = o.joins_per_minute;
  l.limit_loopback = o.limit_loopback;
  l.admin_failures_to_delay = o.admin_failures_to_delay;
  l.admin_failures_to_block = o.admin_failures_to_block;
  l.admin_block = std::chrono::seconds(o.admin_block_s);
  return l;
}
}  // namespace

Server::Impl::Impl(ServerOptions o, std::function<void()> wake)
    : options(std::move(o)),
      wake_(std::move(wake)),
      ioc_(std::make_unique<asio::io_context>(1)),
      limits_(ip_limit_options(options)) {
  admin_token_ = options.admin_token.empty() ? random_token() : options.admin_token;
}

Server::Impl::~Impl() {
  stop();
  // Destroy handlers (and with them every session) while the rest of *this is alive.
  flush_timer_.reset();
  sweep_timer_.reset();
  accept_retry_.reset();
  acceptor_.reset();
  ioc_.reset();
}

bool Server::Impl::start(std::string& error, const std::shared_ptr<Impl>& self) {
  if (running_) return true;
  self_ = self;
  if (!options.admin_token.empty() && options.admin_token.size() < kMinAdminTokenChars) {
    error = "the admin token is too short: use at least " + std::to_string(kMinAdminTokenChars) +
            " characters (or leave --admin-token out for a random one)";
    failure_ = StartFailure::TokenTooShort;
    return false;
  }
  if (options.admin_token.size() > kMaxAdminTokenChars) {
    error = "the admin token is too long: use at most " + std::to_string(kMaxAdminTokenChars) + " characters";
    failure_ = StartFailure::TokenTooLong;
    return false;
  }
  if (!files_.load(options.web_root, error)) {
    failure_ = StartFailure::WebFiles;
    return false;
  }
  beast::error_code ec;
  auto address = asio::ip::make_address(options.bind, ec);
  if (ec) {
    error = "not an IP address: " + options.bind;
    failure_ = StartFailure::NotAnAddress;
    return false;
  }
  tcp::endpoint endpoint(address, options.port);
  acceptor_.emplace(*ioc_);
  acceptor_->open(endpoint.protocol(), ec);
  if (!ec) acceptor_->set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor_->bind(endpoint, ec);
  if (!ec) acceptor_->listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    error = bind_error(ec, options);
    failure_ = bind_failure(ec);
    acceptor_.reset();
    return false;
  }
  port_ = acceptor_->local_endpoint().port();
  flush_timer_.emplace(*ioc_);
  sweep_timer_.emplace(*ioc_);
  accept_retry_.emplace(*ioc_);
  do_accept();
  sweep();
  running_ = true;
  {
    std::lock_guard lock(mutex_);  // a state published before start
    if (latest_ && !flush_posted_) {
      flush_posted_ = true;
      asio::post(*ioc_, [this] { flush(); });
    }
  }
  thread_ = std::thread([this] { ioc_->run(); });
  return true;
}

void Server::Impl::stop() {
  if (!running_) return;
  running_ = false;
  std::promise<void> closed;
  asio::post(*ioc_, [this, &closed] {
    close_all();
    closed.set_value();
  });
  closed.get_future().wait_for(std::chrono::seconds(2));
  ioc_->stop();
  if (thread_.joinable()) thread_.join();
}

void Server::Impl::close_all() {
  beast::error_code ec;
  if (acceptor_) acceptor_->close(ec);
  flush_timer_->cancel();
  sweep_timer_->cancel();
  accept_retry_->cancel();
  auto sessions = sessions_;
  for (auto& [raw, weak] : sessions)
    if (auto s = weak.lock()) s->drop("server stopping");
}

void Server::Impl::do_accept() {
  acceptor_->async_accept([this](beast::error_code ec, tcp::socket socket) {
    if (ec == asio::error::operation_aborted || !acceptor_->is_open()) return;
    if (ec) {  // EMFILE and friends: wait a little instead of spinning
      accept_retry_->expires_after(std::chrono::milliseconds(100));
      accept_retry_->async_wait([this](beast::error_code e) {
        if (!e) do_accept();
      });
      return;
    }
    Peer peer;
    if (auto remote = socket.remote_endpoint(ec); !ec) peer = peer_from_address(remote.address().to_string());
    const bool over_total = connections_.load() >= options.max_connections;
    if (over_total || !limits_.open_connection(peer, SteadyClock::now())) {
      static constexpr char kBusy[] =
          "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nRetry-After: 5\r\nConnection: close\r\n\r\n";
      socket.non_blocking(true, ec);
      socket.write_some(asio::buffer(kBusy, sizeof kBusy - 1), ec);
      socket.close(ec);
    } else {
      socket.set_option(tcp::no_delay(true), ec);
      if (options.socket_send_buffer > 0)
        socket.set_option(asio::socket_base::send_buffer_size(options.socket_send_buffer), ec);
      connections_.fetch_add(1);
      start_http_session(*this, std::move(socket), ConnectionSlot(&connections_, &limits_, std::move(peer)));
    }
    do_accept();
  });
}

void Server::Impl::enqueue(Inbound inbound) {
  {
    std::lock_guard lock(mutex_);
    inbound_.push_back(std::move(inbound));
  }
  if (wake_) wake_();
}

std::vector<Inbound> Server::Impl::take_inbound() {
  std::lock_guard lock(mutex_);
  return std::exchange(inbound_, {});
}

AdminContext Server::Impl::admin_context() {
  std::lock_guard lock(mutex_);
  AdminContext context = admin_context_;
  context.now = wall_clock_ms();
  return context;
}

void Server::Impl::sweep() {
  const auto now = SteadyClock::now();
  std::vector<std::shared_ptr<WsSession>> stalled;
  for (auto& [raw, weak] : sessions_)
    if (raw->write_stalled(now, std::chrono::seconds(options.write_timeout_s)))
      if (auto s = weak.lock()) stalled.push_back(std::move(s));
  for (auto& s : stalled) s->drop("slow reader: a write took too long");
  sweep_timer_->expires_after(std::chrono::milliseconds(500));
  sweep_timer_->async_wait([this](beast::error_code ec) {
    if (!ec) sweep();
  });
}

void Server::Impl::add(WsSession* session, const std::weak_ptr<WsSession>& weak) { sessions_[session] = weak; }
void Server::Impl::remove(WsSession* session) {
  sessions_.erase(session);
  presence_closed(*session);
}

json Server::Impl::health() const {
  return {{"ok", true}, {"connections", connections_.load()}, {"websockets", sessions_.size()},
          {"server_time", wall_clock_ms()}};
}

// ---------------------------------------------------------------- Server

Server::Server(ServerOptions options, std::function<void()> wake)
    : impl_(std::make_shared<Impl>(std::move(options), std::move(wake))) {}

Server::~Server() { stop(); }

bool Server::start(std::string& error) { return impl_->start(error, impl_); }
StartFailure Server::start_failure() const { return impl_->failure(); }
void Server::stop() { impl_->stop(); }
std::vector<Inbound> Server::take_inbound() { return impl_->take_inbound(); }
void Server::publish(json public_state, json admin_state) {
  impl_->publish(std::move(public_state), std::move(admin_state));
}
void Server::send_personal(std::vector<std::pair<std::string, std::string>> messages) {
  impl_->send_personal(std::move(messages));
}
PresenceMap Server::presence() const { return impl_->presence(); }
Millis Server::started_at() const { return impl_->started_at_; }
unsigned short Server::port() const { return impl_->port_.load(); }
const std::string& Server::admin_token() const { return impl_->admin_token_; }
std::size_t Server::connections() const { return impl_->connections_.load(); }

std::string Server::join_url() const {
  const auto& bind = impl_->options.bind;
  std::string host = (bind == "0.0.0.0" || bind == "::") ? lan_address() : bind;
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  return "http://" + host + ":" + std::to_string(port()) + "/";
}

std::string Server::admin_url() const { return join_url() + "remote#token=" + impl_->admin_token_; }

}  // namespace facilita::net
