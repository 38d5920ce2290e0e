#include "app/controller.hpp"

#include "core/session_reload.hpp"

namespace facilita {

Controller::Controller(Session session, State state, JournalSink sink)
    : session_(std::move(session)), state_(std::move(state)), sink_(std::move(sink)) {}

DispatchResult Controller::dispatch(const Command& command, Millis now) {
  return commit(decide(session_, state_, command, now),
                [this](const Event& event) { apply(session_, state_, event); });
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
  }
  result.ok = true;
  return result;
}

}  // namespace facilita
