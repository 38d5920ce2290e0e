// The fellow's client (net::FollowerClient, `facilita join`) against a real
// Server on 127.0.0.1: join, answer -> ack, the pending queue persisted and
// resent after the server restarts on the same port (counted once), bad URLs,
// a refused connection (retrying) and a non-Facilita server (clear error);
// the typed room model (content by key, live counters, ended) and a storage
// failure that keeps the answer queued until the journal works again.
#include "net/fellow_decoder.hpp"
#include "net/follower_client.hpp"
#include "net_harness.hpp"

namespace facilita::test {
namespace {

// A Controller pumped on its own thread, with a Server that can be stopped and
// started again on the same port (the controller and its answers survive).
class Room {
 public:
  Room()
      : controller_(load(), initial_state(load()), [this](const std::vector<Event>& events, std::string& error) {
          if (fail_storage_) {
            ++refused_;
            error = "disk full";
            return false;
          }
          journal_.insert(journal_.end(), events.begin(), events.end());
          return true;
        }) {
    start_server(0);
    pump_ = std::thread([this] { pump(); });
  }
  ~Room() {
    stop_ = true;
    pump_.join();
    stop_server();
  }
  void start_server(unsigned short port) {
    net::ServerOptions options;
    options.bind = "127.0.0.1";
    options.port = port;
    options.web_root = make_web_root();
    options.admin_token = "test-admin-token";
    auto server = std::make_shared<net::Server>(options, [] {});
    std::string error;
    REQUIRE_MESSAGE(server->start(error), error);
    port_ = server->port();
    std::lock_guard lock(mutex_);
    server_ = server;
    published_ = ~std::uint64_t{0};
  }
  void stop_server() {
    std::shared_ptr<net::Server> server;
    {
      std::lock_guard lock(mutex_);
      server.swap(server_);
    }
    if (server) server->stop();
  }
  unsigned short port() const { return port_; }
  void fail_storage(bool fail) { fail_storage_ = fail; }
  int storage_refusals() const { return refused_; }
  void dispatch(const Command& command) { on_main([&](Controller& c) { REQUIRE(c.dispatch(command, wall_ms()).ok); }); }
  void on_main(const std::function<void(Controller&)>& fn) {
    std::lock_guard lock(mutex_);
    fn(controller_);
    published_ = ~std::uint64_t{0};
  }
  int answered_events(const std::string& prompt) {
    std::lock_guard lock(mutex_);
    int n = 0;
    for (const auto& e : journal_)
      if (auto* a = std::get_if<ev::Answered>(&e.data); a && a->prompt == prompt) ++n;
    return n;
  }

 private:
  static Session load() {
    auto loaded = load_session(kTestSession);
    REQUIRE(loaded.ok());
    return *loaded.session;
  }
  void pump() {
    while (!stop_) {
      {
        std::lock_guard lock(mutex_);
        if (server_) {  // dispatch, publish, then answer (the app's order)
          std::vector<std::pair<net::Inbound, DispatchResult>> done;
          for (auto& in : server_->take_inbound()) {
            auto result = controller_.dispatch(in.command, wall_ms());
            done.emplace_back(std::move(in), std::move(result));
          }
          if (controller_.version() != published_) {
            const Millis now = wall_ms();
            auto timing = derive(controller_.session(), controller_.state(), now);
            server_->publish(public_state(controller_.session(), controller_.state(), timing, now, controller_.version()));
            published_ = controller_.version();
          }
          for (auto& [in, result] : done) in.reply(result);
        }
      }
      std::this_thread::sleep_for(10ms);
    }
  }

  std::vector<Event> journal_;
  Controller controller_;
  std::shared_ptr<net::Server> server_;
  unsigned short port_ = 0;
  std::uint64_t published_ = ~std::uint64_t{0};
  std::thread pump_;
  std::atomic<bool> stop_{false};
  std::atomic<bool> fail_storage_{false};
  std::atomic<int> refused_{0};
  std::mutex mutex_;
};

std::string temp_store(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("facilita-follower-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto path = dir / (name + ".json");
  std::filesystem::remove(path);
  return path.string();
}

net::FollowerOptions options_for(unsigned short port, const std::string& store, const std::string& name = "Ana") {
  net::FollowerOptions o;
  o.address = {"127.0.0.1", port};
  o.name = name;
  o.store_path = store;
  o.min_backoff_ms = 100;
  o.max_backoff_ms = 400;
  return o;
}

// Polls the client's snapshot until `pred` holds or 5 s pass.
bool eventually(const net::FollowerClient& client, const std::function<bool(const net::FollowerSnapshot&)>& pred,
                std::chrono::milliseconds timeout = 5s) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (pred(client.snapshot())) return true;
    std::this_thread::sleep_for(20ms);
  }
  return pred(client.snapshot());
}

bool acked(const net::FollowerSnapshot& s, const std::string& prompt) {
  auto it = s.answers.find(prompt);
  return s.pending.empty() && it != s.answers.end() && it->second.status == net::AnswerStatus::Acked;
}

TEST_CASE("follower: URLs are parsed and bad ones are refused with a clear message") {
  std::string error;
  auto a = net::parse_server_url("http://192.168.1.20:8080/", error);
  REQUIRE(a);
  CHECK(a->host == "192.168.1.20");
  CHECK(a->port == 8080);
  auto b = net::parse_server_url("ws://localhost:9000/ws", error);
  REQUIRE(b);
  CHECK(b->key() == "localhost:9000");
  auto c = net::parse_server_url("http://example.lan", error);
  REQUIRE(c);
  CHECK(c->port == 80);
  for (const char* bad : {"", "ftp://x:1/", "http://", "http://host:0/", "http://host:70000/", "http://host:8080/admin",
                          "http://ho st:1/", "http://host:abc/"}) {
    CAPTURE(bad);
    error.clear();
    CHECK_FALSE(net::parse_server_url(bad, error));
    CHECK(error.find("bad URL") != std::string::npos);
  }
}

TEST_CASE("follower: joins, follows the state, answers and gets the ack") {
  Room room;
  room.dispatch(cmd::Start{});
  room.dispatch(cmd::OpenPrompt{"q-choice"});
  const std::string store = temp_store("join");
  net::FollowerClient client(options_for(room.port(), store));
  client.start();
  REQUIRE(eventually(client, [](auto& s) { return s.welcomed && s.room.known; }));
  auto snap = client.snapshot();
  CHECK(snap.status == net::LinkStatus::Online);
  CHECK(snap.participant.rfind("p-", 0) == 0);
  REQUIRE(eventually(client, [](auto& s) { return s.room.participants == 1; }));
  REQUIRE(client.snapshot().room.prompt);
  CHECK(client.snapshot().room.prompt->id == "q-choice");
  CHECK(client.snapshot().room.prompt->options == std::vector<std::string>{"A", "B", "C"});
  REQUIRE(client.snapshot().room.content);  // sent once by key, resolved by the decoder
  CHECK(client.snapshot().room.content->find("# Hola") == 0);

  auto seq = client.answer("q-choice", "A");
  CHECK(seq == 1);
  REQUIRE(eventually(client, [](auto& s) { return acked(s, "q-choice"); }));
  CHECK(client.answer("q-choice", "B") == 2);  // changing the answer while open
  REQUIRE(eventually(client, [](auto& s) { return acked(s, "q-choice"); }));
  CHECK(room.answered_events("q-choice") == 2);
  REQUIRE(eventually(client, [](auto& s) { return s.room.answered == 1; }));  // a live message

  auto bad = client.answer("q-choice", "Z");  // not an option: rejected, not left pending
  REQUIRE(eventually(client, [&](auto& s) {
    auto it = s.answers.find("q-choice");
    return it != s.answers.end() && it->second.seq == bad && it->second.status == net::AnswerStatus::Rejected;
  }));
  CHECK(client.snapshot().answers.at("q-choice").reason == "bad-value");
  CHECK(client.snapshot().pending.empty());

  // The token and the seq counter are kept: a second client with the same file is the same fellow.
  client.stop();
  net::FollowerClient again(options_for(room.port(), store));
  again.start();
  REQUIRE(eventually(again, [](auto& s) { return s.welcomed; }));
  CHECK(again.snapshot().participant == snap.participant);
  CHECK(again.answer("q-choice", "C") == bad + 1);
}

TEST_CASE("follower: answers queued while the server is down are persisted and land exactly once after a restart") {
  Room room;
  room.dispatch(cmd::Start{});
  room.dispatch(cmd::OpenPrompt{"q-text"});
  const unsigned short port = room.port();
  const std::string store = temp_store("restart");
  {
    net::FollowerClient client(options_for(port, store));
    client.start();
    REQUIRE(eventually(client, [](auto& s) { return s.welcomed; }));
    room.stop_server();
    REQUIRE(eventually(client, [](auto& s) { return s.status == net::LinkStatus::Retrying; }));
    client.answer("q-text", "sin red");
    auto snap = client.snapshot();
    REQUIRE(snap.pending.size() == 1);
    CHECK(snap.answers.at("q-text").status == net::AnswerStatus::Sending);
    // Persisted before the process goes away.
    auto record = net::load_follower_record(store, "127.0.0.1:" + std::to_string(port));
    REQUIRE(record.pending.size() == 1);
    CHECK(record.pending[0].value == "sin red");
  }  // the fellow's program exits with the answer unsent

  room.start_server(port);
  net::FollowerClient client(options_for(port, store));
  client.start();
  REQUIRE(eventually(client, [](auto& s) { return acked(s, "q-text"); }));
  CHECK(room.answered_events("q-text") == 1);

  // A reconnect resends nothing more: the queue is empty; the answer counts once.
  room.stop_server();
  REQUIRE(eventually(client, [](auto& s) { return s.status == net::LinkStatus::Retrying; }));
  room.start_server(port);
  REQUIRE(eventually(client, [](auto& s) { return s.welcomed; }));
  std::this_thread::sleep_for(200ms);
  CHECK(room.answered_events("q-text") == 1);
  int answers = 0;
  room.on_main([&](Controller& c) { answers = static_cast<int>(c.state().prompts.at("q-text").answers.size()); });
  CHECK(answers == 1);
}

TEST_CASE("follower: the decoder builds the typed room from state, content and live messages") {
  net::FellowDecoder d;
  CHECK_FALSE(d.apply(json{{"type", "pong"}, {"t", 1}}));
  CHECK_FALSE(d.state().known);
  // Content may arrive before the state that names its key (the server's order).
  CHECK_FALSE(d.apply(json{{"type", "content"}, {"key", "00000000000000aa"}, {"section", "uno"}, {"content", "# Uno"}}));
  json state = {{"type", "state"}, {"version", 5}, {"server_time", 1000}, {"status", "running"},
                {"session", {{"id", "s"}, {"title", "Sesión"}, {"language", "es"}}},
                {"section", {{"id", "uno"}, {"title", "Uno"}, {"index", 0}, {"count", 2}, {"planned_s", 300},
                             {"remaining_s", 250}, {"phase", "wrap-up"}, {"ends_at", 251000},
                             {"content_key", "00000000000000aa"}}},
                {"next_section", {{"id", "dos"}, {"title", "Dos"}}},
                {"prompt", {{"id", "q"}, {"kind", "scale"}, {"text", "¿Cuánto?"}, {"options", json::array()},
                            {"open", true}, {"revealed", false}, {"time_s", 0}, {"closes_at", nullptr},
                            {"scale", {{"min", 1}, {"max", 4}, {"labels", {"poco", "mucho"}}}}}},
                {"results", nullptr}, {"answered", 3}, {"participants", 7}};
  CHECK(d.apply(state));
  const auto& r = d.state();
  REQUIRE(r.known);
  CHECK(r.version == 5);
  CHECK(r.status == net::RoomStatus::Running);
  REQUIRE(r.section);
  CHECK(r.section->phase == net::RoomPhase::WrapUp);
  CHECK(r.section->ends_at == 251000);
  REQUIRE(r.content);
  CHECK(*r.content == "# Uno");
  CHECK(r.next_section_title == "Dos");
  REQUIRE(r.prompt);
  REQUIRE(r.prompt->scale);
  CHECK(r.prompt->scale->max == 4);
  CHECK(r.prompt->scale->labels.size() == 2);
  CHECK(r.answered == 3);

  CHECK(d.apply(json{{"type", "live"}, {"version", 6}, {"answered", 4}, {"participants", 8}}));
  CHECK(d.state().answered == 4);
  CHECK(d.state().participants == 8);
  CHECK_FALSE(d.apply(json{{"type", "live"}, {"version", 4}, {"answered", 1}, {"participants", 1}}));  // older
  CHECK(d.state().answered == 4);

  // A key not seen yet: no content until its message comes; inline content works too.
  state["version"] = 7;
  state["section"]["content_key"] = "00000000000000bb";
  CHECK(d.apply(state));
  CHECK_FALSE(d.state().content);
  CHECK(d.apply(json{{"type", "content"}, {"key", "00000000000000bb"}, {"section", "uno"}, {"content", "Nuevo"}}));
  REQUIRE(d.state().content);
  CHECK(*d.state().content == "Nuevo");
  state["section"].erase("content_key");
  state["section"]["content"] = "En línea";
  state["status"] = "ended";
  state["results"] = {{"answered", 4}, {"participants", 8},
                      {"options", {{{"label", "1"}, {"count", 4}, {"percent", 100.0}, {"correct", true}}}},
                      {"mean", 1.0}};
  CHECK(d.apply(state));
  CHECK(*d.state().content == "En línea");
  CHECK(d.state().ended());
  REQUIRE(d.state().results);
  CHECK(d.state().results->options.at(0).correct);
  CHECK(d.state().results->mean == 1.0);

  // Malformed fields read as absent, never throw.
  CHECK(d.apply(json{{"type", "state"}, {"section", 3}, {"prompt", "x"}, {"answered", "many"}, {"version", 1e300}}));
  CHECK_FALSE(d.state().section);
  CHECK_FALSE(d.state().prompt);
  CHECK(d.state().answered == 0);

  net::FellowValue list = net::fellow_value(json{"a", "b"});
  CHECK(list.is_list);
  CHECK(net::to_json(list) == json{"a", "b"});
  CHECK(net::to_json(net::fellow_value(3)) == 3);
  CHECK(net::to_json(net::fellow_value("x")) == "x");
}

TEST_CASE("follower: the end of the session shows in the model and a later answer is refused, not queued") {
  Room room;
  room.dispatch(cmd::Start{});
  room.dispatch(cmd::OpenPrompt{"q-choice"});
  net::FollowerClient client(options_for(room.port(), temp_store("ended")));
  client.start();
  REQUIRE(eventually(client, [](auto& s) { return s.welcomed && s.room.known; }));
  room.dispatch(cmd::End{});
  REQUIRE(eventually(client, [](auto& s) { return s.room.ended(); }));
  auto seq = client.answer("q-text", "tarde");  // `ended` (or `prompt-closed`): a refusal, not a retry
  REQUIRE(eventually(client, [&](auto& s) {
    auto it = s.answers.find("q-text");
    return it != s.answers.end() && it->second.seq == seq && it->second.status == net::AnswerStatus::Rejected;
  }));
  CHECK(client.snapshot().pending.empty());
}

TEST_CASE("follower: an answer refused with storage stays queued and lands once the journal works again") {
  Room room;
  room.dispatch(cmd::Start{});
  room.dispatch(cmd::OpenPrompt{"q-text"});
  net::FollowerClient client(options_for(room.port(), temp_store("storage")));
  client.start();
  REQUIRE(eventually(client, [](auto& s) { return s.welcomed; }));
  room.fail_storage(true);
  client.answer("q-text", "sin disco");
  for (int i = 0; i < 250 && room.storage_refusals() == 0; ++i) std::this_thread::sleep_for(20ms);
  REQUIRE(room.storage_refusals() >= 1);
  auto snap = client.snapshot();
  CHECK(snap.pending.size() == 1);
  CHECK(snap.answers.at("q-text").status == net::AnswerStatus::Sending);
  CHECK(room.answered_events("q-text") == 0);
  room.fail_storage(false);
  REQUIRE(eventually(client, [](auto& s) { return acked(s, "q-text"); }, 10s));
  CHECK(room.answered_events("q-text") == 1);
}

TEST_CASE("follower: a refused connection shows retrying with the next attempt time") {
  unsigned short port = 0;
  {  // a port that was free a moment ago
    asio::io_context ioc;
    tcp::acceptor acceptor(ioc, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
    port = acceptor.local_endpoint().port();
  }
  net::FollowerClient client(options_for(port, temp_store("refused")));
  client.start();
  REQUIRE(eventually(client, [](auto& s) { return s.status == net::LinkStatus::Retrying; }));
  auto snap = client.snapshot();
  CHECK(snap.error_code == "refused");
  CHECK(snap.retry_at_ms > 0);
  CHECK_FALSE(snap.welcomed);
}

// A tiny HTTP responder that answers 404 to everything.
class NotFacilita {
 public:
  NotFacilita() : acceptor_(ioc_, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)) {
    accept();
    thread_ = std::thread([this] { ioc_.run(); });
  }
  ~NotFacilita() {
    asio::post(ioc_, [this] { ioc_.stop(); });
    thread_.join();
  }
  unsigned short port() const { return acceptor_.local_endpoint().port(); }

 private:
  void accept() {
    acceptor_.async_accept([this](beast::error_code ec, tcp::socket socket) {
      if (ec) return;
      auto s = std::make_shared<tcp::socket>(std::move(socket));
      auto buf = std::make_shared<std::array<char, 2048>>();
      s->async_read_some(asio::buffer(*buf), [s, buf](beast::error_code, std::size_t) {
        static const std::string reply =
            "HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\nnot found";
        asio::async_write(*s, asio::buffer(reply), [s](beast::error_code, std::size_t) {
          beast::error_code ignored;
          s->shutdown(tcp::socket::shutdown_both, ignored);
        });
      });
      accept();
    });
  }
  asio::io_context ioc_;
  tcp::acceptor acceptor_;
  std::thread thread_;
};

TEST_CASE("follower: a server that is not Facilita (404 on /ws) gives a clear error and no retry loop") {
  NotFacilita other;
  net::FollowerClient client(options_for(other.port(), temp_store("other")));
  client.start();
  REQUIRE(eventually(client, [](auto& s) { return s.status == net::LinkStatus::Failed; }));
  auto snap = client.snapshot();
  CHECK(snap.error_code == "not-facilita");
  CHECK(snap.error.find("not a Facilita server") != std::string::npos);
  CHECK(snap.error.find("404") != std::string::npos);
}

}  // namespace
}  // namespace facilita::test

TEST_CASE("follower: the decoder reads the section's current step and its list") {
  using nlohmann::json;
  facilita::net::FellowDecoder d;
  json state = {{"type", "state"}, {"version", 1}, {"server_time", 1000}, {"status", "running"},
                {"session", {{"id", "s"}, {"title", "Sesión"}, {"language", "es"}}},
                {"section", {{"id", "retos"}, {"title", "Retos"}, {"index", 4}, {"count", 8}, {"planned_s", 600},
                             {"remaining_s", 500}, {"phase", "normal"}, {"ends_at", 501000}, {"content", "# Retos"},
                             {"steps", {{{"id", "solo"}, {"title", "En silencio"}, {"planned_s", 60}},
                                        {{"id", "parejas"}, {"title", "En parejas"}, {"planned_s", 120}}}},
                             {"step", {{"index", 1}, {"count", 2}, {"id", "parejas"}, {"title", "En parejas"},
                                       {"text", "Compartan"}, {"planned_s", 120}, {"remaining_s", -5},
                                       {"ends_at", -4000}}}}}};
  REQUIRE(d.apply(state));
  const auto& sec = d.state().section;
  REQUIRE(sec);
  REQUIRE(sec->step);
  CHECK(sec->step->index == 1);
  CHECK(sec->step->count == 2);
  CHECK(sec->step->title == "En parejas");
  CHECK(sec->step->text == "Compartan");
  CHECK(sec->step->remaining_s == -5);
  CHECK(sec->step->ends_at == -4000);
  REQUIRE(sec->steps.size() == 2);
  CHECK(sec->steps[0].planned_s == 60);

  state["section"]["step"] = nullptr;
  state["section"]["steps"] = json::array();
  state["version"] = 2;
  REQUIRE(d.apply(state));
  CHECK_FALSE(d.state().section->step);
  CHECK(d.state().section->steps.empty());
}
