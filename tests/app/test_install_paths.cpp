// Where the program finds its shared files: $FACILITA_SHARE_DIR first, then
// (in this build, configured with FACILITA_SOURCE_TREE=ON) the source tree.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "app/install_paths.hpp"

using namespace facilita;
namespace fs = std::filesystem;

namespace {
struct ShareDir {
  fs::path dir = fs::temp_directory_path() / ("facilita-share-" + std::to_string(getpid()));
  ShareDir() {
    fs::create_directories(dir / "web");
    std::ofstream(dir / "web" / "index.html") << "<html></html>";
    setenv("FACILITA_SHARE_DIR", dir.c_str(), 1);
  }
  ~ShareDir() {
    unsetenv("FACILITA_SHARE_DIR");
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};
}  // namespace

TEST_CASE("install paths: $FACILITA_SHARE_DIR comes first, laid out like share/facilita") {
  ShareDir share;
  CHECK(find_shared(Shared::Web, "") == (share.dir / "web").string());
  CHECK(find_shared(Shared::Web, "index.html") == (share.dir / "web" / "index.html").string());
}

TEST_CASE("install paths: what the share dir lacks comes from the source tree in a build") {
  ShareDir share;  // no sessions/ there
  const std::string module = find_shared(Shared::Sessions, "m2-s3-gobierno-abierto.yaml");
  REQUIRE_FALSE(module.empty());
  CHECK(fs::path(module).parent_path().filename() == "sessions");
  CHECK(fs::is_regular_file(module));
  CHECK(fs::is_regular_file(find_shared(Shared::Schema, "session.schema.json")));
  CHECK(fs::is_regular_file(fs::path(find_shared(Shared::Web, "")) / "index.html"));
}

TEST_CASE("install paths: a file found nowhere is empty, not a guess") {
  CHECK(find_shared(Shared::Sessions, "no-such-session.yaml").empty());
}
