#include "net/protocol.hpp"

#include <array>
#include <boost/uuid/name_generator_sha1.hpp>
#include <cmath>
#include <random>

namespace facilita::net {
namespace {

using nlohmann::json;

ProtocolError fail(std::string code, std::string message, std::optional<std::int64_t> seq = std::nullopt) {
  return ProtocolError{std::move(code), std::move(message), seq};
}

std::size_t code_points(std::string_view s) {  // input is valid UTF-8 (the JSON parser checks)
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool has_control(std::string_view s, bool allow_newlines) {
  for (unsigned char c : s) {
    if (c == 0x7F) return true;
    if (c < 0x20 && !(allow_newlines && (c == '\n' || c == '\r' || c == '\t'))) return true;
  }
  return false;
}

std::optional<std::int64_t> get_seq(const json& j) {
  auto it = j.find("seq");
  if (it == j.end() || !it->is_number_integer()) return std::nullopt;
  auto v = it->get<std::int64_t>();
  if (v < 0 || v > kMaxSeq) return std::nullopt;
  return v;
}

std::optional<std::string> get_id(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return std::nullopt;
  auto s = it->get<std::string>();
  if (s.empty() || s.size() > kMaxIdBytes || has_control(s, false)) return std::nullopt;
  return s;
}

std::variant<AnswerValue, ProtocolError> parse_value(const json& v, std::int64_t seq) {
  if (v.is_string()) {
    auto s = v.get<std::string>();
    if (has_control(s, true)) return fail("bad-value", "the answer contains control characters", seq);
    return AnswerValue{std::move(s)};
  }
  if (v.is_array()) {
    if (v.size() > kMaxMultiChoices) return fail("bad-value", "too many choices", seq);
    std::vector<std::string> choices;
    for (const auto& item : v) {
      if (!item.is_string()) return fail("bad-value", "choices must be strings", seq);
      auto s = item.get<std::string>();
      if (s.size() > 500 || has_control(s, false)) return fail("bad-value", "a choice is not valid", seq);
      choices.push_back(std::move(s));
    }
    return AnswerValue{std::move(choices)};
  }
  if (v.is_number()) {
    double d = v.get<double>();
    if (!std::isfinite(d) || d != std::floor(d) || std::fabs(d) > 1e6)
      return fail("bad-value", "a scale answer is a whole number", seq);
    return AnswerValue{static_cast<int>(d)};
  }
  return fail("bad-value", "the value must be a string, a list of strings or a number", seq);
}

std::variant<ClientMessage, ProtocolError> parse_hello(const json& j) {
  HelloMsg hello;
  if (auto it = j.find("admin"); it != j.end()) {
    if (!it->is_string() || it->get_ref<const std::string&>().size() > 200)
      return fail("forbidden", "the admin token is not valid");
    hello.admin = it->get<std::string>();
    return ClientMessage{std::move(hello)};
  }
  auto name = j.find("name");
  if (name == j.end() || !name->is_string()) return fail("bad-name", "hello needs a name");
  auto cleaned = clean_name(name->get_ref<const std::string&>());
  if (!cleaned) return fail("bad-name", "a name has 1 to 40 characters, without control characters");
  hello.name = std::move(*cleaned);
  if (auto token = j.find("token"); token != j.end() && token->is_string())
    hello.token = token->get<std::string>().substr(0, 64);
  return ClientMessage{std::move(hello)};
}

std::variant<ClientMessage, ProtocolError> parse_answer(const json& j) {
  auto seq = get_seq(j);
  if (!seq) return fail("bad-message", "an answer needs a seq: a whole number from 0");
  auto prompt = get_id(j, "prompt");
  if (!prompt) return fail("bad-message", "an answer needs a prompt id", seq);
  auto value = j.find("value");
  if (value == j.end()) return fail("bad-value", "an answer needs a value", seq);
  auto parsed = parse_value(*value, *seq);
  if (auto* e = std::get_if<ProtocolError>(&parsed)) return *e;
  return ClientMessage{AnswerMsg{std::move(*prompt), std::move(std::get<AnswerValue>(parsed)), *seq}};
}

std::variant<ClientMessage, ProtocolError> parse_ask(const json& j) {
  auto seq = get_seq(j);
  if (!seq) return fail("bad-message", "a question needs a seq: a whole number from 0");
  auto text = j.find("text");
  if (text == j.end() || !text->is_string()) return fail("bad-message", "a question needs \"text\": a string", seq);
  bool anonymous = true;
  if (auto a = j.find("anonymous"); a != j.end()) {
    if (!a->is_boolean()) return fail("bad-message", "\"anonymous\" is true or false", seq);
    anonymous = a->get<bool>();
  }
  if (text->get_ref<const std::string&>().size() > kMaxQuestionBytes)
    return fail("bad-text", "a question has at most 280 characters", seq);
  return ClientMessage{AskMsg{text->get<std::string>(), anonymous, *seq}};
}

std::variant<ClientMessage, ProtocolError> parse_upvote(const json& j) {
  auto seq = get_seq(j);
  if (!seq) return fail("bad-message", "an upvote needs a seq: a whole number from 0");
  auto question = get_id(j, "question");
  if (!question) return fail("bad-message", "an upvote needs \"question\": a question id", seq);
  return ClientMessage{UpvoteMsg{std::move(*question), *seq}};
}

}  // namespace

std::variant<ClientMessage, ProtocolError> parse_client_message(std::string_view text) {
  // The JSON parser takes a raw NUL byte for the end of its input, so "{…}\0anything"
  // would pass as "{…}". JSON text has no raw NUL (inside a string it is \u0000).
  if (text.find('\0') != std::string_view::npos) return fail("bad-json", "the message is not valid JSON");
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return fail("bad-json", "the message is not valid JSON");
  if (!j.is_object()) return fail("bad-message", "a message is a JSON object");
  auto type = j.find("type");
  if (type == j.end() || !type->is_string()) return fail("bad-message", "a message needs a type", get_seq(j));
  const auto& t = type->get_ref<const std::string&>();
  if (t == "hello") return parse_hello(j);
  if (t == "answer") return parse_answer(j);
  if (t == "command") return ClientMessage{CommandMsg{j, get_seq(j)}};
  if (t == "ping") return ClientMessage{PingMsg{j.value("t", json())}};
  if (t == "ask") return parse_ask(j);
  if (t == "upvote") return parse_upvote(j);
  return fail("bad-message", "unknown message type", get_seq(j));
}

AdminContext admin_context_from(const json& state) {
  AdminContext context;
  if (!state.is_object()) return context;
  if (auto admin = state.find("admin"); admin != state.end() && admin->is_object()) {
    if (auto sections = admin->find("sections"); sections != admin->end() && sections->is_array())
      for (const auto& s : *sections) context.section_ids.push_back(s.value("id", ""));
    context.open_prompt = admin->value("open_prompt", "");
    if (auto plan = admin->find("rebalance"); plan != admin->end()) context.rebalance = *plan;
  }
  if (auto prompt = state.find("prompt"); prompt != state.end() && prompt->is_object())
    context.displayed_prompt = prompt->value("id", "");
  return context;
}

// Room messages and breaks: `message` {text}, `clear-message`, `break` {minutes | until}, `end-break`.
static std::variant<Command, ProtocolError> room_command(const std::string& name, const json& body,
                                                        const AdminContext& context, std::optional<std::int64_t> seq) {
  if (name == "clear-message") return Command{cmd::ClearMessage{}};
  if (name == "end-break") return Command{cmd::EndBreak{}};
  if (name == "message") {
    auto text = body.find("text");
    if (text == body.end() || !text->is_string()) return fail("bad-message", "message needs \"text\"", seq);
    if (text->get_ref<const std::string&>().size() > 4 * kMaxRoomMessageChars)
      return fail("bad-text", "a message is 1 to 140 characters on one line", seq);
    return Command{cmd::ShowMessage{text->get<std::string>()}};
  }
  if (auto m = body.find("minutes"); m != body.end()) {
    if (!m->is_number_integer() || m->get<std::int64_t>() < 1 || m->get<std::int64_t>() > kMaxBreakMinutes)
      return fail("bad-message", "\"minutes\" is a whole number from 1 to 240", seq);
    return Command{cmd::StartBreak{context.now + m->get<std::int64_t>() * 60'000}};
  }
  if (auto u = body.find("until"); u != body.end()) {
    if (!u->is_number_integer()) return fail("bad-message", "\"until\" is a time in ms since the epoch", seq);
    return Command{cmd::StartBreak{u->get<std::int64_t>()}};
  }
  return fail("bad-message", "break needs \"minutes\" (1 to 240) or \"until\"", seq);
}

namespace {

// approve-question, hide-question, unhide-question, answered-question,
// unanswered-question {question}; project-question {question or ""}; moderation {on}.
std::optional<std::variant<Command, ProtocolError>> question_command(const std::string& name, const json& body,
                                                                     std::optional<std::int64_t> seq) {
  static constexpr std::pair<std::string_view, std::string_view> kActions[] = {
      {"approve-question", "approve"}, {"hide-question", "hide"}, {"unhide-question", "unhide"},
      {"answered-question", "answered"}, {"unanswered-question", "unanswered"}};
  for (const auto& [command, action] : kActions) {
    if (name != command) continue;
    auto question = get_id(body, "question");
    if (!question) return fail("bad-message", name + " needs \"question\": a question id", seq);
    return Command{cmd::ModerateQuestion{*question, std::string(action)}};
  }
  if (name == "project-question") {
    auto it = body.find("question");
    if (it != body.end() && it->is_string() && it->get_ref<const std::string&>().empty())
      return Command{cmd::ProjectQuestion{""}};
    if (it == body.end() || it->is_null()) return Command{cmd::ProjectQuestion{""}};
    auto question = get_id(body, "question");
    if (!question) return fail("bad-message", "project-question needs \"question\": an id or \"\"", seq);
    return Command{cmd::ProjectQuestion{*question}};
  }
  if (name == "moderation") {
    auto on = body.find("on");
    if (on == body.end() || !on->is_boolean()) return fail("bad-message", "moderation needs \"on\": true or false", seq);
    return Command{cmd::SetModeration{on->get<bool>()}};
  }
  return std::nullopt;
}

}  // namespace

std::variant<Command, ProtocolError> admin_command(const json& body, const AdminContext& context) {
  if (!body.is_object()) return fail("bad-message", "the request body is a JSON object");
  auto seq = get_seq(body);
  auto name_it = body.find("command");
  if (name_it == body.end() || !name_it->is_string()) return fail("bad-message", "missing \"command\"", seq);
  const auto& name = name_it->get_ref<const std::string&>();

  if (name == "start") return Command{cmd::Start{}};
  if (name == "pause") return Command{cmd::Pause{}};
  if (name == "resume") return Command{cmd::Resume{}};
  if (name == "next") return Command{cmd::Next{}};
  if (name == "prev" || name == "previous") return Command{cmd::Previous{}};
  if (name == "undo") return Command{cmd::Undo{}};
  if (name == "end") return Command{cmd::End{}};
  if (name == "outage-as-pause") return Command{cmd::OutageAsPause{}};
  if (name == "next-step") return Command{cmd::NextStep{}};
  if (name == "previous-step") return Command{cmd::PreviousStep{}};
  if (name == "goto") {
    auto s = body.find("section");
    if (s != body.end() && s->is_number_integer()) {
      auto index = s->get<std::int64_t>();
      if (index < 0 || index >= static_cast<std::int64_t>(context.section_ids.size()))
        return fail("bad-section", "no section with that number", seq);
      return Command{cmd::GoTo{static_cast<int>(index)}};
    }
    auto id = get_id(body, "section");
    if (!id) return fail("bad-message", "goto needs \"section\": an id or a 0-based number", seq);
    for (std::size_t i = 0; i < context.section_ids.size(); ++i)
      if (context.section_ids[i] == *id) return Command{cmd::GoTo{static_cast<int>(i)}};
    return fail("bad-section", "no section with id " + *id, seq);
  }
  if (name == "extend" || name == "shorten") {
    int minutes = 1;
    if (auto m = body.find("minutes"); m != body.end()) {
      if (!m->is_number_integer() || m->get<std::int64_t>() < 1 || m->get<std::int64_t>() > kMaxAdjustMinutes)
        return fail("bad-message", "\"minutes\" is a whole number from 1 to 60", seq);
      minutes = m->get<int>();
    }
    return Command{cmd::Adjust{(name == "extend" ? 60 : -60) * minutes}};
  }
  if (name == "open" || name == "close" || name == "reveal" || name == "hide" || name == "unhide" ||
      name == "new-round") {
    auto prompt = get_id(body, "prompt");
    if (!prompt && name == "close" && !context.open_prompt.empty()) prompt = context.open_prompt;
    if (!prompt && name == "reveal" && !context.displayed_prompt.empty()) prompt = context.displayed_prompt;
    if (!prompt) return fail("bad-message", name + " needs \"prompt\": a prompt id", seq);
    if (name == "open") return Command{cmd::OpenPrompt{*prompt}};
    if (name == "close") return Command{cmd::ClosePrompt{*prompt}};
    if (name == "reveal") return Command{cmd::RevealPrompt{*prompt}};
    if (name == "new-round") return Command{cmd::NewRound{*prompt}};
    auto participant = get_id(body, "participant");
    if (!participant) return fail("bad-message", name + " needs \"participant\": a participant id", seq);
    if (name == "unhide") return Command{cmd::UnhideAnswer{*prompt, *participant}};
    return Command{cmd::HideAnswer{*prompt, *participant}};
  }
  if (name == "message" || name == "clear-message" || name == "break" || name == "end-break")
    return room_command(name, body, context, seq);
  if (auto question = question_command(name, body, seq)) return *question;
  if (auto plan = plan_command(name, body, context, seq)) return *plan;
  if (name == "rebalance") return fail("bad-message", "rebalance is answered by admin_query", seq);
  return fail("bad-message", "unknown command: " + name.substr(0, 40), seq);
}

json error_json(std::string_view code, std::string_view message, std::optional<std::int64_t> seq) {
  json j{{"type", "error"}, {"code", code}, {"message", message}};
  if (seq) j["seq"] = *seq;
  return j;
}

json ack_json(std::int64_t seq, bool duplicate) {
  return {{"type", "ack"}, {"seq", seq}, {"duplicate", duplicate}};
}

std::string random_token() {
  std::random_device device;  // the OS entropy source on Linux
  static constexpr char kHex[] = "0123456789abcdef";
  std::string token;
  for (int i = 0; i < 4; ++i) {
    std::uint32_t word = device();
    for (int b = 0; b < 8; ++b, word >>= 4) token += kHex[word & 0xF];
  }
  return token;
}

bool is_valid_token(std::string_view token) {
  if (token.size() != 32) return false;
  for (char c : token)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

std::string participant_id(std::string_view token) {
  // A name-based (SHA-1) UUID: knowing someone's public id does not let
  // anyone forge a token that maps to it.
  static const boost::uuids::uuid kNamespace{{0x5f, 0x1a, 0x7c, 0x2e, 0x91, 0x04, 0x4b, 0x8d, 0xa3, 0x6e,
                                              0x0c, 0x55, 0xd2, 0x19, 0xf0, 0x47}};
  boost::uuids::name_generator_sha1 generator(kNamespace);
  boost::uuids::uuid id = generator(token.data(), token.size());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "p-";
  for (int i = 0; i < 6; ++i) {  // the first bytes are pure hash (version bits come later)
    out += kHex[id.data[i] >> 4];
    out += kHex[id.data[i] & 0xF];
  }
  return out;
}

bool tokens_equal(std::string_view a, std::string_view b) {
  if (b.empty()) return false;
  unsigned diff = a.size() != b.size() ? 1u : 0u;
  for (std::size_t i = 0; i < b.size(); ++i)
    diff |= static_cast<unsigned char>(i < a.size() ? a[i] : 0) ^ static_cast<unsigned char>(b[i]);
  return diff == 0;
}

std::optional<std::string> clean_name(std::string_view name) {
  auto first = name.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return std::nullopt;
  auto last = name.find_last_not_of(" \t\r\n");
  std::string_view trimmed = name.substr(first, last - first + 1);
  if (has_control(trimmed, false) || code_points(trimmed) > facilita::kMaxNameChars) return std::nullopt;
  return std::string(trimmed);
}

// ------------------------------------------------------------- public errors

namespace {
// Rejection codes of core/engine_decide.cpp and session_reload.cpp: their
// messages are made from the session and the command, never from files.
constexpr std::string_view kEngineCodes[] = {
    "already-joined", "already-open",     "already-revealed", "already-started", "answer-hidden",
    "bad-name",       "bad-outage",       "bad-participant",  "bad-plan",        "bad-section",
    "bad-state",      "bad-value",        "current-removed",  "ended",           "first-section",
    "last-section",   "needs-edited-session", "no-answer",    "no-change",       "no-outage",
    "no-undo",        "not-joined",       "not-opened",       "not-paused",      "not-running",
    "not-started",    "not-text",         "outage-paused",    "outage-recorded", "outage-stale",
    "prompt-closed",  "prompt-opened",    "prompt-revealed",  "rename-limit",    "room-full",
    "same-section",   "section-changed",  "section-cut",      "seq-reused",      "too-long",
    "too-short",      "unknown-prompt",   "wrap-up",
    "no-steps",       "last-step",        "first-step",
    "bad-text",       "bad-time",         "no-message",       "no-break",        "on-break",
    // questions
    "too-many-questions", "too-soon",     "unknown-question", "own-question",
    "qa-full",        "question-hidden",  "bad-action",
    // projector view, text answers, hand-set plans
    "no-results",     "already-shown",    "already-hidden",   "not-hidden",      "not-locked",
};

bool is_code(std::string_view code) {  // short lowercase kebab-case
  if (code.empty() || code.size() > 40) return false;
  for (char c : code)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}
}  // namespace

ProtocolError public_error(const DispatchResult& r, std::optional<std::int64_t> seq) {
  if (r.code == "storage")
    return fail("storage", "the server could not save this; nothing changed, try again in a moment", seq);
  for (std::string_view known : kEngineCodes)
    if (r.code == known) return fail(r.code, r.message, seq);
  if (!is_code(r.code) || r.code == "internal")
    return fail("internal", "the server could not handle this request", seq);
  return fail(r.code, "the request was refused (" + r.code + ")", seq);
}

}  // namespace facilita::net
