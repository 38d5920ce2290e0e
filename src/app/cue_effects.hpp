// What a cue does on the facilitator's laptop (console only): one line on
// stderr, the chime unless muted, and the projector's flash (UiState::flash,
// faded here turn by turn; the projector view only draws it). Also keeps the
// mute (K / "Sonido") in the data directory's preferences.json.
#pragma once
#include <string>

#include "app/chime.hpp"
#include "app/cue_watcher.hpp"
#include "ui/ui_state.hpp"

namespace facilita {

// The flash's length: 1 s, or FACILITA_FLASH_MS (100..60000) to hold it for a
// screenshot.
Millis cue_flash_ms();
// Opacity of a flash `since` ms after its cue: a quick rise, then a fade to 0.
float cue_flash_alpha(Millis since, Millis length);

class CueEffects {
 public:
  // Reads the remembered mute into `ui.muted`.
  CueEffects(std::string preferences_path, ui::UiState& ui);
  // Every loop turn, after Delivery::turn: cues, chime, log, flash, mute saved.
  void turn(const Session& session, const State& state, Millis now);
  // Writes the mute if it changed since it was last written.
  void save();

 private:
  std::string path_;
  ui::UiState& ui_;
  CueWatcher watcher_;
  Chime chime_;
  bool saved_muted_ = false;
  Millis flash_at_ = 0;
  Millis flash_ms_ = 1000;
};

}  // namespace facilita
