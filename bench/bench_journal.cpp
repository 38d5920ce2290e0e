// Journal benchmark (a program, not a test):
//  1. acknowledged answers per second, one commit per answer, as the app does it
//     (decide -> append -> apply), for synchronous=FULL and NORMAL;
//  2. replay time of a 100,000-event delivery (read + parse + apply).
//
//   bench_journal [--dir DIR] [--seconds S] [--events N]
// DIR should be on the disk the real data directory lives on (default: a
// temporary directory inside the current directory). Build with Release flags.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "persist/journal_session.hpp"

using namespace facilita;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

constexpr Millis kT0 = 1'700'000'000'000;
constexpr int kFellows = 30;

std::string module_text() {
  std::ifstream in(std::string(FACILITA_SOURCE_DIR) + "/sessions/m2-s3-gobierno-abierto.yaml", std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

double since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// The app's dispatch: decide, make durable, then apply. Exits on any failure.
struct Room {
  Journal& journal;
  JournalSession js;
  Session session;
  State state;
  Millis now = kT0;
  bool commit_each = true;         // false: collect events and commit them in batches (setup only)
  std::vector<Event> pending;
  std::int64_t produced = 0;  // events decided so far

  Room(Journal& j, const std::string& text)
      : journal(j), js(JournalSession::start(j, text, "bench.yaml", kT0)), session(js.session()), state(js.state()) {}

  void dispatch(const Command& c) {
    Decision d = decide(session, state, c, now);
    if (d.rejected) {
      std::fprintf(stderr, "rejected: %s\n", d.rejected->message.c_str());
      std::exit(1);
    }
    produced += static_cast<std::int64_t>(d.events.size());
    if (commit_each) {
      journal.append(js.delivery_id(), d.events);
    } else {
      pending.insert(pending.end(), d.events.begin(), d.events.end());
      if (pending.size() >= 2000) flush();
    }
    for (const auto& e : d.events) apply(session, state, e);
  }
  void flush() {
    journal.append(js.delivery_id(), pending);
    pending.clear();
  }
  void setup() {
    dispatch(cmd::Start{});
    for (int k = 0; k < kFellows; ++k) dispatch(cmd::Join{"fellow-token-" + std::to_string(k), "Fellow " + std::to_string(k)});
  }
};

AnswerValue value_for(const Prompt& p, int k) {
  switch (p.kind) {
    case PromptKind::Multi: return std::vector<std::string>{p.options[0], p.options[1 + k % (p.options.size() - 1)]};
    case PromptKind::Scale: return p.scale->min + k % (p.scale->max - p.scale->min + 1);
    case PromptKind::Text: return "respuesta número " + std::to_string(k) + " sobre el problema público";
    default: return p.options[static_cast<std::size_t>(k) % p.options.size()];
  }
}

void bench_appends(const std::string& dir, Durability durability, double seconds, const std::string& text) {
  fs::path sub = fs::path(dir) / (durability == Durability::Full ? "full" : "normal");
  fs::create_directories(sub);
  Journal journal = Journal::open(sub.string(), {.durability = durability});
  Room room(journal, text);
  room.setup();
  const Prompt& prompt = *room.session.find_prompt("q-etapa-entidad");
  room.dispatch(cmd::GoTo{room.session.section_of_prompt(prompt.id)});
  room.dispatch(cmd::OpenPrompt{prompt.id});
  std::vector<double> latencies;
  auto start = Clock::now();
  for (std::int64_t seq = 1; since(start) < seconds; ++seq) {
    auto t = Clock::now();
    room.now += 10;
    int k = static_cast<int>(seq % kFellows);
    room.dispatch(cmd::Answer{"fellow-token-" + std::to_string(k), prompt.id, value_for(prompt, k), seq});
    latencies.push_back(since(t) * 1000);  // acknowledged: the commit has returned
  }
  double elapsed = since(start);
  std::sort(latencies.begin(), latencies.end());
  auto pct = [&](double p) { return latencies[static_cast<std::size_t>(p * (latencies.size() - 1))]; };
  std::printf("  synchronous=%-6s %8.0f acknowledged answers/s  (%zu in %.2f s; latency p50 %.3f ms, p99 %.3f ms, max %.3f ms)\n",
              durability == Durability::Full ? "FULL" : "NORMAL", latencies.size() / elapsed, latencies.size(), elapsed,
              pct(0.5), pct(0.99), latencies.back());
  if (durability == Durability::Normal) {  // the heartbeat's FULL commit that makes the above power-safe
    std::vector<double> beats;
    for (int i = 0; i < 20; ++i) {
      auto t = Clock::now();
      journal.touch(room.js.delivery_id(), room.now + i);
      beats.push_back(since(t) * 1000);
    }
    std::sort(beats.begin(), beats.end());
    std::printf("  heartbeat (one synchronous=FULL commit, fsyncs the WAL): median %.3f ms, max %.3f ms\n",
                beats[beats.size() / 2], beats.back());
  }
}

void bench_replay(const std::string& dir, int target_events, const std::string& text) {
  fs::path sub = fs::path(dir) / "replay";
  fs::create_directories(sub);
  std::int64_t delivery = 0;
  State live;
  {
    Journal journal = Journal::open(sub.string(), {.durability = Durability::Normal});
    Room room(journal, text);
    room.commit_each = false;
    room.setup();
    std::int64_t seq = 0;
    // Walk the module's prompts again and again: open, 30 answers, close, reveal.
    std::vector<const Prompt*> prompts;
    for (const auto& s : room.session.sections)
      for (const auto& p : s.prompts) prompts.push_back(&p);
    for (std::size_t i = 0; room.produced < target_events; ++i) {
      const Prompt& p = *prompts[i % prompts.size()];
      int section = room.session.section_of_prompt(p.id);
      room.now += 1000;
      if (room.state.agenda.current != section) room.dispatch(cmd::GoTo{section});
      if (room.state.prompts[p.id].revealed) room.dispatch(cmd::NewRound{p.id});  // a revealed prompt stays closed
      room.dispatch(cmd::OpenPrompt{p.id});
      for (int k = 0; k < kFellows; ++k) {
        room.now += 100;
        room.dispatch(cmd::Answer{"fellow-token-" + std::to_string(k), p.id, value_for(p, k + int(i)), ++seq});
      }
      room.dispatch(cmd::ClosePrompt{p.id});
      if (!room.state.prompts[p.id].revealed) room.dispatch(cmd::RevealPrompt{p.id});
    }
    room.flush();
    delivery = room.js.delivery_id();
    live = room.state;
  }
  Journal journal = Journal::open(sub.string(), {.read_only = true, .create = false});
  auto events = journal.delivery(delivery)->events;
  auto start = Clock::now();
  std::size_t read = 0;
  journal.for_each_event(delivery, [&](std::int64_t, const Event&) { ++read; });
  double read_s = since(start);
  start = Clock::now();
  Replayed r = replay(journal, delivery);
  double replay_s = since(start);
  std::printf("  %lld events: read + parse %.3f s; replay (read + parse + apply) %.3f s; state matches live: %s\n",
              static_cast<long long>(events), read_s, replay_s, r.state == live ? "yes" : "NO");
  (void)read;
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir;
  double seconds = 3;
  int events = 100'000;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--dir")) dir = argv[i + 1];
    else if (!std::strcmp(argv[i], "--seconds")) seconds = std::atof(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--events")) events = std::atoi(argv[i + 1]);
  }
  bool own_dir = dir.empty();
  if (own_dir) dir = (fs::current_path() / ("bench-journal-" + std::to_string(::getpid()))).string();
  try {
    fs::create_directories(dir);
    const std::string text = module_text();
    std::printf("journal benchmark in %s\n", fs::absolute(dir).c_str());
    std::printf("appends, one commit per answer (decide -> append -> apply), %.0f s each:\n", seconds);
    bench_appends(dir, Durability::Full, seconds, text);
    bench_appends(dir, Durability::Normal, seconds, text);
    std::printf("replay:\n");
    bench_replay(dir, events, text);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_journal: %s\n", e.what());
    return 1;
  }
  if (own_dir) fs::remove_all(dir);
  return 0;
}
