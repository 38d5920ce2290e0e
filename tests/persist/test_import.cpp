// Journal identity, export --all and import: idempotent merges, origin keys,
// imported deliveries never resumed, bad files refused with the journal unchanged,
// and a version 1 journal upgraded on its first writable open.
#include <doctest/doctest.h>

#include <sqlite3.h>

#include <string>

#include "persist/export_all.hpp"
#include "persist/import.hpp"
#include "persist/report.hpp"
#include "sim.hpp"

using namespace facilita;
using nlohmann::json;

namespace {

constexpr Millis kNow = 1'700'500'000'000;

// Two ended deliveries and one unfinished, starting at `start`.
void fill(Journal& journal, Millis start) {
  sim::Script a, b, c;
  a.start = start;
  b.start = start + 86'400'000;
  c.start = start + 2 * 86'400'000;
  c.stop_in_section = 2;
  for (const auto* s : {&a, &b, &c}) sim::run_delivery(journal, sim::module_text(), *s);
}

std::string export_text(const Journal& journal) { return export_all_json(journal, kNow).dump(); }

// Everything a journal holds, as one comparable text.
std::string snapshot(Journal& journal) {
  std::string out;
  for (const char* sql :
       {"SELECT id || '|' || status || '|' || coalesce(origin_journal, '-') || '|' || coalesce(origin_delivery, '-') || "
        "'|' || file_sha256 FROM deliveries ORDER BY id",
        "SELECT delivery_id || '|' || seq || '|' || json FROM events ORDER BY delivery_id, seq",
        "SELECT sha256 FROM session_files ORDER BY sha256"}) {
    auto s = journal.database().prepare(sql);
    while (s.step()) out += s.text(0) + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("every journal has a random identity, kept across opens") {
  sim::TempDir a, b;
  std::string id_a = Journal::open(a.path()).journal_id();
  CHECK(id_a.size() == 32);
  CHECK(id_a.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(Journal::open(a.path()).journal_id() == id_a);
  CHECK(Journal::open(a.path(), {.read_only = true}).journal_id() == id_a);
  CHECK(Journal::open(b.path()).journal_id() != id_a);
}

TEST_CASE("export --all JSON describes itself, the journal and each delivery in journal form") {
  sim::TempDir dir;
  Journal journal = Journal::open(dir.path());
  fill(journal, 1'700'000'000'000);
  json doc = export_all_json(journal, kNow);
  CHECK(doc["format"] == "facilita-export-all");
  CHECK(doc["version"] == 1);
  CHECK(doc["journal"]["id"] == journal.journal_id());
  REQUIRE(doc["deliveries"].size() == 3);
  const json& d = doc["deliveries"][0];
  CHECK(d["origin"]["journal"] == journal.journal_id());
  CHECK(d["origin"]["delivery"] == 1);
  CHECK(d["status"] == "ended");
  CHECK(d["file_content"] == sim::module_text());
  CHECK(d["events"].size() == static_cast<std::size_t>(journal.delivery(1)->events));
  CHECK(d["events"][0]["seq"] == 1);
  CHECK(d["events"][0]["json"]["type"] == d["events"][0]["type"]);
  CHECK(d["export"]["format"] == "facilita-export");
  CHECK(!d["export"]["answers"].empty());
  CHECK(doc["deliveries"][2]["status"] == "running");
}

TEST_CASE("import merges another journal once; its own deliveries never come back") {
  sim::TempDir a_dir, b_dir;
  Journal a = Journal::open(a_dir.path());
  Journal b = Journal::open(b_dir.path());
  fill(a, 1'700'000'000'000);
  fill(b, 1'710'000'000'000);
  const std::string from_b = export_text(b);

  ImportResult first = import_export(a, from_b, "b.json");
  CHECK(first.imported == 3);
  CHECK(first.present == 0);
  auto all = a.deliveries();
  REQUIRE(all.size() == 6);
  CHECK(!all[2].imported());
  CHECK(all[3].imported());
  CHECK(all[3].origin_journal == b.journal_id());
  CHECK(all[3].origin_delivery == 1);
  CHECK(all[3].id == 4);
  CHECK(all[3].status == "ended");
  CHECK(all[3].started_at == b.delivery(1)->started_at);
  CHECK(all[3].events == b.delivery(1)->events);
  CHECK(all[5].status == "running");  // kept as it is elsewhere
  // The replayed state is the same as in the journal that recorded it.
  CHECK(replay(a, 4).state.prompts.size() == replay(b, 1).state.prompts.size());
  auto reports = build_report(a, std::string("m2-s3-gobierno-abierto"));
  REQUIRE(reports.size() == 1);
  CHECK(reports[0].deliveries == 6);

  const std::string before = snapshot(a);
  ImportResult again = import_export(a, from_b, "b.json");
  CHECK(again.imported == 0);
  CHECK(again.present == 3);
  CHECK(snapshot(a) == before);

  // A's export holds A's three and B's three; B gains only A's own.
  ImportResult back = import_export(b, export_text(a), "a.json");
  CHECK(back.imported == 3);
  CHECK(back.present == 3);
  CHECK(b.deliveries().size() == 6);
  for (const auto& d : b.deliveries())
    if (d.imported()) CHECK(d.origin_journal == a.journal_id());
}

TEST_CASE("an imported unfinished delivery is neither resumed nor appended to") {
  sim::TempDir a_dir, b_dir;
  Journal a = Journal::open(a_dir.path());
  Journal b = Journal::open(b_dir.path());
  fill(b, 1'710'000'000'000);
  import_export(a, export_text(b), "b.json");
  CHECK(!a.find_unfinished("m2-s3-gobierno-abierto"));
  auto js = JournalSession::resume_or_start(a, sim::module_text(), sim::kModulePath, kNow);
  CHECK(!js.resumed());
  CHECK(js.delivery_id() == 4);
  CHECK_THROWS_WITH_AS(a.append(3, {Event{kNow, ev::Ended{}}}), doctest::Contains("imported"), JournalError);
  CHECK(a.delivery(3)->status == "running");
}

TEST_CASE("a bad export is refused with the place named and the journal unchanged") {
  sim::TempDir a_dir, b_dir;
  Journal a = Journal::open(a_dir.path());
  Journal b = Journal::open(b_dir.path());
  fill(a, 1'700'000'000'000);
  fill(b, 1'710'000'000'000);
  const json good = export_all_json(b, kNow);
  const std::string before = snapshot(a);
  auto refused = [&](const std::string& text, const std::string& says) {
    CAPTURE(says);
    CHECK_THROWS_WITH_AS(import_export(a, text, "b.json"), doctest::Contains(says.c_str()), ImportError);
    CHECK(snapshot(a) == before);
  };
  refused("not json at all", "b.json: not JSON");
  refused("[1, 2]", "not a Facilita export");
  refused(json{{"format", "facilita-export"}, {"version", 1}}.dump(), "format: expected \"facilita-export-all\"");
  json v = good;
  v["version"] = 9;
  refused(v.dump(), "version: this program reads version 1, found 9");
  json missing = good;
  missing["deliveries"][1].erase("file_content");
  refused(missing.dump(), "deliveries[1] (delivery 2 of journal ");
  refused(missing.dump(), "missing field \"file_content\"");
  json altered = good;
  altered["deliveries"][0]["file_content"] = "title: changed\n";
  refused(altered.dump(), "deliveries[0] (delivery 1 of journal " + b.journal_id().substr(0, 8) + ").file_content");
  json unknown = good;
  unknown["deliveries"][2]["events"][4]["type"] = "teleported";
  unknown["deliveries"][2]["events"][4]["json"]["type"] = "teleported";
  refused(unknown.dump(), ".events[4] (seq 5)");
  refused(unknown.dump(), "teleported");
  json gap = good;
  gap["deliveries"][0]["events"].erase(2);
  refused(gap.dump(), ".events[2] (seq 4): seq must count");
  json wrong_type = good;
  wrong_type["deliveries"][0]["started_at"] = "yesterday";
  refused(wrong_type.dump(), ".started_at: expected number, found string");
  // An event that parses but does not replay (a reload to a version the file does not
  // hold): refused, and the deliveries before it in the same file are not kept either.
  json no_replay = good;
  auto& events = no_replay["deliveries"][1]["events"];
  json reload{{"type", "session-reloaded"}, {"at", 1'710'000'000'000}, {"file_hash", std::string(64, '0')},
              {"old_index", json::array()}, {"planned_s", json::array()}};
  events.push_back({{"seq", events.size() + 1}, {"at", reload["at"]}, {"type", "session-reloaded"}, {"json", reload}});
  refused(no_replay.dump(), "deliveries[1] (delivery 2 of journal ");
  refused(no_replay.dump(), "does not replay");
  // Hostile shapes: deep nesting, a bare string.
  refused(std::string(100'000, '[') + std::string(100'000, ']'), "nested deeper than 64");
  refused("\"facilita-export-all\"", "not a Facilita export");
  CHECK(a.deliveries().size() == 3);
}

TEST_CASE("a version 1 journal opens read-only as it is and is upgraded on its first writable open") {
  sim::TempDir dir;
  const std::string path = dir.file("facilita.sqlite3");
  {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    // The schema of version 1, as an older Facilita wrote it.
    const char* v1 = R"sql(
PRAGMA application_id=1178815572; PRAGMA user_version=1;
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE deliveries(id INTEGER PRIMARY KEY, session_id TEXT NOT NULL, title TEXT NOT NULL,
  file_path TEXT NOT NULL, file_content BLOB NOT NULL, file_sha256 TEXT NOT NULL, started_at INTEGER NOT NULL,
  ended_at INTEGER, last_alive_at INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'ended', 'abandoned')));
CREATE INDEX deliveries_by_session ON deliveries(session_id, status, id);
CREATE TABLE events(delivery_id INTEGER NOT NULL REFERENCES deliveries(id), seq INTEGER NOT NULL CHECK (seq > 0),
  at INTEGER NOT NULL, type TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (delivery_id, seq)) WITHOUT ROWID;
CREATE TABLE session_files(sha256 TEXT PRIMARY KEY, content BLOB NOT NULL) WITHOUT ROWID;
INSERT INTO meta VALUES ('format', 'facilita-journal'), ('schema_version', '1');
INSERT INTO deliveries VALUES (1, 's', 'S', '/s.yaml', 'x', 'h', 1000, NULL, 1000, 'running');
)sql";
    REQUIRE(sqlite3_exec(db, v1, nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
  }
  {
    Journal old = Journal::open_file(path, {.read_only = true});
    CHECK(old.schema_version() == 1);
    CHECK(old.journal_id().empty());
    REQUIRE(old.deliveries().size() == 1);
    CHECK(!old.deliveries()[0].imported());
    CHECK(old.find_unfinished("s"));
    CHECK_THROWS_WITH_AS(export_all_json(old, kNow), doctest::Contains("no identity yet"), JournalError);
  }
  Journal upgraded = Journal::open_file(path);
  CHECK(upgraded.schema_version() == 2);
  CHECK(upgraded.journal_id().size() == 32);
  CHECK(upgraded.database().query_int("SELECT value FROM meta WHERE key = 'schema_version'") == 2);
  CHECK(upgraded.find_unfinished("s")->id == 1);
  CHECK(upgraded.deliveries()[0].session_id == "s");
}

TEST_CASE("a delivery imported while running elsewhere is brought up to date by a later export") {
  sim::TempDir a_dir, b_dir;
  Journal a = Journal::open(a_dir.path());
  Journal b = Journal::open(b_dir.path());
  fill(b, 1'710'000'000'000);
  const json full = export_all_json(b, kNow);
  // The same journal earlier in the day: delivery 1 still running, 10 events fewer.
  json earlier = full;
  json& d1 = earlier["deliveries"][0];
  for (int k = 0; k < 10; ++k) d1["events"].erase(d1["events"].size() - 1);
  d1["status"] = "running";
  d1["ended_at"] = nullptr;
  d1["last_alive_at"] = d1["events"].back()["at"];
  CHECK(import_export(a, earlier.dump(), "morning.json").imported == 3);
  CHECK(a.delivery(1)->status == "running");
  CHECK(a.delivery(1)->events == b.delivery(1)->events - 10);

  ImportResult later = import_export(a, full.dump(), "evening.json");
  CHECK(later.imported == 0);
  CHECK(later.updated == 1);
  CHECK(later.present == 2);
  CHECK(a.delivery(1)->status == "ended");
  CHECK(a.delivery(1)->ended_at == b.delivery(1)->ended_at);
  CHECK(a.delivery(1)->events == b.delivery(1)->events);
  // The older snapshot again: nothing goes backwards.
  ImportResult again = import_export(a, earlier.dump(), "morning.json");
  CHECK(again.updated == 0);
  CHECK(again.present == 3);
  CHECK(a.delivery(1)->events == b.delivery(1)->events);
  // A different history under the same key is left alone.
  json diverged = full;
  diverged["deliveries"][2]["events"][1]["at"] = 1;
  diverged["deliveries"][2]["events"][1]["json"]["at"] = 1;
  diverged["deliveries"][2]["events"].push_back(diverged["deliveries"][2]["events"].back());
  diverged["deliveries"][2]["events"].back()["seq"] = diverged["deliveries"][2]["events"].size();
  CHECK(import_export(a, diverged.dump(), "other.json").updated == 0);
  CHECK(a.delivery(3)->events == b.delivery(3)->events);
}
