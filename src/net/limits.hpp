// Per-address limits of the fellows' server: open connections, new
// participants per minute and failed admin attempts, keyed by the client's IP
// address. Loopback clients (a benchmark, a reverse proxy on the same machine)
// are exempt from the first two unless `limit_loopback`; admin failures count
// for every address. Also the checks on the `Host` and `Origin` headers.
//
// Not thread-safe: the server uses it from its network thread only. Every
// time-dependent call takes `now`, so the tests drive a fake clock.
// docs/protocol.md ("Limits", "Origin and Host") explains the defaults.
#pragma once
#include <chrono>
#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace facilita::net {

struct IpLimitOptions {
  std::size_t max_connections_per_ip = 32;
  int joins_per_minute = 10;
  bool limit_loopback = false;
  int admin_failures_to_delay = 3;   // from this many failures on, admin answers wait
  int admin_failures_to_block = 10;  // this many within a minute: refused for a minute
  std::chrono::seconds admin_window{60};
  std::chrono::seconds admin_block{60};
};

// A client's address as the limits see it: v4-mapped IPv6 becomes IPv4.
struct Peer {
  std::string ip;         // "192.168.1.20", "fe80::1"; empty when unknown
  bool loopback = false;  // 127.0.0.0/8, ::1, ::ffff:127.x.x.x
};
// Parses an address as printed by the socket layer; unknown text gives {text, false}.
Peer peer_from_address(std::string_view address);

class IpLimits {
 public:
  using Clock = std::chrono::steady_clock;
  explicit IpLimits(IpLimitOptions options) : options_(options) {}

  // Counts a connection; false (and nothing counted) when the address is at its cap.
  bool open_connection(const Peer& peer, Clock::time_point now);
  void close_connection(const Peer& peer);
  std::size_t connections(const std::string& ip) const;

  // One new participant from `peer`; false when it already made
  // joins_per_minute of them within the last minute.
  bool take_join(const Peer& peer, Clock::time_point now);

  enum class AdminGate { open, delayed, blocked };
  AdminGate admin_gate(const Peer& peer, Clock::time_point now);
  void admin_failed(const Peer& peer, Clock::time_point now);
  // Seconds until a blocked address may try again (at least 1).
  int admin_retry_after_s(const Peer& peer, Clock::time_point now) const;

  std::size_t tracked() const { return by_ip_.size(); }  // addresses with any record

 private:
  struct Record {
    std::size_t connections = 0;
    std::deque<Clock::time_point> joins;           // within the last minute
    std::deque<Clock::time_point> admin_failures;  // within admin_window
    Clock::time_point blocked_until{};
  };
  bool exempt(const Peer& peer) const { return peer.loopback && !options_.limit_loopback; }
  void forget_old(Record& r, Clock::time_point now) const;
  void prune(Clock::time_point now);

  IpLimitOptions options_;
  std::unordered_map<std::string, Record> by_ip_;
  Clock::time_point last_prune_{};
};

// `Host` is an IPv4 literal, a bracketed IPv6 literal, `localhost` or one of
// `public_hosts` (case-insensitive), each with an optional port.
bool host_allowed(std::string_view host, const std::vector<std::string>& public_hosts);
// A browser's `Origin` names this server: `http://` or `https://` followed by
// exactly the request's `Host` (case-insensitive).
bool same_origin(std::string_view origin, std::string_view host);

}  // namespace facilita::net
