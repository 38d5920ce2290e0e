#include "persist/journal.hpp"

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "core/event_json.hpp"
#include "persist/data_dir.hpp"
#include "persist/hash.hpp"
#include "persist/journal_file.hpp"

namespace facilita {

namespace {

constexpr int kBusyTimeoutMs = 5000;  // another Facilita process (e.g. `export` during `run`)

// Columns shared by every delivery query, in DeliveryInfo order. %ORIGIN% is the
// origin columns, or NULLs on a version 1 journal opened read-only.
constexpr const char* kDeliverySelect = R"sql(
SELECT %ORIGIN%, d.id, d.session_id, d.title, d.file_path, d.file_sha256, d.started_at, d.ended_at, d.last_alive_at, d.status,
  (SELECT count(*) FROM events e WHERE e.delivery_id = d.id),
  (SELECT count(*) FROM events e WHERE e.delivery_id = d.id AND e.type = 'answered'),
  coalesce((SELECT max(seq) FROM events e WHERE e.delivery_id = d.id), 0),
  coalesce((SELECT at FROM events e WHERE e.delivery_id = d.id ORDER BY seq DESC LIMIT 1), 0)
FROM deliveries d )sql";

DeliveryInfo read_delivery(const Statement& s) {
  DeliveryInfo d;
  if (!s.is_null(0)) d.origin_journal = s.text(0);
  if (!s.is_null(1)) d.origin_delivery = s.int64(1);
  d.id = s.int64(2);
  d.session_id = s.text(3);
  d.title = s.text(4);
  d.file_path = s.text(5);
  d.file_sha256 = s.text(6);
  d.started_at = s.int64(7);
  if (!s.is_null(8)) d.ended_at = s.int64(8);
  d.last_alive_at = s.int64(9);
  d.status = s.text(10);
  d.events = s.int64(11);
  d.answers = s.int64(12);
  d.last_seq = s.int64(13);
  d.last_event_at = s.int64(14);
  return d;
}

}  // namespace

struct Journal::Impl {
  Impl(Database database, Durability durability_, bool read_only_)
      : db(std::move(database)), durability(durability_), read_only(read_only_) {
    schema = static_cast<int>(db.query_int("PRAGMA user_version"));
    std::string select = kDeliverySelect;
    select.replace(select.find("%ORIGIN%"), 8, schema >= 2 ? "d.origin_journal, d.origin_delivery" : "NULL, NULL");
    delivery_select = select;
  }
  Database db;  // declared first: destroyed after the statements below
  Durability durability;
  bool read_only;
  int schema = 0;
  std::string delivery_select;
  // Prepared once; append() is the hot path (one per acknowledged answer).
  std::optional<Statement> head, insert, mark_ended;

  void prepare_writes() {
    head.emplace(db, "SELECT status, coalesce((SELECT max(seq) FROM events WHERE delivery_id = ?1), 0), "
                     "origin_journal IS NOT NULL FROM deliveries WHERE id = ?1");
    insert.emplace(db, "INSERT INTO events(delivery_id, seq, at, type, json) VALUES (?, ?, ?, ?, ?)");
    mark_ended.emplace(db, "UPDATE deliveries SET status = 'ended', ended_at = ?2, "
                           "last_alive_at = max(last_alive_at, ?2) WHERE id = ?1");
  }
};

Journal::Journal(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Journal::Journal(Journal&&) noexcept = default;
Journal& Journal::operator=(Journal&&) noexcept = default;
Journal::~Journal() {
  // Statements must be finalized before the connection closes (and checkpoints).
  if (impl_) impl_->head.reset(), impl_->insert.reset(), impl_->mark_ended.reset();
}

Journal Journal::open(const std::string& data_dir, const JournalOptions& options) {
  return open_file(journal_path(data_dir), options);
}

Journal Journal::open_file(const std::string& db_path, const JournalOptions& options) {
  if (!journal_file::inspect(db_path)) {
    if (!options.create || options.read_only)
      throw JournalError(db_path + ": no journal here yet (nothing has been recorded in this data directory)",
                         SQLITE_CANTOPEN, PersistProblem::NoJournalYet, db_path);
    journal_file::create(db_path);
    journal_file::inspect(db_path);  // another process may have won the race with something else
  }
  if (!options.read_only) {
    // Answers and names are personal data: the journal (and the -wal/-shm files
    // SQLite gives the same mode) is readable by its owner only.
    struct stat st {};
    if (::stat(db_path.c_str(), &st) == 0 && st.st_uid == ::geteuid() && (st.st_mode & 077))
      ::chmod(db_path.c_str(), 0600);
  }
  Database db(db_path, options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE);
  sqlite3_busy_timeout(db.handle(), kBusyTimeoutMs);
  journal_file::verify_open(db);
  if (!options.read_only) {
    auto mode = db.prepare("PRAGMA journal_mode=WAL");
    if (!mode.step("switching to WAL") || mode.text(0) != "wal")
      throw JournalError(db_path + ": cannot use WAL mode on this file system", SQLITE_CANTOPEN);
  }
  db.exec(options.durability == Durability::Full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL",
          "setting durability");
  db.exec("PRAGMA foreign_keys=ON", "opening the journal");
  if (!options.read_only) journal_file::upgrade(db);
  auto impl = std::make_unique<Impl>(std::move(db), options.durability, options.read_only);
  if (!options.read_only) impl->prepare_writes();
  return Journal(std::move(impl));
}

std::int64_t Journal::begin_delivery(const NewDelivery& d) {
  Database& db = impl_->db;
  Transaction tx(db, "starting a delivery");
  auto s = db.prepare(
      "INSERT INTO deliveries(session_id, title, file_path, file_content, file_sha256, started_at, last_alive_at, "
      "status) VALUES (?, ?, ?, ?, ?, ?, ?, 'running')");
  s.bind(1, d.session_id).bind(2, d.title).bind(3, d.file_path).bind_blob(4, d.file_content);
  s.bind(5, sha256_hex(d.file_content)).bind(6, d.started_at).bind(7, d.started_at);
  s.run("starting a delivery");
  std::int64_t id = db.last_insert_rowid();
  tx.commit();
  return id;
}

std::int64_t Journal::append(std::int64_t delivery, const std::vector<Event>& events) {
  if (impl_->read_only) throw JournalError(path() + ": opened read-only; cannot append events", SQLITE_READONLY);
  Database& db = impl_->db;
  Transaction tx(db, "appending events");
  Statement& head = *impl_->head;
  head.reset();
  head.bind(1, delivery);
  if (!head.step("appending events"))
    throw JournalError(path() + ": delivery " + std::to_string(delivery) + " does not exist");
  std::string status = head.text(0);
  std::int64_t seq = head.int64(1);
  const bool imported = head.int64(2) != 0;
  head.reset();
  if (imported)
    throw JournalError(path() + ": delivery " + std::to_string(delivery) +
                       " was imported from another journal; cannot append events");
  if (status != "running")
    throw JournalError(path() + ": delivery " + std::to_string(delivery) + " is " + status + "; cannot append events");
  std::optional<Millis> ended_at;
  Statement& insert = *impl_->insert;
  for (const Event& event : events) {
    insert.reset();
    insert.bind(1, delivery).bind(2, ++seq).bind(3, event.at);
    insert.bind(4, std::string_view(event_type_name(event.data))).bind(5, to_json(event).dump());
    insert.run("appending events");
    if (std::holds_alternative<ev::Ended>(event.data)) ended_at = event.at;
    if (const auto* reload = std::get_if<ev::SessionReloaded>(&event.data); reload && !session_file(reload->file_hash))
      throw JournalError(path() + ": delivery " + std::to_string(delivery) + ": session-reloaded names file " +
                         reload->file_hash + ", which is not stored; nothing was appended");
  }
  insert.reset();
  if (ended_at) {
    Statement& mark = *impl_->mark_ended;
    mark.reset();
    mark.bind(1, delivery).bind(2, *ended_at).run("ending the delivery");
    mark.reset();
  }
  tx.commit();  // throws (and nothing is kept) when the commit fails
  if (ended_at) {
    try {
      touch(delivery, *ended_at);  // the end of a delivery is made power-safe at once
    } catch (const JournalError&) {
      // Committed already: the caller must still hear success. The next write reports the disk.
    }
  }
  return seq;
}

std::string Journal::store_session_file(std::string_view content) {
  std::string sha = sha256_hex(content);
  auto s = impl_->db.prepare("INSERT OR IGNORE INTO session_files(sha256, content) VALUES (?, ?)");
  s.bind(1, sha).bind_blob(2, content).run("storing a session file");
  return sha;
}

std::optional<std::string> Journal::session_file(std::string_view sha256) const {
  auto s = impl_->db.prepare(
      "SELECT content FROM session_files WHERE sha256 = ?1 "
      "UNION ALL SELECT file_content FROM deliveries WHERE file_sha256 = ?1 LIMIT 1");
  s.bind(1, sha256);
  if (!s.step("reading a session file")) return std::nullopt;
  return s.text(0);
}

void Journal::touch(std::int64_t delivery, Millis now) {
  // This one commit always runs with synchronous=FULL: fsyncing the WAL makes every
  // earlier commit power-safe too, which bounds what Durability::Normal can lose.
  Database& db = impl_->db;
  const bool normal = impl_->durability == Durability::Normal;
  if (normal) db.exec("PRAGMA synchronous=FULL", "recording a heartbeat");
  try {
    auto s = db.prepare("UPDATE deliveries SET last_alive_at = max(last_alive_at, ?2) WHERE id = ?1");
    s.bind(1, delivery).bind(2, now).run("recording a heartbeat");
  } catch (...) {
    if (normal) sqlite3_exec(db.handle(), "PRAGMA synchronous=NORMAL", nullptr, nullptr, nullptr);
    throw;
  }
  if (normal) db.exec("PRAGMA synchronous=NORMAL", "recording a heartbeat");
}

void Journal::abandon(std::int64_t delivery, Millis now) {
  auto s = impl_->db.prepare(
      "UPDATE deliveries SET status = 'abandoned', ended_at = ?2 WHERE id = ?1 AND status = 'running'");
  s.bind(1, delivery).bind(2, now).run("abandoning a delivery");
}

std::vector<DeliveryInfo> Journal::deliveries() const {
  auto s = impl_->db.prepare(impl_->delivery_select + "ORDER BY d.id");
  std::vector<DeliveryInfo> out;
  while (s.step("listing deliveries")) out.push_back(read_delivery(s));
  return out;
}

std::optional<DeliveryInfo> Journal::delivery(std::int64_t id) const {
  auto s = impl_->db.prepare(impl_->delivery_select + "WHERE d.id = ?");
  s.bind(1, id);
  if (!s.step("reading a delivery")) return std::nullopt;
  return read_delivery(s);
}

std::optional<DeliveryInfo> Journal::latest() const {
  auto s = impl_->db.prepare(impl_->delivery_select + "ORDER BY d.id DESC LIMIT 1");
  if (!s.step("reading the latest delivery")) return std::nullopt;
  return read_delivery(s);
}

std::optional<DeliveryInfo> Journal::find_unfinished(std::string_view session_id, std::string_view sha256) const {
  auto s = impl_->db.prepare(impl_->delivery_select +
                             "WHERE d.session_id = ?1 AND d.status = 'running' AND (?2 = '' OR d.file_sha256 = ?2) " +
                             (impl_->schema >= 2 ? "AND d.origin_journal IS NULL " : "") +
                             "ORDER BY d.id DESC LIMIT 1");
  s.bind(1, session_id).bind(2, sha256);
  if (!s.step("looking for an unfinished delivery")) return std::nullopt;
  return read_delivery(s);
}

std::string Journal::file_content(std::int64_t delivery) const {
  auto s = impl_->db.prepare("SELECT file_content FROM deliveries WHERE id = ?");
  s.bind(1, delivery);
  if (!s.step("reading a session file"))
    throw JournalError(path() + ": delivery " + std::to_string(delivery) + " does not exist");
  return s.text(0);
}

void Journal::for_each_event(std::int64_t delivery,
                             const std::function<void(std::int64_t seq, const Event&)>& visit) const {
  auto s = impl_->db.prepare("SELECT seq, json FROM events WHERE delivery_id = ? ORDER BY seq");
  s.bind(1, delivery);
  while (s.step("reading events")) {
    std::int64_t seq = s.int64(0);
    Event event;
    try {
      event = event_from_json(nlohmann::json::parse(s.text_view(1)));
    } catch (const std::exception& e) {
      throw JournalError(path() + ": delivery " + std::to_string(delivery) + ", event " + std::to_string(seq) +
                             ": unreadable: " + e.what(),
                         SQLITE_CORRUPT);
    }
    visit(seq, event);
  }
}

std::vector<Event> Journal::events(std::int64_t delivery) const {
  std::vector<Event> out;
  for_each_event(delivery, [&](std::int64_t, const Event& e) { out.push_back(e); });
  return out;
}

std::string Journal::integrity_check() const {
  auto s = impl_->db.prepare("PRAGMA integrity_check");
  std::string out;
  while (s.step("checking integrity")) {
    if (!out.empty()) out += '\n';
    out += s.text(0);
  }
  return out;
}

std::string Journal::journal_id() const { return journal_file::journal_id(impl_->db); }
int Journal::schema_version() const { return impl_->schema; }

const std::string& Journal::path() const { return impl_->db.path(); }
Durability Journal::durability() const { return impl_->durability; }
Database& Journal::database() { return impl_->db; }

}  // namespace facilita
