#include "persist/export_all.hpp"

#include <map>

#include "core/event_json.hpp"
#include "persist/export.hpp"
#include "persist/time_text.hpp"

namespace facilita {
namespace {

nlohmann::json delivery_json(const Journal& journal, const DeliveryInfo& d) {
  using nlohmann::json;
  Replayed replayed = replay(journal, d.id);
  DeliveryOrigin origin = origin_of(journal, d);
  json events = json::array();
  json files = json::object();
  journal.for_each_event(d.id, [&](std::int64_t seq, const Event& event) {
    events.push_back({{"seq", seq}, {"at", event.at}, {"type", event_type_name(event.data)}, {"json", to_json(event)}});
    if (const auto* reload = std::get_if<ev::SessionReloaded>(&event.data); reload && !files.contains(reload->file_hash))
      if (auto content = journal.session_file(reload->file_hash)) files[reload->file_hash] = *content;
  });
  return {{"origin", {{"journal", origin.journal}, {"delivery", origin.delivery}}},
          {"local_id", d.id},
          {"session_id", d.session_id},
          {"title", d.title},
          {"file_path", d.file_path},
          {"file_sha256", d.file_sha256},
          {"status", d.status},
          {"started_at", d.started_at},
          {"ended_at", d.ended_at ? json(*d.ended_at) : json(nullptr)},
          {"last_alive_at", d.last_alive_at},
          {"file_content", journal.file_content(d.id)},
          {"session_files", files},
          {"events", events},
          {"export", export_json(build_export(replayed))}};
}

}  // namespace

DeliveryOrigin origin_of(const Journal& journal, const DeliveryInfo& d) {
  if (d.imported()) return {d.origin_journal, d.origin_delivery};
  return {journal.journal_id(), d.id};
}

nlohmann::json export_all_json(const Journal& journal, Millis exported_at) {
  const std::string id = journal.journal_id();
  if (id.empty())
    throw JournalError(journal.path() +
                       ": this journal has no identity yet; open it once writable (any `facilita run`, or "
                       "`facilita export --all` from a writable data directory)");
  nlohmann::json deliveries = nlohmann::json::array();
  for (const auto& d : journal.deliveries()) deliveries.push_back(delivery_json(journal, d));
  return {{"format", kExportAllFormat},
          {"version", kExportAllVersion},
          {"journal", {{"id", id}, {"schema_version", journal.schema_version()}}},
          {"exported_at", iso8601_utc(exported_at)},
          {"deliveries", std::move(deliveries)}};
}

std::string export_all_csv(const Journal& journal, const std::string& table) {
  std::string out;
  for (const auto& d : journal.deliveries()) {
    ExportData data = build_export(replay(journal, d.id));
    std::string text = table == "questions" ? questions_csv(data)
                       : table == "timeline" ? timeline_csv(data)
                                             : answers_csv(data);
    if (!out.empty()) text.erase(0, text.find("\r\n") + 2);  // the header once
    out += text;
  }
  if (out.empty()) {  // no deliveries: the header alone
    ExportData none;
    std::string text = table == "questions" ? questions_csv(none)
                       : table == "timeline" ? timeline_csv(none)
                                             : answers_csv(none);
    out = text;
  }
  return out;
}

}  // namespace facilita
