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
#include "ui/layout_probe.hpp"
#include "ui/markdown.hpp"
#include "ui/qr_code.hpp"
#include "ui/room_safety.hpp"
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

// A projector flash under way: colour by cue, opacity fading to 0.
struct CueFlash {
  enum class Kind { None, WrapUp, Zero };
  Kind kind = Kind::None;
  float alpha = 0;  // 0..1, set by the app from the time since the cue
  bool active() const { return kind != Kind::None && alpha > 0; }
};

struct UiState {
  Lang lang = Lang::Es;
  bool single_window = false;  // projector drawn as a pane of the console
  bool show_keys = false;      // F1 / ? overlay
  bool confirm_end = false;    // "end the session?" modal
  bool projector_visible = true;
  // The projector's monitor went away (cable pulled): the projector is drawn as
  // a pane of the console until a second monitor is back.
  bool projector_docked = false;
  // Room-safe single screen (room_safety.hpp): the app sets `shared_screen` and
  // the starting `screen`; Tab switches, asking first (`confirm_console`).
  bool shared_screen = false;
  ScreenMode screen = ScreenMode::Console;
  bool confirm_console = false;
  // The screen became shared during the run (after_screen_change): the console
  // was hidden; the presentation's overlay says so and how to bring it back.
  bool screen_notice = false;
  bool blackout = false;
  bool frozen = false;
  std::optional<ProjectorSnapshot> frozen_view;  // set by the app when `frozen` turns on
  std::optional<RebalancePlan> rebalance;        // preview shown while set
  // Projected content too long for one screen is shown in pages (↑ / ↓);
  // the projector view sets `content_pages` and resets the page on a new section.
  int content_page = 0;
  int content_pages = 1;
  int content_page_section = -1;
  // Revealed text answers too many for the projector are shown in pages too (↑ / ↓
  // while they are projected); the projector view sets `answer_pages` and the
  // range shown, and starts at the first page for another prompt.
  int answer_page = 0;
  int answer_pages = 1;
  std::string answer_page_prompt;  // the prompt they belong to
  int answer_first = 0, answer_last = 0, answer_total = 0;  // 1-based range shown, of all not hidden

  // Requests for the app loop, cleared once handled.
  bool request_rebalance_preview = false;
  bool request_toggle_projector = false;
  bool request_toggle_fullscreen = false;          // F11 / button: the projector view
  bool request_toggle_console_fullscreen = false;  // Shift+F11: the console's own window
  bool request_freeze_toggle = false;

  std::string join_url;    // "" hides the join area
  std::string admin_url;   // the facilitator's remote (secret): console only, shown on request
  bool show_admin_qr = false;
  std::string message;     // last rejected command or storage problem, "" when fine
  bool message_is_error = false;
  ReloadNotice reload;
  StorageNotice storage;
  std::string demo_label;  // non-empty on screenshots with simulated participants
  bool questions_open = false;  // the console's questions panel (Q) is expanded

  // Room message (M) and break (D) dialogs: drafts only, the views dispatch.
  bool message_dialog = false;
  bool break_dialog = false;
  bool dialog_opened = false;        // set with either dialog: its first frame takes the focus
  char message_draft[600] = {};      // UTF-8; the engine checks 1-140 code points
  int break_minutes = 10;            // 5 / 10 / 15 or any other 1-240; 0 = at a clock time
  char break_clock[6] = {};          // "HH:MM" when break_minutes == 0
  Millis now = 0;                    // the loop's clock for this frame (break countdowns)
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

  // Cues (app/cue_effects.cpp fills `flash` every turn): the projector's brief
  // colour pulse after a wrap-up or zero cue, and the chime's mute (K), which
  // the app remembers in the data directory.
  CueFlash flash;
  bool muted = false;

  int agenda_scrolled_to = -1;  // the agenda scrolls the current section into view once per change
  LayoutLog layout;  // panels, items and hidden rows, recorded for layout checks (screenshots)

  const char* t(S key) const { return tr(lang, key); }
};

}  // namespace facilita::ui
