// The one place where the session state changes. Every input (key, click,
// network message, timer) becomes a Command handed to dispatch(), which runs
// decide(), makes the events durable through the journal sink, and only then
// applies them. Lives on the main thread; other threads queue commands.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/dispatch_result.hpp"
#include "core/engine.hpp"

namespace facilita {

// Appends events durably; returns false and sets `error` when they were not
// committed (disk full, read-only, ...). Nothing is applied in that case.
using JournalSink = std::function<bool(const std::vector<Event>& events, std::string& error)>;

class Controller {
 public:
  Controller(Session session, State state, JournalSink sink);

  DispatchResult dispatch(const Command& command, Millis now);
  // Group commit: commands that arrived together (a burst of answers) are decided
  // one after the other against a scratch copy of the state, each seeing the ones
  // before it; all their events go to the journal in ONE append (one transaction),
  // and only then does the scratch become the state (version +1 once). Results come
  // back in the order of `commands`. When the commit fails, nothing changes and
  // every command that was acknowledged on the strength of that uncommitted
  // scratch (one with events, or a duplicate decided after the first one with
  // events) gets `storage`; rejections and duplicates decided before stay as they are.
  std::vector<DispatchResult> dispatch_batch(const std::vector<Command>& commands, Millis now);
  // Hot reload: swaps in `edited` (its file text already stored in the journal
  // under `file_hash`). Journals decide_reload's events, then applies them with
  // apply_with_reload, exactly as replay will. Refusals as in session_reload.hpp.
  DispatchResult reload(const Session& edited, std::string file_hash, Millis now);

  const Session& session() const { return session_; }
  const State& state() const { return state_; }
  // Increments on every applied change; views and the server use it to redraw/broadcast.
  std::uint64_t version() const { return version_; }
  const std::string& last_storage_error() const { return storage_error_; }
  // Called on the main thread for every event once it is committed and applied
  // (the pump marks whose personal feedback changed).
  void set_on_applied(std::function<void(const Event&)> fn) { on_applied_ = std::move(fn); }

 private:
  DispatchResult commit(const Decision& decision, const std::function<void(const Event&)>& apply_event);
  Session session_;
  State state_;
  JournalSink sink_;
  std::uint64_t version_ = 0;
  std::string storage_error_;
  std::function<void(const Event&)> on_applied_;
};

}  // namespace facilita
