#include "app/preferences.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace facilita {

std::string preferences_path(const std::string& data_dir) {
  return (std::filesystem::path(data_dir) / "preferences.json").string();
}

Preferences load_preferences(const std::string& path) {
  Preferences p;
  std::ifstream in(path, std::ios::binary);
  if (!in) return p;
  std::stringstream text;
  text << in.rdbuf();
  nlohmann::json j = nlohmann::json::parse(text.str(), nullptr, false);
  if (!j.is_object()) return p;
  if (auto it = j.find("muted"); it != j.end() && it->is_boolean()) p.muted = it->get<bool>();
  return p;
}

bool save_preferences(const std::string& path, const Preferences& preferences) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc | std::ios::binary);
    if (!out) return false;
    out << nlohmann::json{{"muted", preferences.muted}}.dump(2) << "\n";
    out.flush();
    if (!out) return false;
  }
  fs::rename(tmp, path, ec);
  return !ec;
}

}  // namespace facilita
