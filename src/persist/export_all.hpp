// `facilita export --all`: every delivery of a journal in one file, for a
// coordinator who gathers the results of several facilitators (docs/data.md,
// "All deliveries in one file").
//
// JSON ("facilita-export-all", version 1) is self-describing and complete
// enough for `facilita import` (import.hpp) to rebuild each delivery: its global
// key (origin journal + origin delivery id + file SHA-256), the session file it
// ran and the versions its reloads name, and its events in journal form (seq, at,
// type, json), next to the readable answers/timeline/questions of export_json.
// CSV is one table across deliveries (answers, timeline or questions), header once.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "persist/journal.hpp"

namespace facilita {

inline constexpr const char* kExportAllFormat = "facilita-export-all";
inline constexpr int kExportAllVersion = 1;

// The origin key of a delivery as seen from `journal`: its recorded origin when
// imported, else (journal_id, id).
struct DeliveryOrigin {
  std::string journal;
  std::int64_t delivery = 0;
};
DeliveryOrigin origin_of(const Journal& journal, const DeliveryInfo& delivery);

// Throws JournalError when the journal has no identity (see Journal::journal_id)
// or a delivery cannot be replayed. `exported_at` is written as ISO 8601 UTC.
nlohmann::json export_all_json(const Journal& journal, Millis exported_at);
// table: answers | timeline | questions.
std::string export_all_csv(const Journal& journal, const std::string& table);

}  // namespace facilita
