// `facilita run --screenshot OUT.png`: renders the console or the projector
// at a simulated moment into an offscreen framebuffer and writes a PNG.
// The moment is built by driving the real Controller with a synthetic clock
// and an in-memory sink (nothing is journaled).
#pragma once
#include <string>
#include <vector>

#include "core/engine.hpp"
#include "core/lang.hpp"
#include "ui/ui_state.hpp"

namespace facilita {

struct ScreenshotOptions {
  std::string out;               // PNG path
  std::string view = "console";  // console | projector | presentation | shared-console
  std::string at;                // SECTION_ID:MM:SS; "" = before the start
  int width = 1920;
  int height = 1080;
  bool demo = false;             // simulated participants and answers (labelled as demo data)
  bool reveal = false;           // with demo: close and reveal the section's first prompt
  std::string message;           // a room message shown at the moment ("" = none)
  int break_s = 0;               // a break under way with this many seconds left (0 = none)
  bool questions = false;        // with demo: fellow questions, one projected, the console's panel open
  bool quiz_summary = false;     // with demo: every prompt of the section asked and revealed; `A` on
  bool ended = false;            // with at: the delivery ends at that moment (with demo: every quiz asked before)
  bool paused = false;           // with at: the clock paused at that moment
  int adjust_min = 0;            // with at: the section's plan changed by hand (Adjust) at its start
  bool rebalance = false;        // with at: the rebalance preview open
  int demo_fellows = 14;         // with demo: how many simulated fellows (more than 14: half of them answer)
  std::string layout;            // a JSON file for the panels, items and hidden rows drawn ("" = none)
  int page_down = 0;             // ↓ pressed this many times after the first frame (the projector's pages)
};

// "1280x720" -> width, height. False when malformed or out of range.
bool parse_size(const std::string& text, int& width, int& height);

// Makes the RGBA pixels opaque and writes them as a PNG. False (message on
// stderr) when the pixels are missing or the file cannot be written.
// `command` ("run", "join", "edit") and `lang` word the message.
bool write_png(const std::string& path, int width, int height, std::vector<unsigned char>& pixels, Lang lang,
               const char* command);

// The recorded layout as JSON: {width, height, entries: [{kind, name, panel,
// box: [x0, y0, x1, y1]} or {kind: "list", name, panel, total, hidden}]}.
bool write_layout(const std::string& path, int width, int height, const ui::LayoutLog& log, Lang lang);

// Exit code: 0 written, 1 bad --at / render or write failure (message on stderr).
int take_screenshot(const Session& session, ui::UiState& ui, const ScreenshotOptions& options);

}  // namespace facilita
