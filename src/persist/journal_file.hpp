// The journal as a file: recognising one before SQLite touches it, and
// creating a new one atomically. Internal to the persist library.
#pragma once
#include <string>

#include "persist/sqlite.hpp"

namespace facilita::journal_file {

// false when nothing is at `path`; true when it is a Facilita journal of a schema
// this program reads. Otherwise throws JournalError naming the file and what it
// is instead, having only read it.
bool inspect(const std::string& path);

// Builds a complete, empty journal in a temporary file next to `path`, then moves
// it into place without replacing anything. When another process created `path`
// meanwhile, keeps theirs. Refuses when SQLite side files (-wal, -shm, -journal)
// are left without their database: they would be applied to the new one.
void create(const std::string& path);

// After opening: the header values as SQLite sees them (WAL included).
void verify_open(const Database& db);

}  // namespace facilita::journal_file

namespace facilita::journal_file {

// Writable opens only: brings a journal of an older schema up to
// Journal::kSchemaVersion in one transaction (version 1 -> 2: the origin columns
// of imported deliveries), then gives the journal its identity when it has none.
// A read-only open never migrates; it reads the old schema as it is.
void upgrade(Database& db);

// The journal's identity (meta 'journal_id': 32 hex digits from 128 random bits),
// or "" when it has none yet (a version 1 journal opened read-only).
std::string journal_id(const Database& db);

}  // namespace facilita::journal_file
