#include "app/cue_effects.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <utility>
#include <iostream>

#include "app/preferences.hpp"

namespace facilita {

Millis cue_flash_ms() {
  if (const char* env = std::getenv("FACILITA_FLASH_MS"); env && *env) {
    char* end = nullptr;
    long long ms = std::strtoll(env, &end, 10);
    if (end && *end == '\0') return std::clamp<long long>(ms, 100, 60000);
  }
  return 1000;
}

float cue_flash_alpha(Millis since, Millis length) {
  if (since < 0 || since >= length) return 0;
  constexpr Millis kRise = 80;
  if (since < kRise) return static_cast<float>(since + 1) / kRise;
  const double left = 1.0 - static_cast<double>(since - kRise) / static_cast<double>(std::max<Millis>(1, length - kRise));
  return static_cast<float>(left * left);  // ease out
}

CueEffects::CueEffects(std::string preferences_path, ui::UiState& ui)
    : path_(std::move(preferences_path)), ui_(ui), chime_(ui.lang), flash_ms_(cue_flash_ms()) {
  ui_.muted = load_preferences(path_).muted;
  saved_muted_ = ui_.muted;
}

void CueEffects::save() {
  if (ui_.muted == saved_muted_) return;
  if (save_preferences(path_, Preferences{ui_.muted})) saved_muted_ = ui_.muted;
  else std::cerr << txf(ui_.lang, T::MuteNotRemembered, path_.c_str()) << "\n";
}

void CueEffects::turn(const Session& session, const State& state, Millis now) {
  save();
  for (const Cue& cue : watcher_.observe(session, state, now)) {
    std::cerr << cue_log_line(session, cue, ui_.lang, ui_.muted ? T::CueMuted : T::CueChime) << std::endl;
    if (!ui_.muted) chime_.play();
    // A step's zero flashes like the section's: time is up for what the room is doing.
    ui_.flash.kind = cue.kind == CueKind::WrapUp ? ui::CueFlash::Kind::WrapUp : ui::CueFlash::Kind::Zero;
    flash_at_ = now;
  }
  if (ui_.flash.kind != ui::CueFlash::Kind::None) {
    ui_.flash.alpha = cue_flash_alpha(now - flash_at_, flash_ms_);
    if (ui_.flash.alpha <= 0) ui_.flash = {};
  }
}

}  // namespace facilita
