// bench_fellows: N WebSocket fellows on loopback against a spawned
// `facilita run --headless`; all answer one open prompt within a window.
// Reports answer->ack and answer->next-update latency (p50/p99; the update is
// a `state` or a `live` message), server CPU and RSS, errors, the bytes each
// fellow received while the room answered, and checks that no answer was
// lost or counted twice.
//
//   bench_fellows [--facilita PATH] [--session FILE] [--counts 500,1000,2000]
//                 [--window-ms 5000] [--resend 0.1] [--burst]
// --burst: everyone answers within 1 s of the prompt opening (--window-ms 1000).
// A program, not a test: loopback only, every wait bounded.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <utility>  // before Asio: 1.74 uses std::exchange without including it
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#ifndef FACILITA_BINARY
#define FACILITA_BINARY "facilita"
#endif
#ifndef FACILITA_SOURCE_DIR
#define FACILITA_SOURCE_DIR "."
#endif

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

constexpr const char* kToken = "bench-admin-token";
constexpr const char* kPrompt = "q-etapa-entidad";
const std::vector<std::string> kOptions = {"Aún no se ha sumado", "Se sumó, pero no tiene STL instalado",
                                           "Tiene STL instalado, sin PAL publicado", "Tiene PAL publicado",
                                           "No lo sé"};

double ms_between(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

// ---------------------------------------------------------------- the server process
struct ServerProcess {
  pid_t pid = -1;
  unsigned short port = 0;
};

ServerProcess spawn_server(const std::string& facilita, const std::string& session, const std::string& data) {
  const std::string log = data + "/server.log";  // a file, not a pipe: the server may write after we stop reading
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  std::vector<std::string> args = {facilita, "run",  "--headless", "--bind",        "127.0.0.1", "--port", "0",
                                   "--data", data,   "--admin-token", kToken, "--max-connections", "5000", session};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  ServerProcess p;
  if (posix_spawn(&p.pid, facilita.c_str(), &actions, nullptr, argv.data(), environ) != 0) p.pid = -1;
  posix_spawn_file_actions_destroy(&actions);
  for (int i = 0; p.pid > 0 && i < 300 && p.port == 0; ++i) {  // up to 15 s
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    std::ifstream in(log);
    std::string text((std::istreambuf_iterator<char>(in)), {});
    // "escuchando en 127.0.0.1:PORT" (Spanish session) or "listening on 127.0.0.1:PORT"
    auto at = text.find(" 127.0.0.1:");
    if (at != std::string::npos && text.find('\n', at) != std::string::npos)
      p.port = static_cast<unsigned short>(std::stoi(text.substr(at + 11)));
  }
  return p;
}

double cpu_seconds(pid_t pid) {  // utime + stime from /proc/PID/stat
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string text((std::istreambuf_iterator<char>(in)), {});
  auto close_paren = text.rfind(')');
  if (close_paren == std::string::npos) return 0;
  std::istringstream fields(text.substr(close_paren + 2));
  std::string f;
  long utime = 0, stime = 0;
  for (int i = 3; fields >> f; ++i) {
    if (i == 14) utime = std::stol(f);
    if (i == 15) {
      stime = std::stol(f);
      break;
    }
  }
  return static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

long status_kb(pid_t pid, const std::string& key) {  // VmRSS / VmHWM
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(in, line);)
    if (line.rfind(key + ":", 0) == 0) return std::stol(line.substr(key.size() + 1));
  return 0;
}

// ---------------------------------------------------------------- HTTP (blocking, own context)
std::string http_call(unsigned short port, http::verb verb, const std::string& target, const std::string& body) {
  asio::io_context ioc;
  beast::tcp_stream stream(ioc);
  stream.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  http::request<http::string_body> req{verb, target, 11};
  req.set(http::field::host, "127.0.0.1");
  if (verb == http::verb::post) {
    req.set(http::field::authorization, std::string("Bearer ") + kToken);
    req.set(http::field::content_type, "application/json");
    req.body() = body;
    req.prepare_payload();
  }
  http::write(stream, req);
  beast::flat_buffer buffer;
  http::response<http::string_body> res;
  http::read(stream, buffer, res);
  return res.body();
}

long answered_in(const std::string& state) {  // top-level "answered" comes first (keys are sorted)
  auto at = state.find("\"answered\":");
  return at == std::string::npos ? -1 : std::atol(state.c_str() + at + 11);
}

// ---------------------------------------------------------------- one fellow
struct Totals {
  int joined = 0, join_failed = 0, acked = 0, dup_acked = 0, errors = 0, closed = 0, saw_all = 0;
  long expected = 0;
  std::vector<double> ack_ms, state_ms;
};

// Bytes on the wire for one server->client message: payload plus the
// unmasked frame header (TCP/IP overhead not counted).
std::size_t wire_bytes(std::size_t payload) { return payload + (payload < 126 ? 2 : payload < 65536 ? 4 : 10); }

class Fellow : public std::enable_shared_from_this<Fellow> {
 public:
  Fellow(asio::io_context& ioc, int index, Totals& totals) : ws_(ioc), timer_(ioc), index_(index), totals_(totals) {}

  void start(unsigned short port, std::function<void()> on_connected) {
    on_connected_ = std::move(on_connected);
    beast::get_lowest_layer(ws_).expires_after(std::chrono::seconds(30));
    beast::get_lowest_layer(ws_).async_connect(
        tcp::endpoint(asio::ip::make_address("127.0.0.1"), port), [self = shared_from_this()](beast::error_code ec) {
          if (ec) return self->fail();
          beast::get_lowest_layer(self->ws_).expires_never();
          self->ws_.async_handshake("127.0.0.1", "/ws", [self](beast::error_code e) {
            if (e) return self->fail();
            self->send("{\"type\":\"hello\",\"name\":\"Fellow " + std::to_string(self->index_) + "\"}");
            self->read();
          });
        });
  }

  bool joined() const { return joined_ && !dead_; }

  // Bytes received after the state that opened the prompt (that state excluded),
  // up to `end`: the total, and the most in any one second after `open_at`.
  std::pair<std::size_t, std::size_t> received_while_answering(Clock::time_point open_at, Clock::time_point end) const {
    std::size_t total = 0;
    std::vector<std::size_t> per_second;
    for (const auto& [at, bytes] : received_) {
      if (!open_seen_ || at <= open_seen_at_ || at > end) continue;
      total += bytes;
      const auto second = static_cast<std::size_t>(std::max(0.0, ms_between(open_at, at)) / 1000);
      if (per_second.size() <= second) per_second.resize(second + 1);
      per_second[second] += bytes;
    }
    return {total, per_second.empty() ? 0 : *std::max_element(per_second.begin(), per_second.end())};
  }
  std::size_t open_state_bytes() const { return open_state_bytes_; }

  void answer_at(Clock::time_point when, bool resend) {
    if (!joined()) return;
    resend_ = resend;
    timer_.expires_at(when);
    timer_.async_wait([self = shared_from_this()](beast::error_code ec) {
      if (ec || self->dead_) return;
      self->sent_at_ = Clock::now();
      self->send(self->answer_text());
    });
  }

  void close() {
    beast::error_code ec;
    beast::get_lowest_layer(ws_).socket().close(ec);
  }

 private:
  std::string answer_text() const {
    return "{\"type\":\"answer\",\"prompt\":\"" + std::string(kPrompt) + "\",\"value\":\"" +
           kOptions[static_cast<std::size_t>(index_) % kOptions.size()] + "\",\"seq\":1}";
  }
  void fail() {
    if (!dead_) ++totals_.closed;
    dead_ = true;
    if (on_connected_) std::exchange(on_connected_, nullptr)();
  }
  void send(std::string text) {
    queue_.push_back(std::move(text));
    if (queue_.size() == 1) write();
  }
  void write() {
    ws_.async_write(asio::buffer(queue_.front()), [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return self->fail();
      self->queue_.erase(self->queue_.begin());
      if (!self->queue_.empty()) self->write();
    });
  }
  void read() {
    ws_.async_read(buffer_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return self->fail();
      self->on_message(beast::buffers_to_string(self->buffer_.data()));
      self->buffer_.consume(self->buffer_.size());
      self->read();
    });
  }
  void on_message(const std::string& m) {
    const auto now = Clock::now();
    received_.emplace_back(now, wire_bytes(m.size()));
    const bool state = m.find("\"type\":\"state\"") != std::string::npos;
    if (state && !open_seen_ && m.find("\"open\":true") != std::string::npos) {
      open_seen_ = true;
      open_seen_at_ = now;
      open_state_bytes_ = wire_bytes(m.size());
    }
    if (state || m.find("\"type\":\"live\"") != std::string::npos) {
      if (acked_ && !state_seen_) {
        state_seen_ = true;
        totals_.state_ms.push_back(ms_between(sent_at_, now));
      }
      if (joined_ && !saw_all_ && totals_.expected > 0 && answered_in(m) == totals_.expected) {
        saw_all_ = true;
        ++totals_.saw_all;
      }
    } else if (m.find("\"type\":\"welcome\"") != std::string::npos) {
      ++totals_.joined;
      joined_ = true;
      if (on_connected_) std::exchange(on_connected_, nullptr)();
    } else if (m.find("\"type\":\"ack\"") != std::string::npos) {
      if (m.find("\"duplicate\":true") != std::string::npos) {
        ++totals_.dup_acked;
      } else if (!acked_) {
        acked_ = true;
        ++totals_.acked;
        totals_.ack_ms.push_back(ms_between(sent_at_, now));
        if (resend_) send(answer_text());  // as after a lost ack: must be counted once
      }
    } else if (m.find("\"type\":\"error\"") != std::string::npos) {
      if (!joined_) {  // e.g. room-full: this one stays a spectator
        if (++totals_.join_failed <= 1) std::fprintf(stderr, "  join refused: %s\n", m.c_str());
        if (on_connected_) std::exchange(on_connected_, nullptr)();
        return;
      }
      ++totals_.errors;
      if (totals_.errors <= 5) std::fprintf(stderr, "  error: %s\n", m.c_str());
    }
  }

  websocket::stream<beast::tcp_stream> ws_;
  asio::steady_timer timer_;
  int index_;
  Totals& totals_;
  beast::flat_buffer buffer_;
  std::vector<std::string> queue_;
  std::function<void()> on_connected_;
  Clock::time_point sent_at_{};
  std::vector<std::pair<Clock::time_point, std::size_t>> received_;
  bool open_seen_ = false;
  Clock::time_point open_seen_at_{};
  std::size_t open_state_bytes_ = 0;
  bool joined_ = false, resend_ = false, acked_ = false, state_seen_ = false, saw_all_ = false, dead_ = false;
};

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p / 100.0 * static_cast<double>(v.size())))];
}

// Runs `ioc` until `done()` or the deadline; true when done.
bool run_until(asio::io_context& ioc, const std::function<bool()>& done, std::chrono::milliseconds limit) {
  auto deadline = Clock::now() + limit;
  while (!done() && Clock::now() < deadline) {
    ioc.restart();
    ioc.run_for(std::chrono::milliseconds(20));
  }
  return done();
}

bool run_one(const std::string& facilita, const std::string& session, int n, int window_ms, double resend) {
  auto data = std::filesystem::temp_directory_path() / ("facilita-bench-" + std::to_string(getpid()) + "-" +
                                                         std::to_string(n));
  std::filesystem::create_directories(data);
  ServerProcess server = spawn_server(facilita, session, data.string());
  if (server.pid <= 0 || server.port == 0) {
    std::fprintf(stderr, "cannot start %s\n", facilita.c_str());
    return false;
  }
  asio::io_context ioc;
  Totals totals;
  std::vector<std::shared_ptr<Fellow>> fellows;
  // Connect with at most 100 handshakes in flight, like a room filling up.
  int next = 0, in_flight = 0;
  std::function<void()> launch = [&] {
    while (in_flight < 100 && next < n) {
      ++in_flight;
      auto f = std::make_shared<Fellow>(ioc, next++, totals);
      fellows.push_back(f);
      f->start(server.port, [&] {
        --in_flight;
        asio::post(ioc, launch);
      });
    }
  };
  const auto join_start = Clock::now();
  launch();
  bool ok = run_until(ioc, [&] { return totals.joined + totals.join_failed + totals.closed >= n; },
                      std::chrono::seconds(120));
  const double join_s = ms_between(join_start, Clock::now()) / 1000;

  for (const char* body : {R"({"command":"start"})", R"({"command":"goto","section":"avance"})",
                           R"({"command":"open","prompt":"q-etapa-entidad"})"})
    http_call(server.port, http::verb::post, "/api/admin", body);
  totals.expected = totals.joined;
  const double cpu_before = cpu_seconds(server.pid);
  std::mt19937 rng(42);
  std::uniform_int_distribution<int> when(0, window_ms);
  std::uniform_real_distribution<double> coin(0, 1);
  const auto open_at = Clock::now();
  for (auto& f : fellows) f->answer_at(open_at + std::chrono::milliseconds(when(rng)), coin(rng) < resend);
  const auto answering = [&] {
    return static_cast<int>(std::count_if(fellows.begin(), fellows.end(), [](auto& f) { return f->joined(); }));
  };
  ok = run_until(ioc, [&] { return totals.acked >= answering(); }, std::chrono::milliseconds(window_ms + 30000)) && ok;
  run_until(ioc, [&] { return totals.saw_all >= answering(); }, std::chrono::seconds(10));
  const auto phase_end = Clock::now();
  const double answer_phase_s = ms_between(open_at, phase_end) / 1000;
  const double cpu = cpu_seconds(server.pid) - cpu_before;
  const long rss = status_kb(server.pid, "VmRSS"), hwm = status_kb(server.pid, "VmHWM");

  const long counted = answered_in(http_call(server.port, http::verb::get, "/api/state", ""));
  const bool exact = counted == totals.acked && totals.acked == totals.joined;
  if (totals.join_failed) std::printf("      %d of %d fellows were refused at hello (see above)\n", totals.join_failed, n);
  std::printf("%5d fellows | joined %d in %.1f s | acked %d (+%d duplicate resends acked) | counted %ld %s\n", n,
              totals.joined, join_s, totals.acked, totals.dup_acked, counted, exact ? "(exact)" : "(MISMATCH)");
  std::printf("      ack p50 %.1f ms  p99 %.1f ms  max %.1f ms | answer->next state p50 %.1f ms  p99 %.1f ms\n",
              percentile(totals.ack_ms, 50), percentile(totals.ack_ms, 99), percentile(totals.ack_ms, 100),
              percentile(totals.state_ms, 50), percentile(totals.state_ms, 99));
  std::printf("      saw the full tally: %d | errors %d | dropped %d | server CPU %.2f s over %.1f s (%.0f %%) | "
              "RSS %.1f MB (peak %.1f MB)\n",
              totals.saw_all, totals.errors, totals.closed, cpu, answer_phase_s, 100 * cpu / answer_phase_s,
              static_cast<double>(rss) / 1024, static_cast<double>(hwm) / 1024);
  std::vector<double> rate, busiest, open_bytes;
  for (auto& f : fellows) {
    if (!f->joined()) continue;
    auto [total, peak] = f->received_while_answering(open_at, phase_end);
    rate.push_back(static_cast<double>(total) / answer_phase_s);
    busiest.push_back(static_cast<double>(peak));
    open_bytes.push_back(static_cast<double>(f->open_state_bytes()));
  }
  std::printf("      received per fellow while answering: median %.0f B/s, max %.0f B/s | busiest second: median %.0f B, "
              "max %.0f B | the state opening the prompt: %.0f B\n",
              percentile(rate, 50), percentile(rate, 100), percentile(busiest, 50), percentile(busiest, 100),
              percentile(open_bytes, 50));
  std::fflush(stdout);

  for (auto& f : fellows) f->close();
  ioc.restart();
  ioc.run_for(std::chrono::milliseconds(200));
  kill(server.pid, SIGTERM);
  int status = 0;
  waitpid(server.pid, &status, 0);
  std::filesystem::remove_all(data);
  return ok && exact && totals.errors == 0 && totals.join_failed == 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string facilita = FACILITA_BINARY;
  std::string session = std::string(FACILITA_SOURCE_DIR) + "/sessions/m2-s3-gobierno-abierto.yaml";
  std::vector<int> counts = {500, 1000, 2000};
  int window_ms = 5000;
  double resend = 0.1;
  for (int i = 1; i < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--burst") {
      window_ms = 1000;
      --i;
      continue;
    }
    if (i + 1 >= argc) {
      std::fprintf(stderr, "%s needs a value\n", flag.c_str());
      return 2;
    }
    std::string value = argv[i + 1];
    if (flag == "--facilita") facilita = value;
    else if (flag == "--session") session = value;
    else if (flag == "--window-ms") window_ms = std::stoi(value);
    else if (flag == "--resend") resend = std::stod(value);
    else if (flag == "--counts") {
      counts.clear();
      std::stringstream list(value);
      for (std::string item; std::getline(list, item, ',');) counts.push_back(std::stoi(item));
    } else {
      std::fprintf(stderr, "unknown flag %s\n", flag.c_str());
      return 2;
    }
  }
  rlimit limit{};  // each fellow is a socket here and one in the server
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
  }
  signal(SIGPIPE, SIG_IGN);
  std::printf("bench_fellows: %s, answers within %d ms, %.0f %% resent with the same seq\n", facilita.c_str(),
              window_ms, resend * 100);
  bool all_ok = true;
  for (int n : counts) all_ok = run_one(facilita, session, n, window_ms, resend) && all_ok;
  return all_ok ? 0 : 1;
}
