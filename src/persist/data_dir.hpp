// Where Facilita keeps its data: one directory holding the journal database
// `facilita.sqlite3` (plus SQLite's -wal/-shm files while it is open).
#pragma once
#include <string>

namespace facilita {

inline constexpr const char* kJournalFileName = "facilita.sqlite3";

// `flag` when not empty (the `--data DIR` option), else $XDG_DATA_HOME/facilita,
// else $HOME/.local/share/facilita. Creates the directory (and parents) when
// missing, mode 0700 (see make_private_dir). Throws PlacedError (placed_error.hpp) naming the directory when it cannot be
// created or is not a directory, or when neither XDG_DATA_HOME nor HOME is set.
std::string resolve_data_dir(const std::string& flag);

// Creates `dir` (and parents) when missing; the directory ends up 0700 when it
// is ours: just created, or already holding a journal, or empty (an existing
// shared directory such as /tmp or $HOME is never changed). Throws
// PlacedError naming the directory when it cannot be created.
void make_private_dir(const std::string& dir);

// The same choice without creating anything (for commands that only read).
std::string default_data_dir(const std::string& flag);

// DIR/facilita.sqlite3
std::string journal_path(const std::string& data_dir);

}  // namespace facilita
