// Authoring and follow-along, the pure and GL-free parts: author view helpers,
// the projector placement decision, Controller::reload, hot reload decisions
// and the rehearsal clock.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "app/controller.hpp"
#include "app/hot_reload.hpp"
#include "app/rehearsal.hpp"
#include "app/window_layout.hpp"
#include "core/loader.hpp"
#include "ui/author_state.hpp"
#include "ui/author_views.hpp"

using namespace facilita;

namespace {

std::string module_text() {
  std::ifstream in(std::string(FACILITA_SOURCE_DIR) + "/sessions/m2-s3-gobierno-abierto.yaml");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

struct Delivery {
  Session session = *load_session(module_text()).session;
  std::vector<Event> journal;
  Controller controller{session, initial_state(session), [this](const std::vector<Event>& events, std::string&) {
                          journal.insert(journal.end(), events.begin(), events.end());
                          return true;
                        }};
  ui::UiState ui;
  int stored = 0;
  HotReload hot{"unused.yaml", controller, ui, [this](std::string_view) { return "v" + std::to_string(++stored); }};
};

bool has_reload_event(const std::vector<Event>& events) {
  for (const Event& e : events)
    if (std::holds_alternative<ev::SessionReloaded>(e.data)) return true;
  return false;
}

}  // namespace

TEST_CASE("author: total against target") {
  bool over = true;
  CHECK(ui::total_against_target(79 * 60, 79 * 60, over) == "79:00 / 79:00");
  CHECK_FALSE(over);
  CHECK(ui::total_against_target(80 * 60, 79 * 60, over) == "80:00 / 79:00 (+1:00)");
  CHECK(over);
  CHECK(ui::total_against_target(77 * 60, 79 * 60, over) == "77:00 / 79:00 (-2:00)");
  CHECK(over);
}

TEST_CASE("author: objective coverage marks sections listing each objective") {
  Session s = *load_session(module_text()).session;
  auto covered = ui::objective_coverage(s);
  REQUIRE(covered.size() == s.objectives.size());
  CHECK(covered[0][0]);                  // contexto in introduccion
  CHECK_FALSE(covered[0][1]);            // not in funcionamiento
  s.sections[0].objectives.clear();      // contexto then only in the quiz
  s.sections[6].objectives = {"mecanismo"};
  covered = ui::objective_coverage(s);
  bool any = false;
  for (bool c : covered[0]) any = any || c;
  CHECK_FALSE(any);
}

TEST_CASE("author: the file as parsed is kept even when it does not load") {
  auto result = load_session(replaced(module_text(), "duration: 12 min", "duration: 13 min"));
  CHECK_FALSE(result.ok());
  REQUIRE(result.draft);
  CHECK(result.draft->sections[1].duration_s == 13 * 60);
}

TEST_CASE("author: preview state shows a section with its first prompt open") {
  Session s = *load_session(module_text()).session;
  for (int i = 0; i < static_cast<int>(s.sections.size()); ++i) {
    State state;
    REQUIRE(ui::preview_state(s, i, state));
    CHECK(state.agenda.current == i);
    const auto& prompts = s.sections[static_cast<std::size_t>(i)].prompts;
    CHECK(state.open_prompt == (prompts.empty() ? std::string() : prompts.front().id));
  }
  State state;
  CHECK_FALSE(ui::preview_state(s, 99, state));
}

TEST_CASE("author: the preview shows a section's content or any one of its prompts") {
  Session s = *load_session(module_text()).session;
  int quiz = -1;
  for (int i = 0; i < static_cast<int>(s.sections.size()); ++i)
    if (s.sections[static_cast<std::size_t>(i)].prompts.size() > 1) quiz = i;
  REQUIRE(quiz >= 0);
  const Section& section = s.sections[static_cast<std::size_t>(quiz)];
  State state;
  REQUIRE(ui::preview_state(s, quiz, -1, state));  // content: the section, no prompt open
  CHECK(state.agenda.current == quiz);
  CHECK(state.open_prompt.empty());
  for (int k = 0; k < static_cast<int>(section.prompts.size()); ++k) {
    REQUIRE(ui::preview_state(s, quiz, k, state));
    CHECK(state.open_prompt == section.prompts[static_cast<std::size_t>(k)].id);
  }
  CHECK_FALSE(ui::preview_state(s, quiz, static_cast<int>(section.prompts.size()), state));
  // The choice carries over between sections: content stays content, a prompt
  // number is kept within the section's prompts, a section without prompts shows content.
  CHECK(ui::shown_prompt(section, -1) == -1);
  CHECK(ui::shown_prompt(section, 1) == 1);
  CHECK(ui::shown_prompt(section, 99) == static_cast<int>(section.prompts.size()) - 1);
  CHECK(ui::shown_prompt(s.sections[0], 0) == (s.sections[0].prompts.empty() ? -1 : 0));
  Section bare = section;
  bare.prompts.clear();
  CHECK(ui::shown_prompt(bare, 2) == -1);
}

TEST_CASE("author: with errors in the file, timing bar and section list show the draft's durations, marked") {
  ui::AuthorState author;
  author.last_valid = *load_session(module_text()).session;
  author.draft = author.last_valid;
  author.valid = true;
  auto rows = ui::author_sections(author);
  REQUIRE(rows.size() == author.last_valid->sections.size());
  for (const auto& row : rows) CHECK_FALSE(row.draft);
  // Save a second section one minute longer: the sum no longer matches, the file does not load.
  auto result = load_session(replaced(module_text(), "duration: 12 min", "duration: 13 min"));
  REQUIRE_FALSE(result.ok());
  author.draft = result.draft;
  author.valid = false;
  rows = ui::author_sections(author);
  REQUIRE(rows.size() == author.draft->sections.size());
  CHECK(rows[1].duration_s == 13 * 60);  // the draft's, in the list as in the bar
  CHECK(rows[1].draft);
  CHECK(rows[1].valid_index == 1);
  CHECK_FALSE(rows[0].draft);  // unchanged durations are not marked
  CHECK(rows[0].duration_s == author.last_valid->sections[0].duration_s);
}

TEST_CASE("projector placement: remembered monitor, else a secondary one, else a window") {
  using M = MonitorInfo;
  CHECK(choose_projector_monitor({}, "") == -1);
  CHECK(choose_projector_monitor({M{"eDP-1", true}}, "HDMI-1") == -1);
  CHECK(choose_projector_monitor({M{"eDP-1", true}, M{"HDMI-1", false}}, "") == 1);
  CHECK(choose_projector_monitor({M{"eDP-1", true}, M{"DP-2", false}, M{"HDMI-1", false}}, "HDMI-1") == 2);
  CHECK(choose_projector_monitor({M{"eDP-1", true}, M{"DP-2", false}}, "HDMI-1") == 1);  // gone: another one
  CHECK(choose_projector_monitor({M{"HDMI-1", false}, M{"eDP-1", true}}, "eDP-1") == 0);  // not over the console
}

TEST_CASE("projector placement: its monitor gone it becomes a pane, a second monitor back makes it fullscreen again") {
  using P = ProjectorSituation;
  // Still fullscreen on a connected monitor: nothing moves.
  CHECK(after_monitor_change(P{true, true, true, false, true}) == ProjectorMove::Keep);
  // Cable pulled: GLFW left a big window over the console; it becomes a pane.
  CHECK(after_monitor_change(P{false, false, true, false, true}) == ProjectorMove::Dock);
  // Already a pane, still one monitor: stays a pane.
  CHECK(after_monitor_change(P{false, false, true, true, false}) == ProjectorMove::Keep);
  // Cable back: fullscreen on it.
  CHECK(after_monitor_change(P{true, false, true, true, true}) == ProjectorMove::Fullscreen);
  // A window the facilitator took out of fullscreen stays a window when monitors change...
  CHECK(after_monitor_change(P{true, false, false, false, true}) == ProjectorMove::Keep);
  // ...unless it is off every screen.
  CHECK(after_monitor_change(P{false, false, false, false, false}) == ProjectorMove::Reposition);
}

TEST_CASE("hot reload: content is applied at once and journaled") {
  Delivery d;
  d.controller.dispatch(cmd::Start{}, 1000);
  d.hot.text_saved(replaced(module_text(), "# Gobierno Abierto: Cocreación desde lo Local", "# Nuevo título"), 2000);
  CHECK(d.controller.session().sections[0].content.find("# Nuevo título") != std::string::npos);
  CHECK(has_reload_event(d.journal));
  CHECK(d.ui.reload.file_hash == "v1");
  CHECK_FALSE(d.ui.reload.pending);
}

TEST_CASE("hot reload: an invalid save changes nothing and lists errors with positions") {
  Delivery d;
  d.controller.dispatch(cmd::Start{}, 1000);
  State before = d.controller.state();
  d.hot.text_saved(replaced(module_text(), "duration: 12 min", "duration: 13 min"), 2000);
  CHECK(d.controller.state() == before);
  REQUIRE_FALSE(d.ui.reload.errors.empty());
  CHECK(d.ui.reload.errors[0].find(':') != std::string::npos);
  CHECK(d.stored == 0);
}

TEST_CASE("hot reload: durations wait for acceptance, then apply") {
  Delivery d;
  d.controller.dispatch(cmd::Start{}, 1000);
  std::string text = replaced(module_text(), "duration: 12 min", "duration: 10 min");
  text = replaced(text, "duration: 10 min\n    min: 6 min", "duration: 12 min\n    min: 6 min");
  d.hot.text_saved(text, 2000);
  CHECK(d.ui.reload.pending);
  CHECK_FALSE(d.ui.reload.needs_acceptance.empty());
  CHECK(d.controller.session().sections[1].duration_s == 12 * 60);
  CHECK_FALSE(has_reload_event(d.journal));
  d.ui.reload.request_accept = true;
  d.hot.handle_requests(3000);
  CHECK(d.controller.session().sections[1].duration_s == 10 * 60);
  CHECK(d.controller.session().sections[3].duration_s == 12 * 60);
  CHECK(has_reload_event(d.journal));
  CHECK_FALSE(d.ui.reload.pending);
}

TEST_CASE("hot reload: another session id is refused") {
  Delivery d;
  d.hot.text_saved(replaced(module_text(), "id: m2-s3-gobierno-abierto", "id: otra-sesion"), 2000);
  CHECK(d.stored == 0);
  CHECK(d.ui.reload.note.find("otra-sesion") != std::string::npos);
  CHECK(d.controller.session().id == "m2-s3-gobierno-abierto");
}

TEST_CASE("rehearsal: the simulated clock runs the agenda at the chosen speed") {
  Session s = *load_session(module_text()).session;
  Rehearsal r;
  r.start(s, 0);
  r.advance(1000, 60);  // one real second at x60: one simulated minute
  CHECK(r.sim_now() == 60'000);
  CHECK(r.state().agenda.current == 0);
  r.advance(5000, 60);  // five minutes: the introduction is over
  CHECK(r.state().agenda.current == 1);
  r.advance(5000 + 80'000, 60);  // well past the end
  CHECK(r.state().agenda.ended);
}
