// The fellow's WebSocket client (see follower_client.hpp). Everything on the
// socket happens on the network thread; the mutex guards the snapshot and the
// persisted record, which answer() and set_name() also touch.
#include "net/follower_client.hpp"

#include "net/fellow_decoder.hpp"

#include <algorithm>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/websocket.hpp>
#include <chrono>
#include <cmath>
#include <deque>
#include <mutex>
#include <random>
#include <thread>

namespace facilita::net {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;
using nlohmann::json;

std::int64_t wall_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

// One connection attempt; handlers hold it alive, `alive` turns false when it is done.
struct Conn {
  explicit Conn(asio::io_context& ioc) : ws(ioc) {}
  websocket::stream<beast::tcp_stream> ws;
  websocket::response_type response;
  beast::flat_buffer buffer;
  std::deque<std::string> outq;
  bool writing = false;
  bool alive = true;
  bool got_message = false;
};
using ConnPtr = std::shared_ptr<Conn>;

}  // namespace

class FollowerClient::Impl {
 public:
  explicit Impl(FollowerOptions o) : opt(std::move(o)), rng(std::random_device{}()) {}

  // ------------------------------------------------------------ any thread
  void start() {
    {
      std::lock_guard lock(mutex);
      record = load_follower_record(opt.store_path, opt.address.key());
      if (!opt.name.empty()) record.name = opt.name;
      sync_snapshot_locked();
    }
    work.emplace(asio::make_work_guard(ioc));
    asio::post(ioc, [this] { connect(); });
    thread = std::thread([this] { ioc.run(); });
  }

  void stop() {
    if (!thread.joinable()) return;
    asio::post(ioc, [this] {
      stopping = true;
      retry_timer.cancel();
      resolver.cancel();
      if (conn) close(conn);
      work.reset();
      ioc.stop();
    });
    thread.join();
  }

  FollowerSnapshot snapshot() const {
    std::lock_guard lock(mutex);
    return snap;
  }

  std::int64_t answer(const std::string& prompt, json value) {
    json msg;
    std::int64_t seq = 0;
    {
      std::lock_guard lock(mutex);
      seq = record.next_seq++;
      std::erase_if(record.pending, [&](const PendingAnswer& p) { return p.prompt == prompt; });
      record.pending.push_back({seq, prompt, value});
      record.answers[prompt] = MyAnswer{value, seq, AnswerStatus::Sending, ""};
      msg = {{"type", "answer"}, {"prompt", prompt}, {"value", std::move(value)}, {"seq", seq}};
      changed_locked();
    }
    notify();
    asio::post(ioc, [this, text = msg.dump()] {
      if (conn && conn->alive && welcomed()) send(conn, text);
    });
    return seq;
  }

  void set_name(const std::string& name) {
    {
      std::lock_guard lock(mutex);
      record.name = name;
      changed_locked();
    }
    notify();
    asio::post(ioc, [this] {
      if (conn && conn->alive) send_hello(conn);
    });
  }

  FollowerOptions opt;

 private:
  // ------------------------------------------------------------ network thread
  void connect() {
    if (stopping) return;
    auto c = std::make_shared<Conn>(ioc);
    conn = c;
    resolver.async_resolve(opt.address.host, std::to_string(opt.address.port),
                           [this, c](beast::error_code ec, tcp::resolver::results_type results) {
                             if (ec) return fail(c, "resolve", "cannot resolve " + opt.address.host + ": " + ec.message());
                             beast::get_lowest_layer(c->ws).expires_after(std::chrono::milliseconds(opt.connect_timeout_ms));
                             beast::get_lowest_layer(c->ws).async_connect(
                                 results, [this, c](beast::error_code ec, const tcp::endpoint&) { on_connect(c, ec); });
                           });
  }

  void on_connect(const ConnPtr& c, beast::error_code ec) {
    if (ec) return fail(c, "refused", "cannot connect to " + opt.address.key() + ": " + ec.message());
    beast::get_lowest_layer(c->ws).expires_never();
    websocket::stream_base::timeout timeout{};
    timeout.handshake_timeout = std::chrono::seconds(10);
    timeout.idle_timeout = std::chrono::seconds(25);  // a silent Wi-Fi link: ping at 12.5 s, give up at 25 s
    timeout.keep_alive_pings = true;
    c->ws.set_option(timeout);
    c->ws.async_handshake(c->response, opt.address.key(), "/ws", [this, c](beast::error_code ec) {
      if (!ec) return on_open(c);
      if (ec == websocket::error::upgrade_declined) {
        int status = c->response.result_int();
        if (status >= 500 || status == 429)
          return fail(c, "busy", "the server is busy (HTTP " + std::to_string(status) + ")");
        return fail(c, "not-facilita",
                    "not a Facilita server: " + opt.address.key() + " answered HTTP " + std::to_string(status) +
                        " on /ws",
                    /*retry=*/false);
      }
      namespace http = beast::http;
      const bool cut = ec == http::error::end_of_stream || ec == http::error::partial_message;
      if (!cut && (ec.category() == make_error_code(http::error::bad_version).category() ||
                   ec.category() == make_error_code(websocket::error::no_connection_upgrade).category()))
        return fail(c, "not-facilita",
                    "not a Facilita server: " + opt.address.key() + " does not answer like one (" + ec.message() + ")",
                    false);
      fail(c, "dropped", "handshake failed: " + ec.message());
    });
  }

  void on_open(const ConnPtr& c) {
    {
      std::lock_guard lock(mutex);
      snap.status = LinkStatus::Online;
      snap.welcomed = false;
      snap.error.clear();
      snap.error_code.clear();
      ++snap.revision;
    }
    notify();
    send_hello(c);
    read(c);
  }

  void send_hello(const ConnPtr& c) {
    json hello{{"type", "hello"}};
    {
      std::lock_guard lock(mutex);
      if (record.name.empty()) return;  // the page waits for a name too
      hello["name"] = record.name;
      if (!record.token.empty()) hello["token"] = record.token;
    }
    send(c, hello.dump());
  }

  void read(const ConnPtr& c) {
    c->ws.async_read(c->buffer, [this, c](beast::error_code ec, std::size_t) {
      if (ec) return fail(c, "dropped", "connection lost: " + ec.message());
      std::string text = beast::buffers_to_string(c->buffer.data());
      c->buffer.consume(c->buffer.size());
      on_message(c, text);
      if (c->alive) read(c);
    });
  }

  void on_message(const ConnPtr& c, const std::string& text) {
    json msg = json::parse(text, nullptr, false);
    if (!msg.is_object() || !msg.contains("type") || !msg["type"].is_string()) {
      if (!c->got_message)
        fail(c, "not-facilita", "not a Facilita server: /ws sent something that is not protocol JSON", false);
      return;
    }
    c->got_message = true;
    const std::string type = msg["type"];
    if (type == "welcome") on_welcome(c, msg);
    else if (type == "state" || type == "content" || type == "live" || type == "you") on_room(msg);
    else if (type == "ack") on_ack(msg);
    else if (type == "error") on_error(c, msg);
  }

  void on_welcome(const ConnPtr& c, const json& msg) {
    if (msg.contains("protocol") && msg["protocol"] != kFollowerProtocol) {
      return fail(c, "protocol",
                  "the server speaks protocol " + msg["protocol"].dump() + ", this client speaks " +
                      std::to_string(kFollowerProtocol) + "; use the same facilita version on both sides",
                  false);
    }
    std::vector<std::string> resend;
    {
      std::lock_guard lock(mutex);
      if (msg.contains("token") && msg["token"].is_string()) record.token = msg["token"];
      snap.participant = msg.value("participant", "");
      snap.welcomed = true;
      snap.error.clear();
      snap.error_code.clear();
      attempt = 0;
      for (const auto& p : record.pending)  // already in seq order
        resend.push_back(json{{"type", "answer"}, {"prompt", p.prompt}, {"value", p.value}, {"seq", p.seq}}.dump());
      changed_locked();
    }
    notify();
    for (auto& text : resend) send(c, text);
  }

  void on_room(const json& msg) {
    if (!decoder.apply(msg)) return;
    const FellowState& room = decoder.state();
    {
      std::lock_guard lock(mutex);
      if (msg["type"] == "state" && msg.contains("server_time") && msg["server_time"].is_number())
        snap.offset_ms = msg["server_time"].get<std::int64_t>() - wall_ms();
      if (!room.session_id.empty() && room.session_id != record.session) {
        if (!record.session.empty()) {  // another session: its answers mean nothing here
          record.pending.clear();
          record.answers.clear();
        }
        record.session = room.session_id;
        changed_locked();
      }
      snap.room = room;
      ++snap.revision;
    }
    notify();
  }

  void on_ack(const json& msg) {
    if (!msg.contains("seq") || !msg["seq"].is_number_integer()) return;
    const auto seq = msg["seq"].get<std::int64_t>();
    {
      std::lock_guard lock(mutex);
      std::erase_if(record.pending, [&](const PendingAnswer& p) { return p.seq == seq; });
      for (auto& [prompt, a] : record.answers)
        if (a.seq == seq) a.status = AnswerStatus::Acked;
      changed_locked();
    }
    notify();
  }

  void on_error(const ConnPtr& c, const json& msg) {
    const std::string code = msg.value("code", "");
    const std::string message = msg.value("message", code);
    {
      std::lock_guard lock(mutex);
      if (msg.contains("seq") && msg["seq"].is_number_integer()) {
        const auto seq = msg["seq"].get<std::int64_t>();
        auto it = std::find_if(record.pending.begin(), record.pending.end(), [&](auto& p) { return p.seq == seq; });
        if (it == record.pending.end()) return;
        if (code == "rate-limited" || code == "storage") {  // keep it; resend shortly
          schedule_resend(c, json{{"type", "answer"}, {"prompt", it->prompt}, {"value", it->value}, {"seq", seq}}.dump());
          return;
        }
        std::string prompt = it->prompt;
        record.pending.erase(it);
        if (auto a = record.answers.find(prompt); a != record.answers.end() && a->second.seq == seq) {
          a->second.status = AnswerStatus::Rejected;
          a->second.reason = code;
        }
      } else {
        snap.error_code = code;
        snap.error = "the server refused: " + message;
      }
      changed_locked();
    }
    notify();
  }

  void schedule_resend(const ConnPtr& c, std::string text) {
    auto timer = std::make_shared<asio::steady_timer>(ioc, std::chrono::milliseconds(2000 + rng() % 2000));
    timer->async_wait([this, c, timer, text = std::move(text)](beast::error_code ec) {
      if (!ec && c->alive && !stopping) send(c, text);
    });
  }

  void send(const ConnPtr& c, std::string text) {
    c->outq.push_back(std::move(text));
    if (!c->writing) write_next(c);
  }

  void write_next(const ConnPtr& c) {
    c->writing = true;
    c->ws.text(true);
    c->ws.async_write(asio::buffer(c->outq.front()), [this, c](beast::error_code ec, std::size_t) {
      if (ec) return fail(c, "dropped", "connection lost: " + ec.message());
      c->outq.pop_front();
      if (c->outq.empty()) c->writing = false;
      else write_next(c);
    });
  }

  static void close(const ConnPtr& c) {
    c->alive = false;
    beast::error_code ignored;
    beast::get_lowest_layer(c->ws).socket().shutdown(tcp::socket::shutdown_both, ignored);
    beast::get_lowest_layer(c->ws).close();
  }

  // Ends this connection; retries after a jittered, growing delay unless `retry` is false.
  void fail(const ConnPtr& c, const std::string& code, const std::string& message, bool retry = true) {
    if (!c->alive) return;
    close(c);
    if (stopping) return;
    int delay = 0;
    {
      std::lock_guard lock(mutex);
      snap.welcomed = false;
      snap.error_code = code;
      snap.error = message;
      if (retry) {
        ++attempt;
        double base = std::min<double>(opt.max_backoff_ms, opt.min_backoff_ms * std::pow(2.0, std::min(attempt - 1, 20)));
        double jitter = 0.75 + 0.5 * std::uniform_real_distribution<double>(0, 1)(rng);
        delay = static_cast<int>(std::clamp(base * jitter, double(opt.min_backoff_ms), double(opt.max_backoff_ms)));
        snap.status = LinkStatus::Retrying;
        snap.retry_at_ms = wall_ms() + delay;
      } else {
        snap.status = LinkStatus::Failed;
      }
      ++snap.revision;
    }
    notify();
    if (!retry) return;
    retry_timer.expires_after(std::chrono::milliseconds(delay));
    retry_timer.async_wait([this](beast::error_code ec) {
      if (!ec) connect();
    });
  }

  bool welcomed() const { std::lock_guard lock(mutex); return snap.welcomed; }

  // ------------------------------------------------------------ under the mutex
  void sync_snapshot_locked() {
    snap.name = record.name;
    snap.pending = record.pending;
    snap.answers = record.answers;
    ++snap.revision;
  }
  void changed_locked() {
    save_follower_record(opt.store_path, opt.address.key(), record);
    sync_snapshot_locked();
  }
  void notify() { if (opt.wake) opt.wake(); }

  asio::io_context ioc;
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;
  std::thread thread;
  tcp::resolver resolver{ioc};
  asio::steady_timer retry_timer{ioc};
  ConnPtr conn;
  FellowDecoder decoder;  // network thread
  bool stopping = false;
  int attempt = 0;
  std::minstd_rand rng;
  mutable std::mutex mutex;
  FollowerRecord record;
  FollowerSnapshot snap;
};

FollowerClient::FollowerClient(FollowerOptions options) : impl_(std::make_shared<Impl>(std::move(options))) {}
FollowerClient::~FollowerClient() { stop(); }
void FollowerClient::start() { impl_->start(); }
void FollowerClient::stop() { impl_->stop(); }
FollowerSnapshot FollowerClient::snapshot() const { return impl_->snapshot(); }
std::int64_t FollowerClient::answer(const std::string& prompt, nlohmann::json value) {
  return impl_->answer(prompt, std::move(value));
}
void FollowerClient::set_name(const std::string& name) { impl_->set_name(name); }

}  // namespace facilita::net
