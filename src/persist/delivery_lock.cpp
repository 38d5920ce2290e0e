#include "persist/delivery_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <sstream>
#include <utility>

#include "persist/hash.hpp"
#include "persist/time_text.hpp"

namespace facilita {
namespace {

std::string read_all(int fd) {
  std::string out;
  char buf[256];
  ::lseek(fd, 0, SEEK_SET);
  for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;) out.append(buf, static_cast<std::size_t>(n));
  return out;
}

}  // namespace

std::string DeliveryLock::file_name(const std::string& session_id) {
  bool plain = !session_id.empty() && session_id.size() <= 100 && session_id[0] != '.';
  for (char c : session_id)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')) plain = false;
  return (plain ? session_id : "session-" + sha256_hex(session_id).substr(0, 16)) + ".lock";
}

DeliveryLock DeliveryLock::acquire(const std::string& data_dir, const std::string& session_id, Millis now) {
  std::string path = (std::filesystem::path(data_dir) / file_name(session_id)).string();
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    const std::string reason = std::strerror(errno);
    throw PlacedError(path + ": cannot create the lock file: " + reason, PersistProblem::CannotCreateLock, path, reason);
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    std::string holder = read_all(fd);
    ::close(fd);
    if (err != EWOULDBLOCK)
      throw PlacedError(path + ": cannot lock: " + std::strerror(err), PersistProblem::CannotLock, path,
                        std::strerror(err));
    long pid = 0;
    Millis since = 0;
    std::istringstream(holder) >> pid >> since;
    std::string who = pid > 0 ? "process " + std::to_string(pid) + ", running since " + local_minute(since)
                              : "a process that is just starting";
    throw LockHeldError("session '" + session_id + "' is being delivered by another facilita run (" + who +
                            ") with this data directory; stop that one first, or use another --data DIR (lock: " +
                            path + ")",
                        pid, since, session_id, path);
  }
  // Ours now (a previous holder may have died without a word: its flock died with it).
  std::string text = std::to_string(::getpid()) + " " + std::to_string(now) + "\n";
  if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, text.data(), text.size(), 0) != static_cast<ssize_t>(text.size())) {
    // The lock holds even when its note cannot be written (full disk): others then see "just starting".
  }
  return DeliveryLock(fd, std::move(path));
}

DeliveryLock::DeliveryLock(DeliveryLock&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), path_(std::move(other.path_)) {}

DeliveryLock& DeliveryLock::operator=(DeliveryLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
    path_ = std::move(other.path_);
  }
  return *this;
}

DeliveryLock::~DeliveryLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the last descriptor releases the flock
}

}  // namespace facilita
