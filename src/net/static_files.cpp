#include "net/static_files.hpp"
#include "core/text_util.hpp"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <fstream>
#include <optional>
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
    {"/steps.js", "steps.js", "text/javascript; charset=utf-8", false},
    {"/strings.js", "strings.js", "text/javascript; charset=utf-8", false},
    {"/style.css", "style.css", "text/css; charset=utf-8", false},
    {"/favicon.svg", "favicon.svg", "image/svg+xml", false},
    {"/room.js", "room.js", "text/javascript; charset=utf-8", false},
    {"/remote_room.js", "remote_room.js", "text/javascript; charset=utf-8", false},
    {"/remote_live.js", "remote_live.js", "text/javascript; charset=utf-8", false},
    {"/cues.js", "cues.js", "text/javascript; charset=utf-8", false},
    {"/questions.js", "questions.js", "text/javascript; charset=utf-8", false},
    {"/remote_questions.js", "remote_questions.js", "text/javascript; charset=utf-8", false},
    {"/you.js", "you.js", "text/javascript; charset=utf-8", false},
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
  // Appended, not `"\"" + std::string`: GCC 12's -Wrestrict false positive (bug 105329).
  return std::string("\"").append(text::fnv1a_hex(body)).append("\"");
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// The q-value of one Accept-Encoding element ("gzip;q=0.5"); 1 without one.
double q_value(std::string_view params) {
  while (!params.empty()) {
    auto semi = params.find(';');
    std::string_view p = trim(params.substr(0, semi));
    params = semi == std::string_view::npos ? std::string_view() : params.substr(semi + 1);
    if (p.size() >= 2 && (p[0] == 'q' || p[0] == 'Q') && p[1] == '=') {
      std::string value(trim(p.substr(2)));
      char* end = nullptr;
      double q = std::strtod(value.c_str(), &end);
      return end == value.c_str() ? 0 : q;
    }
  }
  return 1;
}

}  // namespace

bool accepts_gzip(std::string_view header) {
  std::optional<double> gzip, any;
  while (!header.empty()) {
    auto comma = header.find(',');
    std::string_view item = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    auto semi = item.find(';');
    std::string_view coding = trim(item.substr(0, semi));
    double q = semi == std::string_view::npos ? 1 : q_value(item.substr(semi + 1));
    if (iequals(coding, "gzip") || iequals(coding, "x-gzip")) gzip = std::max(gzip.value_or(0), q);
    else if (coding == "*") any = q;
  }
  return gzip ? *gzip > 0 : any.value_or(0) > 0;
}

std::string gzip_compress(std::string_view data) {
  z_stream zs{};
  // windowBits 15 + 16: a gzip wrapper; zlib writes no name and time 0.
  if (deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) return {};
  std::string out(deflateBound(&zs, static_cast<uLong>(data.size())), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return rc == Z_STREAM_END ? out : std::string();
}

bool StaticFile::use_gzip(std::string_view accept_encoding) const {
  return !gzip_body.empty() && accepts_gzip(accept_encoding);
}

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
        error = std::string("cannot read ").append(root).append(route.file).append(" (set the web root with --web-root)");
        return false;
      }
      continue;
    }
    file.content_type = route.type;
    file.etag = etag_of(file.body);
    if (std::string gz = gzip_compress(file.body); !gz.empty() && gz.size() < file.body.size()) {
      file.gzip_body = std::move(gz);
      file.gzip_etag = std::string("\"").append(text::fnv1a_hex(file.body)).append("-gzip\"");
    }
    files_.emplace(route.url, std::move(file));
  }
  return true;
}

const StaticFile* StaticFiles::find(std::string_view target) const {
  auto it = files_.find(path_of(target));
  return it == files_.end() ? nullptr : &it->second;
}

}  // namespace facilita::net
