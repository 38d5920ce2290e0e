// libFuzzer target: fellow and admin messages, as the server receives them,
// through the protocol parser into decide/apply on the real module.
//
// Input: lines. The first byte of a line moves a fake clock ((byte - 40) s, so
// it also steps back); the rest is one message: a WebSocket frame
// ({"type":"hello"|"answer"|"command"|"ping",...}) or, when that does not
// parse as one, a POST /api/admin body ({"command":...}). Answers come from
// the participant of the last hello, as on one WebSocket.
//
// After every message: no crash, no event before the last one, nothing
// journaled after End, never a prompt both open and revealed, and fellows
// never see results or a correct mark for a prompt that takes answers. At the
// end, replaying the journal (through its JSON form) rebuilds the state.
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/event_json.hpp"
#include "core/loader.hpp"
#include "core/snapshot.hpp"
#include "core/timers.hpp"
#include "net/protocol.hpp"

namespace {

using namespace facilita;

constexpr std::size_t kMaxMessages = 256;
constexpr Millis kT0 = 1'700'000'000'000;

const Session& module() {
  static const Session session = [] {
    std::ifstream in(FACILITA_SOURCE_DIR "/sessions/m2-s3-gobierno-abierto.yaml", std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    LoadResult loaded = load_session(text.str());
    if (!loaded.ok()) __builtin_trap();
    return *loaded.session;
  }();
  return session;
}

void check(bool ok) {
  if (!ok) __builtin_trap();
}

// What the server knows when it reads an admin command (as admin_context_from
// would take from the published admin state, without building that state).
net::AdminContext context_of(const Session& session, const State& state) {
  net::AdminContext context;
  for (const auto& section : session.sections) context.section_ids.push_back(section.id);
  context.open_prompt = state.open_prompt;
  if (const Prompt* p = displayed_prompt(session, state)) context.displayed_prompt = p->id;
  return context;
}

// The command a message asks for, if any; `participant` follows hellos.
std::optional<Command> command_of(std::string_view text, const Session& session, const State& state,
                                  std::string& participant) {
  auto parsed = net::parse_client_message(text);
  if (auto* message = std::get_if<net::ClientMessage>(&parsed)) {
    if (auto* hello = std::get_if<net::HelloMsg>(message)) {
      if (hello->admin) return std::nullopt;
      participant = net::is_valid_token(hello->token) ? net::participant_id(hello->token) : "p-fuzz";
      return cmd::Join{participant, hello->name};
    }
    if (auto* answer = std::get_if<net::AnswerMsg>(message)) {
      if (participant.empty()) return std::nullopt;
      return cmd::Answer{participant, answer->prompt, answer->value, answer->seq};
    }
    if (auto* command = std::get_if<net::CommandMsg>(message)) {
      auto made = net::admin_command(command->body, context_of(session, state));
      if (auto* c = std::get_if<Command>(&made)) return *c;
    }
    return std::nullopt;
  }
  // Not a WebSocket message: try it as an HTTP admin body.
  const auto body = nlohmann::json::parse(text, nullptr, false);
  if (body.is_discarded()) return std::nullopt;
  auto made = net::admin_command(body, context_of(session, state));
  if (auto* c = std::get_if<Command>(&made)) return *c;
  return std::nullopt;
}

void check_public(const Session& session, const State& state, Millis now) {
  for (const auto& [id, ps] : state.prompts) check(!(ps.open && ps.revealed));
  check(state.open_prompt.empty() || state.prompts.at(state.open_prompt).open);
  const auto shown = public_state(session, state, derive(session, state, now), now);
  if (!shown["prompt"].is_object()) return check(shown["results"].is_null());
  const bool takes_answers = shown["prompt"]["id"] == state.open_prompt;
  if (takes_answers) check(shown["results"].is_null());  // correct marks only live in results
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const Session& session = module();
  State state = initial_state(session);
  std::vector<Event> journal;
  std::string participant;
  Millis now = kT0;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  for (std::size_t n = 0; n < kMaxMessages && !input.empty(); ++n) {
    const std::size_t end = input.find('\n');
    std::string_view line = input.substr(0, end);
    input = end == std::string_view::npos ? std::string_view{} : input.substr(end + 1);
    if (line.empty()) continue;
    now += (static_cast<Millis>(static_cast<unsigned char>(line[0])) - 40) * 1000;
    line.remove_prefix(1);

    std::vector<Command> commands;
    if (auto c = command_of(line, session, state, participant)) commands.push_back(*c);
    if (auto due = due_command(session, state, now)) commands.push_back(*due);  // the loop's timers
    for (const Command& command : commands) {
      const bool ended = state.agenda.ended;
      const Millis last = state.last_event_at;
      const Decision d = decide(session, state, command, now);
      check(!d.rejected || d.events.empty());
      check(!(ended && !d.events.empty()));  // ended means ended
      for (const Event& e : d.events) {
        check(e.at >= last);
        apply(session, state, e);
        journal.push_back(e);
      }
      if (!d.events.empty()) check_public(session, state, std::max(now, state.last_event_at));
    }
  }
  // The journal's JSON form replays to the same state.
  State replayed = initial_state(session);
  for (const Event& e : journal) apply(session, replayed, event_from_json(nlohmann::json::parse(to_json(e).dump())));
  check(replayed == state);
  return 0;
}
