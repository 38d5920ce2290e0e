// Crash-test child: journals answers as fast as it can and prints the journal
// sequence number of each event only after append() has returned (i.e. after
// the commit), flushing every line. The parent kills it with SIGKILL at a
// random moment and checks that every acknowledged event survived.
//
//   crash_child DATA_DIR [MAX_APPENDS [full|normal]]
// Output: "ready <delivery> <last seq>" once, then "ack <seq>" lines.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "sim.hpp"

using namespace facilita;

namespace {

Millis now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::int64_t max_client_seq(const State& state) {
  std::int64_t max = 0;
  for (const auto& [id, p] : state.participants)
    if (!p.seen_seq.empty()) max = std::max(max, p.seen_seq.rbegin()->first);
  return max;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: crash_child DATA_DIR [MAX_APPENDS [full|normal]]\n");
    return 2;
  }
  const long max_appends = argc > 2 ? std::atol(argv[2]) : 100000;
  const bool full = argc > 3 && std::string(argv[3]) == "full";
  try {
    Journal journal = Journal::open(argv[1], {.durability = full ? Durability::Full : Durability::Normal});
    const std::string text = sim::module_text();
    // One reading of the clock: the outage recorded on resume must not end after the driver's now.
    const Millis opened_at = now_ms();
    sim::Driver d(journal, JournalSession::resume_or_start(journal, text, sim::kModulePath, opened_at), opened_at);
    // Set up (or finish setting up, when an earlier child was killed during it).
    if (auto outage = d.journal_session().outage()) d.dispatch(*outage);
    if (!d.state().agenda.started) d.dispatch(cmd::Start{});
    for (const auto& f : sim::fellows())
      if (!d.state().participants.count(f.id)) d.dispatch(cmd::Join{f.id, f.name});
    const int avance = d.session().find_section("avance");
    if (d.state().agenda.current != avance) d.dispatch(cmd::GoTo{avance});
    if (d.state().open_prompt != "q-etapa-entidad") d.dispatch(cmd::OpenPrompt{"q-etapa-entidad"});
    std::printf("ready %lld %lld\n", static_cast<long long>(d.journal_session().delivery_id()),
                static_cast<long long>(d.last_seq()));
    std::fflush(stdout);
    const auto people = sim::fellows();
    const Prompt& prompt = *d.session().find_prompt("q-etapa-entidad");
    std::int64_t client_seq = max_client_seq(d.state());
    for (long i = 0; i < max_appends; ++i) {
      d.now = now_ms();
      const auto& who = people[static_cast<std::size_t>(i) % people.size()];
      d.dispatch(cmd::Answer{who.id, prompt.id, sim::answer_for(prompt, static_cast<int>(i)), ++client_seq});
      std::printf("ack %lld\n", static_cast<long long>(d.last_seq()));  // only after the commit returned
      std::fflush(stdout);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "crash_child: %s\n", e.what());
    return 1;
  }
  return 0;
}
