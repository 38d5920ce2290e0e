#include "net/static_files.hpp"
#include "core/text_util.hpp"

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace facilita::net {
namespace {

struct Route {
  const char* url;
  const char* file;
  const char* type;
  bool required;
};

// The whole public surface of web_root. Add a file here to serve it.
constexpr Route kRoutes[] = {
    {"/", "index.html", "text/html; charset=utf-8", true},
    {"/index.html", "index.html", "text/html; charset=utf-8", true},
    {"/remote", "remote.html", "text/html; charset=utf-8", false},
    {"/remote.html", "remote.html", "text/html; charset=utf-8", false},
    {"/app.js", "app.js", "text/javascript; charset=utf-8", false},
    {"/remote.js", "remote.js", "text/javascript; charset=utf-8", false},
    {"/common.js", "common.js", "text/javascript; charset=utf-8", false},
    {"/answers.js", "answers.js", "text/javascript; charset=utf-8", false},
    {"/strings.js", "strings.js", "text/javascript; charset=utf-8", false},
    {"/style.css", "style.css", "text/css; charset=utf-8", false},
    {"/favicon.svg", "favicon.svg", "image/svg+xml", false},
};

constexpr std::size_t kMaxFileBytes = 2 << 20;

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  out = buffer.str();
  return out.size() <= kMaxFileBytes;
}

std::string etag_of(const std::string& body) {  // a cache validator, not security
  return "\"" + text::fnv1a_hex(body) + "\"";
}

}  // namespace

std::string_view path_of(std::string_view target) {
  auto end = target.find_first_of("?#");
  return end == std::string_view::npos ? target : target.substr(0, end);
}

bool StaticFiles::load(const std::string& web_root, std::string& error) {
  files_.clear();
  std::string root = web_root.empty() ? "." : web_root;
  if (root.back() != '/') root += '/';
  for (const auto& route : kRoutes) {
    StaticFile file;
    if (!read_file(root + route.file, file.body)) {
      if (route.required) {
        error = "cannot read " + root + route.file + " (set the web root with --web-root)";
        return false;
      }
      continue;
    }
    file.content_type = route.type;
    file.etag = etag_of(file.body);
    files_.emplace(route.url, std::move(file));
  }
  return true;
}

const StaticFile* StaticFiles::find(std::string_view target) const {
  auto it = files_.find(path_of(target));
  return it == files_.end() ? nullptr : &it->second;
}

}  // namespace facilita::net
