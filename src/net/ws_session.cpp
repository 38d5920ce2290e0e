// One WebSocket client: hello / answer / command / ping in, welcome / ack /
// error / state / pong out, through a bounded write queue.
#include <algorithm>
#include <boost/asio/post.hpp>

#include "net/detail.hpp"

namespace facilita::net {

using nlohmann::json;

WsSession::WsSession(Server::Impl& hub, beast::tcp_stream&& stream, ConnectionSlot slot)
    : hub_(hub),
      ws_(std::move(stream)),
      slot_(std::move(slot)),
      hello_timer_(ws_.get_executor()),
      admin_delay_(ws_.get_executor()) {}

WsSession::~WsSession() {
  if (registered_) hub_.remove(this);
}

void WsSession::run(http::request<http::string_body> request) {
  auto timeout = websocket::stream_base::timeout::suggested(beast::role_type::server);
  timeout.handshake_timeout = std::chrono::seconds(hub_.options.handshake_timeout_s);
  timeout.idle_timeout = std::chrono::seconds(hub_.options.idle_timeout_s);
  ws_.set_option(timeout);
  ws_.set_option(websocket::stream_base::decorator(
      [](websocket::response_type& res) { res.set(http::field::server, "facilita"); }));
  ws_.read_message_max(hub_.options.max_message);
  // A pong (to the server's keep-alive ping) is a sign of life too. Called
  // only from this session's own reads, so `this` is alive.
  ws_.control_callback([this](websocket::frame_type kind, beast::string_view) {
    if (kind == websocket::frame_type::pong && presence_counted) hub_.presence_seen(participant_);
  });
  rate_tokens_ = hub_.options.rate_burst;
  rate_refilled_ = SteadyClock::now();
  ws_.async_accept(request, [self = shared_from_this()](beast::error_code ec) { self->on_accept(ec); });
}

void WsSession::on_accept(beast::error_code ec) {
  if (ec) return;
  registered_ = true;
  hub_.add(this, weak_from_this());
  send_current_state();  // catch up at once
  start_hello_deadline();
  do_read();
}

// A socket must be welcomed (fellow or admin) within hello_timeout_s of the
// upgrade; pings and failed hellos do not extend it.
void WsSession::start_hello_deadline() {
  if (hub_.options.hello_timeout_s <= 0) return;
  hello_timer_.expires_after(std::chrono::seconds(hub_.options.hello_timeout_s));
  hello_timer_.async_wait([weak = weak_from_this()](beast::error_code ec) {
    auto self = weak.lock();
    if (ec || !self || self->hello_done_ || self->dropped_) return;
    self->send_error({"hello-timeout", "say hello first", std::nullopt});
    self->close_after_writes(websocket::close_code::policy_error);
  });
}

void WsSession::do_read() {
  ws_.async_read(buffer_, [self = shared_from_this()](beast::error_code ec, std::size_t n) { self->on_read(ec, n); });
}

void WsSession::on_read(beast::error_code ec, std::size_t) {
  if (ec) {  // closed, timed out, too big (Beast already sent close 1009), reset...
    if (registered_) hub_.remove(this), registered_ = false;
    return;
  }
  if (close_code_ || dropped_) return;
  if (!ws_.got_text()) {
    send_error({"binary", "only text messages are accepted", std::nullopt});
    close_after_writes(websocket::close_code::unknown_data);
    return;
  }
  auto data = buffer_.data();
  handle(std::string_view(static_cast<const char*>(data.data()), data.size()));
  buffer_.consume(buffer_.size());
  if (!close_code_ && !dropped_ && !paused_) do_read();
}

bool WsSession::take_rate_token() {
  const auto now = SteadyClock::now();
  const double elapsed = std::chrono::duration<double>(now - rate_refilled_).count();
  rate_refilled_ = now;
  rate_tokens_ = std::min(hub_.options.rate_burst, rate_tokens_ + elapsed * hub_.options.rate_per_s);
  if (rate_tokens_ < 1) return false;
  rate_tokens_ -= 1;
  return true;
}

void WsSession::handle(std::string_view text) {
  if (presence_counted) hub_.presence_seen(participant_);  // any message counts as a sign of life
  auto parsed = parse_client_message(text);
  if (!take_rate_token()) {
    std::optional<std::int64_t> seq;
    if (auto* m = std::get_if<ClientMessage>(&parsed)) {
      if (auto* a = std::get_if<AnswerMsg>(m)) seq = a->seq;
      else if (auto* q = std::get_if<AskMsg>(m)) seq = q->seq;
      else if (auto* u = std::get_if<UpvoteMsg>(m)) seq = u->seq;
    }
    send_error({"rate-limited", "too many messages; wait a moment and retry", seq});
    if (++strikes_ >= hub_.options.rate_strikes_to_close) close_after_writes(websocket::close_code::policy_error);
    return;
  }
  if (auto* e = std::get_if<ProtocolError>(&parsed)) return send_error(*e);
  auto& message = std::get<ClientMessage>(parsed);
  if (auto* hello = std::get_if<HelloMsg>(&message)) return handle_hello(*hello);
  if (auto* answer = std::get_if<AnswerMsg>(&message)) return handle_answer(*answer);
  if (auto* command = std::get_if<CommandMsg>(&message)) return handle_command(*command);
  if (auto* ask = std::get_if<AskMsg>(&message)) return handle_ask(*ask);
  if (auto* upvote = std::get_if<UpvoteMsg>(&message)) return handle_upvote(*upvote);
  if (auto* ping = std::get_if<PingMsg>(&message))
    send_json({{"type", "pong"}, {"t", ping->t}, {"server_time", wall_clock_ms()}});
}

void WsSession::handle_hello(HelloMsg& hello) {
  if (hello.admin) {
    const auto now = SteadyClock::now();
    auto& limits = hub_.limits();
    const auto gate = limits.admin_gate(slot_.peer(), now);
    if (gate == IpLimits::AdminGate::blocked)
      return send_error({"rate-limited", "too many failed admin attempts from this address; wait a minute", std::nullopt});
    if (gate == IpLimits::AdminGate::open) return admin_hello(*hello.admin);
    // Recent failures from this address: answer after a delay, reading nothing meanwhile.
    paused_ = true;
    admin_delay_.expires_after(std::chrono::milliseconds(hub_.options.admin_delay_ms));
    admin_delay_.async_wait([weak = weak_from_this(), token = *hello.admin](beast::error_code ec) {
      auto self = weak.lock();
      if (ec || !self || self->dropped_) return;
      self->paused_ = false;
      self->admin_hello(token);
      if (!self->close_code_ && !self->dropped_) self->do_read();
    });
    return;
  }
  const bool first = participant_.empty();
  if (first) {
    // The socket's participant is chosen once; later hellos only rename it.
    std::string token = is_valid_token(hello.token) ? hello.token : random_token();
    std::string id = participant_id(token);
    if (!hub_.welcomed(id) && !hub_.limits().take_join(slot_.peer(), SteadyClock::now()))
      return send_error({"too-many-joins", "too many new participants from this address; wait a minute", std::nullopt});
    participant_ = std::move(id);
    token_ = std::move(token);
  }
  json welcome{{"type", "welcome"}, {"protocol", 1}, {"participant", participant_}, {"token", token_}, {"name", hello.name}};
  // The Join is dispatched before any answer sent after it (one queue, in order).
  hub_.enqueue(Inbound{cmd::Join{participant_, hello.name}, false,
                       reply_to([welcome](WsSession& self, const DispatchResult& r) {
                         if (!r.ok) return self.send_error(public_error(r));
                         self.hello_done_ = true;
                         self.hub_.mark_welcomed(self.participant_);
                         self.send_json(welcome);
                         self.send_current_state();
                         if (self.registered_) self.hub_.presence_opened(self);
                         if (Text you = self.hub_.personal_for(self.participant_)) self.send(you, Kind::Personal);
                       })});
}

void WsSession::admin_hello(const std::string& token) {
  if (!tokens_equal(token, hub_.admin_token())) {
    hub_.limits().admin_failed(slot_.peer(), SteadyClock::now());
    send_error({"forbidden", "wrong admin token", std::nullopt});
    if (++failed_admin_ >= 3) close_after_writes(websocket::close_code::policy_error);
    return;
  }
  admin_ = true;
  hello_done_ = true;
  send_json({{"type", "welcome"}, {"protocol", 1}, {"admin", true}});
  if (Text state = hub_.current_state(true)) send(state, true);
}

void WsSession::handle_answer(AnswerMsg& answer) {
  if (participant_.empty()) return send_error({"not-joined", "send hello first", answer.seq});
  const auto seq = answer.seq;
  hub_.enqueue(Inbound{cmd::Answer{participant_, std::move(answer.prompt), std::move(answer.value), seq}, false,
                       reply_to([seq](WsSession& self, const DispatchResult& r) {
                         if (r.ok) return self.send_json(ack_json(seq, r.duplicate));
                         self.send_error(public_error(r, seq));
                       })});
}

void WsSession::handle_command(CommandMsg& message) {
  if (!admin_) return send_error({"forbidden", "commands need the admin token", message.seq});
  const AdminContext context = hub_.admin_context();
  if (auto reply = admin_query(message.body, context)) return send_json(*reply);  // changes nothing
  auto command = admin_command(message.body, context);
  if (auto* e = std::get_if<ProtocolError>(&command)) return send_error(*e);
  const auto seq = message.seq;
  hub_.enqueue(Inbound{std::get<Command>(std::move(command)), true,
                       reply_to([seq](WsSession& self, const DispatchResult& r) {
                         if (!r.ok) return self.send_error(public_error(r, seq));
                         json ack{{"type", "ack"}, {"duplicate", r.duplicate}};
                         if (seq) ack["seq"] = *seq;
                         self.send_json(ack);
                       })});
}

std::function<void(const DispatchResult&)> WsSession::reply_to(
    std::function<void(WsSession&, const DispatchResult&)> fn) {
  std::weak_ptr<WsSession> weak = weak_from_this();
  return hub_.make_reply([weak, fn = std::move(fn)](const DispatchResult& r) {
    if (auto self = weak.lock(); self && !self->dropped_) fn(*self, r);
  });
}

void WsSession::send_error(const ProtocolError& e) { send_json(error_json(e.code, e.message, e.seq)); }

// ---------------------------------------------------------------- writing

void WsSession::send_current_state() { hub_.catch_up(*this); }

bool WsSession::knows_content(const std::string& key) const {
  return std::find(content_keys_.begin(), content_keys_.end(), key) != content_keys_.end();
}

void WsSession::remember_content(const std::string& key) {
  constexpr std::size_t kRemembered = 64;  // sections and reloads; beyond this the oldest is sent again
  if (content_keys_.size() >= kRemembered) content_keys_.erase(content_keys_.begin());
  content_keys_.push_back(key);
}

void WsSession::send(const Text& text, Kind kind) {
  if (dropped_ || close_code_) return;
  if (kind == Kind::Personal) {  // only the newest personal message matters
    for (std::size_t i = writing_ ? 1 : 0; i < queue_.size();) {
      if (queue_[i].kind == Kind::Personal) {
        queued_bytes_ -= queue_[i].text->size();
        queue_.erase(queue_.begin() + static_cast<std::ptrdiff_t>(i));
      } else {
        ++i;
      }
    }
  }
  if (kind == Kind::State || kind == Kind::Live) {  // a slow client gets the latest, not a backlog
    for (std::size_t i = writing_ ? 1 : 0; i < queue_.size();) {
      const Kind queued = queue_[i].kind;
      if (queued == Kind::Live || (kind == Kind::State && queued == Kind::State)) {
        queued_bytes_ -= queue_[i].text->size();
        queue_.erase(queue_.begin() + static_cast<std::ptrdiff_t>(i));
      } else {
        ++i;
      }
    }
  }
  if (queue_.size() >= hub_.options.max_queue_messages ||
      queued_bytes_ + text->size() > hub_.options.max_queue_bytes)
    return drop("slow reader: write queue full");
  queue_.push_back({text, kind});
  queued_bytes_ += text->size();
  if (!writing_) do_write();
}

void WsSession::close_after_writes(websocket::close_code code) {
  if (close_code_ || dropped_) return;
  close_code_ = code;
  if (!writing_) do_write();
}

void WsSession::do_write() {
  if (dropped_) return;
  if (queue_.empty()) {
    if (close_code_) {
      writing_ = true;  // nothing else may write now
      write_started_ = SteadyClock::now();
      ws_.async_close(*close_code_, [self = shared_from_this()](beast::error_code) {
        self->writing_ = false;
        self->drop("closed");
      });
    }
    return;
  }
  writing_ = true;
  write_started_ = SteadyClock::now();
  ws_.text(true);
  ws_.async_write(asio::buffer(*queue_.front().text),
                  [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_write(ec); });
}

void WsSession::on_write(beast::error_code ec) {
  writing_ = false;
  if (ec) return drop("write failed");
  if (!queue_.empty()) {
    queued_bytes_ -= queue_.front().text->size();
    queue_.pop_front();
  }
  do_write();
}

void WsSession::drop(const char*) {
  if (dropped_) return;
  dropped_ = true;
  if (registered_) hub_.remove(this), registered_ = false;
  queue_.clear();
  queued_bytes_ = 0;
  beast::error_code ec;
  beast::get_lowest_layer(ws_).socket().shutdown(tcp::socket::shutdown_both, ec);
  beast::get_lowest_layer(ws_).close();
}

}  // namespace facilita::net
