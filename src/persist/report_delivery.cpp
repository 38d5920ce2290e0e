#include "persist/report_delivery.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/mastery.hpp"
#include "core/tally.hpp"
#include "persist/report_text_words.hpp"
#include "persist/time_text.hpp"

namespace facilita {

const char* to_string(SectionOutcome outcome) {
  switch (outcome) {
    case SectionOutcome::Completed: return "completed";
    case SectionOutcome::Skipped: return "skipped";
    case SectionOutcome::Cut: return "cut";
    case SectionOutcome::Unfinished: return "unfinished";
  }
  return "unfinished";
}

SectionOutcome section_outcome(const State& state, const SectionTiming& timing, std::size_t index) {
  const AgendaState& a = state.agenda;
  switch (timing.status) {
    case SectionStatus::Cut: return SectionOutcome::Cut;
    case SectionStatus::Current: return a.ended ? SectionOutcome::Completed : SectionOutcome::Unfinished;
    case SectionStatus::Done:  // entered: completed, unless only passed through on the way elsewhere
      return timing.actual_ms < kPassedThroughMs ? SectionOutcome::Skipped : SectionOutcome::Completed;
    case SectionStatus::Upcoming: {
      for (std::size_t j = index + 1; j < a.visited.size(); ++j)  // the delivery went past it
        if (a.visited[j]) return SectionOutcome::Skipped;
      return SectionOutcome::Unfinished;
    }
  }
  return SectionOutcome::Unfinished;
}

namespace {

PromptResult prompt_result(const Session& session, const State& state, const Section& section, const Prompt& prompt) {
  PromptResult out;
  out.id = prompt.id;
  out.section = section.id;
  out.text = prompt.text;
  out.kind = to_string(prompt.kind);
  if (is_quiz(prompt)) out.correct = prompt.correct;
  auto it = state.prompts.find(prompt.id);
  if (it == state.prompts.end()) return out;
  const PromptState& ps = it->second;
  out.opened = ps.was_opened || ps.open || ps.round > 1 || !ps.answers.empty();
  for (const auto& [who, answer] : ps.answers) {
    if (answer.hidden) continue;
    ++out.responses;
    if (answer_is_correct(prompt, answer.value)) ++out.correct_answers;
  }
  if (prompt.kind == PromptKind::Text) return out;  // text answers stay out of reports
  Tally t = tally(session, state, prompt.id);
  for (std::size_t i = 0; i < t.labels.size() && i < t.counts.size(); ++i) out.counts.emplace_back(t.labels[i], t.counts[i]);
  return out;
}

}  // namespace

DeliverySummary summarize_delivery(const Replayed& r, const Timing& timing) {
  const DeliveryInfo& d = r.delivery;
  DeliverySummary out;
  out.id = d.id;
  out.started_at = d.started_at;
  out.ended_at = d.ended_at;
  out.status = d.status;
  out.file_sha256 = r.file_sha256.empty() ? d.file_sha256 : r.file_sha256;
  out.participants = static_cast<int>(r.state.participants.size());
  for (std::size_t i = 0; i < r.session.sections.size() && i < timing.sections.size(); ++i) {
    const auto& section = r.session.sections[i];
    const auto& t = timing.sections[i];
    out.sections.push_back({section.id, section.title, t.original_s, t.planned_s, t.actual_ms,
                            section_outcome(r.state, t, i)});
  }
  for (const auto& section : r.session.sections)
    for (const auto& prompt : section.prompts) out.prompts.push_back(prompt_result(r.session, r.state, section, prompt));
  out.mastery = compute_mastery(r.session, r.state);
  return out;
}

std::vector<MasteryTrend> mastery_trends(const Session& latest, const std::vector<DeliverySummary>& deliveries) {
  std::vector<MasteryTrend> out;
  for (const auto& objective : latest.objectives) {
    MasteryTrend trend;
    trend.id = objective.id;
    trend.text = objective.text;
    for (const auto& d : deliveries) {
      auto m = std::find_if(d.mastery.begin(), d.mastery.end(),
                            [&](const ObjectiveMastery& x) { return x.id == objective.id; });
      if (m == d.mastery.end()) {
        trend.shares.push_back(std::nullopt);
        continue;
      }
      trend.shares.push_back(m->share());
      trend.answers += m->answers;
      trend.correct += m->correct;
      trend.has_quiz = trend.has_quiz || m->quiz_prompts > 0;
    }
    out.push_back(std::move(trend));
  }
  return out;
}

std::string percent_text(double share) { return std::to_string(std::lround(share * 100)) + " %"; }

std::string trend_arrow(const MasteryTrend& trend) {
  std::vector<long> known;
  for (const auto& share : trend.shares)
    if (share) known.push_back(std::lround(*share * 100));
  if (known.size() < 2) return "";
  long last = known.back(), before = known[known.size() - 2];
  return last > before ? "\u25B2" : last < before ? "\u25BC" : "=";
}

DeliveryCounts count_delivery(const DeliverySummary& d) {
  DeliveryCounts c;
  for (const auto& s : d.sections) ++c.outcomes[static_cast<int>(s.outcome)];
  for (const auto& p : d.prompts)
    if (!p.correct.empty()) c.quiz_answers += p.responses, c.quiz_correct += p.correct_answers;
  return c;
}

std::string delivery_text(const SessionReport& r, Lang lang) {
  std::string out = "\n" + std::string(rt(lang, RT::DeliveriesHeading)) + "\n";
  char line[512];
  auto cell = [](const std::string& text, std::size_t width, bool right) {
    std::size_t n = 0;
    for (unsigned char c : text) n += (c & 0xC0) != 0x80 ? 1 : 0;
    std::string fill = n >= width ? std::string() : std::string(width - n, ' ');
    return right ? fill + text : text + fill;
  };
  const RT keys[] = {RT::ColDelivery, RT::ColStarted, RT::ColStatus, RT::ColFellows, RT::ColCompleted,
                     RT::ColSkipped, RT::ColCut, RT::ColUnfinished, RT::ColCorrect};
  const std::size_t widths[] = {9, 16, 10, 7, 9, 7, 4, 10, 8};
  const bool right[] = {false, false, false, true, true, true, true, true, true};
  std::size_t w[9];  // the English widths, wider when a word needs it
  for (int i = 0; i < 9; ++i) {
    std::size_t n = 0;
    for (const char* c = rt(lang, keys[i]); *c; ++c) n += (static_cast<unsigned char>(*c) & 0xC0) != 0x80 ? 1 : 0;
    w[i] = std::max(widths[i], n);
  }
  auto row = [&](const std::string (&cells)[9]) {
    std::string text = " ";
    for (int i = 0; i < 9; ++i) {  // appended: `" " + std::string` trips GCC 12's -Wrestrict (bug 105329)
      text += ' ';
      text += cell(cells[i], w[i], right[i]);
    }
    return text + "\n";
  };
  std::string header[9];
  for (int i = 0; i < 9; ++i) header[i] = rt(lang, keys[i]);
  out += row(header);
  for (const auto& d : r.per_delivery) {
    const DeliveryCounts c = count_delivery(d);
    const int* n = c.outcomes;
    const int answers = c.quiz_answers, correct = c.quiz_correct;
    std::string quiz = answers ? std::to_string(correct) + "/" + std::to_string(answers) : "-";
    std::string cells[9] = {std::to_string(d.id), local_minute(d.started_at), status_word(lang, d.status),
                            std::to_string(d.participants), std::to_string(n[static_cast<int>(SectionOutcome::Completed)]),
                            std::to_string(n[static_cast<int>(SectionOutcome::Skipped)]),
                            std::to_string(n[static_cast<int>(SectionOutcome::Cut)]),
                            std::to_string(n[static_cast<int>(SectionOutcome::Unfinished)]), quiz};
    out += row(cells);
  }
  out += "\n" + std::string(rt(lang, RT::MasteryHeading)) + "\n";
  for (const auto& m : r.mastery) {
    std::string shares;
    if (!m.has_quiz) {
      shares = rt(lang, RT::NoQuiz);
    } else if (m.answers == 0) {
      shares = rt(lang, RT::NoAnswers);
    } else {
      for (const auto& share : m.shares) shares += (shares.empty() ? "" : " \u2192 ") + (share ? percent_text(*share) : "-");
      if (auto arrow = trend_arrow(m); !arrow.empty()) shares += " (" + arrow + ")";
      std::snprintf(line, sizeof line, rt(lang, RT::AnswersOf), m.correct, m.answers);
      shares += "  " + std::string(line);
    }
    std::snprintf(line, sizeof line, "  %-28s %s\n", m.id.c_str(), shares.c_str());
    out += line;
  }
  return out;
}

}  // namespace facilita
