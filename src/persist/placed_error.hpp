// A failure of the data directory, the delivery lock or the journal that a person
// must act on, with what went wrong and the place (a directory or file), so the
// commands can say it in the user's language. what() keeps the English text.
#pragma once
#include <stdexcept>
#include <string>

namespace facilita {

enum class PersistProblem {
  Other,                // what() says it (SQLite's own words and the like)
  NoDataDir,            // neither XDG_DATA_HOME nor HOME
  CannotCreateDataDir,  // place: the directory; reason: the system's
  NotADirectory,        // place: the data directory given
  CannotCreateLock,     // place: the lock file; reason: the system's
  CannotLock,           // place: the lock file; reason: the system's
  LockHeld,             // place: the lock file (LockHeldError has the holder)
  NoJournalYet,         // place: the journal file that does not exist
};

class PlacedError : public std::runtime_error {
 public:
  explicit PlacedError(const std::string& message, PersistProblem problem = PersistProblem::Other,
                       std::string place = {}, std::string reason = {})
      : std::runtime_error(message), problem_(problem), place_(std::move(place)), reason_(std::move(reason)) {}
  PersistProblem problem() const { return problem_; }
  const std::string& place() const { return place_; }
  const std::string& reason() const { return reason_; }

 private:
  PersistProblem problem_;
  std::string place_;
  std::string reason_;
};

}  // namespace facilita
