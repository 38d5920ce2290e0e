#include <doctest/doctest.h>

#include <GLFW/glfw3.h>

#include <vector>

#include "core/loader.hpp"
#include "ui/shortcuts.hpp"

using namespace facilita;
using namespace facilita::ui;

namespace {

const char* kSession = R"(id: t
title: T
language: es
duration: 10 min
objective: o
objectives:
  - {id: a, text: A}
sections:
  - id: one
    title: One
    duration: 4 min
    objectives: [a]
    content: "# One"
    prompts:
      - {id: p1, kind: choice, text: "Q1?", options: ["x", "y"], correct: "x"}
      - {id: p2, kind: poll, text: "Q2?", options: ["x", "y"]}
  - id: two
    title: Two
    duration: 6 min
    objectives: [a]
    content: "# Two"
)";

struct Harness {
  Session session = *load_session(kSession).session;
  State state = initial_state(session);
  UiState ui;
  std::vector<Command> sent;
  Dispatch dispatch = [this](Command c) { sent.push_back(std::move(c)); };
  Millis now = 1'000'000;

  void key(int k, int mods = 0) { handle_shortcut(KeyInput{k, mods, 0}, session, state, dispatch, ui); }
  void type(char c) { handle_shortcut(KeyInput{0, 0, static_cast<unsigned>(c)}, session, state, dispatch, ui); }
  // Applies what the keys sent, like the app loop does.
  void apply_sent() {
    for (const Command& c : sent) {
      Decision d = decide(session, state, c, now);
      for (const Event& e : d.events) apply(session, state, e);
    }
    sent.clear();
  }
  template <class T>
  bool last_is() const {
    return !sent.empty() && std::holds_alternative<T>(sent.back());
  }
};

}  // namespace

TEST_CASE("Space starts, pauses and resumes") {
  Harness h;
  h.key(GLFW_KEY_SPACE);
  CHECK(h.last_is<cmd::Start>());
  h.apply_sent();
  h.key(GLFW_KEY_SPACE);
  CHECK(h.last_is<cmd::Pause>());
  h.apply_sent();
  h.key(GLFW_KEY_SPACE);
  CHECK(h.last_is<cmd::Resume>());
}

TEST_CASE("arrows, page keys, +/- and Ctrl+Z map to agenda commands") {
  Harness h;
  h.key(GLFW_KEY_RIGHT);
  CHECK(h.last_is<cmd::Next>());
  h.key(GLFW_KEY_PAGE_DOWN);
  CHECK(h.last_is<cmd::Next>());
  h.key(GLFW_KEY_LEFT);
  CHECK(h.last_is<cmd::Previous>());
  h.type('+');
  REQUIRE(h.last_is<cmd::Adjust>());
  CHECK(std::get<cmd::Adjust>(h.sent.back()).delta_s == 60);
  h.type('-');
  CHECK(std::get<cmd::Adjust>(h.sent.back()).delta_s == -60);
  h.key(GLFW_KEY_Z, GLFW_MOD_CONTROL);
  CHECK(h.last_is<cmd::Undo>());
  std::size_t before = h.sent.size();
  h.key(GLFW_KEY_Z);  // plain z does nothing
  CHECK(h.sent.size() == before);
}

TEST_CASE("R previews, Enter accepts, Esc cancels, other keys wait while the preview is open") {
  Harness h;
  h.type('r');
  CHECK(h.ui.request_rebalance_preview);
  h.ui.rebalance = RebalancePlan{{240, 360}, {200, 400}, {}, 0};
  h.key(GLFW_KEY_SPACE);
  CHECK(h.sent.empty());
  h.key(GLFW_KEY_ENTER);
  REQUIRE(h.last_is<cmd::AcceptRebalance>());
  CHECK(std::get<cmd::AcceptRebalance>(h.sent.back()).durations_s == std::vector<int>{200, 400});
  CHECK_FALSE(h.ui.rebalance.has_value());
  h.ui.rebalance = RebalancePlan{{240, 360}, {200, 400}, {}, 0};
  h.sent.clear();
  h.key(GLFW_KEY_ESCAPE);
  CHECK(h.sent.empty());
  CHECK_FALSE(h.ui.rebalance.has_value());
}

TEST_CASE("O opens the next prompt, C closes, V reveals") {
  Harness h;
  h.key(GLFW_KEY_SPACE);
  h.apply_sent();
  h.type('o');
  REQUIRE(h.last_is<cmd::OpenPrompt>());
  CHECK(std::get<cmd::OpenPrompt>(h.sent.back()).prompt == "p1");
  h.apply_sent();
  h.type('v');  // reveal works on the open prompt
  REQUIRE(h.last_is<cmd::RevealPrompt>());
  CHECK(std::get<cmd::RevealPrompt>(h.sent.back()).prompt == "p1");
  h.sent.clear();
  h.type('c');
  REQUIRE(h.last_is<cmd::ClosePrompt>());
  h.apply_sent();
  h.type('o');
  CHECK(std::get<cmd::OpenPrompt>(h.sent.back()).prompt == "p2");
}

TEST_CASE("projector and overlay keys only change the UI state") {
  Harness h;
  h.type('b');
  CHECK(h.ui.blackout);
  h.type('B');
  CHECK_FALSE(h.ui.blackout);
  h.type('f');
  CHECK(h.ui.request_freeze_toggle);
  h.type('p');
  CHECK(h.ui.request_toggle_projector);
  h.key(GLFW_KEY_F1);
  CHECK(h.ui.show_keys);
  h.key(GLFW_KEY_ESCAPE);
  CHECK_FALSE(h.ui.show_keys);
  h.type('?');
  CHECK(h.ui.show_keys);
  h.key(GLFW_KEY_F11);
  CHECK(h.ui.request_toggle_fullscreen);
  CHECK(h.sent.empty());
}

TEST_CASE("S moves to the next step, Shift+S to the previous one; the typed letter does nothing more") {
  Harness h;
  h.key(GLFW_KEY_S);
  CHECK(h.last_is<cmd::NextStep>());
  h.sent.clear();
  h.key(GLFW_KEY_S, GLFW_MOD_SHIFT);
  CHECK(h.last_is<cmd::PreviousStep>());
  h.sent.clear();
  h.type('s');
  h.type('S');
  CHECK(h.sent.empty());
  h.key(GLFW_KEY_S, GLFW_MOD_CONTROL);
  CHECK(h.sent.empty());
}

TEST_CASE("A toggles the room's accuracy on the projector and sends nothing") {
  Harness h;
  h.type('a');
  CHECK(h.ui.show_quiz_summary);
  h.type('A');
  CHECK_FALSE(h.ui.show_quiz_summary);
  CHECK(h.sent.empty());
}

TEST_CASE("one shared screen: Tab asks before the console, Enter shows it, Tab goes back at once") {
  Harness h;
  h.ui.shared_screen = true;
  h.ui.screen = ScreenMode::Presentation;
  h.key(GLFW_KEY_TAB);
  CHECK(h.ui.confirm_console);
  CHECK(h.ui.screen == ScreenMode::Presentation);
  h.key(GLFW_KEY_RIGHT);  // other keys wait while the question is open
  CHECK(h.sent.empty());
  h.key(GLFW_KEY_ESCAPE);
  CHECK_FALSE(h.ui.confirm_console);
  CHECK(h.ui.screen == ScreenMode::Presentation);
  h.key(GLFW_KEY_TAB);
  h.key(GLFW_KEY_ENTER);
  CHECK_FALSE(h.ui.confirm_console);
  CHECK(h.ui.screen == ScreenMode::Console);
  h.key(GLFW_KEY_TAB);  // back to what the room may see: no question
  CHECK_FALSE(h.ui.confirm_console);
  CHECK(h.ui.screen == ScreenMode::Presentation);
  CHECK(h.sent.empty());
}

TEST_CASE("a private screen has no presentation mode, F11 is the projector's and Shift+F11 the console's") {
  Harness h;
  h.key(GLFW_KEY_TAB);
  CHECK(h.ui.screen == ScreenMode::Console);
  CHECK_FALSE(h.ui.confirm_console);
  h.key(GLFW_KEY_F11, GLFW_MOD_SHIFT);
  CHECK(h.ui.request_toggle_console_fullscreen);
  CHECK_FALSE(h.ui.request_toggle_fullscreen);
  h.key(GLFW_KEY_F11);
  CHECK(h.ui.request_toggle_fullscreen);
}

TEST_CASE("T puts the projector on the content after a reveal and back on the results") {
  Harness h;
  h.type('t');  // nothing open or revealed: decide refuses, the console says so
  REQUIRE(h.last_is<cmd::ShowOnProjector>());
  CHECK(std::get<cmd::ShowOnProjector>(h.sent.back()).what == ProjectorView::Content);
  CHECK(decide(h.session, h.state, h.sent.back(), h.now).rejected->code == "no-results");
  h.sent.clear();
  h.key(GLFW_KEY_SPACE);
  h.apply_sent();
  h.type('o');
  h.apply_sent();
  h.type('v');
  h.apply_sent();
  REQUIRE(h.state.prompts["p1"].revealed);
  h.type('T');
  h.apply_sent();
  CHECK(h.state.projector_content);
  h.key(GLFW_KEY_DOWN);  // the content pages as before
  CHECK(h.sent.empty());
  h.type('t');
  REQUIRE(h.last_is<cmd::ShowOnProjector>());
  CHECK(std::get<cmd::ShowOnProjector>(h.sent.back()).what == ProjectorView::Results);
  h.apply_sent();
  CHECK_FALSE(h.state.projector_content);
}

TEST_CASE("Down pages the revealed text answers while they are projected and paged, else the content") {
  Harness h;
  h.ui.content_pages = 3;
  h.key(GLFW_KEY_DOWN);  // nothing revealed: the content
  CHECK(h.ui.content_page == 1);
  h.key(GLFW_KEY_UP);
  CHECK(h.ui.content_page == 0);
  // A revealed text prompt whose answers the projector drew in 5 pages.
  Prompt text;
  text.id = "t1";
  text.kind = PromptKind::Text;
  text.text = "Why?";
  h.session.sections[0].prompts.push_back(text);
  h.state.prompts["t1"];
  h.key(GLFW_KEY_SPACE);
  h.apply_sent();
  for (const Command& c : {Command{cmd::OpenPrompt{"t1"}}, Command{cmd::RevealPrompt{"t1"}}}) h.dispatch(c);
  h.apply_sent();
  REQUIRE(h.state.prompts["t1"].revealed);
  h.ui.answer_page_prompt = "t1";
  h.ui.answer_pages = 5;
  CHECK(answers_paged(h.session, h.state, h.ui));
  h.key(GLFW_KEY_DOWN);
  CHECK(h.ui.answer_page == 1);
  CHECK(h.ui.content_page == 0);
  CHECK(h.sent.empty());  // paging is not journaled
  for (int i = 0; i < 10; ++i) h.key(GLFW_KEY_DOWN);
  CHECK(h.ui.answer_page == 4);  // stops at the last page
  h.key(GLFW_KEY_UP);
  CHECK(h.ui.answer_page == 3);
  // The content back on the projector (T): the keys page the content again.
  h.type('t');
  h.apply_sent();
  REQUIRE(h.state.projector_content);
  CHECK_FALSE(answers_paged(h.session, h.state, h.ui));
  h.key(GLFW_KEY_DOWN);
  CHECK(h.ui.answer_page == 3);
  CHECK(h.ui.content_page == 1);
}
