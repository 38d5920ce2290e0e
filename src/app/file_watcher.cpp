#include "app/file_watcher.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace facilita {

FileWatcher::FileWatcher(const std::string& path, std::function<void()> on_change)
    : on_change_(std::move(on_change)) {
  std::filesystem::path p(path);
  name_ = p.filename().string();
  std::string dir = p.has_parent_path() ? p.parent_path().string() : std::string(".");
  inotify_fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (inotify_fd_ < 0) {
    error_ = std::string("inotify: ") + std::strerror(errno);
    return;
  }
  if (inotify_add_watch(inotify_fd_, dir.c_str(), IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE) < 0 ||
      pipe2(stop_fd_, O_CLOEXEC | O_NONBLOCK) != 0) {
    error_ = "cannot watch " + dir + ": " + std::strerror(errno);
    close(inotify_fd_);
    inotify_fd_ = -1;
    return;
  }
  thread_ = std::thread([this] { run(); });
}

FileWatcher::~FileWatcher() {
  if (thread_.joinable()) {
    char byte = 1;
    [[maybe_unused]] auto n = write(stop_fd_[1], &byte, 1);
    thread_.join();
  }
  for (int fd : {inotify_fd_, stop_fd_[0], stop_fd_[1]})
    if (fd >= 0) close(fd);
}

void FileWatcher::run() {
  alignas(inotify_event) char buffer[8192];
  for (;;) {
    pollfd fds[2] = {{inotify_fd_, POLLIN, 0}, {stop_fd_[0], POLLIN, 0}};
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return;
    }
    if (fds[1].revents) return;
    bool hit = false;
    for (;;) {
      ssize_t n = read(inotify_fd_, buffer, sizeof buffer);
      if (n <= 0) break;
      for (char* p = buffer; p < buffer + n;) {
        auto* e = reinterpret_cast<inotify_event*>(p);
        if (e->len > 0 && name_ == e->name) hit = true;
        p += sizeof(inotify_event) + e->len;
      }
    }
    if (hit) {
      // An editor's save is often several events (create, write, rename):
      // let the burst settle, then report it once.
      poll(fds + 1, 1, 50);
      while (read(inotify_fd_, buffer, sizeof buffer) > 0) {
      }
      changed_ = true;
      if (on_change_) on_change_();
    }
  }
}

}  // namespace facilita
