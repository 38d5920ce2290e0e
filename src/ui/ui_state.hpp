// What the views share besides the model: UI-only state (overlays, projector
// blackout / freeze, the rebalance preview) and requests the app loop carries
// out (things that need the clock or the windows). Views never mutate the
// model; they queue Commands through Dispatch.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <cstdint>
#include <string>
#include <vector>

#include "core/engine.hpp"
#include "ui/markdown.hpp"
#include "ui/qr_code.hpp"
#include "ui/strings.hpp"

namespace facilita::ui {

// Queues a command for the controller (decide -> journal -> apply after the frame).
using Dispatch = std::function<void(Command)>;

// What the projector keeps showing while frozen.
struct ProjectorSnapshot {
  State state;
  Timing timing;
};

// Cached text fitting of a projector content box (fitting measures many sizes).
struct ContentFitCache {
  const MdDocument* doc = nullptr;
  float box_w = 0, box_h = 0, min_px = 0, max_px = 0;
  MdFit fit;
};

// A saved session file during a delivery (hot reload; app/hot_reload.cpp fills it).
struct ReloadNotice {
  std::vector<std::string> errors;            // "LINE:COL: message" of a file that does not load
  bool pending = false;                       // a valid version waits for Accept / Dismiss
  std::vector<std::string> live_changes;      // of the pending version (English, from diff_sessions)
  std::vector<std::string> needs_acceptance;
  std::string note;                           // applied / refused / foreign, one line
  std::string file_hash;                      // version in effect after a reload ("" = the starting file)
  bool request_accept = false;                // Ctrl+Enter or the button
  bool request_dismiss = false;
  std::uint64_t generation = 0;               // bumped on every change (redraw, state dump)
  bool shown() const { return !errors.empty() || pending || !note.empty(); }
};

// The journal refused a write (disk full, read-only, ...): shown as a banner on
// the console until a write succeeds. Filled by the app from its Delivery.
struct StorageNotice {
  bool failing = false;
  std::string reason;   // the journal's own words (may name files: console only)
  std::string source;   // of the first failure: start | key | remote | fellow | timer | heartbeat
  Millis since = 0;     // ms since the Unix epoch
  std::uint64_t generation = 0;  // changes with any of the above (redraw, state dump)
};

struct UiState {
  Lang lang = Lang::Es;
  bool single_window = false;  // projector drawn as a pane of the console
  bool show_keys = false;      // F1 / ? overlay
  bool confirm_end = false;    // "end the session?" modal
  bool projector_visible = true;
  bool blackout = false;
  bool frozen = false;
  std::optional<ProjectorSnapshot> frozen_view;  // set by the app when `frozen` turns on
  std::optional<RebalancePlan> rebalance;        // preview shown while set
  // Projected content too long for one screen is shown in pages (↑ / ↓);
  // the projector view sets `content_pages` and resets the page on a new section.
  int content_page = 0;
  int content_pages = 1;
  int content_page_section = -1;

  // Requests for the app loop, cleared once handled.
  bool request_rebalance_preview = false;
  bool request_toggle_projector = false;
  bool request_toggle_fullscreen = false;
  bool request_freeze_toggle = false;

  std::string join_url;    // "" hides the join area
  std::string admin_url;   // the facilitator's remote (secret): console only, shown on request
  bool show_admin_qr = false;
  std::string message;     // last rejected command or storage problem, "" when fine
  bool message_is_error = false;
  ReloadNotice reload;
  StorageNotice storage;
  std::string demo_label;  // non-empty on screenshots with simulated participants
  // Connection health, filled by the app from the fellows' server each frame.
  struct PresenceView {
    bool known = false;  // false without a server
    int connected = 0, reconnecting = 0, gone = 0;
    std::set<std::string> gone_ids;  // participants not seen for a minute
  } presence;
  bool show_quiz_summary = false;  // `A`: the room's accuracy per revealed quiz prompt on the projector

  MarkdownCache markdown;
  QrCache qr;        // join URL
  QrCache admin_qr;  // remote-control URL
  std::map<std::string, ContentFitCache> content_fit;  // per projector box role

  const char* t(S key) const { return tr(lang, key); }
};

}  // namespace facilita::ui
