#include "app/install_paths.hpp"

#include <cstdlib>
#include <filesystem>

namespace facilita {
namespace {

namespace fs = std::filesystem;

const char* share_name(Shared what) {
  switch (what) {
    case Shared::Web: return "web";
    case Shared::Sessions: return "sessions";
    case Shared::Schema: return "schema";
  }
  return "";
}

const char* source_name(Shared what) {
  switch (what) {
    case Shared::Web: return "assets/web";
    case Shared::Sessions: return "sessions";
    case Shared::Schema: return "assets/schema";
  }
  return "";
}

// base/file, or base itself when asked for the directory.
fs::path under(const fs::path& base, const std::string& file) {
  return (file.empty() ? base : base / file).lexically_normal();
}

bool present(const fs::path& p) {
  std::error_code ec;
  return fs::exists(p, ec);
}

}  // namespace

std::string find_shared(Shared what, const std::string& file) {
  if (const char* env = std::getenv("FACILITA_SHARE_DIR"); env && *env)
    if (fs::path p = under(fs::path(env) / share_name(what), file); present(p)) return p.string();
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec)
    if (fs::path p = under(exe.parent_path().parent_path() / "share" / "facilita" / share_name(what), file); present(p))
      return p.string();
#ifdef FACILITA_SOURCE_TREE
  if (fs::path p = under(fs::path(FACILITA_SOURCE_TREE) / source_name(what), file); present(p)) return p.string();
#else
  (void)source_name;
#endif
  return {};
}

}  // namespace facilita
