#include "core/event_json.hpp"

#include <array>
#include <limits>
#include <stdexcept>
#include <type_traits>

namespace facilita {
namespace {

using nlohmann::json;

// Indexed like EventData's alternatives; the static_assert keeps them in step.
constexpr auto kTypeNames = std::to_array<const char*>({
    "started",         "paused",        "resumed",         "section-changed", "adjusted",
    "rebalanced",      "undone",        "prompt-opened",   "prompt-closed",   "prompt-revealed",
    "answer-hidden",   "joined",        "answered",        "outage-recorded", "outage-paused",
    "ended",           "session-reloaded", "round-started",
    "step-changed",
    "message-shown",   "message-cleared", "break-started",   "break-ended",
    "question-asked",  "question-upvoted", "question-moderated", "question-projected", "moderation-set",
    "plan-unlocked",   "answer-unhidden", "projector-shown",
});
static_assert(kTypeNames.size() == std::variant_size_v<EventData>, "name every event type");

[[noreturn]] void fail(std::string_view type, const std::string& message) {
  throw std::runtime_error("event '" + std::string(type) + "': " + message);
}

const char* json_kind(const json& j) { return j.type_name(); }

// Reads the fields of one event object, naming the event and field on error.
class FieldReader {
 public:
  FieldReader(const json& j, std::string_view type) : j_(j), type_(type) {}

  const json& at(const char* key) const {
    auto it = j_.find(key);
    if (it == j_.end()) fail(type_, std::string("missing field '") + key + "'");
    return *it;
  }
  std::string str(const char* key) const {
    const json& v = at(key);
    if (!v.is_string()) fail(type_, std::string("field '") + key + "' must be a string, not " + json_kind(v));
    return v.get<std::string>();
  }
  std::int64_t int64(const char* key) const { return integer_of(at(key), key); }
  bool boolean(const char* key) const {
    const json& v = at(key);
    if (!v.is_boolean()) fail(type_, std::string("field '") + key + "' must be a boolean, not " + json_kind(v));
    return v.get<bool>();
  }
  int int32(const char* key) const { return narrow(int64(key), key); }
  std::vector<int> ints(const char* key) const {
    const json& v = at(key);
    if (!v.is_array()) fail(type_, std::string("field '") + key + "' must be an array, not " + json_kind(v));
    std::vector<int> out;
    out.reserve(v.size());
    for (const auto& item : v) out.push_back(narrow(integer_of(item, key), key));
    return out;
  }
  ProjectorView view(const char* key) const {
    const std::string v = str(key);
    if (v == "content") return ProjectorView::Content;
    if (v == "results") return ProjectorView::Results;
    fail(type_, std::string("field '") + key + "' must be \"content\" or \"results\"");
  }
  AnswerValue value(const char* key) const {
    try {
      return answer_value_from_json(at(key));
    } catch (const std::runtime_error& e) {
      fail(type_, std::string("field '") + key + "': " + e.what());
    }
  }

 private:
  std::int64_t integer_of(const json& v, const char* key) const {
    if (v.is_number_unsigned()) {
      if (v.get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        fail(type_, std::string("field '") + key + "' is out of range");
      return static_cast<std::int64_t>(v.get<std::uint64_t>());
    }
    if (!v.is_number_integer())
      fail(type_, std::string("field '") + key + "' must be an integer, not " + json_kind(v));
    return v.get<std::int64_t>();
  }
  int narrow(std::int64_t n, const char* key) const {
    if (n < std::numeric_limits<int>::min() || n > std::numeric_limits<int>::max())
      fail(type_, std::string("field '") + key + "' is out of range");
    return static_cast<int>(n);
  }

  const json& j_;
  std::string_view type_;
};

json fields_of(const EventData& data) {
  return std::visit(
      [](const auto& e) -> json {
        using T = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<T, ev::SectionChanged>) return {{"from", e.from}, {"to", e.to}};
        else if constexpr (std::is_same_v<T, ev::Adjusted>) return {{"section", e.section}, {"delta_s", e.delta_s}};
        else if constexpr (std::is_same_v<T, ev::Rebalanced>) return {{"durations_s", e.durations_s}, {"cut", e.cut}};
        else if constexpr (std::is_same_v<T, ev::PromptOpened> || std::is_same_v<T, ev::PromptClosed> ||
                           std::is_same_v<T, ev::PromptRevealed> || std::is_same_v<T, ev::RoundStarted>)
          return {{"prompt", e.prompt}};
        else if constexpr (std::is_same_v<T, ev::AnswerHidden> || std::is_same_v<T, ev::AnswerUnhidden>)
          return {{"prompt", e.prompt}, {"participant", e.participant}};
        else if constexpr (std::is_same_v<T, ev::Joined>) return {{"participant", e.participant}, {"name", e.name}};
        else if constexpr (std::is_same_v<T, ev::Answered>)
          return {{"participant", e.participant}, {"prompt", e.prompt}, {"value", to_json(e.value)}, {"seq", e.seq}};
        else if constexpr (std::is_same_v<T, ev::OutageRecorded> || std::is_same_v<T, ev::OutagePaused>)
          return {{"from", e.from}, {"to", e.to}};
        else if constexpr (std::is_same_v<T, ev::StepChanged>)
          return {{"section", e.section}, {"from", e.from}, {"to", e.to}};
        else if constexpr (std::is_same_v<T, ev::MessageShown>) return {{"text", e.text}};
        else if constexpr (std::is_same_v<T, ev::BreakStarted>) return {{"until", e.until}};
        else if constexpr (std::is_same_v<T, ev::SessionReloaded>)
          return {{"file_hash", e.file_hash}, {"old_index", e.old_index}, {"planned_s", e.planned_s}};
        else if constexpr (std::is_same_v<T, ev::Asked>)
          return {{"question", e.question}, {"participant", e.participant}, {"text", e.text},
                  {"anonymous", e.anonymous}, {"seq", e.seq}};
        else if constexpr (std::is_same_v<T, ev::Upvoted>)
          return {{"question", e.question}, {"participant", e.participant}, {"seq", e.seq}};
        else if constexpr (std::is_same_v<T, ev::QuestionModerated>)
          return {{"question", e.question}, {"action", e.action}};
        else if constexpr (std::is_same_v<T, ev::QuestionProjected>) return {{"question", e.question}};
        else if constexpr (std::is_same_v<T, ev::ModerationSet>) return {{"on", e.on}};
        else if constexpr (std::is_same_v<T, ev::PlanUnlocked>) return {{"section", e.section}};
        else if constexpr (std::is_same_v<T, ev::ProjectorShown>)
          return {{"what", e.what == ProjectorView::Content ? "content" : "results"}};
        else
          return json::object();  // Started, Paused, Resumed, Undone, Ended, MessageCleared, BreakEnded: no fields
      },
      data);
}

EventData data_from(std::size_t index, const FieldReader& f) {
  switch (index) {
    case 0: return ev::Started{};
    case 1: return ev::Paused{};
    case 2: return ev::Resumed{};
    case 3: return ev::SectionChanged{f.int32("from"), f.int32("to")};
    case 4: return ev::Adjusted{f.int32("section"), f.int32("delta_s")};
    case 5: return ev::Rebalanced{f.ints("durations_s"), f.ints("cut")};
    case 6: return ev::Undone{};
    case 7: return ev::PromptOpened{f.str("prompt")};
    case 8: return ev::PromptClosed{f.str("prompt")};
    case 9: return ev::PromptRevealed{f.str("prompt")};
    case 10: return ev::AnswerHidden{f.str("prompt"), f.str("participant")};
    case 11: return ev::Joined{f.str("participant"), f.str("name")};
    case 12: return ev::Answered{f.str("participant"), f.str("prompt"), f.value("value"), f.int64("seq")};
    case 13: return ev::OutageRecorded{f.int64("from"), f.int64("to")};
    case 14: return ev::OutagePaused{f.int64("from"), f.int64("to")};
    case 15: return ev::Ended{};
    case 16: return ev::SessionReloaded{f.str("file_hash"), f.ints("old_index"), f.ints("planned_s")};
    case 17: return ev::RoundStarted{f.str("prompt")};
    case 18: return ev::StepChanged{f.int32("section"), f.int32("from"), f.int32("to")};
    case 19: return ev::MessageShown{f.str("text")};
    case 20: return ev::MessageCleared{};
    case 21: return ev::BreakStarted{f.int64("until")};
    case 22: return ev::BreakEnded{};
    case 23: return ev::Asked{f.str("question"), f.str("participant"), f.str("text"), f.boolean("anonymous"), f.int64("seq")};
    case 24: return ev::Upvoted{f.str("question"), f.str("participant"), f.int64("seq")};
    case 25: return ev::QuestionModerated{f.str("question"), f.str("action")};
    case 26: return ev::QuestionProjected{f.str("question")};
    case 27: return ev::ModerationSet{f.boolean("on")};
    case 28: return ev::PlanUnlocked{f.int32("section")};
    case 29: return ev::AnswerUnhidden{f.str("prompt"), f.str("participant")};
    case 30: return ev::ProjectorShown{f.view("what")};
    default: throw std::logic_error("event type index out of range");  // kTypeNames and this switch disagree
  }
}

}  // namespace

nlohmann::json to_json(const AnswerValue& value) {
  return std::visit([](const auto& v) { return json(v); }, value);
}

AnswerValue answer_value_from_json(const nlohmann::json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_number_integer()) {
    bool fits = j.is_number_unsigned() ? j.get<std::uint64_t>() <= static_cast<std::uint64_t>(std::numeric_limits<int>::max())
                                       : (j.get<std::int64_t>() >= std::numeric_limits<int>::min() &&
                                          j.get<std::int64_t>() <= std::numeric_limits<int>::max());
    if (!fits) throw std::runtime_error("answer value " + j.dump() + " is out of range");
    return j.get<int>();
  }
  if (j.is_array()) {
    std::vector<std::string> items;
    items.reserve(j.size());
    for (const auto& item : j) {
      if (!item.is_string())
        throw std::runtime_error(std::string("answer list items must be strings, not ") + json_kind(item));
      items.push_back(item.get<std::string>());
    }
    return items;
  }
  throw std::runtime_error(std::string("answer value must be a string, a list of strings or an integer, not ") +
                           json_kind(j));
}

const char* event_type_name(const EventData& data) { return kTypeNames[data.index()]; }

nlohmann::json to_json(const Event& event) {
  json j = fields_of(event.data);
  j["type"] = event_type_name(event.data);
  j["at"] = event.at;
  return j;
}

Event event_from_json(const nlohmann::json& j) {
  if (!j.is_object()) throw std::runtime_error(std::string("event must be a JSON object, not ") + json_kind(j));
  auto type_it = j.find("type");
  if (type_it == j.end() || !type_it->is_string())
    throw std::runtime_error("event has no string field 'type': " + j.dump().substr(0, 120));
  const std::string type = type_it->get<std::string>();
  std::size_t index = kTypeNames.size();
  for (std::size_t i = 0; i < kTypeNames.size(); ++i)
    if (type == kTypeNames[i]) index = i;
  if (index == kTypeNames.size()) throw std::runtime_error("unknown event type '" + type + "'");
  FieldReader fields(j, type);
  Event event;
  event.at = fields.int64("at");
  event.data = data_from(index, fields);
  return event;
}

}  // namespace facilita
