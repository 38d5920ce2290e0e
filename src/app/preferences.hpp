// The facilitator's preferences that outlive a run, kept in the data
// directory as preferences.json (docs/data.md). Today: the chime's mute.
#pragma once
#include <string>

namespace facilita {

struct Preferences {
  bool muted = false;  // K / "Sonido": no chime on cues
  bool operator==(const Preferences&) const = default;
};

std::string preferences_path(const std::string& data_dir);
// Defaults when the file is missing or unreadable (never fails).
Preferences load_preferences(const std::string& path);
// Atomically (temporary file + rename); false when it could not be written.
bool save_preferences(const std::string& path, const Preferences& preferences);

}  // namespace facilita
