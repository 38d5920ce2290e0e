#include "net/limits.hpp"

#include <algorithm>
#include <boost/asio/ip/address.hpp>
#include <cctype>

namespace facilita::net {
namespace {

using namespace std::chrono_literals;

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

bool all_digits(std::string_view s) {
  return !s.empty() && s.size() <= 5 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

Peer peer_from_address(std::string_view text) {
  boost::system::error_code ec;
  auto address = boost::asio::ip::make_address(std::string(text), ec);
  if (ec) return {std::string(text), false};
  if (address.is_v6() && address.to_v6().is_v4_mapped())
    address = boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, address.to_v6());
  return {address.to_string(), address.is_loopback()};
}

void IpLimits::forget_old(Record& r, Clock::time_point now) const {
  while (!r.joins.empty() && now - r.joins.front() >= 60s) r.joins.pop_front();
  while (!r.admin_failures.empty() && now - r.admin_failures.front() >= options_.admin_window)
    r.admin_failures.pop_front();
}

// Drops the records that no longer limit anything, at most every 10 s, so the
// table holds only addresses that are connected or were recently limited.
void IpLimits::prune(Clock::time_point now) {
  if (now - last_prune_ < 10s) return;
  last_prune_ = now;
  for (auto it = by_ip_.begin(); it != by_ip_.end();) {
    forget_old(it->second, now);
    const Record& r = it->second;
    if (r.connections == 0 && r.joins.empty() && r.admin_failures.empty() && r.blocked_until <= now)
      it = by_ip_.erase(it);
    else
      ++it;
  }
}

bool IpLimits::open_connection(const Peer& peer, Clock::time_point now) {
  if (exempt(peer)) return true;
  prune(now);
  Record& r = by_ip_[peer.ip];
  if (r.connections >= options_.max_connections_per_ip) return false;
  ++r.connections;
  return true;
}

void IpLimits::close_connection(const Peer& peer) {
  if (exempt(peer)) return;
  auto it = by_ip_.find(peer.ip);
  if (it != by_ip_.end() && it->second.connections > 0) --it->second.connections;
}

std::size_t IpLimits::connections(const std::string& ip) const {
  auto it = by_ip_.find(ip);
  return it == by_ip_.end() ? 0 : it->second.connections;
}

bool IpLimits::take_join(const Peer& peer, Clock::time_point now) {
  if (exempt(peer)) return true;
  prune(now);
  Record& r = by_ip_[peer.ip];
  forget_old(r, now);
  if (static_cast<int>(r.joins.size()) >= options_.joins_per_minute) return false;
  r.joins.push_back(now);
  return true;
}

IpLimits::AdminGate IpLimits::admin_gate(const Peer& peer, Clock::time_point now) {
  auto it = by_ip_.find(peer.ip);
  if (it == by_ip_.end()) return AdminGate::open;
  Record& r = it->second;
  if (r.blocked_until > now) return AdminGate::blocked;
  forget_old(r, now);
  return static_cast<int>(r.admin_failures.size()) >= options_.admin_failures_to_delay ? AdminGate::delayed
                                                                                        : AdminGate::open;
}

void IpLimits::admin_failed(const Peer& peer, Clock::time_point now) {
  prune(now);
  Record& r = by_ip_[peer.ip];
  forget_old(r, now);
  r.admin_failures.push_back(now);
  if (static_cast<int>(r.admin_failures.size()) >= options_.admin_failures_to_block) {
    r.blocked_until = now + options_.admin_block;
    r.admin_failures.clear();  // after the block, the count starts over
  }
}

int IpLimits::admin_retry_after_s(const Peer& peer, Clock::time_point now) const {
  auto it = by_ip_.find(peer.ip);
  if (it == by_ip_.end() || it->second.blocked_until <= now) return 1;
  auto left = std::chrono::ceil<std::chrono::seconds>(it->second.blocked_until - now).count();
  return static_cast<int>(std::max<decltype(left)>(1, left));
}

bool host_allowed(std::string_view host, const std::vector<std::string>& public_hosts) {
  if (host.empty()) return false;
  std::string_view name = host;
  if (host.front() == '[') {  // [v6] or [v6]:port
    auto close = host.find(']');
    if (close == std::string_view::npos) return false;
    auto rest = host.substr(close + 1);
    if (!rest.empty() && (rest.front() != ':' || !all_digits(rest.substr(1)))) return false;
    boost::system::error_code ec;
    boost::asio::ip::make_address_v6(std::string(host.substr(1, close - 1)), ec);
    return !ec;
  }
  if (auto colon = host.rfind(':'); colon != std::string_view::npos) {
    if (!all_digits(host.substr(colon + 1))) return false;
    name = host.substr(0, colon);
  }
  if (name.empty()) return false;
  if (iequals(name, "localhost")) return true;
  for (const auto& allowed : public_hosts)
    if (iequals(name, allowed)) return true;
  // An IPv4 literal in dotted-quad form only (inet_aton would also take "1" or "0x7f.1").
  if (std::count(name.begin(), name.end(), '.') != 3) return false;
  if (!std::all_of(name.begin(), name.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; })) return false;
  boost::system::error_code ec;
  boost::asio::ip::make_address_v4(std::string(name), ec);
  return !ec;
}

bool same_origin(std::string_view origin, std::string_view host) {
  for (std::string_view scheme : {"http://", "https://"})
    if (origin.size() > scheme.size() && iequals(origin.substr(0, scheme.size()), scheme))
      return !host.empty() && iequals(origin.substr(scheme.size()), host);
  return false;
}

}  // namespace facilita::net
