#include "app/net_pump.hpp"

#include "core/personal.hpp"
#include "core/snapshot.hpp"

namespace facilita {
namespace {
constexpr const char* kStorageReply = "could not save on the facilitator's computer; nothing changed, try again";
}  // namespace

std::size_t NetPump::turn(Controller& controller, Millis now, const Observer& observe) {
  std::vector<net::Inbound> inbound = server_.take_inbound();
  std::vector<DispatchResult> results;
  if (!inbound.empty()) {
    std::vector<Command> commands;
    commands.reserve(inbound.size());
    for (const auto& in : inbound) commands.push_back(in.command);
    results = controller.dispatch_batch(commands, now);
  }
  if (controller.version() != published_version_ || now - published_at_ >= 1000) publish(controller, now);
  for (std::size_t i = 0; i < inbound.size(); ++i) {
    if (observe) observe(inbound[i], results[i]);
    // The journal's words (file paths, SQLite codes) are for the console and log only.
    if (results[i].code == "storage") results[i].message = kStorageReply;
    if (inbound[i].reply) inbound[i].reply(results[i]);
  }
  return inbound.size();
}

void NetPump::publish_if_changed(const Controller& controller, Millis now) {
  if (controller.version() != published_version_) publish(controller, now);
}

void NetPump::publish(const Controller& controller, Millis now) {
  const Session& session = controller.session();
  const State& state = controller.state();
  Timing timing = derive(session, state, now);
  nlohmann::json pub = public_state(session, state, timing, now, controller.version());
  if (filter_) filter_(pub);
  nlohmann::json admin = admin_state(session, state, timing, now, controller.version());
  presence_seen_ = server_.presence();
  presence_counts_ = count_presence(state, presence_seen_, now, server_.started_at());
  admin["admin"]["presence"] = presence_json(presence_counts_);
  server_.publish(std::move(pub), std::move(admin));
  publish_personal(controller);
  published_version_ = controller.version();
  published_at_ = now;
}

void NetPump::attach(Controller& controller) {
  controller.set_on_applied([this, &controller](const Event& event) { note(event, controller.state()); });
  all_dirty_ = true;
}

void NetPump::note(const Event& event, const State& state) {
  auto author_of = [&state](const std::string& question) -> std::string {
    for (const auto& q : state.questions)
      if (q.id == question) return q.participant;
    return {};
  };
  std::visit(
      [&](const auto& e) {
        using E = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<E, ev::Answered> || std::is_same_v<E, ev::Joined> ||
                      std::is_same_v<E, ev::Asked>) {
          if (!all_dirty_) dirty_.insert(e.participant);
        } else if constexpr (std::is_same_v<E, ev::Upvoted>) {  // the voter's list and the author's count
          if (!all_dirty_) {
            dirty_.insert(e.participant);
            if (auto author = author_of(e.question); !author.empty()) dirty_.insert(author);
          }
        } else if constexpr (std::is_same_v<E, ev::QuestionModerated>) {  // the author's status
          if (!all_dirty_)
            if (auto author = author_of(e.question); !author.empty()) dirty_.insert(author);
        } else if constexpr (std::is_same_v<E, ev::PromptRevealed> || std::is_same_v<E, ev::RoundStarted> ||
                             std::is_same_v<E, ev::SectionChanged> || std::is_same_v<E, ev::Ended> ||
                             std::is_same_v<E, ev::SessionReloaded> || std::is_same_v<E, ev::Undone>) {
          all_dirty_ = true;
          dirty_.clear();
        }
      },
      event.data);
}

// Only the dirty fellows are serialised; only changed texts go to the server.
void NetPump::publish_personal(const Controller& controller) {
  if (!all_dirty_ && dirty_.empty()) return;
  const Session& session = controller.session();
  const State& state = controller.state();
  std::vector<std::pair<std::string, std::string>> changed;
  auto build = [&](const std::string& participant) {
    ++personal_built_;
    std::string text = personal_state(session, state, participant).dump();
    auto [it, fresh] = you_sent_.try_emplace(participant);
    if (!fresh && it->second == text) return;
    it->second = text;
    changed.emplace_back(participant, std::move(text));
  };
  if (all_dirty_) {
    for (const auto& [participant, p] : state.participants) build(participant);
  } else {
    for (const auto& participant : dirty_)
      if (state.participants.count(participant)) build(participant);
  }
  all_dirty_ = false;
  dirty_.clear();
  server_.send_personal(std::move(changed));
}

}  // namespace facilita
