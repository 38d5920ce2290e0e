#include "core/presence.hpp"

#include <algorithm>

namespace facilita {

Presence presence_of(const PresenceMap& seen, const std::string& participant, Millis now, Millis baseline,
                     Millis gone_after_ms) {
  Millis last = baseline;
  if (auto it = seen.find(participant); it != seen.end()) {
    if (it->second.sockets > 0) return Presence::Connected;
    last = std::max(last, it->second.last_seen);
  }
  return now - last < gone_after_ms ? Presence::Reconnecting : Presence::Gone;
}

PresenceCounts count_presence(const State& state, const PresenceMap& seen, Millis now, Millis baseline,
                              Millis gone_after_ms) {
  PresenceCounts c;
  for (const auto& [id, participant] : state.participants) {
    switch (presence_of(seen, id, now, baseline, gone_after_ms)) {
      case Presence::Connected: ++c.connected; break;
      case Presence::Reconnecting: ++c.reconnecting; break;
      case Presence::Gone: ++c.gone; break;
    }
  }
  return c;
}

nlohmann::json presence_json(const PresenceCounts& c) {
  return {{"connected", c.connected}, {"reconnecting", c.reconnecting}, {"gone", c.gone}};
}

}  // namespace facilita
