// Connection health: how many fellows are connected, reconnecting (no open
// socket, seen less than a minute ago) or gone (not seen for a minute). The
// server records sockets and last-seen times; this turns them into counts
// with a `now` the caller passes (no clock here).
#pragma once
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "core/engine.hpp"

namespace facilita {

inline constexpr Millis kGoneAfterMs = 60'000;

struct PresenceSeen {
  int sockets = 0;       // open, welcomed WebSockets of the participant now
  Millis last_seen = 0;  // ms since the Unix epoch: any message, pong, connect or close
};
using PresenceMap = std::map<std::string, PresenceSeen>;

enum class Presence { Connected, Reconnecting, Gone };

// `baseline`: when the server started; a participant it has not seen since
// counts as seen then (after a restart fellows get a minute to come back).
Presence presence_of(const PresenceMap& seen, const std::string& participant, Millis now, Millis baseline,
                     Millis gone_after_ms = kGoneAfterMs);

struct PresenceCounts {
  int connected = 0;
  int reconnecting = 0;
  int gone = 0;
  bool operator==(const PresenceCounts&) const = default;
};

// Over the participants of `state` (everyone who joined).
PresenceCounts count_presence(const State& state, const PresenceMap& seen, Millis now, Millis baseline,
                              Millis gone_after_ms = kGoneAfterMs);
nlohmann::json presence_json(const PresenceCounts& counts);  // {"connected":N,"reconnecting":N,"gone":N}

}  // namespace facilita
