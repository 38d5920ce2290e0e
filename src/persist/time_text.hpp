// Timestamps as text for exports and listings (ISO 8601).
#pragma once
#include <cstdint>
#include <string>

namespace facilita {

// "2025-03-04T16:15:30.123Z" (UTC, milliseconds) — for data files.
std::string iso8601_utc(std::int64_t unix_ms);
// "2025-03-04 10:15" in the local time zone — for people reading a listing.
std::string local_minute(std::int64_t unix_ms);

}  // namespace facilita
