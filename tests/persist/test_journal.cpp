// The journal database: round trip, refusing foreign files without touching
// them, and errors that say what went wrong (disk full, read-only).
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <cstdlib>
#include <filesystem>

#include "core/event_json.hpp"
#include "persist/data_dir.hpp"
#include "persist/hash.hpp"
#include "persist/journal.hpp"
#include "sim.hpp"

using namespace facilita;
namespace fs = std::filesystem;

namespace {

NewDelivery new_delivery(const std::string& session_id = "s1", const std::string& text = "id: s1\n") {
  return {session_id, "Title of " + session_id, "/sessions/" + session_id + ".yaml", text, 1000};
}

std::vector<Event> some_events(Millis at) {
  return {{at, ev::Started{}}, {at + 1, ev::Joined{"tok-1", "Ana"}}, {at + 2, ev::PromptOpened{"q"}},
          {at + 3, ev::Answered{"tok-1", "q", std::vector<std::string>{"a", "b"}, 1}}};
}

std::string dump(const std::vector<Event>& events) {
  nlohmann::json j = nlohmann::json::array();
  for (const auto& e : events) j.push_back(to_json(e));
  return j.dump();
}

std::string open_error(const std::string& path, JournalOptions options = {}) {
  try {
    Journal::open_file(path, options);
  } catch (const JournalError& e) {
    return e.what();
  }
  return "";
}

// Files next to `path` that SQLite would create when it opened it.
bool has_side_files(const std::string& path) {
  return fs::exists(path + "-wal") || fs::exists(path + "-shm") || fs::exists(path + "-journal");
}

}  // namespace

TEST_CASE("sha256 is the standard digest") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("append then read: events come back in order with sequence numbers") {
  sim::TempDir dir;
  Journal journal = Journal::open(dir.path());
  CHECK(fs::exists(dir.file("facilita.sqlite3")));
  auto id = journal.begin_delivery(new_delivery());
  auto first = some_events(2000);
  CHECK(journal.append(id, first) == 4);
  CHECK(journal.append(id, {}) == 4);
  std::vector<Event> second{{3000, ev::Paused{}}};
  CHECK(journal.append(id, second) == 5);

  auto all = first;
  all.insert(all.end(), second.begin(), second.end());
  CHECK(dump(journal.events(id)) == dump(all));
  std::vector<std::int64_t> seqs;
  journal.for_each_event(id, [&](std::int64_t seq, const Event&) { seqs.push_back(seq); });
  CHECK(seqs == std::vector<std::int64_t>{1, 2, 3, 4, 5});

  auto info = journal.delivery(id);
  REQUIRE(info);
  CHECK(info->session_id == "s1");
  CHECK(info->title == "Title of s1");
  CHECK(info->file_sha256 == sha256_hex("id: s1\n"));
  CHECK(journal.file_content(id) == "id: s1\n");
  CHECK(info->status == "running");
  CHECK(info->events == 5);
  CHECK(info->answers == 1);
  CHECK(info->last_seq == 5);
  CHECK(info->last_event_at == 3000);
  CHECK(journal.integrity_check() == "ok");

  SUBCASE("the data survives closing and reopening") {
    Journal again = Journal::open(dir.path());
    CHECK(dump(again.events(id)) == dump(all));
  }
  SUBCASE("an Ended event ends the delivery in the same commit; nothing can follow it") {
    journal.append(id, {{4000, ev::Ended{}}});
    CHECK(journal.delivery(id)->status == "ended");
    CHECK(journal.delivery(id)->ended_at == 4000);
    CHECK_THROWS_WITH_AS(journal.append(id, {{5000, ev::Paused{}}}), doctest::Contains("is ended"), JournalError);
  }
  SUBCASE("an unknown delivery is an error") {
    CHECK_THROWS_WITH_AS(journal.append(99, second), doctest::Contains("delivery 99 does not exist"), JournalError);
  }
}

TEST_CASE("deliveries: listing, latest, unfinished by session and file hash, abandon") {
  sim::TempDir dir;
  Journal journal = Journal::open(dir.path());
  auto a = journal.begin_delivery(new_delivery("s1", "v1"));
  auto b = journal.begin_delivery(new_delivery("s2", "x"));
  auto c = journal.begin_delivery(new_delivery("s1", "v2"));
  CHECK(journal.deliveries().size() == 3);
  CHECK(journal.latest()->id == c);
  CHECK(journal.find_unfinished("s1")->id == c);
  CHECK(journal.find_unfinished("s1", sha256_hex("v1"))->id == a);
  CHECK_FALSE(journal.find_unfinished("s1", sha256_hex("v3")));
  CHECK(journal.find_unfinished("s2")->id == b);
  CHECK_FALSE(journal.find_unfinished("nope"));
  journal.abandon(c, 9000);
  CHECK(journal.delivery(c)->status == "abandoned");
  CHECK(journal.find_unfinished("s1")->id == a);
  CHECK(journal.database().query_int("PRAGMA synchronous") == 1);  // NORMAL, the default
  journal.touch(a, 7777);
  CHECK(journal.delivery(a)->last_alive_at == 7777);
  CHECK(journal.database().query_int("PRAGMA synchronous") == 1);  // the heartbeat's FULL commit is one-off
  journal.touch(a, 5000);
  CHECK(journal.delivery(a)->last_alive_at == 7777);  // never goes back
}

TEST_CASE("a file that is not SQLite is refused, named, and left byte for byte") {
  sim::TempDir dir;
  const std::string path = dir.file("facilita.sqlite3");
  std::string junk;
  for (int i = 0; i < 4096; ++i) junk += static_cast<char>((i * 7919) & 0xff);
  sim::write_text(path, junk);
  std::string error = open_error(path);
  CHECK(error.find(path) != std::string::npos);
  CHECK(error.find("not an SQLite database") != std::string::npos);
  CHECK(sim::read_text(path) == junk);
  CHECK_FALSE(has_side_files(path));

  SUBCASE("an empty file too") {
    sim::write_text(path, "");
    CHECK(open_error(path).find("empty file") != std::string::npos);
    CHECK(fs::file_size(path) == 0);
  }
  SUBCASE("a short text file too") {
    sim::write_text(path, "SQLite format 3");
    CHECK(open_error(path).find("not an SQLite database") != std::string::npos);
    CHECK(sim::read_text(path) == "SQLite format 3");
  }
}

TEST_CASE("another application's SQLite database is refused and left unchanged") {
  sim::TempDir dir;
  const std::string path = dir.file("facilita.sqlite3");
  {
    Database other(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    other.exec("CREATE TABLE events(x); INSERT INTO events VALUES (1), (2);", "setup");
  }
  const std::string before = sim::read_text(path);
  std::string error = open_error(path);
  CHECK(error.find(path) != std::string::npos);
  CHECK(error.find("another application") != std::string::npos);
  CHECK(error.find("application_id 0x00000000") != std::string::npos);
  CHECK(sim::read_text(path) == before);
  CHECK_FALSE(has_side_files(path));
  CHECK(open_error(path, {.read_only = true}).find("another application") != std::string::npos);
  CHECK(sim::read_text(path) == before);
}

TEST_CASE("a journal from a newer Facilita (unknown schema version) is refused and left unchanged") {
  sim::TempDir dir;
  const std::string path = dir.file("facilita.sqlite3");
  { Journal::open_file(path); }
  {
    Database db(path, SQLITE_OPEN_READWRITE);
    db.exec("PRAGMA journal_mode=DELETE; PRAGMA user_version=99;", "setup");
  }
  const std::string before = sim::read_text(path);
  std::string error = open_error(path);
  CHECK(error.find("schema version 99") != std::string::npos);
  CHECK(sim::read_text(path) == before);
}

TEST_CASE("side files without their database are not reused for a new journal") {
  sim::TempDir dir;
  sim::write_text(dir.file("facilita.sqlite3-wal"), "leftover");
  std::string error = open_error(dir.file("facilita.sqlite3"));
  CHECK(error.find("facilita.sqlite3-wal") != std::string::npos);
  CHECK_FALSE(fs::exists(dir.file("facilita.sqlite3")));
  CHECK(sim::read_text(dir.file("facilita.sqlite3-wal")) == "leftover");
}

TEST_CASE("read-only use: no journal yet is an error, and appends are refused") {
  sim::TempDir dir;
  CHECK(open_error(dir.file("facilita.sqlite3"), {.read_only = true, .create = false}).find("no journal") !=
        std::string::npos);
  CHECK_FALSE(fs::exists(dir.file("facilita.sqlite3")));
  std::int64_t id = 0;
  {
    Journal journal = Journal::open(dir.path());
    id = journal.begin_delivery(new_delivery());
    journal.append(id, some_events(2000));
  }
  Journal reader = Journal::open(dir.path(), {.read_only = true, .create = false});
  CHECK(reader.events(id).size() == 4);
  CHECK_THROWS_AS(reader.append(id, some_events(3000)), JournalError);
  CHECK(reader.delivery(id)->events == 4);
}

TEST_CASE("disk full: the error says so and nothing of the failed append is kept") {
  sim::TempDir dir;
  Journal journal = Journal::open(dir.path());
  auto id = journal.begin_delivery(new_delivery());
  // Cap the database at its current size plus a few pages: SQLite then fails
  // exactly as on a full disk (SQLITE_FULL).
  auto pages = journal.database().query_int("PRAGMA page_count");
  journal.database().exec("PRAGMA max_page_count=" + std::to_string(pages + 3), "setup");
  const std::string big(1500, 'x');
  std::int64_t acknowledged = 0;
  std::string error;
  for (int i = 0; i < 200 && error.empty(); ++i) {
    try {
      std::vector<Event> batch;
      for (int k = 0; k < 5; ++k) batch.push_back({i, ev::Joined{"tok-" + std::to_string(i * 5 + k), big.substr(0, 60)}});
      batch.push_back({i, ev::Answered{"tok", "q", big, i}});
      acknowledged = journal.append(id, batch);
    } catch (const JournalError& e) {
      error = e.what();
      CHECK(e.sqlite_code() == SQLITE_FULL);
    }
  }
  CHECK(error.find("SQLITE_FULL") != std::string::npos);
  CHECK(error.find(journal.path()) != std::string::npos);
  CHECK(acknowledged > 0);
  CHECK(journal.delivery(id)->last_seq == acknowledged);  // the failed batch left nothing behind
  CHECK(journal.integrity_check() == "ok");
}

TEST_CASE("the data directory: --data wins, then XDG_DATA_HOME, then HOME; it is created") {
  sim::TempDir dir;
  CHECK(resolve_data_dir(dir.file("a/b")) == dir.file("a/b"));
  CHECK(fs::is_directory(dir.file("a/b")));
  const char* old_xdg = std::getenv("XDG_DATA_HOME");
  std::string saved = old_xdg ? old_xdg : "";
  setenv("XDG_DATA_HOME", dir.file("xdg").c_str(), 1);
  CHECK(resolve_data_dir("") == dir.file("xdg/facilita"));
  CHECK(fs::is_directory(dir.file("xdg/facilita")));
  setenv("XDG_DATA_HOME", "relative/ignored", 1);
  CHECK(default_data_dir("").find("/.local/share/facilita") != std::string::npos);
  if (old_xdg) setenv("XDG_DATA_HOME", saved.c_str(), 1);
  else unsetenv("XDG_DATA_HOME");
  sim::write_text(dir.file("plain"), "x");
  CHECK_THROWS_AS(resolve_data_dir(dir.file("plain")), std::runtime_error);
}
