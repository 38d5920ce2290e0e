// Events and answer values as JSON: the journal's storage format and the
// shape exports use. Each event is an object with a stable "type" name
// ("started", "section-changed", "answered", ...), its time "at"
// (milliseconds since the Unix epoch) and the fields of its struct, e.g.
//   {"type":"answered","at":1700000000000,"participant":"p1","prompt":"q",
//    "value":["a","b"],"seq":3}
// Type names and field names are part of the journal format: never rename one;
// add a new type instead (and bump the journal schema version).
#pragma once
#include <nlohmann/json.hpp>
#include <string_view>

#include "core/engine.hpp"

namespace facilita {

// string -> JSON string, list -> array of strings, int -> JSON integer.
nlohmann::json to_json(const AnswerValue& value);
// Throws std::runtime_error saying what was expected when `j` is none of those.
AnswerValue answer_value_from_json(const nlohmann::json& j);

nlohmann::json to_json(const Event& event);
// Throws std::runtime_error naming the event type and field on bad input:
// unknown type, missing field, wrong JSON type, out-of-range number.
// Fields this version does not know are ignored.
Event event_from_json(const nlohmann::json& j);

// The stable type name of an event ("answered"), as stored in the journal.
const char* event_type_name(const EventData& data);

}  // namespace facilita
