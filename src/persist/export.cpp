#include "persist/export.hpp"

#include <algorithm>
#include <set>

#include "core/event_json.hpp"
#include "persist/hash.hpp"
#include "persist/time_text.hpp"

namespace facilita {
namespace {

std::optional<bool> is_correct(const Prompt& prompt, const AnswerValue& value) {
  if (prompt.correct.empty()) return std::nullopt;
  if (const auto* choice = std::get_if<std::string>(&value))
    return std::find(prompt.correct.begin(), prompt.correct.end(), *choice) != prompt.correct.end();
  if (const auto* picks = std::get_if<std::vector<std::string>>(&value))
    return std::set<std::string>(picks->begin(), picks->end()) ==
           std::set<std::string>(prompt.correct.begin(), prompt.correct.end());
  return std::nullopt;
}

std::string csv_row(std::initializer_list<std::string> fields) {
  std::string row;
  for (const auto& f : fields) {
    if (!row.empty()) row += ',';
    row += csv_field(f);
  }
  return row + "\r\n";
}

std::string participant_name(const State& state, const std::string& id) {
  auto it = state.participants.find(id);
  return it == state.participants.end() ? std::string() : it->second.name;
}

}  // namespace


std::string pseudonym(std::string_view name, std::string_view participant_id) {
  // A hash, not the id itself: the id is the fellow's reconnect token.
  std::string suffix = sha256_hex(participant_id).substr(0, 6);
  return (name.empty() ? std::string("anon") : std::string(name)) + " #" + suffix;
}

std::string answer_text(const AnswerValue& value) {
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  if (const auto* n = std::get_if<int>(&value)) return std::to_string(*n);
  std::string out;
  for (const auto& item : std::get<std::vector<std::string>>(value)) {
    if (!out.empty()) out += "; ";
    out += item;
  }
  return out;
}

static bool is_plain_number(std::string_view text) {
  std::size_t i = (text.size() > 1 && (text[0] == '-' || text[0] == '+')) ? 1 : 0;
  bool digits = false, dot = false;
  for (; i < text.size(); ++i) {
    if (text[i] >= '0' && text[i] <= '9') digits = true;
    else if (text[i] == '.' && !dot) dot = true;
    else return false;
  }
  return digits;
}

std::string csv_field(std::string_view raw) {
  // Spreadsheets run a cell that starts with = + - @ (or a tab / CR before one)
  // as a formula: `=HYPERLINK(...)` typed as an answer must stay text. A leading
  // apostrophe makes it text; plain numbers such as -20 stay numbers.
  std::string neutral;
  if (!raw.empty() && std::string_view("=+-@\t\r").find(raw[0]) != std::string_view::npos && !is_plain_number(raw)) {
    neutral = "'" + std::string(raw);
    raw = neutral;
  }
  std::string_view text = raw;
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

ExportData build_export(const Replayed& r) {
  ExportData out;
  out.delivery = r.delivery;
  out.session_title = r.session.title;
  out.as_of = r.delivery.last_event_at ? r.delivery.last_event_at : r.delivery.started_at;
  for (const auto& section : r.session.sections) {
    for (const auto& prompt : section.prompts) {
      auto ps = r.state.prompts.find(prompt.id);
      if (ps == r.state.prompts.end()) continue;
      const auto& rounds = ps->second.earlier_rounds;
      for (std::size_t k = 0; k <= rounds.size(); ++k) {
        const AnswerMap& answers = k < rounds.size() ? rounds[k] : ps->second.answers;
        std::size_t first = out.answers.size();
        for (const auto& [participant, answer] : answers)
          out.answers.push_back(AnswerRow{pseudonym(participant_name(r.state, participant), participant), section.id,
                                          prompt.id, static_cast<int>(k) + 1, prompt.text, to_string(prompt.kind),
                                          answer.value, is_correct(prompt, answer.value), answer.hidden, answer.at});
        std::stable_sort(out.answers.begin() + static_cast<std::ptrdiff_t>(first), out.answers.end(),
                         [](const AnswerRow& a, const AnswerRow& b) { return a.at < b.at; });
      }
    }
  }
  out.questions = question_rows(r.session, r.state);
  Timing timing = derive(r.session, r.state, out.as_of);
  for (std::size_t i = 0; i < r.session.sections.size() && i < timing.sections.size(); ++i) {
    const auto& t = timing.sections[i];
    out.timeline.push_back(TimelineRow{static_cast<int>(i) + 1, r.session.sections[i].id, r.session.sections[i].title,
                                       t.original_s, t.planned_s, t.actual_ms, t.overrun_s,
                                       to_string(t.status)});
  }
  return out;
}

std::string answers_csv(const ExportData& data) {
  std::string out = csv_row({"delivery", "participant", "section", "prompt", "round", "prompt_text", "kind", "value",
                             "correct", "hidden", "time"});
  for (const auto& a : data.answers)
    out += csv_row({std::to_string(data.delivery.id), a.participant, a.section, a.prompt, std::to_string(a.round),
                    a.prompt_text, a.kind,
                    answer_text(a.value), a.correct ? (*a.correct ? "yes" : "no") : "", a.hidden ? "yes" : "no",
                    iso8601_utc(a.at)});
  return out;
}

std::string timeline_csv(const ExportData& data) {
  std::string out = csv_row({"delivery", "index", "section", "title", "planned_s", "adjusted_plan_s", "actual_s",
                             "overrun_s", "status"});
  for (const auto& t : data.timeline)
    out += csv_row({std::to_string(data.delivery.id), std::to_string(t.index), t.section, t.title,
                    std::to_string(t.original_s), std::to_string(t.planned_s), std::to_string((t.actual_ms + 500) / 1000),
                    std::to_string(t.overrun_s), t.status});
  return out;
}

nlohmann::json export_json(const ExportData& data) {
  using nlohmann::json;
  const auto& d = data.delivery;
  json answers = json::array();
  for (const auto& a : data.answers) {
    json row{{"participant", a.participant}, {"section", a.section}, {"prompt", a.prompt}, {"round", a.round},
             {"prompt_text", a.prompt_text}, {"kind", a.kind},       {"value", to_json(a.value)},
             {"hidden", a.hidden},           {"time", iso8601_utc(a.at)}};
    row["correct"] = a.correct ? json(*a.correct) : json(nullptr);
    answers.push_back(std::move(row));
  }
  json timeline = json::array();
  for (const auto& t : data.timeline)
    timeline.push_back({{"index", t.index},
                        {"section", t.section},
                        {"title", t.title},
                        {"planned_s", t.original_s},
                        {"adjusted_plan_s", t.planned_s},
                        {"actual_s", static_cast<double>(t.actual_ms) / 1000.0},
                        {"overrun_s", t.overrun_s},
                        {"status", t.status}});
  json delivery{{"id", d.id},
                {"session_id", d.session_id},
                {"title", data.session_title},
                {"file", d.file_path},
                {"file_sha256", d.file_sha256},
                {"status", d.status},
                {"started", iso8601_utc(d.started_at)},
                {"ended", d.ended_at ? json(iso8601_utc(*d.ended_at)) : json(nullptr)},
                {"events", d.events},
                {"as_of", iso8601_utc(data.as_of)}};
  return {{"format", "facilita-export"}, {"version", 1}, {"delivery", delivery}, {"answers", answers},
          {"timeline", timeline}, {"questions", questions_json(data.questions)}};
}

}  // namespace facilita
