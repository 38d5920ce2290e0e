// URL parsing and the follower's JSON file (see follower_client.hpp).
#include <algorithm>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "net/follower_client.hpp"

namespace facilita::net {

using nlohmann::json;

std::optional<ServerAddress> parse_server_url(std::string_view url, std::string& error) {
  auto bad = [&](const std::string& why) -> std::optional<ServerAddress> {
    error = "bad URL \"" + std::string(url) + "\": " + why + " (expected http://HOST:PORT/ or ws://HOST:PORT/ws)";
    return std::nullopt;
  };
  std::string_view rest = url;
  unsigned default_port = 80;
  if (auto scheme = rest.find("://"); scheme != std::string_view::npos) {
    std::string_view s = rest.substr(0, scheme);
    if (s != "http" && s != "ws") return bad("only http:// and ws:// are supported");
    rest.remove_prefix(scheme + 3);
  }
  std::string_view path;
  if (auto slash = rest.find('/'); slash != std::string_view::npos) {
    path = rest.substr(slash);
    rest = rest.substr(0, slash);
  }
  if (path.find_first_of("?#") != std::string_view::npos) path = path.substr(0, path.find_first_of("?#"));
  if (!path.empty() && path != "/" && path != "/ws" && path != "/index.html") return bad("unexpected path");
  if (rest.empty()) return bad("no host");
  if (rest.find('@') != std::string_view::npos) return bad("credentials are not supported");
  ServerAddress address;
  std::string_view host = rest, port_text;
  if (rest.front() == '[') {  // [IPv6]:port
    auto close = rest.find(']');
    if (close == std::string_view::npos) return bad("unclosed [");
    host = rest.substr(1, close - 1);
    std::string_view after = rest.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return bad("junk after ]");
      port_text = after.substr(1);
    }
  } else if (auto colon = rest.rfind(':'); colon != std::string_view::npos) {
    host = rest.substr(0, colon);
    port_text = rest.substr(colon + 1);
    if (host.find(':') != std::string_view::npos) return bad("IPv6 addresses go in brackets");
  }
  if (host.empty()) return bad("no host");
  for (char c : host)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' || c == '_'))
      return bad("bad character in the host");
  unsigned port = default_port;
  if (!port_text.empty() || rest.back() == ':') {
    auto [ptr, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (ec != std::errc{} || ptr != port_text.data() + port_text.size() || port == 0 || port > 65535)
      return bad("bad port");
  }
  address.host = std::string(host);
  address.port = static_cast<unsigned short>(port);
  return address;
}

namespace {

const char* status_name(AnswerStatus s) {
  switch (s) {
    case AnswerStatus::Acked: return "acked";
    case AnswerStatus::Rejected: return "rejected";
    default: return "sending";
  }
}

AnswerStatus status_of(const std::string& s) {
  if (s == "acked") return AnswerStatus::Acked;
  if (s == "rejected") return AnswerStatus::Rejected;
  return AnswerStatus::Sending;
}

json read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return json::object();
  std::stringstream text;
  text << in.rdbuf();
  json j = json::parse(text.str(), nullptr, false);
  return j.is_object() ? j : json::object();
}

}  // namespace

FollowerRecord load_follower_record(const std::string& path, const std::string& key) {
  FollowerRecord r;
  json all = read_file(path);
  if (!all.contains("servers") || !all["servers"].is_object() || !all["servers"].contains(key)) return r;
  const json& j = all["servers"][key];
  if (!j.is_object()) return r;
  try {
    r.token = j.value("token", "");
    r.name = j.value("name", "");
    r.next_seq = std::max<std::int64_t>(1, j.value("next_seq", std::int64_t{1}));
    r.session = j.value("session", "");
    if (j.contains("pending") && j["pending"].is_array())
      for (const auto& p : j["pending"]) {
        if (!p.is_object() || !p.contains("seq") || !p["seq"].is_number_integer()) continue;
        r.pending.push_back({p["seq"].get<std::int64_t>(), p.value("prompt", ""), p.value("value", json())});
        r.next_seq = std::max(r.next_seq, r.pending.back().seq + 1);
      }
    if (j.contains("answers") && j["answers"].is_object())
      for (const auto& [prompt, a] : j["answers"].items()) {
        if (!a.is_object()) continue;
        MyAnswer mine;
        mine.value = a.value("value", json());
        mine.seq = a.value("seq", std::int64_t{0});
        mine.status = status_of(a.value("status", ""));
        mine.reason = a.value("reason", "");
        r.answers[prompt] = mine;
      }
  } catch (const json::exception&) {
    return FollowerRecord{};  // wrong types: start afresh rather than fail
  }
  std::sort(r.pending.begin(), r.pending.end(), [](const auto& a, const auto& b) { return a.seq < b.seq; });
  return r;
}

bool save_follower_record(const std::string& path, const std::string& key, const FollowerRecord& r) {
  namespace fs = std::filesystem;
  json all = read_file(path);
  if (!all.contains("servers") || !all["servers"].is_object()) all["servers"] = json::object();
  json pending = json::array();
  for (const auto& p : r.pending) pending.push_back({{"seq", p.seq}, {"prompt", p.prompt}, {"value", p.value}});
  json answers = json::object();
  for (const auto& [prompt, a] : r.answers)
    answers[prompt] = {{"value", a.value}, {"seq", a.seq}, {"status", status_name(a.status)}, {"reason", a.reason}};
  all["servers"][key] = {{"token", r.token}, {"name", r.name},       {"next_seq", r.next_seq},
                         {"session", r.session}, {"pending", pending}, {"answers", answers}};
  std::error_code ec;
  fs::path target(path);
  if (target.has_parent_path() && !fs::exists(target.parent_path(), ec)) {
    fs::create_directories(target.parent_path(), ec);
    fs::permissions(target.parent_path(), fs::perms::owner_all, fs::perm_options::replace, ec);  // 0700
  }
  fs::path tmp = target;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return false;
    // The fellow's token and answers: readable by the owner only (0600), whatever the umask.
    fs::permissions(tmp, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace, ec);
    out << all.dump(2) << "\n";
    if (!out.flush()) return false;
  }
  fs::rename(tmp, target, ec);
  return !ec;
}

}  // namespace facilita::net
