// Test harness for the server: a real Server on 127.0.0.1 (ephemeral port),
// a "main thread" that runs the app's own NetPump (take inbound -> one batch
// into a Controller with an in-memory journal -> publish -> replies), and small Beast clients with
// timeouts so a broken server fails a test instead of hanging it.
#pragma once
#include <doctest/doctest.h>

#include <atomic>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>

#include "app/controller.hpp"
#include "app/net_pump.hpp"
#include "core/loader.hpp"
#include "core/snapshot.hpp"
#include "net/server.hpp"

namespace facilita::test {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;
using nlohmann::json;
using namespace std::chrono_literals;

// How long a test waits for something that should come: an upper bound only (a
// passing test does not wait it out), generous because the sanitizer build runs
// four tests at once on two cores. A check that something does NOT come passes
// its own short timeout.
inline constexpr std::chrono::milliseconds kWait = 15s;

inline constexpr const char* kTestSession = R"(id: net-test
title: Prueba de red
language: es
duration: 10 min
objective: Probar el servidor.
objectives:
  - {id: o1, text: Uno}
sections:
  - id: uno
    title: Sección uno
    duration: 5 min
    objectives: [o1]
    content: |
      # Hola
      - **negritas** y *cursivas*
    notes: NOTAS-SECRETAS del facilitador
    prompts:
      - id: q-choice
        kind: choice
        text: ¿Cuál?
        options: ["A", "B", "C"]
        correct: "B"
      - id: q-text
        kind: text
        text: Escribe algo
  - id: dos
    title: Sección dos
    duration: 5 min
    objectives: [o1]
    content: Fin
)";

inline Millis wall_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

inline std::string make_web_root() {
  static const std::string dir = [] {
    auto path = std::filesystem::temp_directory_path() / ("facilita-net-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(path);
    std::ofstream(path / "index.html") << "<!doctype html><title>fellow</title>";
    std::ofstream(path / "app.js") << "console.log('app')";
    return path.string();
  }();
  return dir;
}

// The server plus a pump thread standing in for the app's main thread.
class Harness {
 public:
  explicit Harness(net::ServerOptions options = {}, bool pad_states = false)
      : controller_(load(), initial_state(load()), [this](const std::vector<Event>& events, std::string&) {
          journal_.insert(journal_.end(), events.begin(), events.end());
          return true;
        }),
        pad_(pad_states) {
    options.bind = "127.0.0.1";
    options.port = 0;
    if (options.web_root.empty()) options.web_root = make_web_root();
    if (options.admin_token.empty()) options.admin_token = "test-admin-token";
    server_ = std::make_unique<net::Server>(options, [this] { wake(); });
    std::string error;
    REQUIRE_MESSAGE(server_->start(error), error);
    net_pump_.emplace(*server_);
    net_pump_->attach(controller_);
    if (pad_)
      net_pump_->set_public_filter([this](json& pub) { pub["pad"] = std::string(200 * 1024 + controller_.version() % 7, 'x'); });
    net_pump_->publish(controller_, wall_ms());
    pump_ = std::thread([this] { pump(); });
  }
  ~Harness() {
    stop_ = true;
    wake();
    pump_.join();
    server_->stop();
  }

  net::Server& server() { return *server_; }
  unsigned short port() const { return server_->port(); }
  // Runs `fn` on the pump thread (which owns the controller) and waits.
  void on_main(std::function<void(Controller&)> fn) {
    std::promise<void> done;
    {
      std::lock_guard lock(mutex_);
      tasks_.push_back([&] {
        fn(controller_);
        net_pump_->publish_if_changed(controller_, wall_ms());  // what the app does after every change
        done.set_value();
      });
    }
    wake();
    done.get_future().wait();
  }
  std::uint64_t version() {
    std::uint64_t v = 0;
    on_main([&](Controller& c) { v = c.version(); });
    return v;
  }
  void dispatch(const Command& command) {
    on_main([&](Controller& c) { REQUIRE(c.dispatch(command, wall_ms()).ok); });
  }

 private:
  static Session load() {
    auto loaded = load_session(kTestSession);
    REQUIRE(loaded.ok());
    return *loaded.session;
  }
  void wake() {
    std::lock_guard lock(mutex_);
    woken_ = true;
    cv_.notify_one();
  }
  void pump() {
    while (!stop_) {
      std::vector<std::function<void()>> tasks;
      {
        std::unique_lock lock(mutex_);
        cv_.wait_for(lock, 50ms, [this] { return woken_; });
        woken_ = false;
        tasks.swap(tasks_);
      }
      for (auto& task : tasks) task();
      net_pump_->turn(controller_, wall_ms());  // the app's pump: batch, publish, then replies
    }
  }

  std::vector<Event> journal_;
  Controller controller_;
  bool pad_;
  std::unique_ptr<net::Server> server_;
  std::optional<NetPump> net_pump_;
  std::thread pump_;
  std::atomic<bool> stop_{false};
  std::mutex mutex_;
  std::condition_variable cv_;
  bool woken_ = false;
  std::vector<std::function<void()>> tasks_;
};

// A WebSocket client with timeouts on every read.
class Client {
 public:
  // `from`: a local address to connect from (any of 127.0.0.0/8 works on Linux).
  explicit Client(unsigned short port, int receive_buffer = 0, const std::string& from = "") : ws_(ioc_) {
    auto& socket = beast::get_lowest_layer(ws_).socket();
    socket.open(tcp::v4());
    if (!from.empty()) socket.bind(tcp::endpoint(asio::ip::make_address(from), 0));
    if (receive_buffer) socket.set_option(asio::socket_base::receive_buffer_size(receive_buffer));
    socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    ws_.handshake("127.0.0.1", "/ws");
  }
  void send(const json& j) { send_text(j.dump()); }
  // Write errors are ignored: the reads report a closed connection.
  void send_text(const std::string& text) {
    beast::error_code ec;
    ws_.text(true);
    ws_.write(asio::buffer(text), ec);
  }
  void send_binary(const std::string& bytes) {
    beast::error_code ec;
    ws_.binary(true);
    ws_.write(asio::buffer(bytes), ec);
  }
  // The next message, or nullopt on timeout or close (closed() tells which).
  // A timed-out read stays pending and is picked up by the next call:
  // cancelling a Beast WebSocket read would fail the stream.
  std::optional<json> read(std::chrono::milliseconds timeout = kWait) {
    if (closed_) return std::nullopt;
    if (!pending_) {
      pending_ = true;
      result_.reset();
      ws_.async_read(buffer_, [this](beast::error_code ec, std::size_t) { result_ = ec; });
    }
    ioc_.restart();
    ioc_.run_for(timeout);
    if (!result_) return std::nullopt;
    pending_ = false;
    if (*result_) {
      closed_ = true;
      error_ = *result_;
      return std::nullopt;
    }
    auto text = beast::buffers_to_string(buffer_.data());
    buffer_.consume(buffer_.size());
    return json::parse(text, nullptr, false);
  }
  // Reads until the server closes the connection or `timeout` passes; true when closed.
  bool wait_closed(std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!closed_ && std::chrono::steady_clock::now() < deadline) read(200ms);
    return closed_;
  }
  // Skips messages until one of `type` (and matching `pred`) arrives.
  std::optional<json> read_type(const std::string& type, std::function<bool(const json&)> pred = {},
                                std::chrono::milliseconds timeout = kWait) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      auto m = read(std::max(left, 1ms));
      if (!m) return std::nullopt;
      if (m->value("type", "") == type && (!pred || pred(*m))) return m;
    }
    return std::nullopt;
  }
  bool closed() const { return closed_; }
  beast::error_code error() const { return error_; }
  websocket::close_reason close_reason() const { return ws_.reason(); }

  std::string join(const std::string& name, const std::string& token = "") {
    json hello{{"type", "hello"}, {"name", name}};
    if (!token.empty()) hello["token"] = token;
    send(hello);
    auto welcome = read_type("welcome");
    REQUIRE(welcome);
    token_ = (*welcome)["token"];
    return (*welcome)["participant"];
  }
  const std::string& token() const { return token_; }

 private:
  asio::io_context ioc_;
  websocket::stream<beast::tcp_stream> ws_;
  beast::flat_buffer buffer_;
  bool pending_ = false;
  std::optional<beast::error_code> result_;
  bool closed_ = false;
  beast::error_code error_;
  std::string token_;
};

// One raw HTTP exchange: writes `request` as is, reads until close or timeout.
inline std::string raw_http(unsigned short port, const std::string& request, std::chrono::milliseconds timeout = 2s,
                            const std::string& from = "") {
  asio::io_context ioc;
  tcp::socket socket(ioc);
  if (!from.empty()) {
    socket.open(tcp::v4());
    socket.bind(tcp::endpoint(asio::ip::make_address(from), 0));
  }
  socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  asio::write(socket, asio::buffer(request));
  std::string response;
  std::array<char, 4096> chunk;
  std::function<void()> read_more = [&] {
    socket.async_read_some(asio::buffer(chunk), [&](beast::error_code ec, std::size_t n) {
      response.append(chunk.data(), n);
      if (!ec) read_more();
    });
  };
  read_more();
  ioc.run_for(timeout);
  return response;
}

inline int status_of(const std::string& response) {
  if (response.rfind("HTTP/1.", 0) != 0 || response.size() < 12) return 0;
  return std::stoi(response.substr(9, 3));
}

}  // namespace facilita::test
