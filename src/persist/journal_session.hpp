// Resume and replay: rebuilding a delivery's state from its journal, and the
// small API the `run` command uses to journal one delivery.
//
//   Journal journal = Journal::open(resolve_data_dir(opt.data));
//   auto js = resume_or_start(journal, file_text, file_path, now);  // or start()/resume()
//   Controller controller(js.session(), js.state(), js.sink());
//   if (auto gap = js.outage()) controller.dispatch(*gap, now);     // cmd::RecordOutage
//   ... every JournalSession::kHeartbeatMs: js.heartbeat(now);
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/engine.hpp"
#include "persist/journal.hpp"

namespace facilita {

struct Replayed {
  DeliveryInfo delivery;
  Session session;          // the version in effect: the stored starting file, or the last reload's
  std::string file_sha256;  // of that version
  State state;              // initial_state(starting session), then every event applied in seq order
                            // (an ev::SessionReloaded swaps in its stored version first)
  Millis last_alive_at = 0;  // latest of: delivery start, last heartbeat, last event
};

// Throws JournalError when the delivery is missing, its stored file no longer
// loads, or an event cannot be read.
Replayed replay(const Journal& journal, std::int64_t delivery);

// Parses session text for a delivery; throws std::runtime_error listing the
// problems ("file:line:col: error: ...") when it is not a valid session.
Session parse_session_text(std::string_view text, const std::string& file_path);

// What to record after the program was down: from the last sign of life to `now`.
// nullopt when the delivery had not started, has ended, or no time passed.
std::optional<cmd::RecordOutage> downtime(const Replayed& replayed, Millis now);

// Same signature as the app's JournalSink: false + `error` when nothing was committed.
using EventSink = std::function<bool(const std::vector<Event>& events, std::string& error)>;

// One delivery being journaled. Holds a reference to the Journal, which must
// outlive it. Not thread-safe: use it from the thread that owns the state.
class JournalSession {
 public:
  // A new running delivery of `session_text` (stored with its SHA-256).
  static JournalSession start(Journal& journal, std::string_view session_text, const std::string& file_path,
                              Millis now);
  // An existing delivery, replayed from the file content it started with; sets outage().
  static JournalSession resume(Journal& journal, std::int64_t delivery, Millis now);
  // Resumes the latest unfinished delivery of this session (any file version: the
  // stored version it was running is used, and note() says so when the file on
  // disk differs from it), else starts one.
  static JournalSession resume_or_start(Journal& journal, std::string_view session_text,
                                        const std::string& file_path, Millis now);
  // `facilita run --new`: the unfinished delivery of this session (if any) is
  // marked abandoned (kept, never deleted) and a fresh one starts.
  static JournalSession start_fresh(Journal& journal, std::string_view session_text,
                                    const std::string& file_path, Millis now);

  std::int64_t delivery_id() const { return delivery_; }
  bool resumed() const { return resumed_; }
  const Session& session() const { return session_; }
  const State& state() const { return state_; }  // as of start/resume
  const std::optional<cmd::RecordOutage>& outage() const { return outage_; }
  const std::string& note() const { return note_; }  // one line for the facilitator, may be empty
  const std::string& file_sha256() const { return file_sha256_; }  // of the version session() is

  // Appends and commits; true only when committed. Never throws.
  bool append(const std::vector<Event>& events, std::string& error);
  EventSink sink();  // valid while the Journal lives (independent of this object)
  // Call every kHeartbeatMs while running: bounds the outage recorded after a crash
  // and makes earlier appends power-safe (see Durability). Swallows errors: the next
  // append reports them.
  void heartbeat(Millis now);
  // The same, reporting a failure (false + `error`) instead of swallowing it.
  bool heartbeat(Millis now, std::string& error);
  static constexpr Millis kHeartbeatMs = 3000;

 private:
  JournalSession(Journal& journal, std::int64_t delivery) : journal_(&journal), delivery_(delivery) {}
  Journal* journal_;
  std::int64_t delivery_;
  bool resumed_ = false;
  Session session_;
  State state_;
  std::optional<cmd::RecordOutage> outage_;
  std::string note_;
  std::string file_sha256_;
};

}  // namespace facilita
