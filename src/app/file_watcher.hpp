// Watches one file for saves (Linux inotify). Editors often save by writing a
// temporary file and renaming it over the original, which replaces the inode,
// so the DIRECTORY is watched for IN_CLOSE_WRITE / IN_MOVED_TO / IN_CREATE of
// that name. A small thread blocks in poll() on the inotify descriptor (no
// polling loop) and calls `on_change` (e.g. the GUI loop's wake()); the owner
// collects the change on its own thread with take_changed().
#pragma once
#include <atomic>
#include <functional>
#include <string>
#include <thread>

namespace facilita {

class FileWatcher {
 public:
  // Starts watching; ok() is false (with error()) when inotify is unavailable.
  FileWatcher(const std::string& path, std::function<void()> on_change);
  ~FileWatcher();
  FileWatcher(const FileWatcher&) = delete;
  FileWatcher& operator=(const FileWatcher&) = delete;

  bool ok() const { return inotify_fd_ >= 0; }
  const std::string& error() const { return error_; }
  // True once per batch of saves since the last call (thread-safe).
  bool take_changed() { return changed_.exchange(false); }

 private:
  void run();

  std::string name_;  // the file name inside the watched directory
  std::function<void()> on_change_;
  int inotify_fd_ = -1;
  int stop_fd_[2] = {-1, -1};
  std::atomic<bool> changed_{false};
  std::string error_;
  std::thread thread_;
};

}  // namespace facilita
