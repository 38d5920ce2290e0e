#include "persist/sqlite.hpp"

#include <sqlite3.h>

#include <utility>

namespace facilita {

std::string sqlite_code_name(int extended_code) {
  switch (extended_code) {  // the extended codes a user can act on
    case SQLITE_IOERR_WRITE: return "SQLITE_IOERR_WRITE";
    case SQLITE_IOERR_FSYNC: return "SQLITE_IOERR_FSYNC";
    case SQLITE_IOERR_READ: return "SQLITE_IOERR_READ";
    case SQLITE_IOERR_SHORT_READ: return "SQLITE_IOERR_SHORT_READ";
    case SQLITE_READONLY_DBMOVED: return "SQLITE_READONLY_DBMOVED";
    case SQLITE_READONLY_RECOVERY: return "SQLITE_READONLY_RECOVERY";
    case SQLITE_READONLY_CANTINIT: return "SQLITE_READONLY_CANTINIT";
    case SQLITE_CONSTRAINT_PRIMARYKEY: return "SQLITE_CONSTRAINT_PRIMARYKEY";
    default: break;
  }
  static const char* const primary[] = {
      "SQLITE_OK",       "SQLITE_ERROR",    "SQLITE_INTERNAL", "SQLITE_PERM",      "SQLITE_ABORT",
      "SQLITE_BUSY",     "SQLITE_LOCKED",   "SQLITE_NOMEM",    "SQLITE_READONLY",  "SQLITE_INTERRUPT",
      "SQLITE_IOERR",    "SQLITE_CORRUPT",  "SQLITE_NOTFOUND", "SQLITE_FULL",      "SQLITE_CANTOPEN",
      "SQLITE_PROTOCOL", "SQLITE_EMPTY",    "SQLITE_SCHEMA",   "SQLITE_TOOBIG",    "SQLITE_CONSTRAINT",
      "SQLITE_MISMATCH", "SQLITE_MISUSE",   "SQLITE_NOLFS",    "SQLITE_AUTH",      "SQLITE_FORMAT",
      "SQLITE_RANGE",    "SQLITE_NOTADB"};
  int code = extended_code & 0xff;
  if (code >= 0 && code < static_cast<int>(sizeof primary / sizeof primary[0])) return primary[code];
  return "SQLITE_" + std::to_string(extended_code);
}

// ---------------------------------------------------------------- Database

Database::Database(const std::string& path, int flags) : path_(path) {
  int rc = sqlite3_open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    int code = db_ ? sqlite3_extended_errcode(db_) : rc;
    sqlite3_close(db_);
    db_ = nullptr;
    throw JournalError(path + ": cannot open: " + message + " (" + sqlite_code_name(code) + ")", code & 0xff);
  }
  sqlite3_extended_result_codes(db_, 1);
}

Database::~Database() {
  // Closing the last connection checkpoints the WAL; errors here cannot be reported usefully.
  if (db_) sqlite3_close_v2(db_);
}

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), path_(std::move(other.path_)) {}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    if (db_) sqlite3_close_v2(db_);
    db_ = std::exchange(other.db_, nullptr);
    path_ = std::move(other.path_);
  }
  return *this;
}

JournalError Database::error(int code, std::string_view doing) const {
  std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(code);
  if (db_ && (sqlite3_extended_errcode(db_) & 0xff) == (code & 0xff)) code = sqlite3_extended_errcode(db_);
  return JournalError(path_ + ": " + std::string(doing) + ": " + message + " (" + sqlite_code_name(code) + ")",
                      code & 0xff);
}

void Database::exec(const std::string& sql, std::string_view doing) {
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) fail(rc, doing);
}

Statement Database::prepare(const std::string& sql) const { return Statement(*this, sql); }

std::int64_t Database::query_int(const std::string& sql) const {
  Statement s(*this, sql);
  return s.step() ? s.int64(0) : 0;
}

std::int64_t Database::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }

// ---------------------------------------------------------------- Statement

Statement::Statement(const Database& db, const std::string& sql) : db_(&db) {
  int rc = sqlite3_prepare_v2(db.handle(), sql.c_str(), static_cast<int>(sql.size()), &stmt_, nullptr);
  if (rc != SQLITE_OK) db.fail(rc, "preparing a query");
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement::Statement(Statement&& other) noexcept : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)) {}

Statement& Statement::bind(int index, std::int64_t value) {
  int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK) db_->fail(rc, "binding a value");
  return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
  // A null data pointer would bind SQL NULL; an empty view means the empty string.
  int rc = sqlite3_bind_text64(stmt_, index, text.data() ? text.data() : "", text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  if (rc != SQLITE_OK) db_->fail(rc, "binding a value");
  return *this;
}

Statement& Statement::bind_blob(int index, std::string_view bytes) {
  int rc = sqlite3_bind_blob64(stmt_, index, bytes.data() ? bytes.data() : "", bytes.size(), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) db_->fail(rc, "binding a value");
  return *this;
}

Statement& Statement::bind_null(int index) {
  int rc = sqlite3_bind_null(stmt_, index);
  if (rc != SQLITE_OK) db_->fail(rc, "binding a value");
  return *this;
}

bool Statement::step(std::string_view doing) {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  JournalError error = db_->error(rc, doing);
  sqlite3_reset(stmt_);
  throw error;
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::int64(int column) const { return sqlite3_column_int64(stmt_, column); }

bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

std::string_view Statement::text_view(int column) const {
  const void* data = sqlite3_column_blob(stmt_, column);
  int size = sqlite3_column_bytes(stmt_, column);
  return data ? std::string_view(static_cast<const char*>(data), static_cast<std::size_t>(size)) : std::string_view();
}

std::string Statement::text(int column) const { return std::string(text_view(column)); }

// ---------------------------------------------------------------- Transaction

Transaction::Transaction(Database& db, std::string_view doing) : db_(db), doing_(doing) {
  db_.exec("BEGIN IMMEDIATE", doing_);
}

Transaction::~Transaction() {
  if (open_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  int rc = sqlite3_exec(db_.handle(), "COMMIT", nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) {
    // A failed COMMIT may leave the transaction open; roll it back so nothing half-written stays visible.
    JournalError error = db_.error(rc, doing_);
    if (!sqlite3_get_autocommit(db_.handle())) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    open_ = false;
    throw error;
  }
  open_ = false;
}

}  // namespace facilita
