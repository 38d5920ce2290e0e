// decide() and apply() for fellow questions: ask, upvote, moderate, project.
// Everything a fellow sends is checked here. Seqs share the fellow's seq
// space with answers (Participant::seen_seq), so a resend after a reconnect
// is acknowledged once and the same seq cannot be spent twice.
#include <algorithm>
#include <charconv>
#include <string>

#include "core/engine.hpp"
#include "core/engine_decide.hpp"
#include "core/questions.hpp"
#include "core/text_util.hpp"

namespace facilita {

const Question* find_question(const State& state, std::string_view id) {
  if (id.size() < 4 || id.substr(0, 3) != "qa-") return nullptr;
  std::size_t n = 0;
  const char* first = id.data() + 3;
  const char* last = id.data() + id.size();
  auto [end, error] = std::from_chars(first, last, n);
  if (error != std::errc{} || end != last || n == 0 || n > state.questions.size()) return nullptr;
  const Question& q = state.questions[n - 1];
  return q.id == id ? &q : nullptr;
}

const char* question_status(const Question& q) {
  if (q.hidden) return "hidden";
  if (q.answered) return "answered";
  return q.approved ? "approved" : "pending";
}

std::vector<std::size_t> questions_by_votes(const State& state) {
  std::vector<std::size_t> order(state.questions.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return question_votes(state.questions[a]) > question_votes(state.questions[b]);
  });
  return order;
}

namespace detail {
namespace {

std::string question_id(std::size_t n) { return "qa-" + std::to_string(n); }

// The text in its journal form, or nothing when it is not a question.
std::optional<std::string> normal_text(const std::string& sent) {
  if (!text::valid_utf8(sent)) return std::nullopt;
  std::string t = text::trim(sent);
  if (t.empty() || text::code_points(t) > kMaxQuestionChars || text::has_control(t) || text::has_invisible(t))
    return std::nullopt;
  return t;
}

Decision duplicate(std::string question = {}) {
  Decision d;
  d.duplicate = true;
  d.question = std::move(question);
  return d;
}

std::string ask_kind(bool anonymous) { return anonymous ? "ask" : "ask-named"; }

const Question* own_question_with_seq(const State& state, const std::string& participant, std::int64_t seq) {
  for (const auto& q : state.questions)
    if (q.participant == participant && q.seq == seq) return &q;
  return nullptr;
}

}  // namespace

Decision decide_prompt(const Session&, const State& state, const cmd::Ask& c, Millis now) {
  const bool ended = state.agenda.ended;
  auto who = state.participants.find(c.participant);
  if (who == state.participants.end())
    return ended ? rejected("ended", "the delivery has ended") : rejected("not-joined", "join before asking");
  const auto text = normal_text(c.text);
  if (auto seen = who->second.seen_seq.find(c.seq); seen != who->second.seen_seq.end()) {
    const SeenAnswer& s = seen->second;
    const auto* seen_text = std::get_if<std::string>(&s.value);
    if (text && s.kind == ask_kind(c.anonymous) && seen_text && *seen_text == *text) {
      const Question* q = own_question_with_seq(state, c.participant, c.seq);
      return duplicate(q ? q->id : std::string{});
    }
    if (!ended) return rejected("seq-reused", "this seq was already used for something else; send a new seq");
  }
  if (ended) return rejected("ended", "the delivery has ended");
  if (!text)
    return rejected("bad-text", "a question is 1 to " + std::to_string(kMaxQuestionChars) +
                                    " characters on one line, without invisible characters");
  if (state.questions.size() >= kMaxQuestions) return rejected("qa-full", "the room has reached its question limit");
  int open = 0;
  Millis last_at = -1;
  for (const auto& q : state.questions) {
    if (q.participant != c.participant) continue;
    if (question_open(q)) ++open;
    last_at = std::max(last_at, q.at);
  }
  if (open >= kMaxOpenQuestions)
    return rejected("too-many-questions", "you have " + std::to_string(kMaxOpenQuestions) + " open questions");
  if (last_at >= 0 && now - last_at < kQuestionGapMs)
    return rejected("too-soon", "wait a few seconds before asking again");
  std::string id = question_id(state.questions.size() + 1);
  Decision d = events(now, {ev::Asked{id, c.participant, *text, c.anonymous, c.seq}});
  d.question = std::move(id);
  return d;
}

Decision decide_prompt(const Session&, const State& state, const cmd::Upvote& c, Millis now) {
  const bool ended = state.agenda.ended;
  auto who = state.participants.find(c.participant);
  if (who == state.participants.end())
    return ended ? rejected("ended", "the delivery has ended") : rejected("not-joined", "join before voting");
  if (auto seen = who->second.seen_seq.find(c.seq); seen != who->second.seen_seq.end()) {
    const auto* seen_question = std::get_if<std::string>(&seen->second.value);
    if (seen->second.kind == "upvote" && seen_question && *seen_question == c.question) return duplicate();
    if (!ended) return rejected("seq-reused", "this seq was already used for something else; send a new seq");
  }
  if (ended) return rejected("ended", "the delivery has ended");
  const Question* q = find_question(state, c.question);
  // Hidden and pending questions are not shown to the room: to others they do not exist.
  if (!q || (!question_public(*q) && q->participant != c.participant))
    return rejected("unknown-question", "no such question");
  if (q->participant == c.participant) return rejected("own-question", "you cannot vote for your own question");
  if (std::find(q->voters.begin(), q->voters.end(), c.participant) != q->voters.end()) return duplicate();
  return events(now, {ev::Upvoted{c.question, c.participant, c.seq}});
}

Decision decide_prompt(const Session&, const State& state, const cmd::ModerateQuestion& c, Millis now) {
  const Question* q = find_question(state, c.question);
  if (!q) return rejected("unknown-question", "no question \"" + c.question + "\"");
  bool changes = false;
  if (c.action == "approve") changes = !q->approved || q->hidden;
  else if (c.action == "hide") changes = !q->hidden;
  else if (c.action == "unhide") changes = q->hidden;
  else if (c.action == "answered") changes = !q->answered || !q->approved;
  else if (c.action == "unanswered") changes = q->answered;
  else return rejected("bad-action", "expected approve, hide, unhide, answered or unanswered");
  if (!changes) return Decision{};  // already so: nothing to journal
  return events(now, {ev::QuestionModerated{c.question, c.action}});
}

Decision decide_prompt(const Session&, const State& state, const cmd::ProjectQuestion& c, Millis now) {
  if (c.question.empty()) {
    if (state.projected_question.empty()) return Decision{};
    return events(now, {ev::QuestionProjected{""}});
  }
  const Question* q = find_question(state, c.question);
  if (!q) return rejected("unknown-question", "no question \"" + c.question + "\"");
  if (q->hidden) return rejected("question-hidden", "a hidden question cannot be projected; unhide it first");
  if (state.projected_question == c.question) return Decision{};
  // Projecting shows it to the room: a pending question is approved first.
  if (!q->approved) return events(now, {ev::QuestionModerated{c.question, "approve"}, ev::QuestionProjected{c.question}});
  return events(now, {ev::QuestionProjected{c.question}});
}

Decision decide_prompt(const Session&, const State& state, const cmd::SetModeration& c, Millis now) {
  if (state.qa_moderation == c.on) return Decision{};
  return events(now, {ev::ModerationSet{c.on}});
}

namespace {

Question* find_mutable(State& state, const std::string& id) {
  return const_cast<Question*>(find_question(state, id));
}

}  // namespace

void apply_question(State& state, const ev::Asked& e, Millis at) {
  // Ids follow the order of asking; an event out of that order (a damaged journal) changes nothing.
  if (e.question != question_id(state.questions.size() + 1)) return;
  Question q;
  q.id = e.question;
  q.participant = e.participant;
  q.text = e.text;
  q.anonymous = e.anonymous;
  q.at = at;
  q.seq = e.seq;
  q.section = state.agenda.current;
  q.approved = !state.qa_moderation;
  state.questions.push_back(std::move(q));
  state.participants[e.participant].seen_seq[e.seq] = SeenAnswer{"", e.text, ask_kind(e.anonymous)};
}

void apply_question(State& state, const ev::Upvoted& e, Millis) {
  Question* q = find_mutable(state, e.question);
  if (!q) return;
  if (q->participant != e.participant &&
      std::find(q->voters.begin(), q->voters.end(), e.participant) == q->voters.end())
    q->voters.push_back(e.participant);
  state.participants[e.participant].seen_seq[e.seq] = SeenAnswer{"", e.question, "upvote"};
}

void apply_question(State& state, const ev::QuestionModerated& e, Millis) {
  Question* q = find_mutable(state, e.question);
  if (!q) return;
  if (e.action == "approve") q->approved = true, q->hidden = false;
  else if (e.action == "hide") q->hidden = true;
  else if (e.action == "unhide") q->hidden = false;
  else if (e.action == "answered") q->answered = true, q->approved = true;
  else if (e.action == "unanswered") q->answered = false;
  if (q->hidden && state.projected_question == q->id) state.projected_question.clear();
}

void apply_question(State& state, const ev::QuestionProjected& e, Millis) {
  const Question* q = e.question.empty() ? nullptr : find_question(state, e.question);
  if (!e.question.empty() && (!q || q->hidden)) return;
  state.projected_question = e.question;
}

void apply_question(State& state, const ev::ModerationSet& e, Millis) {
  state.qa_moderation = e.on;
  // Moderation off shows every question that is not hidden, and they stay shown.
  if (!e.on)
    for (auto& q : state.questions)
      if (!q.hidden) q.approved = true;
}

}  // namespace detail
}  // namespace facilita
