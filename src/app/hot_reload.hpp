// Hot reload during a delivery (`facilita run`): what happens when the
// running session's file is saved. See docs/design.md, "Hot reload".
//   - the file does not load: nothing changes; the console lists the errors;
//   - only live changes: the text is stored in the journal and the reload is
//     dispatched through Controller::reload (journaled, replayable) at once;
//   - structural changes (or live + structural in one save): the console shows
//     the diff; Accept (Ctrl+Enter) takes the same path, Dismiss forgets it;
//   - another session id: refused with a message.
// Main thread only.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "app/controller.hpp"
#include "ui/ui_state.hpp"

namespace facilita {

// Stores a file version's text in the journal and returns its hash; throws on failure.
using StoreSessionFile = std::function<std::string(std::string_view text)>;

class HotReload {
 public:
  HotReload(std::string path, Controller& controller, ui::UiState& ui, StoreSessionFile store);

  // The file was saved: read, load, compare, act.
  void file_saved(Millis now);
  // The text of a save (file_saved reads it from disk); tests call this directly.
  void text_saved(const std::string& text, Millis now);
  // Accept / Dismiss requested on the console.
  void handle_requests(Millis now);

 private:
  void apply(const Session& edited, const std::string& text, Millis now);
  void changed() { ++ui_.reload.generation; }

  std::string path_;
  Controller& controller_;
  ui::UiState& ui_;
  StoreSessionFile store_;
  std::optional<Session> pending_;
  std::string pending_text_;
};

}  // namespace facilita
