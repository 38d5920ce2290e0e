// The web pages the server may send: a fixed whitelist of URL paths mapped
// to files in web_root, read once at start. A request path is looked up as
// an exact string, never joined to a directory, so "/../", "%2e%2e" or
// symlink tricks cannot reach any other file. Each file is also gzipped
// once at load; browsers that accept gzip get that (a third of the bytes).
#pragma once
#include <map>
#include <string>
#include <string_view>

namespace facilita::net {

struct StaticFile {
  std::string body;
  std::string content_type;
  std::string etag;
  std::string gzip_body;  // gzip of body; empty when compressing does not make it smaller
  std::string gzip_etag;  // differs from etag: caches keep both encodings apart
  // True when the answer to a request with this Accept-Encoding should be gzip_body.
  bool use_gzip(std::string_view accept_encoding) const;
};

// Whether an Accept-Encoding header value allows gzip ("gzip", "x-gzip" or
// "*" with a q-value above 0; an explicit "gzip;q=0" refuses it).
bool accepts_gzip(std::string_view accept_encoding);

// gzip (RFC 1952) of `data` at the best compression, no file name or time: the
// same input gives the same bytes. Empty on failure.
std::string gzip_compress(std::string_view data);

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
