// Schema migrations and the journal's identity (journal_file.hpp).
#include <openssl/rand.h>
#include <sqlite3.h>

#include "persist/journal.hpp"
#include "persist/journal_file.hpp"

namespace facilita::journal_file {
namespace {

std::string random_id() {
  unsigned char bytes[16];
  if (RAND_bytes(bytes, sizeof bytes) != 1) throw JournalError("cannot draw a random journal identity (OpenSSL)");
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) out += kHex[b >> 4], out += kHex[b & 15];
  return out;
}

// Version 1 -> 2: deliveries remember where an imported one came from.
constexpr const char* kToVersion2 = R"sql(
ALTER TABLE deliveries ADD COLUMN origin_journal TEXT;
ALTER TABLE deliveries ADD COLUMN origin_delivery INTEGER;
CREATE UNIQUE INDEX deliveries_by_origin ON deliveries(origin_journal, origin_delivery, file_sha256)
  WHERE origin_journal IS NOT NULL;
UPDATE meta SET value = '2' WHERE key = 'schema_version';
PRAGMA user_version=2;
)sql";

}  // namespace

void upgrade(Database& db) {
  if (db.query_int("PRAGMA user_version") < 2) {
    Transaction tx(db, "upgrading the journal to schema version 2");
    if (db.query_int("PRAGMA user_version") < 2) db.exec(kToVersion2, "upgrading the journal to schema version 2");
    tx.commit();
  }
  if (journal_id(db).empty()) {
    auto s = db.prepare("INSERT OR IGNORE INTO meta(key, value) VALUES ('journal_id', ?)");
    s.bind(1, random_id()).run("giving the journal its identity");
  }
}

std::string journal_id(const Database& db) {
  auto s = db.prepare("SELECT value FROM meta WHERE key = 'journal_id'");
  return s.step("reading the journal identity") ? s.text(0) : std::string();
}

}  // namespace facilita::journal_file
