// The bridge between net::Server (its own thread) and the Controller (the main
// thread), one turn at a time. The order each turn is the contract fellows and
// the remote rely on:
//   1. take every queued command;
//   2. dispatch them as one batch (Controller::dispatch_batch: one journal commit);
//   3. publish the state after the batch to the server;
//   4. only then reply to each command (ack / error / the POST reply).
// So when an `ack` or a 200 leaves, the server already holds the state that
// includes it (read your writes), and an answer is acked only once committed.
#pragma once
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "app/controller.hpp"
#include "net/server.hpp"

namespace facilita {

class NetPump {
 public:
  explicit NetPump(net::Server& server) : server_(server) {}

  // Personal feedback (`you`, core/personal.hpp): the pump learns from the
  // controller which fellows' feedback may have changed (attach() sets the
  // controller's on_applied), and on each publish rebuilds only theirs, sending
  // each to the server only when it differs from what that fellow got last.
  void attach(Controller& controller);
  void note(const Event& event, const State& state);  // marks dirty: one fellow or a few, or everyone
  std::size_t personal_built() const { return personal_built_; }  // how many `you` were rebuilt so far
  // Connection health as of the last publish (counts over the joined participants).
  const PresenceCounts& presence_counts() const { return presence_counts_; }
  const PresenceMap& presence_seen() const { return presence_seen_; }
  Millis presence_baseline() const { return server_.started_at(); }

  // Sees every result of a turn before the replies go (e.g. to record storage failures).
  using Observer = std::function<void(const net::Inbound& inbound, const DispatchResult& result)>;
  // Steps 1-4 above; also publishes when the state changed since the last
  // publish, and at least once a second (the remote's clock fields). Returns how
  // many commands were handled.
  std::size_t turn(Controller& controller, Millis now, const Observer& observe = {});
  // Publishes only when the version changed (after a timer closed a prompt...).
  void publish_if_changed(const Controller& controller, Millis now);
  void publish(const Controller& controller, Millis now);
  Millis published_at() const { return published_at_; }

  // Lets a test reshape the public state before it is published (e.g. pad it).
  void set_public_filter(std::function<void(nlohmann::json&)> filter) { filter_ = std::move(filter); }

 private:
  net::Server& server_;
  std::uint64_t published_version_ = UINT64_MAX;
  Millis published_at_ = 0;
  std::function<void(nlohmann::json&)> filter_;
  void publish_personal(const Controller& controller);
  bool all_dirty_ = true;
  std::unordered_set<std::string> dirty_;
  std::unordered_map<std::string, std::string> you_sent_;  // participant -> the `you` text sent last
  std::size_t personal_built_ = 0;
  PresenceCounts presence_counts_;
  PresenceMap presence_seen_;
};

}  // namespace facilita
