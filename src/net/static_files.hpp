// The web pages the server may send: a fixed whitelist of URL paths mapped
// to files in web_root, read once at start. A request path is looked up as
// an exact string, never joined to a directory, so "/../", "%2e%2e" or
// symlink tricks cannot reach any other file.
#pragma once
#include <map>
#include <string>
#include <string_view>

namespace facilita::net {

struct StaticFile {
  std::string body;
  std::string content_type;
  std::string etag;
};

class StaticFiles {
 public:
  // Reads every whitelisted file from `web_root`. Returns false and sets
  // `error` when a required page (index.html) is missing.
  bool load(const std::string& web_root, std::string& error);
  // `target` is the request target; the query string is ignored.
  const StaticFile* find(std::string_view target) const;

 private:
  std::map<std::string, StaticFile, std::less<>> files_;
};

// Strips "?query" and "#fragment" from a request target.
std::string_view path_of(std::string_view target);

}  // namespace facilita::net
