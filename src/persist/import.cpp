#include "persist/import.hpp"

#include <nlohmann/json.hpp>

#include "core/event_json.hpp"
#include "persist/export_all.hpp"
#include "persist/hash.hpp"
#include "persist/journal_session.hpp"

namespace facilita {
namespace {

using nlohmann::json;

// One delivery of the file, checked and ready to insert.
struct Incoming {
  std::string where;  // "deliveries[2] (delivery 5 of journal 0a1b...)"
  std::string origin_journal;
  std::int64_t origin_delivery = 0;
  std::string session_id, title, file_path, file_sha256, status, file_content;
  Millis started_at = 0, last_alive_at = 0;
  std::optional<Millis> ended_at;
  std::vector<std::string> session_files;
  struct Row {
    std::int64_t seq = 0;
    Millis at = 0;
    std::string type, json;
  };
  std::vector<Row> events;
};

[[noreturn]] void fail(const std::string& source, const std::string& where, const std::string& what) {
  throw ImportError(source + ": " + where + ": " + what);
}

const json& field(const std::string& source, const json& object, const std::string& where, const char* key,
                  json::value_t type) {
  auto it = object.find(key);
  if (it == object.end()) fail(source, where, std::string("missing field \"") + key + "\"");
  bool ok = it->type() == type ||
            (type == json::value_t::number_integer && it->type() == json::value_t::number_unsigned);
  if (!ok) fail(source, where + "." + key, std::string("expected ") + json(type).type_name() + ", found " +
                                               it->type_name());
  return *it;
}

std::string text_field(const std::string& source, const json& o, const std::string& where, const char* key) {
  return field(source, o, where, key, json::value_t::string).get<std::string>();
}

std::int64_t int_field(const std::string& source, const json& o, const std::string& where, const char* key) {
  const json& v = field(source, o, where, key, json::value_t::number_integer);
  if (v.is_number_unsigned() && v.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX))
    fail(source, where + "." + key, "number out of range");
  return v.get<std::int64_t>();
}

Incoming check_delivery(const std::string& source, const json& d, std::size_t index) {
  Incoming in;
  std::string where = "deliveries[" + std::to_string(index) + "]";
  if (!d.is_object()) fail(source, where, "expected an object");
  const json& origin = field(source, d, where, "origin", json::value_t::object);
  in.origin_journal = text_field(source, origin, where + ".origin", "journal");
  in.origin_delivery = int_field(source, origin, where + ".origin", "delivery");
  if (in.origin_journal.empty() || in.origin_journal.size() > 64) fail(source, where + ".origin.journal", "not a journal identity");
  if (in.origin_delivery <= 0) fail(source, where + ".origin.delivery", "not a delivery id");
  where += " (delivery " + std::to_string(in.origin_delivery) + " of journal " + in.origin_journal.substr(0, 8) + ")";
  in.where = where;
  in.session_id = text_field(source, d, where, "session_id");
  in.title = text_field(source, d, where, "title");
  in.file_path = text_field(source, d, where, "file_path");
  in.file_sha256 = text_field(source, d, where, "file_sha256");
  in.status = text_field(source, d, where, "status");
  if (in.status != "running" && in.status != "ended" && in.status != "abandoned")
    fail(source, where + ".status", "unknown status \"" + in.status + "\" (running, ended or abandoned)");
  in.started_at = int_field(source, d, where, "started_at");
  in.last_alive_at = int_field(source, d, where, "last_alive_at");
  if (auto it = d.find("ended_at"); it != d.end() && !it->is_null())
    in.ended_at = int_field(source, d, where, "ended_at");
  in.file_content = text_field(source, d, where, "file_content");
  if (sha256_hex(in.file_content) != in.file_sha256)
    fail(source, where + ".file_content", "does not match its file_sha256 (the file was altered)");
  for (const auto& [hash, content] : field(source, d, where, "session_files", json::value_t::object).items()) {
    if (!content.is_string()) fail(source, where + ".session_files." + hash, "expected string");
    if (sha256_hex(content.get<std::string>()) != hash)
      fail(source, where + ".session_files." + hash, "content does not match its SHA-256");
    in.session_files.push_back(content.get<std::string>());
  }
  const json& events = field(source, d, where, "events", json::value_t::array);
  for (std::size_t k = 0; k < events.size(); ++k) {
    const json& e = events[k];
    std::string at_event = where + ".events[" + std::to_string(k) + "]";
    if (!e.is_object()) fail(source, at_event, "expected an object");
    Incoming::Row row;
    row.seq = int_field(source, e, at_event, "seq");
    at_event += " (seq " + std::to_string(row.seq) + ")";
    if (row.seq != static_cast<std::int64_t>(k) + 1)
      fail(source, at_event, "seq must count 1, 2, 3, ... (expected " + std::to_string(k + 1) + ")");
    row.at = int_field(source, e, at_event, "at");
    row.type = text_field(source, e, at_event, "type");
    const json& body = field(source, e, at_event, "json", json::value_t::object);
    Event event;
    try {
      event = event_from_json(body);
    } catch (const std::exception& ex) {
      fail(source, at_event, ex.what());
    }
    if (row.type != event_type_name(event.data) || event.at != row.at)
      fail(source, at_event, "type/at disagree with its json (\"" + row.type + "\")");
    row.json = to_json(event).dump();
    in.events.push_back(std::move(row));
  }
  return in;
}

json parse_limited(std::string_view text, const std::string& source) {
  if (text.size() > kMaxImportBytes)
    throw ImportError(source + ": larger than " + std::to_string(kMaxImportBytes >> 20) + " MiB; not an export");
  json::parser_callback_t depth_limit = [&](int depth, json::parse_event_t, json&) {
    if (depth > kMaxImportDepth)
      throw ImportError(source + ": JSON nested deeper than " + std::to_string(kMaxImportDepth) + " levels; not an export");
    return true;
  };
  try {
    return json::parse(text, depth_limit);
  } catch (const json::parse_error& e) {
    throw ImportError(source + ": not JSON (" + e.what() + ")");
  }
}

enum class Outcome { Imported, Present, Updated };

void check_replays(const Journal& journal, std::int64_t id, const Incoming& in, const std::string& source) {
  try {
    replay(journal, id);  // inside the transaction: a delivery that does not replay is never committed
  } catch (const std::exception& ex) {
    fail(source, in.where, std::string("does not replay: ") + ex.what());
  }
}

void insert_events(Database& db, std::int64_t id, const Incoming& in, std::size_t from) {
  auto e = db.prepare("INSERT INTO events(delivery_id, seq, at, type, json) VALUES (?, ?, ?, ?, ?)");
  for (std::size_t k = from; k < in.events.size(); ++k) {
    const auto& row = in.events[k];
    e.reset();
    e.bind(1, id).bind(2, row.seq).bind(3, row.at).bind(4, row.type).bind(5, row.json);
    e.run("importing events");
  }
}

// A delivery imported while it was running elsewhere, now with more events: when the
// events already here are the start of the incoming ones, the rest is appended and
// the status and times follow the newer export. Otherwise it is left as it is.
Outcome bring_up_to_date(Journal& journal, std::int64_t id, const Incoming& in, const std::string& source) {
  Database& db = journal.database();
  auto s = db.prepare("SELECT json FROM events WHERE delivery_id = ? ORDER BY seq");
  s.bind(1, id);
  std::size_t k = 0;
  while (s.step("importing")) {
    if (k >= in.events.size() || s.text_view(0) != in.events[k].json) return Outcome::Present;
    ++k;
  }
  if (k == in.events.size()) return Outcome::Present;
  insert_events(db, id, in, k);
  auto u = db.prepare("UPDATE deliveries SET status = ?2, ended_at = ?3, last_alive_at = max(last_alive_at, ?4) "
                      "WHERE id = ?1");
  u.bind(1, id).bind(2, in.status).bind(4, in.last_alive_at);
  if (in.ended_at) u.bind(3, *in.ended_at);
  else u.bind_null(3);
  u.run("importing a delivery");
  for (const auto& content : in.session_files) journal.store_session_file(content);
  check_replays(journal, id, in, source);
  return Outcome::Updated;
}

Outcome insert(Journal& journal, const Incoming& in, const std::string& source) {
  Database& db = journal.database();
  if (in.origin_journal == journal.journal_id()) return Outcome::Present;  // recorded here, came back
  auto seen = db.prepare(
      "SELECT id FROM deliveries WHERE origin_journal = ? AND origin_delivery = ? AND file_sha256 = ?");
  seen.bind(1, in.origin_journal).bind(2, in.origin_delivery).bind(3, in.file_sha256);
  if (seen.step("importing")) return bring_up_to_date(journal, seen.int64(0), in, source);
  auto s = db.prepare(
      "INSERT INTO deliveries(session_id, title, file_path, file_content, file_sha256, started_at, ended_at, "
      "last_alive_at, status, origin_journal, origin_delivery) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.bind(1, in.session_id).bind(2, in.title).bind(3, in.file_path).bind_blob(4, in.file_content);
  s.bind(5, in.file_sha256).bind(6, in.started_at);
  if (in.ended_at) s.bind(7, *in.ended_at);
  else s.bind_null(7);
  s.bind(8, in.last_alive_at).bind(9, in.status).bind(10, in.origin_journal).bind(11, in.origin_delivery);
  s.run("importing a delivery");
  std::int64_t id = db.last_insert_rowid();
  for (const auto& content : in.session_files) journal.store_session_file(content);
  insert_events(db, id, in, 0);
  check_replays(journal, id, in, source);
  return Outcome::Imported;
}

}  // namespace

ImportResult import_export(Journal& journal, std::string_view text, const std::string& source) {
  json doc = parse_limited(text, source);
  if (!doc.is_object()) throw ImportError(source + ": not a Facilita export (expected a JSON object)");
  auto format = doc.find("format");
  if (format == doc.end() || !format->is_string() || *format != kExportAllFormat)
    throw ImportError(source + ": format: expected \"" + kExportAllFormat +
                      "\" (made by `facilita export --all --format json`)");
  auto version = doc.find("version");
  if (version == doc.end() || !version->is_number_integer() || *version != kExportAllVersion)
    throw ImportError(source + ": version: this program reads version " + std::to_string(kExportAllVersion) +
                      (version == doc.end() ? std::string(", the field is missing") : ", found " + version->dump()));
  const json& deliveries = field(source, doc, "document", "deliveries", json::value_t::array);
  std::vector<Incoming> incoming;
  for (std::size_t i = 0; i < deliveries.size(); ++i) incoming.push_back(check_delivery(source, deliveries[i], i));

  ImportResult result;
  Transaction tx(journal.database(), "importing deliveries");
  for (const auto& in : incoming) {
    Outcome outcome = insert(journal, in, source);
    ++(outcome == Outcome::Imported ? result.imported : outcome == Outcome::Updated ? result.updated : result.present);
  }
  tx.commit();
  return result;
}

}  // namespace facilita
