// `facilita import`: merges another facilitator's `export --all` JSON
// (export_all.hpp) into the local journal (docs/data.md, "Importing").
//
// Each delivery not yet here becomes a local delivery with a new id, its status
// and times kept, its session files stored, its events copied (seq, at, type,
// json), and its origin key recorded. A delivery whose key is already here, or
// that came from this journal, is skipped: importing is idempotent. (One exception:
// a delivery imported while it was still running elsewhere and now longer, its
// events here being the start of the incoming ones, gets the rest.) Imported
// deliveries are never resumed nor appended to (Journal::find_unfinished, append).
//
// All or nothing: the whole file is checked (format, version, fields, event types,
// file hashes) and every new delivery is replayed inside one transaction; any
// problem throws ImportError naming the field, delivery and event seq, and the
// journal is left unchanged.
#pragma once
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

#include "persist/journal.hpp"

namespace facilita {

class ImportError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

inline constexpr std::size_t kMaxImportBytes = std::size_t{256} << 20;  // 256 MiB
inline constexpr int kMaxImportDepth = 64;                              // JSON nesting

struct ImportResult {
  int imported = 0;  // new local deliveries
  int present = 0;   // already in this journal (imported before, or recorded here)
  int updated = 0;   // imported before while running elsewhere; its new events added
};

// `source` names the file in messages. Throws ImportError (the journal unchanged).
ImportResult import_export(Journal& journal, std::string_view text, const std::string& source);

}  // namespace facilita
