// One delivery as the report shows it: the outcome of each section (completed,
// skipped, cut, unfinished), the results of each prompt and mastery per
// objective; and mastery across deliveries (the trend).
#pragma once
#include <string>
#include <vector>

#include "persist/journal_session.hpp"
#include "persist/report.hpp"

namespace facilita {

// Completed: done after being entered (or current when the delivery ended);
// Skipped: done without ever being entered (the facilitator jumped over it);
// Cut: cut by a rebalance; Unfinished: not reached, or current when it stopped.
SectionOutcome section_outcome(const State& state, const SectionTiming& timing, std::size_t index);

DeliverySummary summarize_delivery(const Replayed& replayed, const Timing& timing);

// One trend per objective of `latest` (in its order) over `deliveries` (oldest first).
std::vector<MasteryTrend> mastery_trends(const Session& latest, const std::vector<DeliverySummary>& deliveries);

// Whole percent of a share ("72 %"), and the trend between the last two
// deliveries that have a share: "▲", "▼", "=" or "" (fewer than two).
std::string percent_text(double share);
std::string trend_arrow(const MasteryTrend& trend);

// The report_text lines for per-delivery outcomes and mastery across deliveries.
std::string delivery_text(const SessionReport& report);

}  // namespace facilita
