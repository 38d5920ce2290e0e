// Admin commands for the projector view and the plan: `show` {what},
// `accept-rebalance` {durations_s, cut}, `unlock` {section}; and the
// `rebalance` request, answered from the last published admin state (it
// changes nothing, so it never reaches the main thread). docs/protocol.md.
#include <limits>

#include "net/protocol.hpp"

namespace facilita::net {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxSections = 1000;  // a plan longer than this is not a session's

ProtocolError fail(std::string message, std::optional<std::int64_t> seq) {
  return ProtocolError{"bad-message", std::move(message), seq};
}

// A list of whole numbers from `lo` to `hi`; nullopt when it is not one.
std::optional<std::vector<int>> int_list(const json& body, const char* key, std::int64_t lo, std::int64_t hi) {
  auto it = body.find(key);
  if (it == body.end() || !it->is_array() || it->size() > kMaxSections) return std::nullopt;
  std::vector<int> out;
  for (const auto& v : *it) {
    if (!v.is_number_integer()) return std::nullopt;
    const auto n = v.get<std::int64_t>();
    if (n < lo || n > hi) return std::nullopt;
    out.push_back(static_cast<int>(n));
  }
  return out;
}

}  // namespace

std::optional<std::variant<Command, ProtocolError>> plan_command(const std::string& name, const json& body,
                                                                 const AdminContext& context,
                                                                 std::optional<std::int64_t> seq) {
  if (name == "show") {
    auto what = body.find("what");
    if (what != body.end() && *what == "content") return Command{cmd::ShowOnProjector{ProjectorView::Content}};
    if (what != body.end() && *what == "results") return Command{cmd::ShowOnProjector{ProjectorView::Results}};
    return fail("show needs \"what\": \"content\" or \"results\"", seq);
  }
  if (name == "accept-rebalance") {
    auto durations = int_list(body, "durations_s", 1, 24 * 3600);
    if (!durations || durations->empty())
      return fail("accept-rebalance needs \"durations_s\": one duration in seconds per section", seq);
    auto cut = int_list(body, "cut", 0, static_cast<std::int64_t>(kMaxSections));
    if (!cut) return fail("accept-rebalance needs \"cut\": a list of 0-based section numbers", seq);
    return Command{cmd::AcceptRebalance{std::move(*durations), std::move(*cut)}};
  }
  if (name == "unlock") {
    auto s = body.find("section");
    if (s != body.end() && s->is_number_integer()) {
      auto index = s->get<std::int64_t>();
      if (index < 0 || index >= static_cast<std::int64_t>(context.section_ids.size()))
        return ProtocolError{"bad-section", "no section with that number", seq};
      return Command{cmd::UnlockPlan{static_cast<int>(index)}};
    }
    if (s == body.end() || !s->is_string() || s->get_ref<const std::string&>().empty())
      return fail("unlock needs \"section\": an id or a 0-based number", seq);
    for (std::size_t i = 0; i < context.section_ids.size(); ++i)
      if (context.section_ids[i] == *s) return Command{cmd::UnlockPlan{static_cast<int>(i)}};
    return ProtocolError{"bad-section", "no section with id " + s->get<std::string>().substr(0, 100), seq};
  }
  return std::nullopt;
}

std::optional<json> admin_query(const json& body, const AdminContext& context) {
  if (!body.is_object()) return std::nullopt;
  auto name = body.find("command");
  if (name == body.end() || *name != "rebalance") return std::nullopt;
  json reply{{"type", "rebalance"}};
  if (auto seq = body.find("seq"); seq != body.end() && seq->is_number_integer() && seq->get<std::int64_t>() >= 0 &&
                                   seq->get<std::int64_t>() <= kMaxSeq)
    reply["seq"] = *seq;
  if (context.rebalance.is_null()) {
    reply["type"] = "error";
    reply["code"] = "no-rebalance";
    reply["message"] = "there is nothing to rebalance before the start or after the end";
    return reply;
  }
  reply["proposal"] = context.rebalance;
  return reply;
}

}  // namespace facilita::net
