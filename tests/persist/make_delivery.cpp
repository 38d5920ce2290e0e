// Writes a data directory with simulated deliveries of the shipped module,
// for the CLI tests and for trying `facilita export/report/deliveries`:
//   make_delivery DATA_DIR
// Delivery 1 and 2 end (the quiz runs long in both), delivery 3 is left unfinished.
#include <cstdio>

#include "persist/data_dir.hpp"
#include "sim.hpp"

using namespace facilita;

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: make_delivery DATA_DIR\n");
    return 2;
  }
  try {
    Journal journal = Journal::open(resolve_data_dir(argv[1]));
    const std::string text = sim::module_text();
    sim::Script a, b, c;
    a.overrun_s = {60, 0, 45, 0, 0, 0, 120};
    b.overrun_s = {0, -30, 90, 0, 0, 0, 90};
    b.start = a.start + 86'400'000;
    c.start = b.start + 86'400'000;
    c.stop_in_section = 3;
    for (const auto* script : {&a, &b, &c}) {
      auto ran = sim::run_delivery(journal, text, *script);
      std::printf("delivery %lld\n", static_cast<long long>(ran.delivery));
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "make_delivery: %s\n", e.what());
    return 1;
  }
  return 0;
}
