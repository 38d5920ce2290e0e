// One delivery as the report shows it: the outcome of each section (completed,
// skipped, cut, unfinished), the results of each prompt and mastery per
// objective; and mastery across deliveries (the trend).
#pragma once
#include "core/lang.hpp"
#include <string>
#include <vector>

#include "persist/journal_session.hpp"
#include "persist/report.hpp"

namespace facilita {

// A section left after less than this was only passed through (Next pressed
// several times to get further): skipped, not completed in 00:00.
inline constexpr Millis kPassedThroughMs = 10'000;

// Completed: entered and left after kPassedThroughMs or more, or current when
// the delivery ended; Skipped: jumped over (never entered while a later section
// was) or only passed through; Cut: cut by a rebalance; Unfinished: not
// reached, or current when the delivery stopped.
SectionOutcome section_outcome(const State& state, const SectionTiming& timing, std::size_t index);

DeliverySummary summarize_delivery(const Replayed& replayed, const Timing& timing);

// One trend per objective of `latest` (in its order) over `deliveries` (oldest first).
std::vector<MasteryTrend> mastery_trends(const Session& latest, const std::vector<DeliverySummary>& deliveries);

// Whole percent of a share ("72 %"), and the trend between the last two
// deliveries that have a share: "▲", "▼", "=" or "" (fewer than two).
std::string percent_text(double share);
std::string trend_arrow(const MasteryTrend& trend);

// The report_text lines for per-delivery outcomes and mastery across deliveries.
std::string delivery_text(const SessionReport& report, Lang lang);

}  // namespace facilita
