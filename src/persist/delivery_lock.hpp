// One writer per session: `facilita run` holds DATA_DIR/SESSION_ID.lock with an
// flock(2) for as long as it delivers that session. A second process asking for
// the same lock is refused at once with the holder's pid and start time (written
// in the file). The kernel drops an flock when its holder dies, even by kill -9,
// so a stale lock file is simply taken over: there is no guessing from pids.
#pragma once
#include <stdexcept>
#include <string>

#include "core/engine.hpp"
#include "persist/placed_error.hpp"

namespace facilita {

// Thrown when another live process holds the lock.
class LockHeldError : public PlacedError {
 public:
  LockHeldError(const std::string& message, long pid, Millis since, std::string session_id = {},
                std::string lock_path = {})
      : PlacedError(message, PersistProblem::LockHeld, std::move(lock_path)),
        pid_(pid),
        since_(since),
        session_id_(std::move(session_id)) {}
  long holder_pid() const { return pid_; }  // 0 when the holder had not written it yet
  Millis holder_since() const { return since_; }
  const std::string& session_id() const { return session_id_; }

 private:
  long pid_;
  Millis since_;
  std::string session_id_;
};

class DeliveryLock {
 public:
  // Takes DATA_DIR/<session_id>.lock (0600) and writes "pid started_at_ms" in it.
  // Throws LockHeldError when another process holds it, std::runtime_error when
  // the file cannot be created. `now` is the start time written for others.
  static DeliveryLock acquire(const std::string& data_dir, const std::string& session_id, Millis now);
  // The lock file's name for a session id (ids outside [A-Za-z0-9._-] are hashed).
  static std::string file_name(const std::string& session_id);

  DeliveryLock(DeliveryLock&& other) noexcept;
  DeliveryLock& operator=(DeliveryLock&& other) noexcept;
  DeliveryLock(const DeliveryLock&) = delete;
  DeliveryLock& operator=(const DeliveryLock&) = delete;
  ~DeliveryLock();  // releases (the file stays; the next holder overwrites it)

  const std::string& path() const { return path_; }

 private:
  DeliveryLock(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  int fd_ = -1;
  std::string path_;
};

}  // namespace facilita
