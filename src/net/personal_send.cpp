// Server::Impl's per-participant side: personal messages (`you`, prepared on
// the main thread, forwarded here to that participant's sockets only) and
// connection health (open sockets and last-seen time per participant).
#include <algorithm>
#include <boost/asio/post.hpp>

#include "net/detail.hpp"

namespace facilita::net {

void Server::Impl::send_personal(std::vector<std::pair<std::string, std::string>> messages) {
  if (messages.empty()) return;
  auto updates = std::make_shared<std::unordered_map<std::string, Text>>();
  {
    std::lock_guard lock(personal_mutex_);
    for (auto& [participant, text] : messages) {
      Text shared = std::make_shared<const std::string>(std::move(text));
      personal_[participant] = shared;
      (*updates)[participant] = std::move(shared);
    }
  }
  // Network thread: one pass over the sockets; a socket not welcomed gets
  // nothing (it gets the latest after its welcome, see ws_session.cpp).
  asio::post(*ioc_, [this, updates] {
    std::vector<std::pair<std::shared_ptr<WsSession>, Text>> targets;
    for (auto& [raw, weak] : sessions_) {
      const std::string& participant = raw->welcomed_participant();
      if (participant.empty()) continue;
      if (auto it = updates->find(participant); it != updates->end())
        if (auto s = weak.lock()) targets.emplace_back(std::move(s), it->second);
    }
    for (auto& [session, text] : targets) session->send(text, WsSession::Kind::Personal);
  });
}

Text Server::Impl::personal_for(const std::string& participant) const {
  std::lock_guard lock(personal_mutex_);
  auto it = personal_.find(participant);
  return it == personal_.end() ? nullptr : it->second;
}

PresenceMap Server::Impl::presence() const {
  std::lock_guard lock(presence_mutex_);
  return presence_;
}

void Server::Impl::presence_opened(WsSession& session) {
  if (session.presence_counted) return;
  const std::string& participant = session.welcomed_participant();
  if (participant.empty()) return;
  session.presence_counted = true;
  std::lock_guard lock(presence_mutex_);
  PresenceSeen& seen = presence_[participant];
  ++seen.sockets;
  seen.last_seen = wall_clock_ms();
}

void Server::Impl::presence_seen(const std::string& participant) {
  std::lock_guard lock(presence_mutex_);
  presence_[participant].last_seen = wall_clock_ms();
}

void Server::Impl::presence_closed(WsSession& session) {
  if (!session.presence_counted) return;
  session.presence_counted = false;
  std::lock_guard lock(presence_mutex_);
  PresenceSeen& seen = presence_[session.welcomed_participant()];
  seen.sockets = std::max(0, seen.sockets - 1);
  seen.last_seen = wall_clock_ms();
}

}  // namespace facilita::net
