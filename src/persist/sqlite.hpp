// A thin RAII layer over the SQLite C API for the journal. Every failure
// becomes a JournalError whose message names the database file, says what was
// being done, and carries SQLite's own words plus the result-code name
// (e.g. "SQLITE_FULL"), so "disk full" or "read-only" reach the user as such.
#pragma once
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "persist/placed_error.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace facilita {

class JournalError : public PlacedError {
 public:
  JournalError(const std::string& message, int sqlite_code = 0, PersistProblem problem = PersistProblem::Other,
               std::string place = {})
      : PlacedError(message, problem, std::move(place)), sqlite_code_(sqlite_code) {}
  int sqlite_code() const { return sqlite_code_; }  // primary result code; 0 when not from SQLite

 private:
  int sqlite_code_;
};

// "SQLITE_FULL" for 13, "SQLITE_READONLY_DBMOVED" for extended codes, ...
std::string sqlite_code_name(int extended_code);

class Statement;

class Database {
 public:
  // flags: SQLITE_OPEN_* (READWRITE, READONLY, CREATE); never creates unless asked.
  Database(const std::string& path, int flags);
  ~Database();
  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void exec(const std::string& sql, std::string_view doing);
  Statement prepare(const std::string& sql) const;
  std::int64_t query_int(const std::string& sql) const;  // first column of the first row
  std::int64_t last_insert_rowid() const;

  // JournalError "<path>: <doing>: <sqlite message> (<CODE>)"; fail() throws it.
  JournalError error(int code, std::string_view doing) const;
  [[noreturn]] void fail(int code, std::string_view doing) const { throw error(code, doing); }

  const std::string& path() const { return path_; }
  sqlite3* handle() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

class Statement {
 public:
  Statement(const Database& db, const std::string& sql);
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& operator=(Statement&&) = delete;

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, std::string_view text);
  Statement& bind_blob(int index, std::string_view bytes);
  Statement& bind_null(int index);

  // true while a row is available; throws on errors ("doing" names the step).
  bool step(std::string_view doing = "reading");
  void run(std::string_view doing) { step(doing); }
  void reset();

  std::int64_t int64(int column) const;
  bool is_null(int column) const;
  std::string text(int column) const;  // text or blob bytes
  std::string_view text_view(int column) const;  // valid until the next step/reset

 private:
  const Database* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// Rolls back unless committed; commit() throws when COMMIT fails (e.g. SQLITE_FULL),
// leaving nothing of the transaction in the database.
class Transaction {
 public:
  Transaction(Database& db, std::string_view doing);  // BEGIN IMMEDIATE
  ~Transaction();
  void commit();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

 private:
  Database& db_;
  std::string doing_;
  bool open_ = true;
};

}  // namespace facilita
