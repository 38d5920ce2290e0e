// The agenda engine: Command -> decide(session, state, command, now) -> Events
// -> apply(state, event). Pure and deterministic: time is always an argument
// (milliseconds since the Unix epoch, from whatever clock the caller trusts).
// Replaying the same events gives the same state, which is what crash
// recovery, undo, exports and the tests rely on.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/session.hpp"

namespace facilita {

using Millis = std::int64_t;

// ---------------------------------------------------------------- answers
// choice / poll / text: string; multi: list of option strings; scale: int.
using AnswerValue = std::variant<std::string, std::vector<std::string>, int>;

// What the projector's body shows while a prompt is open or revealed in the
// current section: the section's content (the slide) or the prompt / its results.
enum class ProjectorView { Content, Results };

// ---------------------------------------------------------------- commands
namespace cmd {
struct Start {};
struct Pause {};
struct Resume {};
struct Next {};
struct Previous {};
struct GoTo { int section = 0; };
struct Adjust { int delta_s = 0; };  // extend (+) or shorten (-) the current section
struct UnlockPlan { int section = 0; };  // a hand-set plan (Adjust) goes back to rebalance
struct AcceptRebalance {             // from propose_rebalance(); checked again on accept
  std::vector<int> durations_s;      // one per section (cut sections keep theirs)
  std::vector<int> cut;              // section indices to skip
};
struct Undo {};                      // undoes the last agenda action (not prompts/answers)
struct OpenPrompt { std::string prompt; };
struct ClosePrompt { std::string prompt; };
struct RevealPrompt { std::string prompt; };  // an open prompt is closed first (two events)
struct NewRound { std::string prompt; };      // a closed prompt asks again: results hidden, answers cleared
struct HideAnswer { std::string prompt; std::string participant; };    // text answers: off the projector
struct UnhideAnswer { std::string prompt; std::string participant; };  // and back on it
// What the projector's body shows (ProjectorView, above): the section's content
// or the open / revealed prompt's results. Fellows' pages do not change.
struct ShowOnProjector { ProjectorView what = ProjectorView::Content; };
struct Join { std::string participant; std::string name; };
struct Answer {
  std::string participant;
  std::string prompt;
  AnswerValue value;
  std::int64_t seq = 0;  // client sequence number; a resend of the same answer is acknowledged, counted once;
                         // the same seq with another prompt or value is refused ("seq-reused")
};
struct RecordOutage { Millis from = 0; Millis to = 0; };  // issued on resume after a crash
struct OutageAsPause {};  // turn the last recorded outage into a pause (one action)
struct End {};
// Accept the structural part of an edited session file (see session_reload.hpp).
// decide() cannot judge it without the edited session: the controller turns it
// into decide_reload(running, edited, state, file_hash, now).
struct AcceptReload { std::string file_hash; };
struct NextStep {};      // the current section's next step
struct PreviousStep {};  // and back
// Room messages and breaks (engine_room.cpp).
struct ShowMessage { std::string text; };  // replaces the message shown to the room
struct ClearMessage {};
struct StartBreak { Millis until = 0; };   // pauses the agenda until the facilitator ends the break
struct EndBreak {};                        // ends the break and resumes
// Fellow questions (engine_questions.cpp). Seqs share the fellow's seq space with answers.
struct Ask { std::string participant; std::string text; bool anonymous = true; std::int64_t seq = 0; };
struct Upvote { std::string participant; std::string question; std::int64_t seq = 0; };
struct ModerateQuestion { std::string question; std::string action; };  // approve|hide|unhide|answered|unanswered
struct ProjectQuestion { std::string question; };                       // "" = none
struct SetModeration { bool on = true; };
}  // namespace cmd

using Command = std::variant<cmd::Start, cmd::Pause, cmd::Resume, cmd::Next, cmd::Previous, cmd::GoTo,
                             cmd::Adjust, cmd::AcceptRebalance, cmd::Undo, cmd::OpenPrompt, cmd::ClosePrompt,
                             cmd::RevealPrompt, cmd::HideAnswer, cmd::Join, cmd::Answer, cmd::RecordOutage,
                             cmd::OutageAsPause, cmd::End, cmd::AcceptReload, cmd::NewRound,
                             cmd::NextStep, cmd::PreviousStep,
                             cmd::ShowMessage, cmd::ClearMessage, cmd::StartBreak, cmd::EndBreak,
                             cmd::Ask, cmd::Upvote, cmd::ModerateQuestion, cmd::ProjectQuestion, cmd::SetModeration,
                             cmd::UnlockPlan, cmd::UnhideAnswer, cmd::ShowOnProjector>;

// ---------------------------------------------------------------- events
namespace ev {
struct Started {};
struct Paused {};
struct Resumed {};
struct SectionChanged { int from = 0; int to = 0; };
struct Adjusted { int section = 0; int delta_s = 0; };
struct Rebalanced { std::vector<int> durations_s; std::vector<int> cut; };
struct Undone {};
struct PromptOpened { std::string prompt; };
struct PromptClosed { std::string prompt; };
struct PromptRevealed { std::string prompt; };
// The prompt asks again: results hidden, its answers set aside (they stay in
// the journal and in PromptState::earlier_rounds for exports), round + 1.
struct RoundStarted { std::string prompt; };
struct AnswerHidden { std::string prompt; std::string participant; };
struct Joined { std::string participant; std::string name; };
struct Answered { std::string participant; std::string prompt; AnswerValue value; std::int64_t seq = 0; };
struct OutageRecorded { Millis from = 0; Millis to = 0; };
struct OutagePaused { Millis from = 0; Millis to = 0; };
struct Ended {};
// The delivery continues with the session version whose file hashes to
// `file_hash`. apply(new_session, state, event) moves the per-section state:
// new section j takes old section old_index[j] (-1 = added) and plan planned_s[j].
// The event is self-contained, so replay needs only the new session.
struct SessionReloaded {
  std::string file_hash;
  std::vector<int> old_index;  // one per new section: its index before the reload, or -1
  std::vector<int> planned_s;  // one per new section: its plan after the reload
};
struct StepChanged { int section = 0; int from = 0; int to = 0; };  // within the current section
struct MessageShown { std::string text; };  // trimmed, validated
struct MessageCleared {};
struct BreakStarted { Millis until = 0; };  // follows Paused when the agenda was running
struct BreakEnded {};                       // followed by Resumed (or Ended)
struct Asked { std::string question; std::string participant; std::string text; bool anonymous = true; std::int64_t seq = 0; };
struct Upvoted { std::string question; std::string participant; std::int64_t seq = 0; };
struct QuestionModerated { std::string question; std::string action; };
struct QuestionProjected { std::string question; };  // "" = none
struct ModerationSet { bool on = true; };
struct PlanUnlocked { int section = 0; };  // rebalance may change its plan again
struct AnswerUnhidden { std::string prompt; std::string participant; };
struct ProjectorShown { ProjectorView what = ProjectorView::Content; };
}  // namespace ev

using EventData = std::variant<ev::Started, ev::Paused, ev::Resumed, ev::SectionChanged, ev::Adjusted,
                               ev::Rebalanced, ev::Undone, ev::PromptOpened, ev::PromptClosed,
                               ev::PromptRevealed, ev::AnswerHidden, ev::Joined, ev::Answered,
                               ev::OutageRecorded, ev::OutagePaused, ev::Ended, ev::SessionReloaded,
                               ev::RoundStarted,
                               ev::StepChanged,
                               ev::MessageShown, ev::MessageCleared, ev::BreakStarted, ev::BreakEnded,
                               ev::Asked, ev::Upvoted, ev::QuestionModerated, ev::QuestionProjected,
                               ev::ModerationSet, ev::PlanUnlocked, ev::AnswerUnhidden, ev::ProjectorShown>;

struct Event {
  Millis at = 0;
  EventData data;
};

// ---------------------------------------------------------------- state
// The agenda part of the state: what Undo restores.
struct AgendaState {
  bool started = false;
  bool running = false;  // started, not paused, not ended
  bool ended = false;
  int current = 0;                    // index into session.sections
  Millis started_at = 0;
  Millis span_start = 0;              // when the current running span began
  Millis paused_total_ms = 0;         // all pauses so far (outages turned into pauses included)
  Millis paused_since = 0;            // valid while paused
  std::vector<Millis> actual_ms;      // time spent per section, excluding the current span
  std::vector<int> planned_s;         // current plan per section (after adjust / rebalance)
  std::vector<bool> cut;              // skipped by rebalance
  std::vector<bool> locked;           // plan set by hand (Adjust): rebalance keeps it until UnlockPlan
  std::vector<bool> visited;
  std::vector<Millis> entered_at;     // wall time each section was first entered (the event's time), 0 = never;
                                      // entering it again keeps the first; Undo restores it
  Millis removed_ms = 0;              // time spent in sections a reload later removed: still session
                                      // time (derive and rebalance count it as done), no section's
  int step = 0;                       // current step of the current section (0 when it has none)
  Millis step_started_ms = 0;         // the current section's elapsed time (pauses excluded) when the step began
  bool operator==(const AgendaState&) const = default;
};

struct StoredAnswer {
  AnswerValue value;
  std::int64_t seq = 0;
  Millis at = 0;
  bool hidden = false;
  bool operator==(const StoredAnswer&) const = default;
};

using AnswerMap = std::map<std::string, StoredAnswer>;  // participant -> their latest answer

struct PromptState {
  bool open = false;
  bool revealed = false;       // results (and correct marks) shown; never while open
  bool was_opened = false;     // opened in the current round
  Millis opened_at = 0;
  Millis closed_at = 0;
  Millis pause_at_open = 0;    // the session's pause time (AgendaState) when last opened:
                               // the answer window (`time`) does not run during pauses
  int round = 1;               // 1 + the NewRounds so far
  AnswerMap answers;           // of the current round
  std::vector<AnswerMap> earlier_rounds;  // rounds before it, oldest first (for exports only)
  bool operator==(const PromptState&) const = default;
};

// What an answer's seq was used for, in its journal (normalised) form.
struct SeenAnswer {
  std::string prompt;
  AnswerValue value;
  std::string kind;  // "" = an answer; "ask" (value: text), "ask-named", "upvote" (value: question id)
  bool operator==(const SeenAnswer&) const = default;
};

struct Participant {
  std::string name;
  Millis joined_at = 0;
  int renames = 0;                              // Joins that changed the name; bounded by kMaxRenames
  std::map<std::int64_t, SeenAnswer> seen_seq;  // seq -> what it answered, for idempotent resends
  bool operator==(const Participant&) const = default;
};

struct Outage {
  Millis from = 0;
  Millis to = 0;
  bool as_pause = false;
  bool operator==(const Outage&) const = default;
};

// A fellow's question (engine_questions.cpp). Status: hidden > answered > approved > pending.
struct Question {
  std::string id;           // "qa-1", "qa-2", ... in order of asking
  std::string participant;
  std::string text;         // trimmed, at most kMaxQuestionChars code points
  bool anonymous = true;
  Millis at = 0;
  std::int64_t seq = 0;
  int section = 0;          // current section when asked
  bool approved = false;    // asked with moderation off, approved, or moderation turned off
  bool hidden = false;
  bool answered = false;
  std::vector<std::string> voters;  // participants who upvoted, in order; never the author
  bool operator==(const Question&) const = default;
};

struct State {
  AgendaState agenda;
  std::vector<AgendaState> undo_stack;  // bounded; see kUndoDepth
  std::map<std::string, PromptState> prompts;
  std::map<std::string, Participant> participants;
  std::vector<Outage> outages;
  std::string open_prompt;  // at most one prompt is open at a time; "" = none
  Millis last_event_at = 0; // time of the last applied event: decide never stamps earlier
  std::string room_message; // shown on the projector and every fellow page; "" = none
  Millis break_until = 0;   // a break is under way until this clock time; 0 = no break
  Millis break_since = 0;   // when the break was called: its length is until - since
  std::vector<Question> questions;   // in order of asking
  std::string projected_question;    // "" = none
  bool qa_moderation = true;         // from the session; SetModeration changes it
  // ShowOnProjector{Content}: the projector shows the section's content although a
  // prompt is open or revealed. Opening or revealing a prompt and changing section
  // go back to the prompt / results (see core/projection.hpp).
  bool projector_content = false;
  bool operator==(const State&) const = default;
};

inline constexpr std::size_t kUndoDepth = 50;

// Limits decide() enforces on what fellows send; the fellow page can mirror them.
inline constexpr std::size_t kMaxParticipantIdBytes = 64;  // printable ASCII token
inline constexpr std::size_t kMaxNameChars = 40;           // code points after trimming, one line
inline constexpr std::size_t kMaxTextAnswerBytes = 500;    // after trimming, UTF-8
inline constexpr std::size_t kMaxParticipants = 3000;      // joins beyond this: "room-full"
inline constexpr int kMaxRenames = 10;                     // name changes per participant: "rename-limit"
inline constexpr std::size_t kMaxRoomMessageChars = 140;   // code points after trimming, one line
inline constexpr Millis kMaxBreakMs = 4LL * 3600 * 1000;   // a break ends at most 4 h ahead
inline constexpr std::size_t kMaxQuestionChars = 280;      // code points after trimming: "bad-text"
inline constexpr int kMaxOpenQuestions = 5;                // per fellow, not hidden and not answered
inline constexpr Millis kQuestionGapMs = 10'000;           // between one fellow's questions: "too-soon"
inline constexpr std::size_t kMaxQuestions = 2000;         // per delivery: "qa-full"

State initial_state(const Session& session);

// ---------------------------------------------------------------- decide / apply
struct Rejection {
  std::string code;     // stable: "not-started", "ended", "unknown-prompt", "prompt-closed",
                        // "prompt-revealed", "seq-reused", "bad-name", "rename-limit",
                        // "bad-value", "not-joined", "no-undo", "bad-plan", "bad-section", ...
  std::string message;  // English, for logs and errors
};

struct Decision {
  std::vector<Event> events;           // to append to the journal, then apply
  std::optional<Rejection> rejected;   // set when nothing happens
  bool duplicate = false;              // answer with a seq already seen: acknowledge, change nothing
  std::string question;                // Ask: the question id (new or, for a duplicate, the earlier one)
};

// Events are stamped max(now, state.last_event_at): a wall clock stepping back
// never makes the journal go back in time nor a span negative. After End every
// command is refused "ended", except the resend of an answer already counted.
Decision decide(const Session& session, const State& state, const Command& command, Millis now);
// `session` is the version the event belongs to: for ev::SessionReloaded the
// NEW version (swap first, then apply; see apply_with_reload in session_reload.hpp).
void apply(const Session& session, State& state, const Event& event);

// ---------------------------------------------------------------- derived timing
enum class Phase { Normal, WrapUp, Overtime };
const char* to_string(Phase phase);

enum class SectionStatus { Upcoming, Current, Done, Cut };
const char* to_string(SectionStatus status);  // "upcoming" | "current" | "done" | "cut"

struct SectionTiming {
  int planned_s = 0;     // the plan now (after adjust / rebalance)
  int original_s = 0;    // as authored
  Millis actual_ms = 0;  // time spent so far (pauses excluded)
  int overrun_s = 0;     // actual - planned, for done/current sections (negative = early)
  SectionStatus status = SectionStatus::Upcoming;
  Millis projected_start = 0;  // clock time: current = when it began (pauses excluded), upcoming = when
                               // it will begin if everything before it keeps its plan; done = when it was
                               // first entered (`started_at`); cut and never entered = as planned
  Millis started_at = 0;       // clock time the section was first entered; 0 = not yet
};

struct Timing {
  Millis section_elapsed_ms = 0;
  Millis section_remaining_ms = 0;  // negative in overtime
  Phase phase = Phase::Normal;
  Millis session_elapsed_ms = 0;    // pauses excluded
  Millis session_remaining_ms = 0;  // of the plan: planned total - elapsed
  Millis paused_ms = 0;
  int drift_s = 0;                  // projected total - session duration (+ late, - early), pauses excluded
  Millis planned_end = 0;           // started_at + duration (before start: now + duration)
  Millis forecast_end = 0;          // now + what remains of the current plan
  int end_drift_s = 0;              // forecast_end - planned_end, rounded: + ends late, - ends early;
                                    // pauses count (unlike drift_s), and shortening sections reads as "ends
                                    // early", never as time won back
  double progress = 0;              // 0..1 of the session duration
  int next_section = -1;            // next section that is not cut, or -1
  std::vector<SectionTiming> sections;
  int step = -1;                 // current step of the current section; -1 = the section has no steps
  int step_count = 0;
  int step_planned_s = 0;
  Millis step_elapsed_ms = 0;    // pauses excluded
  Millis step_remaining_ms = 0;  // negative past zero
};

Timing derive(const Session& session, const State& state, Millis now);

// Each step's plan in seconds, in proportion to its section's current plan
// (`planned_s`): round(step * planned / authored), the last step taking the
// rounding remainder. Empty when the section has no steps.
std::vector<int> step_plan_s(const Section& section, int planned_s);

// ---------------------------------------------------------------- rebalance
struct RebalancePlan {
  std::vector<int> old_s;   // planned per section before
  std::vector<int> new_s;   // proposed per section (equal to old_s for done/fixed/cut)
  std::vector<int> cut;     // optional sections proposed to cut
  int overrun_s = 0;        // time still over the planned end after the plan (0 when it fits)
  bool changes() const { return old_s != new_s || !cut.empty(); }
};

RebalancePlan propose_rebalance(const Session& session, const State& state, Millis now);

}  // namespace facilita
