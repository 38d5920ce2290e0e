#include "app/net_pump.hpp"

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
  server_.publish(std::move(pub), admin_state(session, state, timing, now, controller.version()));
  published_version_ = controller.version();
  published_at_ = now;
}

}  // namespace facilita
