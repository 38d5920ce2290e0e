#include "persist/journal_file.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "persist/journal.hpp"

namespace facilita::journal_file {
namespace {

namespace fs = std::filesystem;

constexpr char kSqliteMagic[] = "SQLite format 3";  // 16 bytes with the NUL
constexpr const char* kLeaveIt = "; Facilita has not modified it. Move it away, or use --data DIR for another directory";

std::uint32_t be32(const unsigned char* p) {
  return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | std::uint32_t(p[3]);
}

std::string hex32(std::uint32_t v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%08X", v);
  return buf;
}

void check_ids(const std::string& path, std::uint32_t application_id, std::int64_t user_version) {
  if (application_id != static_cast<std::uint32_t>(Journal::kApplicationId))
    throw JournalError(path + ": is an SQLite database of another application (application_id " + hex32(application_id) +
                           "), not a Facilita journal" + kLeaveIt,
                       SQLITE_NOTADB);
  if (user_version < 1 || user_version > Journal::kSchemaVersion)
    throw JournalError(path + ": is a Facilita journal with schema version " + std::to_string(user_version) +
                           ", which this program does not know (it reads version " +
                           std::to_string(Journal::kSchemaVersion) + "); use a newer Facilita" + kLeaveIt,
                       SQLITE_NOTADB);
}

void fsync_path(const std::string& path, int flags) {
  int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

const char* const kSchema = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE deliveries(
  id INTEGER PRIMARY KEY,
  session_id TEXT NOT NULL,
  title TEXT NOT NULL,
  file_path TEXT NOT NULL,
  file_content BLOB NOT NULL,
  file_sha256 TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  ended_at INTEGER,
  last_alive_at INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'ended', 'abandoned')),
  origin_journal TEXT,
  origin_delivery INTEGER);
CREATE INDEX deliveries_by_session ON deliveries(session_id, status, id);
CREATE UNIQUE INDEX deliveries_by_origin ON deliveries(origin_journal, origin_delivery, file_sha256)
  WHERE origin_journal IS NOT NULL;
CREATE TABLE events(
  delivery_id INTEGER NOT NULL REFERENCES deliveries(id),
  seq INTEGER NOT NULL CHECK (seq > 0),
  at INTEGER NOT NULL,
  type TEXT NOT NULL,
  json TEXT NOT NULL,
  PRIMARY KEY (delivery_id, seq)) WITHOUT ROWID;
CREATE TABLE session_files(
  sha256 TEXT PRIMARY KEY,
  content BLOB NOT NULL) WITHOUT ROWID;
)sql";

}  // namespace

bool inspect(const std::string& path) {
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) return false;
  if (!fs::is_regular_file(status)) throw JournalError(path + ": is not a regular file" + kLeaveIt);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw JournalError(path + ": cannot read: " + std::strerror(errno), SQLITE_CANTOPEN);
  unsigned char header[100] = {};
  in.read(reinterpret_cast<char*>(header), sizeof header);
  auto got = in.gcount();
  if (got == 0) throw JournalError(path + ": is an empty file, not a Facilita journal" + kLeaveIt, SQLITE_NOTADB);
  if (got < static_cast<std::streamsize>(sizeof header) || std::memcmp(header, kSqliteMagic, sizeof kSqliteMagic) != 0)
    throw JournalError(path + ": is not an SQLite database, so not a Facilita journal (or it is damaged)" + kLeaveIt,
                       SQLITE_NOTADB);
  // SQLite file header: user_version at offset 60, application_id at 68 (big-endian).
  // Both are written before the journal first switches to WAL, so the main file has them.
  check_ids(path, be32(header + 68), be32(header + 60));
  return true;
}

void create(const std::string& path) {
  for (const char* suffix : {"-wal", "-shm", "-journal"}) {
    std::error_code ec;
    if (fs::exists(path + suffix, ec))
      throw JournalError(path + suffix + ": SQLite side file without its database " + path +
                             "; refusing to create a new journal next to it (SQLite would apply it)" + kLeaveIt,
                         SQLITE_CANTOPEN);
  }
  const std::string tmp = path + ".new-" + std::to_string(::getpid());
  std::error_code ec;
  for (const char* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(tmp + suffix, ec);  // ours, from a crash
  try {
    Database db(tmp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    db.exec("PRAGMA synchronous=FULL", "creating the journal");
    // Header ids and schema in rollback-journal mode, so they reach the main file directly.
    db.exec("BEGIN; PRAGMA application_id=" + std::to_string(Journal::kApplicationId) +
                "; PRAGMA user_version=" + std::to_string(Journal::kSchemaVersion) + ";" + kSchema +
                "INSERT INTO meta VALUES ('format', 'facilita-journal'), ('schema_version', '" +
                std::to_string(Journal::kSchemaVersion) + "'); COMMIT;",
            "creating the journal");
    auto mode = db.prepare("PRAGMA journal_mode=WAL");
    if (!mode.step("switching to WAL") || mode.text(0) != "wal")
      throw JournalError(path + ": cannot use WAL mode on this file system", SQLITE_CANTOPEN);
  } catch (const JournalError& e) {
    for (const char* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(tmp + suffix, ec);
    // e names the temporary file; say which journal could not be made (read-only directory, disk full, ...).
    throw JournalError(path + ": cannot create the journal (" + e.what() + ")", e.sqlite_code());
  }
  // Closed: the WAL was checkpointed into the file and removed.
  fsync_path(tmp, O_RDONLY);
  int rc = ::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, path.c_str(), RENAME_NOREPLACE);
  if (rc != 0 && (errno == EINVAL || errno == ENOSYS)) {  // file system without NOREPLACE
    rc = ::link(tmp.c_str(), path.c_str());
    if (rc == 0) ::unlink(tmp.c_str());
  }
  int err = errno;
  if (rc != 0) {
    fs::remove(tmp, ec);
    if (err != EEXIST) throw JournalError(path + ": cannot create the journal: " + std::strerror(err), SQLITE_CANTOPEN);
  }
  fsync_path(fs::path(path).parent_path().empty() ? "." : fs::path(path).parent_path().string(), O_RDONLY | O_DIRECTORY);
}

void verify_open(const Database& db) {
  auto application_id = static_cast<std::uint32_t>(db.query_int("PRAGMA application_id"));
  check_ids(db.path(), application_id, db.query_int("PRAGMA user_version"));
  if (db.query_int("SELECT count(*) FROM sqlite_schema WHERE name IN ('meta', 'deliveries', 'events', "
                   "'session_files')") != 4)
    throw JournalError(db.path() + ": Facilita journal without its tables (damaged)" + kLeaveIt, SQLITE_CORRUPT);
}

}  // namespace facilita::journal_file
