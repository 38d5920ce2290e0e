// Controller::dispatch_batch: one journal append for a batch, the same results
// and state as dispatching one by one, and nothing acknowledged on a failed commit.
#include <doctest/doctest.h>

#include "app/controller.hpp"
#include "app_fixtures.hpp"

using namespace facilita;
using namespace facilita::test;

namespace {

struct MemoryJournal {
  std::vector<Event> events;
  int appends = 0;
  bool fail = false;
  JournalSink sink() {
    return [this](const std::vector<Event>& batch, std::string& error) {
      if (fail) {
        error = "/data/facilita.sqlite3: database or disk is full";
        return false;
      }
      ++appends;
      events.insert(events.end(), batch.begin(), batch.end());
      return true;
    };
  }
};

std::vector<Command> room_commands() {
  return {cmd::Join{"p1", "Ana"}, cmd::Join{"p2", "Beto"},
          cmd::Answer{"p1", "q-rapida", std::string("B"), 1}, cmd::Answer{"p2", "q-rapida", std::string("A"), 1},
          cmd::Answer{"p1", "q-rapida", std::string("B"), 1},   // resend: duplicate
          cmd::Answer{"p3", "q-rapida", std::string("A"), 1},   // never joined: rejected
          cmd::Answer{"p2", "q-rapida", std::string("C"), 2}};  // changes p2's answer
}

Controller opened(MemoryJournal& memory, const Session& session) {
  Controller c(session, initial_state(session), memory.sink());
  REQUIRE(c.dispatch(cmd::Start{}, 1000).ok);
  REQUIRE(c.dispatch(cmd::OpenPrompt{"q-rapida"}, 1000).ok);
  return c;
}

}  // namespace

TEST_CASE("a batch commits once and ends where the same commands one by one end") {
  const Session session = timed_session();
  MemoryJournal one, batch;
  Controller single = opened(one, session), grouped = opened(batch, session);
  std::vector<DispatchResult> expected;
  for (const auto& c : room_commands()) expected.push_back(single.dispatch(c, 2000));
  const int appends_before = batch.appends;
  const auto version_before = grouped.version();
  std::vector<DispatchResult> got = grouped.dispatch_batch(room_commands(), 2000);

  CHECK(batch.appends == appends_before + 1);  // one transaction for the whole batch
  CHECK(grouped.version() == version_before + 1);
  REQUIRE(got.size() == expected.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    CAPTURE(i);
    CHECK(got[i].ok == expected[i].ok);
    CHECK(got[i].duplicate == expected[i].duplicate);
    CHECK(got[i].code == expected[i].code);
  }
  CHECK(got[4].duplicate);
  CHECK(got[5].code == "not-joined");
  CHECK(grouped.state() == single.state());
  CHECK(batch.events.size() == one.events.size());
}

TEST_CASE("a failed group commit changes nothing and acknowledges nothing it carried") {
  const Session session = timed_session();
  MemoryJournal memory;
  Controller c = opened(memory, session);
  REQUIRE(c.dispatch(cmd::Join{"p1", "Ana"}, 1500).ok);
  REQUIRE(c.dispatch(cmd::Answer{"p1", "q-rapida", std::string("A"), 1}, 1500).ok);
  const State before = c.state();
  const auto version = c.version();
  memory.fail = true;
  auto results = c.dispatch_batch({cmd::Answer{"p1", "q-rapida", std::string("A"), 1},   // duplicate of a committed one
                                   cmd::Join{"p2", "Beto"},                                // events
                                   cmd::Answer{"p2", "q-rapida", std::string("B"), 1},   // events
                                   cmd::Answer{"p2", "q-rapida", std::string("B"), 1},   // duplicate of an uncommitted one
                                   cmd::Answer{"p9", "q-rapida", std::string("B"), 1}},  // rejected
                                  2000);
  CHECK(c.state() == before);
  CHECK(c.version() == version);
  CHECK(results[0].ok);  // decided against committed state: still true
  CHECK(results[0].duplicate);
  CHECK(results[1].code == "storage");
  CHECK(results[2].code == "storage");
  CHECK(results[3].code == "storage");  // must not be acked: its original was never stored
  CHECK_FALSE(results[3].ok);
  CHECK(results[4].code == "not-joined");
  CHECK(c.last_storage_error().find("disk is full") != std::string::npos);

  memory.fail = false;  // space is back: the resend lands
  auto again = c.dispatch_batch({cmd::Join{"p2", "Beto"}, cmd::Answer{"p2", "q-rapida", std::string("B"), 1}}, 3000);
  CHECK(again[0].ok);
  CHECK(again[1].ok);
  CHECK_FALSE(again[1].duplicate);
  CHECK(c.state().prompts.at("q-rapida").answers.count("p2") == 1);
  CHECK(c.last_storage_error().empty());
}

TEST_CASE("a batch without changes journals nothing") {
  const Session session = timed_session();
  MemoryJournal memory;
  Controller c = opened(memory, session);
  const int appends = memory.appends;
  auto results = c.dispatch_batch({cmd::Answer{"nobody", "q-rapida", std::string("A"), 1}, cmd::Next{}, cmd::Previous{}}, 2000);
  CHECK_FALSE(results[0].ok);
  CHECK(results[1].ok);
  CHECK(results[2].ok);
  CHECK(memory.appends == appends + 1);  // Next and Previous are changes: still one commit
  (void)c.dispatch_batch({cmd::Answer{"nobody", "q-rapida", std::string("A"), 1}}, 2000);
  CHECK(memory.appends == appends + 1);
  CHECK(c.dispatch_batch({}, 2000).empty());
}
