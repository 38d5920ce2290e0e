// The journal: every delivery of a session and every event it produced, in
// one SQLite database (WAL mode) per data directory. The events are the
// source of truth; replaying them through apply() rebuilds the state, which
// is how resume, exports and reports work.
//
// Durability contract: append() returns only after its transaction has
// committed (one commit per call), so a caller may acknowledge what it passed
// once append() returns, and must not when it throws.
//
// Safety contract: a file that is not a Facilita journal (not SQLite, another
// application's SQLite database, an unknown schema version, a stray WAL) is
// refused with a JournalError naming the file, before anything could write to
// it. Facilita never overwrites or modifies such a file.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/engine.hpp"
#include "persist/sqlite.hpp"

namespace facilita {

// How hard each commit works to survive power loss (PRAGMA synchronous in WAL mode).
//  Full:   fsync the WAL on every commit. An acknowledged event survives a process
//          crash, an OS crash and power loss. Its cost is the disk's flush latency,
//          which varies: on the development VM 7,700-9,600 commits/s (p50 0.1 ms)
//          with a quiet disk, 260-450 commits/s (p50 3.5-4 ms) while other builds
//          were writing (bench/bench_journal; docs/data.md).
//  Normal: no fsync per commit. An acknowledged event survives a crash of the
//          process (the WAL is in the OS page cache; the crash test SIGKILLs the
//          writer 50 times), but an OS crash or power loss can lose the commits made
//          since the last fsync. ~20,000-60,000 commits/s, p99 < 0.05 ms, either way.
// Default Normal, with a bound on that window: touch() (the app's heartbeat, every
// few seconds) and the commit that ends a delivery run with synchronous=FULL, and
// fsyncing the WAL makes every earlier commit power-safe. Power loss can then cost
// at most the answers of the last heartbeat interval, while a burst of answers
// never stalls the main (UI) thread on a slow flush: at 4 ms per commit, 40 fellows
// answering at once would freeze the facilitator's clock for 160 ms, longer on a
// slow laptop disk. Full stays available (JournalOptions) for those who prefer it.
enum class Durability { Full, Normal };
inline constexpr Durability kDefaultDurability = Durability::Normal;

struct JournalOptions {
  Durability durability = kDefaultDurability;
  bool read_only = false;  // open with SQLITE_OPEN_READONLY: exports, reports, listings
  bool create = true;      // create the database when the file does not exist
};

struct NewDelivery {
  std::string session_id;
  std::string title;
  std::string file_path;     // as the user knows it (absolute when possible)
  std::string file_content;  // the exact bytes the delivery runs
  Millis started_at = 0;
};

struct DeliveryInfo {
  std::int64_t id = 0;
  std::string session_id;
  std::string title;
  std::string file_path;
  std::string file_sha256;
  Millis started_at = 0;
  std::optional<Millis> ended_at;
  Millis last_alive_at = 0;  // latest heartbeat (touch) or start
  std::string status;        // "running" | "ended" | "abandoned"
  std::int64_t events = 0;
  std::int64_t answers = 0;  // "answered" events (a replaced answer counts each time)
  std::int64_t last_seq = 0;
  Millis last_event_at = 0;  // 0 when there are no events
  // Where an imported delivery came from (`facilita import`): the identity of the
  // journal that recorded it and its id there. Empty / 0 for a delivery recorded here.
  std::string origin_journal;
  std::int64_t origin_delivery = 0;
  bool unfinished() const { return status == "running"; }
  bool imported() const { return !origin_journal.empty(); }
};

class Journal {
 public:
  static constexpr std::int32_t kApplicationId = 0x46434C54;  // "FCLT" at offset 68 of the file header
  static constexpr int kSchemaVersion = 2;                     // PRAGMA user_version (1 is upgraded on open)

  // DATA_DIR/facilita.sqlite3; the directory must exist (see resolve_data_dir).
  static Journal open(const std::string& data_dir, const JournalOptions& options = {});
  static Journal open_file(const std::string& db_path, const JournalOptions& options = {});

  Journal(Journal&&) noexcept;
  Journal& operator=(Journal&&) noexcept;
  ~Journal();

  // Records a new running delivery with the file's content and SHA-256; returns its id.
  std::int64_t begin_delivery(const NewDelivery& delivery);
  // Keeps a session file version an ev::SessionReloaded will refer to (idempotent);
  // returns its SHA-256 (hex), the `file_hash` the event must carry. Call it before
  // appending the event: append() refuses a reload to a version it cannot replay.
  std::string store_session_file(std::string_view content);
  // A stored version by hash: a reload's, or any delivery's starting file.
  std::optional<std::string> session_file(std::string_view sha256) const;
  // Appends events with the next sequence numbers in one transaction and returns
  // the last sequence number used (the current last one when `events` is empty).
  // An ev::Ended among them marks the delivery ended in the same transaction; an
  // ev::SessionReloaded must name a stored version (store_session_file).
  // Throws JournalError (SQLITE_FULL, SQLITE_READONLY, ...) when nothing was committed,
  // or when the delivery does not exist or is no longer running.
  std::int64_t append(std::int64_t delivery, const std::vector<Event>& events);
  // Heartbeat: the program was alive at `now` (bounds the outage after a crash).
  // Commits with synchronous=FULL, so everything appended before it is power-safe.
  void touch(std::int64_t delivery, Millis now);
  // The facilitator started afresh instead of resuming: the delivery stays readable.
  void abandon(std::int64_t delivery, Millis now);

  std::vector<DeliveryInfo> deliveries() const;  // oldest first
  std::optional<DeliveryInfo> delivery(std::int64_t id) const;
  std::optional<DeliveryInfo> latest() const;
  // The most recent running delivery of `session_id` recorded here (never an imported
  // one: it is still running on another facilitator's machine, if anywhere); when `sha256` is given, only one
  // that started from that exact file content.
  std::optional<DeliveryInfo> find_unfinished(std::string_view session_id, std::string_view sha256 = {}) const;
  std::string file_content(std::int64_t delivery) const;

  // Events in sequence order. Throws JournalError naming the delivery and seq of an
  // event that cannot be read.
  std::vector<Event> events(std::int64_t delivery) const;
  void for_each_event(std::int64_t delivery, const std::function<void(std::int64_t seq, const Event&)>& visit) const;

  // This journal's identity: 32 hex digits drawn when it was created or first opened
  // writable by a version that knows identities; "" for an older journal opened read-only.
  // A delivery's global key is (origin journal, origin delivery id, file SHA-256): for a
  // delivery recorded here, (journal_id(), id, file_sha256).
  std::string journal_id() const;
  int schema_version() const;

  std::string integrity_check() const;  // "ok" when healthy
  const std::string& path() const;
  Durability durability() const;
  Database& database();  // for tests and tools (e.g. PRAGMA max_page_count)

 private:
  struct Impl;
  explicit Journal(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace facilita
