#include "persist/data_dir.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "persist/placed_error.hpp"

namespace facilita {

namespace fs = std::filesystem;

std::string default_data_dir(const std::string& flag) {
  if (!flag.empty()) return flag;
  // XDG Base Directory spec: XDG_DATA_HOME must be absolute to count.
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg == '/') return (fs::path(xdg) / "facilita").string();
  if (const char* home = std::getenv("HOME"); home && *home)
    return (fs::path(home) / ".local" / "share" / "facilita").string();
  throw PlacedError("cannot choose a data directory: neither XDG_DATA_HOME nor HOME is set; pass --data DIR",
                    PersistProblem::NoDataDir);
}

void make_private_dir(const std::string& dir) {
  std::error_code ec;
  const bool existed = fs::exists(dir, ec);
  fs::create_directories(dir, ec);
  if (ec)
    throw PlacedError(dir + ": cannot create the data directory: " + ec.message(), PersistProblem::CannotCreateDataDir,
                      dir, ec.message());
  if (!fs::is_directory(dir, ec))
    throw PlacedError(dir + ": is not a directory (data directory expected)", PersistProblem::NotADirectory, dir);
  // Only a directory that is ours is tightened: one we just made, one that holds a
  // journal already, or an empty one. `--data /tmp` or `--data ~` are left alone.
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0 || st.st_uid != ::geteuid() || (st.st_mode & S_ISVTX)) return;
  const bool ours = !existed || fs::exists(fs::path(dir) / kJournalFileName, ec) || fs::is_empty(dir, ec);
  if (ours && (st.st_mode & 077)) ::chmod(dir.c_str(), 0700);
}

std::string resolve_data_dir(const std::string& flag) {
  std::string dir = default_data_dir(flag);
  make_private_dir(dir);
  return dir;
}

std::string journal_path(const std::string& data_dir) { return (fs::path(data_dir) / kJournalFileName).string(); }

}  // namespace facilita
