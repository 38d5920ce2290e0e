// One HTTP connection: static pages from the whitelist, /api/state,
// /healthz, POST /api/admin, and the upgrade of GET /ws to a WebSocket.
#include <boost/asio/post.hpp>

#include "net/detail.hpp"

namespace facilita::net {
namespace {

using nlohmann::json;

constexpr std::size_t kHeaderLimit = 8 * 1024;
constexpr char kServerName[] = "facilita";
constexpr char kCsp[] =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

bool is_page(const StaticFile& file) { return file.content_type.rfind("text/html", 0) == 0; }

class HttpSession : public std::enable_shared_from_this<HttpSession> {
 public:
  HttpSession(Server::Impl& hub, tcp::socket socket, ConnectionSlot slot)
      : hub_(hub),
        stream_(std::move(socket)),
        slot_(std::move(slot)),
        wait_(stream_.get_executor()),
        rate_tokens_(hub_.options.http_rate_burst),
        rate_refilled_(SteadyClock::now()) {}

  void run() { do_read(); }

 private:
  void do_read() {
    parser_.emplace();
    parser_->header_limit(kHeaderLimit);
    parser_->body_limit(hub_.options.max_http_body);
    stream_.expires_after(std::chrono::seconds(first_ ? hub_.options.handshake_timeout_s
                                                      : hub_.options.http_idle_timeout_s));
    first_ = false;
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_read(ec); });
  }

  void on_read(beast::error_code ec) {
    if (ec == http::error::end_of_stream) return shutdown();
    if (ec == beast::error::timeout || ec == asio::error::operation_aborted || ec == asio::error::eof ||
        ec == asio::error::connection_reset)
      return;  // the socket closes with *this
    if (ec) return reply_bad_request(ec);
    auto& req = parser_->get();
    if (!admit(req)) return;
    const std::string_view path = path_of({req.target().data(), req.target().size()});
    if (websocket::is_upgrade(req)) {
      if (path != "/ws") return send_json(http::status::not_found, error_json("not-found", "no such endpoint"), false);
      if (!origin_ok(req)) return forbidden_origin(false);
      stream_.expires_never();  // the WebSocket manages its own timeouts
      std::make_shared<WsSession>(hub_, std::move(stream_), std::move(slot_))->run(parser_->release());
      return;
    }
    route(req, path);
  }

  // Checks every request before it is routed: the connection's request rate
  // and the Host header. Answers and returns false when the request is refused.
  bool admit(const http::request<http::string_body>& req) {
    if (!take_rate_token()) {
      const bool keep = req.keep_alive() && ++strikes_ < hub_.options.http_strikes_to_close;
      send_json(http::status::too_many_requests, error_json("rate-limited", "too many requests; wait a moment"), keep,
                nullptr, nullptr, 1);
      return false;
    }
    if (req.version() != 10 && req.version() != 11) {
      send_json(http::status::bad_request, error_json("bad-request", "HTTP/1.0 or 1.1 only"), false);
      return false;
    }
    const auto host = req[http::field::host];
    if (!host_allowed({host.data(), host.size()}, hub_.options.public_hosts)) {
      send_json(http::status::misdirected_request,
                error_json("bad-host", "use this server's IP address or a host name it was configured with"), false);
      return false;
    }
    return true;
  }

  bool take_rate_token() {
    const auto now = SteadyClock::now();
    const double elapsed = std::chrono::duration<double>(now - rate_refilled_).count();
    rate_refilled_ = now;
    rate_tokens_ = std::min(hub_.options.http_rate_burst, rate_tokens_ + elapsed * hub_.options.http_rate_per_s);
    if (rate_tokens_ < 1) return false;
    rate_tokens_ -= 1;
    return true;
  }

  // No Origin (scripts, the native follower) or this server's own origin.
  static bool origin_ok(const http::request<http::string_body>& req) {
    auto it = req.find(http::field::origin);
    if (it == req.end()) return true;
    const auto host = req[http::field::host];
    return same_origin({it->value().data(), it->value().size()}, {host.data(), host.size()});
  }

  void forbidden_origin(bool keep) {
    send_json(http::status::forbidden, error_json("forbidden-origin", "requests from other web pages are refused"),
              keep);
  }

  void route(const http::request<http::string_body>& req, std::string_view path) {
    const bool keep = req.keep_alive();
    const auto method = req.method();
    if (req.version() != 10 && req.version() != 11)
      return send_json(http::status::bad_request, error_json("bad-request", "HTTP/1.0 or 1.1 only"), false);
    if (path.empty() || path.front() != '/')
      return send_json(http::status::bad_request, error_json("bad-request", "bad request target"), false);
    if (path == "/api/admin") {
      if (method != http::verb::post) return method_not_allowed("POST", keep);
      if (!origin_ok(req)) return forbidden_origin(keep);
      return handle_admin(req);
    }
    if (method != http::verb::get && method != http::verb::head) return method_not_allowed("GET, HEAD", keep);
    const bool head = method == http::verb::head;
    if (path == "/api/state") {
      Text state = hub_.current_state(false);
      if (!state) return send_json(http::status::service_unavailable, error_json("starting", "no state yet"), keep);
      return send_text(http::status::ok, "application/json", *state, keep, head);
    }
    if (path == "/healthz") return send_text(http::status::ok, "application/json", hub_.health().dump(), keep, head);
    if (path == "/ws") {
      return send_json(http::status::upgrade_required, error_json("upgrade-required", "use a WebSocket"), keep);
    }
    const StaticFile* file = hub_.files().find(path);
    if (!file) return send_json(http::status::not_found, error_json("not-found", "no such page"), keep);
    const auto accept = req[http::field::accept_encoding];
    const bool gzip = file->use_gzip({accept.data(), accept.size()});
    const std::string& etag = gzip ? file->gzip_etag : file->etag;
    if (req[http::field::if_none_match] == etag) {
      http::response<http::empty_body> res{http::status::not_modified, req.version()};
      res.set(http::field::etag, etag);
      res.set(http::field::vary, "Accept-Encoding");
      return write(std::move(res), keep);
    }
    send_text(http::status::ok, file->content_type, gzip ? file->gzip_body : file->body, keep, head, file, gzip);
  }

  // Failed attempts (401, 403) count per client address: after a few, every
  // admin answer to that address waits; after many, it gets 429 for a while.
  void handle_admin(const http::request<http::string_body>& req) {
    const auto now = SteadyClock::now();
    auto& limits = hub_.limits();
    const auto gate = limits.admin_gate(slot_.peer(), now);
    if (gate == IpLimits::AdminGate::blocked)
      return send_json(http::status::too_many_requests,
                       error_json("rate-limited", "too many failed admin attempts from this address; wait a minute"),
                       req.keep_alive(), nullptr, nullptr, limits.admin_retry_after_s(slot_.peer(), now));
    if (gate == IpLimits::AdminGate::open) return check_admin(req);
    // The request stays in parser_: nothing is read until this one is answered.
    wait_.expires_after(std::chrono::milliseconds(hub_.options.admin_delay_ms));
    wait_.async_wait([self = shared_from_this()](beast::error_code ec) {
      if (!ec) self->check_admin(self->parser_->get());
    });
  }

  void check_admin(const http::request<http::string_body>& req) {
    const bool keep = req.keep_alive();
    const auto auth = req[http::field::authorization];
    constexpr std::string_view kBearer = "Bearer ";
    if (auth.empty()) {
      hub_.limits().admin_failed(slot_.peer(), SteadyClock::now());
      return send_json(http::status::unauthorized, error_json("unauthorized", "send Authorization: Bearer TOKEN"),
                       keep, "Bearer");
    }
    std::string_view given(auth.data(), auth.size());
    if (given.substr(0, kBearer.size()) != kBearer || !tokens_equal(given.substr(kBearer.size()), hub_.admin_token())) {
      hub_.limits().admin_failed(slot_.peer(), SteadyClock::now());
      return send_json(http::status::forbidden, error_json("forbidden", "wrong admin token"), keep);
    }
    json body = json::parse(req.body(), nullptr, false);
    if (body.is_discarded()) return send_json(http::status::bad_request, error_json("bad-json", "not JSON"), keep);
    const AdminContext context = hub_.admin_context();
    if (auto reply = admin_query(body, context)) {  // answered at once: changes nothing
      if ((*reply)["type"] == "error")
        return send_json(http::status::conflict,
                         {{"ok", false}, {"code", (*reply)["code"]}, {"message", (*reply)["message"]}}, keep);
      return send_json(http::status::ok, {{"ok", true}, {"proposal", (*reply)["proposal"]}}, keep);
    }
    auto command = admin_command(body, context);
    if (auto* e = std::get_if<ProtocolError>(&command))
      return send_json(http::status::bad_request, error_json(e->code, e->message), keep);
    // The timer's pending wait keeps this session alive until the main thread
    // answers (it does within a loop turn) or the wait gives up.
    awaiting_ = true;
    wait_.expires_after(std::chrono::seconds(30));
    wait_.async_wait([self = shared_from_this()](beast::error_code ec) {
      if (ec || !self->awaiting_) return;
      self->awaiting_ = false;
      self->send_json(http::status::service_unavailable, error_json("busy", "no answer from the app"), false);
    });
    std::weak_ptr<HttpSession> weak = shared_from_this();
    hub_.enqueue(Inbound{std::get<Command>(std::move(command)), true,
                         hub_.make_reply([weak, keep](const DispatchResult& r) {
                           if (auto self = weak.lock()) self->admin_done(r, keep);
                         })});
  }

  void admin_done(const DispatchResult& r, bool keep) {
    if (!std::exchange(awaiting_, false)) return;
    wait_.cancel();
    if (r.ok)  // the state after the command: the main thread published it before replying
      return send_json(http::status::ok,
                       {{"ok", true}, {"duplicate", r.duplicate}, {"state", hub_.admin_reply_state()}}, keep);
    const auto status = r.code == "storage" ? http::status::service_unavailable : http::status::conflict;
    const ProtocolError e = public_error(r);
    send_json(status, {{"ok", false}, {"code", e.code}, {"message", e.message}}, keep);
  }

  void method_not_allowed(const char* allow, bool keep) {
    send_json(http::status::method_not_allowed, error_json("method-not-allowed", std::string("allowed: ") + allow), keep,
              nullptr, allow);
  }

  void reply_bad_request(beast::error_code ec) {
    auto status = http::status::bad_request;
    if (ec == http::error::body_limit) status = http::status::payload_too_large;
    if (ec == http::error::header_limit) status = http::status::request_header_fields_too_large;
    send_json(status, error_json("bad-request", "malformed HTTP request"), false);
  }

  void send_json(http::status status, const json& body, bool keep, const char* authenticate = nullptr,
                 const char* allow = nullptr, int retry_after_s = 0) {
    http::response<http::string_body> res{status, 11};
    res.set(http::field::content_type, "application/json");
    res.set(http::field::cache_control, "no-store");
    if (authenticate) res.set(http::field::www_authenticate, authenticate);
    if (allow) res.set(http::field::allow, allow);
    if (retry_after_s > 0) res.set(http::field::retry_after, std::to_string(retry_after_s));
    res.body() = body.dump();
    res.prepare_payload();
    write(std::move(res), keep);
  }

  void send_text(http::status status, const std::string& type, const std::string& body, bool keep, bool head,
                 const StaticFile* file = nullptr, bool gzip = false) {
    auto decorate = [&](auto& res) {
      res.set(http::field::content_type, type);
      res.set(http::field::cache_control, "no-cache");
      res.set("X-Content-Type-Options", "nosniff");
      res.set("Referrer-Policy", "no-referrer");
      if (file) res.set(http::field::etag, gzip ? file->gzip_etag : file->etag);
      if (file) res.set(http::field::vary, "Accept-Encoding");
      if (gzip) res.set(http::field::content_encoding, "gzip");
      if (file && is_page(*file)) {
        res.set("Content-Security-Policy", kCsp);
        res.set("X-Frame-Options", "DENY");
      }
    };
    if (head) {
      http::response<http::empty_body> res{status, 11};
      decorate(res);
      res.content_length(body.size());
      return write(std::move(res), keep);
    }
    http::response<http::string_body> res{status, 11};
    decorate(res);
    res.body() = body;
    res.prepare_payload();
    write(std::move(res), keep);
  }

  template <class Body>
  void write(http::response<Body>&& res, bool keep) {
    res.set(http::field::server, kServerName);
    res.keep_alive(keep);
    auto sp = std::make_shared<http::response<Body>>(std::move(res));
    stream_.expires_after(std::chrono::seconds(hub_.options.write_timeout_s));
    http::async_write(stream_, *sp, [self = shared_from_this(), sp, keep](beast::error_code ec, std::size_t) {
      if (ec) return;
      if (!keep) return self->shutdown();
      self->do_read();
    });
  }

  void shutdown() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  }

  Server::Impl& hub_;
  beast::tcp_stream stream_;
  ConnectionSlot slot_;
  beast::flat_buffer buffer_{32 * 1024};
  std::optional<http::request_parser<http::string_body>> parser_;
  asio::steady_timer wait_;
  bool awaiting_ = false;
  bool first_ = true;
  // HTTP requests on this connection (token bucket)
  double rate_tokens_;
  SteadyClock::time_point rate_refilled_;
  int strikes_ = 0;
};

}  // namespace

void start_http_session(Server::Impl& hub, tcp::socket socket, ConnectionSlot slot) {
  std::make_shared<HttpSession>(hub, std::move(socket), std::move(slot))->run();
}

}  // namespace facilita::net
