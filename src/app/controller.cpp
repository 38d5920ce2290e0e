#include "app/controller.hpp"

#include <optional>

#include "core/session_reload.hpp"

namespace facilita {

Controller::Controller(Session session, State state, JournalSink sink)
    : session_(std::move(session)), state_(std::move(state)), sink_(std::move(sink)) {}

DispatchResult Controller::dispatch(const Command& command, Millis now) {
  return commit(decide(session_, state_, command, now),
                [this](const Event& event) { apply(session_, state_, event); });
}

std::vector<DispatchResult> Controller::dispatch_batch(const std::vector<Command>& commands, Millis now) {
  std::vector<DispatchResult> results(commands.size());
  if (commands.size() == 1) {  // nothing to group: no scratch copy
    results[0] = dispatch(commands[0], now);
    return results;
  }
  std::optional<State> scratch;  // copied at the first command that changes something
  std::vector<Event> events;
  std::optional<std::size_t> first_change;
  for (std::size_t i = 0; i < commands.size(); ++i) {
    const Decision decision = decide(session_, scratch ? *scratch : state_, commands[i], now);
    DispatchResult& result = results[i];
    if (decision.rejected) {
      result.code = decision.rejected->code;
      result.message = decision.rejected->message;
      continue;
    }
    result.ok = true;
    result.duplicate = decision.duplicate;
    result.question = decision.question;
    if (decision.duplicate || decision.events.empty()) continue;
    if (!scratch) {
      scratch = state_;
      first_change = i;
    }
    for (const auto& event : decision.events) apply(session_, *scratch, event);
    events.insert(events.end(), decision.events.begin(), decision.events.end());
  }
  if (events.empty()) return results;
  std::string error;
  if (sink_ && !sink_(events, error)) {
    storage_error_ = error;
    for (std::size_t i = *first_change; i < commands.size(); ++i)
      if (results[i].ok) results[i] = DispatchResult{false, false, "storage", error, {}};
    return results;
  }
  storage_error_.clear();
  state_ = std::move(*scratch);
  ++version_;
  if (on_applied_)
    for (const auto& event : events) on_applied_(event);
  return results;
}

DispatchResult Controller::reload(const Session& edited, std::string file_hash, Millis now) {
  const std::string hash = file_hash;
  const SessionLookup lookup = [&](std::string_view h) -> const Session* { return h == hash ? &edited : nullptr; };
  return commit(decide_reload(session_, edited, state_, std::move(file_hash), now),
                [&](const Event& event) { apply_with_reload(session_, state_, event, lookup); });
}

// The one order every change follows: rejected -> nothing; duplicate -> acknowledged;
// otherwise journal first, and apply only what was committed.
DispatchResult Controller::commit(const Decision& decision, const std::function<void(const Event&)>& apply_event) {
  DispatchResult result;
  if (decision.rejected) {
    result.code = decision.rejected->code;
    result.message = decision.rejected->message;
    return result;
  }
  if (decision.duplicate) {
    result.ok = result.duplicate = true;
    result.question = decision.question;
    return result;
  }
  if (!decision.events.empty()) {
    std::string error;
    if (sink_ && !sink_(decision.events, error)) {
      storage_error_ = error;
      result.code = "storage";
      result.message = error;
      return result;
    }
    storage_error_.clear();
    for (const auto& event : decision.events) apply_event(event);
    ++version_;
    if (on_applied_)
      for (const auto& event : decision.events) on_applied_(event);
  }
  result.ok = true;
  result.question = decision.question;
  return result;
}

}  // namespace facilita
