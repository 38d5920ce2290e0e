#include "core/loader.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <regex>

#include "core/duration.hpp"
#include "core/text_util.hpp"
#include "core/yaml_guard.hpp"

namespace facilita {
namespace {

using Keys = std::vector<std::string_view>;
using text::count_bullets;
using text::has_curly_quotes;
using text::wrapped_in_curly_quotes;
const Keys kSessionKeys{"id", "title", "language", "duration", "objective", "objectives", "sections", "questions"};
const Keys kQuestionsKeys{"moderation"};
const Keys kSectionKeys{"id",       "title",      "duration", "min",   "max",  "fixed",
                        "optional", "objectives", "content",  "notes", "prompts", "steps"};
const Keys kStepKeys{"id", "title", "duration", "text"};
const Keys kPromptKeys{"id", "kind", "text", "options", "correct", "scale", "time", "objectives"};

const Keys kObjectiveKeys{"id", "text"};

constexpr int kMaxBullets = 60;  // more and the projector pages the section's content
const Msg kCurlyQuotesNote = msg(M::NoteCurlyQuotes);

const Keys kScaleKeys{"min", "max", "labels"};

class Builder {
 public:
  explicit Builder(std::vector<Diagnostic>& out) : out_(out) {}

  Session session(const YAML::Node& root) {
    Session s;
    if (!root.IsMap()) {
      error(root, msg(M::TopLevelMap));
      return s;
    }
    check_keys(root, kSessionKeys, M::NounSession);
    s.id = id_field(root, "id", M::NounSession, true);
    s.title = text_field(root, "title", M::NounSession, true);
    s.objective = text_field(root, "objective", M::NounSession, false);
    s.duration_s = duration_field(root, "duration", true);
    if (auto lang = root["language"]) {
      s.language = scalar(lang, "language");
      if (!s.language.empty() && s.language != "es" && s.language != "en")
        error(lang, msg(M::LanguageValue, s.language));
    }
    if (auto q = root["questions"]; q && expect_map(q, M::NounQuestionsMap)) {
      check_keys(q, kQuestionsKeys, M::NounQuestions);
      if (q["moderation"]) s.questions_moderated = bool_field(q, "moderation");
    }
    for_each_item(root, "objectives", false, [&](const YAML::Node& n) {
      if (!expect_map(n, M::NounAnObjective)) return;
      check_keys(n, kObjectiveKeys, M::NounObjective);
      Objective o;
      o.pos = pos(n);
      o.id = id_field(n, "id", M::NounObjective, true, &o.id_pos);
      o.text = text_field(n, "text", M::NounObjective, true);
      s.objectives.push_back(std::move(o));
    });
    if (!for_each_item(root, "sections", true, [&](const YAML::Node& n) { s.sections.push_back(section(n)); }))
      return s;
    if (root["sections"] && root["sections"].IsSequence() && root["sections"].size() == 0)
      error(root["sections"], msg(M::NoSections));
    return s;
  }

 private:
  std::vector<Diagnostic>& out_;

  void warning_at(SourcePos p, Msg message, std::vector<Msg> notes = {}) {
    out_.push_back(make_diagnostic(Severity::Warning, p.line, p.col, std::move(message), std::move(notes)));
  }
  static SourcePos pos(const YAML::Node& n) {
    auto m = n.Mark();
    return {m.line + 1, m.column + 1};
  }
  void error(const YAML::Node& n, Msg message, std::vector<Msg> notes = {}, int col_offset = 0) {
    auto p = pos(n);
    out_.push_back(make_diagnostic(Severity::Error, p.line, p.col + col_offset, std::move(message), std::move(notes)));
  }
  void warning(const YAML::Node& n, Msg message, std::vector<Msg> notes = {}) {
    auto p = pos(n);
    out_.push_back(make_diagnostic(Severity::Warning, p.line, p.col, std::move(message), std::move(notes)));
  }
  // Position of `key:` itself inside a mapping (warnings point at the key).
  static SourcePos key_pos(const YAML::Node& map, const char* key) {
    for (auto it = map.begin(); it != map.end(); ++it)
      if (it->first.IsScalar() && it->first.Scalar() == key) return pos(it->first);
    return pos(map);
  }
  bool expect_map(const YAML::Node& n, M what) {
    if (n.IsMap()) return true;
    error(n, msg(M::MustBeMap, what));
    return false;
  }
  void check_keys(const YAML::Node& map, const Keys& allowed, M where) {
    for (auto it = map.begin(); it != map.end(); ++it) {
      auto key = it->first.Scalar();
      if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
      std::vector<Msg> notes;
      if (auto guess = closest_match(key, allowed); !guess.empty()) notes.push_back(msg(M::NoteDidYouMean, guess));
      std::string list;
      for (auto k : allowed) list += (list.empty() ? "" : ", ") + std::string(k);
      notes.push_back(msg(M::NoteAllowedKeys, where, list));
      if (map.Style() == YAML::EmitterStyle::Flow && it->second.IsNull())
        notes.insert(notes.begin(), msg(M::NoteFlowComma));
      error(it->first, msg(M::UnknownKey, key, where), notes);
    }
  }
  std::string scalar(const YAML::Node& n, const std::string& field) {
    if (!n.IsScalar()) {
      error(n, msg(n.IsMap() ? M::MustBeTextNotMap : n.IsSequence() ? M::MustBeTextNotList : M::MustBeTextNotNull, field));
      return {};
    }
    return n.Scalar();
  }
  YAML::Node required(const YAML::Node& map, const char* key, M where, bool is_required) {
    YAML::Node n = map[key];
    if (!n && is_required) error(map, msg(M::MissingKeyIn, where, key));
    return n;
  }
  std::string text_field(const YAML::Node& map, const char* key, M where, bool is_required) {
    auto n = required(map, key, where, is_required);
    if (!n) return {};
    auto value = scalar(n, key);
    if (is_required && n.IsScalar() && value.empty()) error(n, msg(M::NotEmpty, key));
    if (wrapped_in_curly_quotes(value)) warning(n, msg(M::CurlyWrapped, key), {kCurlyQuotesNote});
    return value;
  }
  std::string id_field(const YAML::Node& map, const char* key, M where, bool is_required,
                       SourcePos* at = nullptr) {
    auto n = required(map, key, where, is_required);
    if (!n) return {};
    if (at) *at = pos(n);
    auto value = scalar(n, key);
    static const std::regex kId("[a-z0-9-]+");
    if (n.IsScalar() && !std::regex_match(value, kId)) {
      std::vector<Msg> notes{msg(M::NoteIdChars)};
      if (has_curly_quotes(value)) notes.insert(notes.begin(), kCurlyQuotesNote);
      error(n, msg(M::InvalidId, value), notes);
    }
    return value;
  }
  bool bool_field(const YAML::Node& map, const char* key) {
    auto n = map[key];
    if (!n) return false;
    bool value = false;
    if (!n.IsScalar() || !YAML::convert<bool>::decode(n, value))
      error(n, msg(M::MustBeBool, key));
    return value;
  }
  int duration_field(const YAML::Node& map, const char* key, bool is_required, SourcePos* at = nullptr) {
    auto n = required(map, key, M::Literal, false);
    if (n && at) *at = key_pos(map, key);
    if (!n) {
      if (is_required) error(map, msg(M::MissingDurationKey, key));
      return 0;
    }
    if (!n.IsScalar()) {
      error(n, msg(M::MustBeDuration, key));
      return 0;
    }
    auto parsed = parse_duration(n.Scalar());
    if (auto* seconds = std::get_if<int>(&parsed)) return *seconds;
    const auto& e = std::get<DurationError>(parsed);
    std::vector<Msg> notes;
    if (has_curly_quotes(n.Scalar())) notes.push_back(kCurlyQuotesNote);
    else if (!e.hint_text.empty()) notes.push_back(e.hint_text);
    int quote = n.Tag() == "!" ? 1 : 0;
    error(n, msg(M::BadDuration, n.Scalar(), key, e.what), notes, e.offset + quote);
    return 0;
  }
  std::vector<std::string> string_list(const YAML::Node& n, const std::string& field) {
    std::vector<std::string> items;
    if (!n.IsSequence()) {
      error(n, msg(M::MustBeList, field));
      return items;
    }
    for (const auto& item : n) items.push_back(scalar(item, field));
    return items;
  }
  template <typename F>
  bool for_each_item(const YAML::Node& map, const char* key, bool is_required, F&& f) {
    auto n = map[key];
    if (!n) {
      if (is_required) error(map, msg(M::MissingKey, key));
      return false;
    }
    if (!n.IsSequence()) {
      error(n, msg(M::MustBeItemList, key));
      return false;
    }
    for (const auto& item : n) f(item);
    return true;
  }

  Section section(const YAML::Node& n) {
    Section s;
    s.pos = pos(n);
    if (!expect_map(n, M::NounASection)) return s;
    check_keys(n, kSectionKeys, M::NounSection);
    s.id = id_field(n, "id", M::NounSection, true, &s.id_pos);
    s.title = text_field(n, "title", M::NounSection, true);
    s.duration_s = duration_field(n, "duration", true);
    s.min_s = duration_field(n, "min", false, &s.min_pos);
    s.max_s = duration_field(n, "max", false, &s.max_pos);
    s.fixed = bool_field(n, "fixed");
    s.optional = bool_field(n, "optional");
    if (auto o = n["objectives"]) {
      s.objectives = string_list(o, "objectives");
      if (o.IsSequence())
        for (const auto& item : o) s.objectives_pos.push_back(pos(item));
    }
    s.content = text_field(n, "content", M::NounSection, false);
    if (int bullets = count_bullets(s.content); bullets >= kMaxBullets)
      warning_at(key_pos(n, "content"), msg(M::ManyBullets, s.id, std::to_string(bullets)),
                 {msg(M::NoteFewerBullets, std::to_string(kMaxBullets))});
    if (n["steps"]) s.steps_pos = key_pos(n, "steps");
    s.notes = text_field(n, "notes", M::NounSection, false);
    for_each_item(n, "prompts", false, [&](const YAML::Node& p) { s.prompts.push_back(prompt(p)); });
    for_each_item(n, "steps", false, [&](const YAML::Node& st) { s.steps.push_back(step(st)); });
    return s;
  }

  Step step(const YAML::Node& n) {
    Step st;
    st.pos = pos(n);
    if (!expect_map(n, M::NounAStep)) return st;
    check_keys(n, kStepKeys, M::NounStep);
    st.id = id_field(n, "id", M::NounStep, true, &st.id_pos);
    st.title = text_field(n, "title", M::NounStep, true);
    st.duration_s = duration_field(n, "duration", true);
    st.text = text_field(n, "text", M::NounStep, false);
    return st;
  }

  Prompt prompt(const YAML::Node& n) {
    Prompt p;
    p.pos = pos(n);
    if (!expect_map(n, M::NounAPrompt)) return p;
    check_keys(n, kPromptKeys, M::NounPrompt);
    p.id = id_field(n, "id", M::NounPrompt, true, &p.id_pos);
    p.text = text_field(n, "text", M::NounPrompt, true);
    bool kind_known = false;  // rules that depend on the kind are skipped without one
    if (auto k = required(n, "kind", M::NounPrompt, true)) {
      auto text = scalar(k, "kind");
      if (auto kind = prompt_kind_from(text)) {
        p.kind = *kind;
        kind_known = true;
      } else if (k.IsScalar()) {
        auto guess = closest_match(text, {"choice", "multi", "scale", "text", "poll"});
        std::vector<Msg> notes{msg(M::NoteKinds)};
        if (!guess.empty()) notes.insert(notes.begin(), msg(M::NoteDidYouMean, guess));
        if (has_curly_quotes(text)) notes.insert(notes.begin(), kCurlyQuotesNote);
        error(k, msg(M::UnknownKind, text), notes);
      }
    }
    p.time_s = duration_field(n, "time", false, &p.time_pos);
    if (!kind_known) {  // one cause, one error: keep what parses, judge nothing else
      if (auto o = n["options"]; o && o.IsSequence()) p.options = string_list(o, "options");
      if (auto o = n["objectives"]; o && o.IsSequence()) {
        p.objectives = string_list(o, "objectives");
        for (const auto& item : o) p.objectives_pos.push_back(pos(item));
      }
      return p;
    }
    bool wants_options = p.kind == PromptKind::Choice || p.kind == PromptKind::Multi || p.kind == PromptKind::Poll;
    if (auto o = n["options"]) {
      if (!wants_options) error(o, msg(M::TakesNoOptions, std::string(to_string(p.kind))));
      p.options = string_list(o, "options");
      if (o.IsSequence() && p.options.empty()) error(o, msg(M::OptionsEmpty), {msg(M::NoteTwoOptions)});
      else if (o.IsSequence() && p.options.size() == 1) error(o, msg(M::OptionsNeedTwo));
      for (std::size_t i = 0; i < p.options.size(); ++i) {
        if (o.IsSequence() && p.options[i].empty()) error(o[i], msg(M::EmptyOption));
        if (o.IsSequence() && has_curly_quotes(p.options[i]))
          warning(o[i], msg(M::OptionCurly, p.options[i]), {kCurlyQuotesNote});
        for (std::size_t j = 0; j < i; ++j)
          if (!p.options[i].empty() && p.options[i] == p.options[j]) error(o[i], msg(M::DuplicateOption, p.options[i]));
      }
    } else if (wants_options && n["kind"]) {
      error(n, msg(M::NeedsOptions, std::string(to_string(p.kind))));
    }
    if (auto c = n["correct"]) correct(p, c);
    if (auto o = n["objectives"]) {
      p.objectives = string_list(o, "objectives");
      if (o.IsSequence()) {
        for (const auto& item : o) p.objectives_pos.push_back(pos(item));
        if (p.objectives.empty()) error(o, msg(M::ObjectivesEmptyList), {msg(M::NoteLeaveOutObjectives)});
      }
    }
    if (auto sc = n["scale"]) {
      if (p.kind != PromptKind::Scale) error(sc, msg(M::ScaleOnlyForScale));
      else p.scale = scale(sc);
    } else if (p.kind == PromptKind::Scale) {  // required, as the guide and the schema say
      error(n["kind"], msg(M::ScaleNeeded), {msg(M::NoteAddScale)});
    }
    return p;
  }

  void correct(Prompt& p, const YAML::Node& c) {
    if (p.kind == PromptKind::Choice) {
      if (c.IsSequence()) {
        error(c, msg(M::ChoiceOneCorrect), {msg(M::NoteUseMulti)});
        return;
      }
      p.correct = {scalar(c, "correct")};
    } else if (p.kind == PromptKind::Multi) {
      p.correct = c.IsSequence() ? string_list(c, "correct") : std::vector<std::string>{scalar(c, "correct")};
      if (c.IsSequence() && p.correct.empty()) error(c, msg(M::CorrectEmpty));
    } else {
      error(c, msg(M::NoCorrectAnswer, std::string(to_string(p.kind))));
      return;
    }
    for (std::size_t i = 0; i < p.correct.size(); ++i) {
      if (std::find(p.options.begin(), p.options.end(), p.correct[i]) != p.options.end()) {
        if (has_curly_quotes(p.correct[i]))
          warning(c.IsSequence() ? c[i] : c, msg(M::CorrectCurly, p.correct[i]), {kCurlyQuotesNote});
        continue;
      }
      const YAML::Node& at = c.IsSequence() ? c[i] : c;
      std::vector<std::string_view> options(p.options.begin(), p.options.end());
      std::vector<Msg> notes;
      if (has_curly_quotes(p.correct[i])) notes.push_back(kCurlyQuotesNote);
      if (auto guess = closest_match(p.correct[i], options); !guess.empty()) notes.push_back(msg(M::NoteDidYouMean, guess));
      notes.push_back(msg(M::NoteCopyCorrect));
      error(at, msg(M::CorrectNotAmong, p.correct[i]), notes);
    }
  }

  ScaleSpec scale(const YAML::Node& n) {
    ScaleSpec s;
    if (!expect_map(n, M::NounScaleMap)) return s;
    check_keys(n, kScaleKeys, M::NounScale);
    for (auto [key, target] : {std::pair{"min", &s.min}, std::pair{"max", &s.max}}) {
      auto v = n[key];
      if (!v) continue;
      if (!v.IsScalar() || !YAML::convert<int>::decode(v, *target))
        error(v, msg(M::ScaleWhole, key));
    }
    if (s.min >= s.max) error(n, msg(M::ScaleMinBelowMax));
    else if (s.max - s.min > 100) error(n, msg(M::ScaleTooWide));
    if (auto labels = n["labels"]) s.labels = string_list(labels, "labels");
    return s;
  }
};

}  // namespace

std::string closest_match(std::string_view word, const std::vector<std::string_view>& candidates) {
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (auto candidate : candidates) {
    std::vector<std::size_t> row(candidate.size() + 1);
    for (std::size_t j = 0; j <= candidate.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= word.size(); ++i) {
      std::size_t diagonal = row[0];
      row[0] = i;
      for (std::size_t j = 1; j <= candidate.size(); ++j) {
        std::size_t up = row[j];
        row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (word[i - 1] == candidate[j - 1] ? 0 : 1)});
        diagonal = up;
      }
    }
    if (row[candidate.size()] < best_distance) {
      best_distance = row[candidate.size()];
      best = std::string(candidate);
    }
  }
  return best;
}

LoadResult load_session(std::string_view yaml_text) {
  LoadResult result;
  if (!guard_yaml_text(yaml_text, result.diagnostics)) return result;
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml_text));
  } catch (const YAML::Exception& e) {
    result.diagnostics.push_back(make_diagnostic(Severity::Error, e.mark.line + 1, e.mark.column + 1,
                                                 yaml_syntax_error(e.msg), yaml_syntax_notes(yaml_text, e.mark.line, e.msg)));
    return result;
  }
  Builder builder(result.diagnostics);
  Session session = builder.session(root);
  if (root.IsMap()) validate_session(session, result.diagnostics);
  if (!has_errors(result.diagnostics)) result.session = session;
  if (root.IsMap()) result.draft = std::move(session);
  return result;
}

}  // namespace facilita
