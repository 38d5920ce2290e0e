// Where Facilita keeps its data: one directory holding the journal database
// `facilita.sqlite3` (plus SQLite's -wal/-shm files while it is open).
#pragma once
#include <string>

namespace facilita {

inline constexpr const char* kJournalFileName = "facilita.sqlite3";

// `flag` when not empty (the `--data DIR` option), else $XDG_DATA_HOME/facilita,
// else $HOME/.local/share/facilita. Creates the directory (and parents) when
// missing. Throws std::runtime_error naming the directory when it cannot be
// created or is not a directory, or when neither XDG_DATA_HOME nor HOME is set.
std::string resolve_data_dir(const std::string& flag);

// The same choice without creating anything (for commands that only read).
std::string default_data_dir(const std::string& flag);

// DIR/facilita.sqlite3
std::string journal_path(const std::string& data_dir);

}  // namespace facilita
