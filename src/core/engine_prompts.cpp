// decide() for prompts: open, close, reveal, new round, hide / unhide a text
// answer, and what the projector shows (content or results). The quiz rules
// live here, so no view can break them: results (and the correct marks with
// them) are only ever shown for a prompt that no longer takes answers.
//  - Revealing an open prompt closes it first: [PromptClosed, PromptRevealed].
//  - A revealed prompt cannot be opened again ("prompt-revealed"); NewRound
//    hides the results and sets the round's answers aside, then it can.
#include <optional>
#include <string>

#include "core/engine.hpp"
#include "core/engine_decide.hpp"
#include "core/projection.hpp"

namespace facilita::detail {
namespace {

Decision unknown_prompt(const std::string& id) { return rejected("unknown-prompt", "no prompt \"" + id + "\""); }

const PromptState* find(const State& state, const std::string& id) {
  auto it = state.prompts.find(id);
  return it == state.prompts.end() ? nullptr : &it->second;
}

}  // namespace

Decision decide_prompt(const Session& session, const State& state, const cmd::OpenPrompt& c, Millis now) {
  if (!session.find_prompt(c.prompt)) return unknown_prompt(c.prompt);
  if (state.open_prompt == c.prompt) return rejected("already-open", "that prompt is already open");
  // Fellows who saw the correct answer must not be able to answer again.
  if (const PromptState* ps = find(state, c.prompt); ps && ps->revealed)
    return rejected("prompt-revealed", "its results are shown; start a new round to ask it again");
  // One prompt at a time: opening another closes the open one first.
  if (!state.open_prompt.empty()) return events(now, {ev::PromptClosed{state.open_prompt}, ev::PromptOpened{c.prompt}});
  return events(now, {ev::PromptOpened{c.prompt}});
}

Decision decide_prompt(const Session& session, const State& state, const cmd::ClosePrompt& c, Millis now) {
  if (!session.find_prompt(c.prompt)) return unknown_prompt(c.prompt);
  if (state.open_prompt != c.prompt) return rejected("prompt-closed", "that prompt is not open");
  return events(now, {ev::PromptClosed{c.prompt}});
}

Decision decide_prompt(const Session& session, const State& state, const cmd::RevealPrompt& c, Millis now) {
  if (!session.find_prompt(c.prompt)) return unknown_prompt(c.prompt);
  const PromptState* ps = find(state, c.prompt);
  // Revealing a quiz question nobody was asked (in this round) would show its answer.
  if (!ps || !ps->was_opened) return rejected("not-opened", "open the prompt before revealing its results");
  if (ps->revealed) return rejected("already-revealed", "the results are already shown");
  // Answers stop before results show: nobody can change an answer after seeing the ✓.
  if (state.open_prompt == c.prompt) return events(now, {ev::PromptClosed{c.prompt}, ev::PromptRevealed{c.prompt}});
  return events(now, {ev::PromptRevealed{c.prompt}});
}

Decision decide_prompt(const Session& session, const State& state, const cmd::NewRound& c, Millis now) {
  if (!session.find_prompt(c.prompt)) return unknown_prompt(c.prompt);
  const PromptState* ps = find(state, c.prompt);
  // A round nobody was asked in yet is already fresh; refusing keeps the journal from filling with rounds.
  if (!ps || !ps->was_opened) return rejected("not-opened", "this round has not been opened yet");
  if (ps->open || state.open_prompt == c.prompt)
    return rejected("prompt-open", "close the prompt before starting a new round");
  return events(now, {ev::RoundStarted{c.prompt}});
}

namespace {

// Hide and unhide address one text answer of the current round.
std::optional<Decision> check_text_answer(const Session& session, const State& state, const std::string& prompt_id,
                                          const std::string& participant, const char* verb) {
  const Prompt* prompt = session.find_prompt(prompt_id);
  if (!prompt) return unknown_prompt(prompt_id);
  if (prompt->kind != PromptKind::Text) return rejected("not-text", std::string("only text answers can be ") + verb);
  const PromptState* ps = find(state, prompt_id);
  if (!ps || !ps->answers.count(participant))
    return rejected("no-answer", "that participant has not answered this prompt");
  return std::nullopt;
}

}  // namespace

Decision decide_prompt(const Session& session, const State& state, const cmd::HideAnswer& c, Millis now) {
  if (auto refused = check_text_answer(session, state, c.prompt, c.participant, "hidden")) return *refused;
  // An event that changed nothing would only fill the journal (and older
  // journals read a second hide as "show again").
  if (state.prompts.at(c.prompt).answers.at(c.participant).hidden)
    return rejected("already-hidden", "that answer is already hidden");
  return events(now, {ev::AnswerHidden{c.prompt, c.participant}});
}

Decision decide_prompt(const Session& session, const State& state, const cmd::UnhideAnswer& c, Millis now) {
  if (auto refused = check_text_answer(session, state, c.prompt, c.participant, "shown again")) return *refused;
  if (!state.prompts.at(c.prompt).answers.at(c.participant).hidden)
    return rejected("not-hidden", "that answer is not hidden");
  return events(now, {ev::AnswerUnhidden{c.prompt, c.participant}});
}

// The projector can go back to the slide only while it shows a prompt (open,
// or revealed in the current section), and back to that prompt only from the slide.
Decision decide_prompt(const Session& session, const State& state, const cmd::ShowOnProjector& c, Millis now) {
  if (!results_prompt(session, state))
    return rejected("no-results", "no prompt is open or revealed in this section; the projector shows the content");
  const bool content = c.what == ProjectorView::Content;
  if (state.projector_content == content)
    return rejected("already-shown", std::string("the projector already shows the ") + (content ? "content" : "results"));
  return events(now, {ev::ProjectorShown{c.what}});
}

}  // namespace facilita::detail
