#include "net/fellow_decoder.hpp"

#include <cmath>
#include <cstdint>

namespace facilita::net {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxContents = 64;  // sections and reloads remembered by key

const json& field(const json& j, const char* key) {
  static const json null;
  if (!j.is_object()) return null;
  auto it = j.find(key);
  return it == j.end() ? null : *it;
}

std::string text(const json& j, const char* key) {
  const json& v = field(j, key);
  return v.is_string() ? v.get<std::string>() : std::string();
}

std::int64_t integer(const json& j, const char* key, std::int64_t fallback = 0) {
  const json& v = field(j, key);
  if (v.is_number_integer()) return v.get<std::int64_t>();
  if (v.is_number_float() && std::fabs(v.get<double>()) < 9e15) return static_cast<std::int64_t>(v.get<double>());
  return fallback;
}

int small(const json& j, const char* key, int fallback = 0) {
  const auto v = integer(j, key, fallback);
  return v > 1'000'000'000 || v < -1'000'000'000 ? fallback : static_cast<int>(v);
}

std::optional<std::int64_t> optional_ms(const json& j, const char* key) {
  const json& v = field(j, key);
  if (v.is_number()) return integer(j, key);
  return std::nullopt;
}

std::vector<std::string> strings(const json& j, const char* key) {
  std::vector<std::string> out;
  const json& v = field(j, key);
  if (v.is_array())
    for (const auto& item : v) out.push_back(item.is_string() ? item.get<std::string>() : item.dump());
  return out;
}

RoomStatus status_of(const std::string& s) {
  if (s == "running") return RoomStatus::Running;
  if (s == "paused") return RoomStatus::Paused;
  if (s == "ended") return RoomStatus::Ended;
  return RoomStatus::Waiting;
}

RoomPhase phase_of(const std::string& s) {
  if (s == "wrap-up") return RoomPhase::WrapUp;
  if (s == "overtime") return RoomPhase::Overtime;
  return RoomPhase::Normal;
}

FellowStep step_of(const json& j) {
  FellowStep s;
  s.id = text(j, "id");
  s.title = text(j, "title");
  s.text = text(j, "text");
  s.index = small(j, "index");
  s.count = small(j, "count");
  s.planned_s = small(j, "planned_s");
  s.remaining_s = small(j, "remaining_s");
  s.ends_at = optional_ms(j, "ends_at");
  return s;
}

FellowSection section_of(const json& j) {
  FellowSection s;
  s.id = text(j, "id");
  s.title = text(j, "title");
  s.index = small(j, "index");
  s.count = small(j, "count");
  s.planned_s = small(j, "planned_s");
  s.remaining_s = small(j, "remaining_s");
  s.phase = phase_of(text(j, "phase"));
  s.ends_at = optional_ms(j, "ends_at");
  s.content_key = text(j, "content_key");
  if (const json& step = field(j, "step"); step.is_object()) s.step = step_of(step);
  if (const json& steps = field(j, "steps"); steps.is_array())
    for (const auto& item : steps)
      if (item.is_object() && s.steps.size() < 100) s.steps.push_back(step_of(item));
  return s;
}

FellowPrompt prompt_of(const json& j) {
  FellowPrompt p;
  p.id = text(j, "id");
  p.kind = text(j, "kind");
  p.text = text(j, "text");
  p.options = strings(j, "options");
  p.open = field(j, "open") == true;
  p.revealed = field(j, "revealed") == true;
  if (const json& sc = field(j, "scale"); sc.is_object())
    p.scale = FellowScale{small(sc, "min", 1), small(sc, "max", 5), strings(sc, "labels")};
  p.time_s = small(j, "time_s");
  p.closes_at = optional_ms(j, "closes_at");
  return p;
}

FellowResults results_of(const json& j) {
  FellowResults r;
  r.answered = small(j, "answered");
  r.participants = small(j, "participants");
  if (const json& texts = field(j, "texts"); texts.is_array()) {
    r.text = true;
    r.texts = strings(j, "texts");
    if (const json& words = field(j, "top_words"); words.is_array())
      for (const auto& w : words) r.top_words.emplace_back(text(w, "word"), small(w, "count"));
    return r;
  }
  if (const json& options = field(j, "options"); options.is_array())
    for (const auto& o : options) {
      const json& percent = field(o, "percent");
      r.options.push_back({text(o, "label"), small(o, "count"), percent.is_number() ? percent.get<double>() : 0.0,
                           field(o, "correct") == true});
    }
  if (const json& mean = field(j, "mean"); mean.is_number()) r.mean = mean.get<double>();
  return r;
}

}  // namespace

bool FellowDecoder::apply(const json& message) {
  const std::string type = text(message, "type");
  if (type == "state") {
    apply_state(message);
    return true;
  }
  if (type == "content") {
    const std::string key = text(message, "key");
    const json& content = field(message, "content");
    if (key.empty() || !content.is_string()) return false;
    if (contents_.size() >= kMaxContents) contents_.clear();
    auto stored = std::make_shared<const std::string>(content.get<std::string>());
    contents_[key] = stored;
    if (state_.section && state_.section->content_key == key && !state_.content) {
      state_.content = stored;
      return true;
    }
    return false;
  }
  if (type == "you") {
    apply_you(message);
    return true;
  }
  if (type == "live") {
    if (!state_.known || integer(message, "version") < state_.version) return false;
    state_.version = integer(message, "version");
    state_.answered = small(message, "answered", state_.answered);
    state_.participants = small(message, "participants", state_.participants);
    return true;
  }
  return false;
}

void FellowDecoder::apply_state(const json& m) {
  FellowState s;
  s.known = true;
  s.version = integer(m, "version");
  s.server_time = integer(m, "server_time");
  const json& session = field(m, "session");
  s.session_id = text(session, "id");
  s.session_title = text(session, "title");
  s.language = text(session, "language");
  s.status = status_of(text(m, "status"));
  if (const json& sec = field(m, "section"); sec.is_object()) {
    s.section = section_of(sec);
    if (const json& inline_content = field(sec, "content"); inline_content.is_string()) {
      s.content = std::make_shared<const std::string>(inline_content.get<std::string>());
    } else if (auto it = contents_.find(s.section->content_key); it != contents_.end()) {
      s.content = it->second;
    }
  }
  if (const json& next = field(m, "next_section"); next.is_object()) s.next_section_title = text(next, "title");
  if (const json& p = field(m, "prompt"); p.is_object()) s.prompt = prompt_of(p);
  if (const json& r = field(m, "results"); r.is_object()) s.results = results_of(r);
  s.answered = small(m, "answered");
  s.participants = small(m, "participants");
  if (const json& msg = field(m, "message"); msg.is_string()) s.message = msg.get<std::string>();
  if (const json& b = field(m, "break"); b.is_object() && field(b, "until").is_number_integer())
    s.break_until = field(b, "until").get<std::int64_t>();
  s.you = std::move(state_.you);
  state_ = std::move(s);
}

namespace {
std::vector<std::string> strings_of(const json& list) {
  std::vector<std::string> out;
  if (list.is_array())
    for (const auto& item : list)
      if (item.is_string()) out.push_back(item.get<std::string>());
  return out;
}
}  // namespace

void FellowDecoder::apply_you(const json& m) {
  FellowYou you;
  you.known = true;
  if (const json& answers = field(m, "answers"); answers.is_object())
    for (auto it = answers.begin(); it != answers.end(); ++it) {
      FellowVerdict v;
      v.verdict = text(it.value(), "verdict");
      if (v.verdict != "right" && v.verdict != "wrong" && v.verdict != "partial") v.verdict.clear();
      v.right = strings_of(field(it.value(), "right"));
      v.missing = strings_of(field(it.value(), "missing"));
      v.extra = strings_of(field(it.value(), "extra"));
      you.answers[it.key()] = std::move(v);
    }
  if (const json& scores = field(m, "scores"); scores.is_array())
    for (const auto& s : scores)
      you.scores.push_back({text(s, "section"), text(s, "title"), small(s, "right"), small(s, "of")});
  state_.you = std::move(you);
}

FellowValue fellow_value(const json& value) {
  FellowValue v;
  if (value.is_string()) v.text = value.get<std::string>();
  if (value.is_number_integer() && value.get<std::int64_t>() >= INT32_MIN && value.get<std::int64_t>() <= INT32_MAX)
    v.number = static_cast<int>(value.get<std::int64_t>());
  if (value.is_array()) {
    v.is_list = true;
    for (const auto& item : value)
      if (item.is_string()) v.list.push_back(item.get<std::string>());
  }
  return v;
}

json to_json(const FellowValue& value) {
  if (value.is_list) return value.list;
  if (value.number) return *value.number;
  if (value.text) return *value.text;
  return nullptr;
}

}  // namespace facilita::net
