#include "ui/shortcuts.hpp"

#include <GLFW/glfw3.h>

#include <algorithm>

#include "core/projection.hpp"
#include "ui/room_parts.hpp"

namespace facilita::ui {
namespace {

bool is_char(const KeyInput& in, char lower) {
  return in.codepoint == static_cast<unsigned>(lower) ||
         in.codepoint == static_cast<unsigned>(lower - 'a' + 'A');
}

// While a modal (rebalance preview, end confirmation) is open only Enter / Esc act.
bool handle_modal(const KeyInput& in, const Dispatch& dispatch, UiState& ui) {
  bool enter = in.key == GLFW_KEY_ENTER || in.key == GLFW_KEY_KP_ENTER;
  bool escape = in.key == GLFW_KEY_ESCAPE;
  if (ui.rebalance) {
    if (enter) accept_rebalance(dispatch, ui);
    if (escape) ui.rebalance.reset();
    return true;
  }
  if (ui.confirm_console) {  // showing the console on a screen the room sees
    if (enter) {
      ui.screen = ScreenMode::Console;
      ui.screen_notice = false;
    }
    if (enter || escape) ui.confirm_console = false;
    return true;
  }
  if (ui.confirm_end) {
    if (enter) dispatch(cmd::End{});
    if (enter || escape) ui.confirm_end = false;
    return true;
  }
  // Room message (M) and break (D) dialogs: typing goes to their fields.
  if (ui.message_dialog || ui.break_dialog) {
    if (enter && ui.message_dialog) send_room_message(dispatch, ui);
    else if (enter) start_break(dispatch, ui);
    if (escape) ui.message_dialog = ui.break_dialog = false;
    if (ui.message_dialog && ui.dialog_opened && in.codepoint) type_ahead(ui, in.codepoint);
    return true;
  }
  return false;
}

}  // namespace

void toggle_clock(const State& state, const Dispatch& dispatch) {
  const AgendaState& a = state.agenda;
  if (!a.started) dispatch(cmd::Start{});
  else if (a.ended) return;
  else if (a.running) dispatch(cmd::Pause{});
  else dispatch(cmd::Resume{});
}

std::string prompt_to_open(const Session& session, const State& state) {
  const AgendaState& a = state.agenda;
  if (a.current < 0 || a.current >= static_cast<int>(session.sections.size())) return {};
  for (const Prompt& p : session.sections[static_cast<std::size_t>(a.current)].prompts) {
    auto it = state.prompts.find(p.id);
    bool opened = it != state.prompts.end() && it->second.was_opened;
    if (!opened && state.open_prompt != p.id) return p.id;
  }
  return {};
}

std::string prompt_to_reveal(const Session& session, const State& state) {
  auto revealable = [&](const std::string& id) {
    auto it = state.prompts.find(id);
    return it != state.prompts.end() && it->second.was_opened && !it->second.revealed;
  };
  if (!state.open_prompt.empty() && revealable(state.open_prompt)) return state.open_prompt;
  const AgendaState& a = state.agenda;
  if (a.current < 0 || a.current >= static_cast<int>(session.sections.size())) return {};
  std::string latest;
  Millis latest_close = -1;
  for (const Prompt& p : session.sections[static_cast<std::size_t>(a.current)].prompts) {
    auto it = state.prompts.find(p.id);
    if (revealable(p.id) && it->second.closed_at > latest_close) {
      latest = p.id;
      latest_close = it->second.closed_at;
    }
  }
  return latest;
}

void toggle_projector_view(const State& state, const Dispatch& dispatch) {
  // decide refuses ("no-results") when no prompt is open or revealed: the console says so.
  dispatch(cmd::ShowOnProjector{state.projector_content ? ProjectorView::Results : ProjectorView::Content});
}

void accept_rebalance(const Dispatch& dispatch, UiState& ui) {
  if (!ui.rebalance) return;
  if (ui.rebalance->changes()) dispatch(cmd::AcceptRebalance{ui.rebalance->new_s, ui.rebalance->cut});
  ui.rebalance.reset();
}

bool answers_paged(const Session& session, const State& state, const UiState& ui) {
  const Prompt* shown = projected_prompt(session, state);
  if (!shown || shown->kind != PromptKind::Text || ui.show_quiz_summary || ui.answer_page_prompt != shown->id) return false;
  auto found = state.prompts.find(shown->id);
  return found != state.prompts.end() && found->second.revealed && ui.answer_pages > 1;
}

void page_projector(const Session& session, const State& state, UiState& ui, int delta) {
  if (answers_paged(session, state, ui)) {
    ui.answer_page = std::clamp(ui.answer_page + delta, 0, ui.answer_pages - 1);
    return;
  }
  ui.content_page = std::clamp(ui.content_page + delta, 0, std::max(0, ui.content_pages - 1));
}

void switch_screen(UiState& ui) {
  if (!ui.shared_screen) return;  // a private screen has no presentation mode
  const ScreenMode to = ui.screen == ScreenMode::Console ? ScreenMode::Presentation : ScreenMode::Console;
  if (needs_confirmation(ui.screen, to, ui.shared_screen)) ui.confirm_console = true;
  else ui.screen = to;
}

void handle_shortcut(const KeyInput& in, const Session& session, const State& state, const Dispatch& dispatch,
                     UiState& ui) {
  if (handle_modal(in, dispatch, ui)) return;
  if (ui.show_keys && (in.key == GLFW_KEY_ESCAPE || in.key == GLFW_KEY_F1 || in.codepoint == '?')) {
    ui.show_keys = false;
    return;
  }
  bool ctrl = (in.mods & GLFW_MOD_CONTROL) != 0;
  if (ctrl && (in.key == GLFW_KEY_ENTER || in.key == GLFW_KEY_KP_ENTER)) {
    if (ui.reload.pending) ui.reload.request_accept = true;
    return;
  }
  switch (in.key) {
    case GLFW_KEY_SPACE: toggle_clock(state, dispatch); return;
    case GLFW_KEY_RIGHT:
    case GLFW_KEY_PAGE_DOWN: dispatch(cmd::Next{}); return;
    case GLFW_KEY_LEFT:
    case GLFW_KEY_PAGE_UP: dispatch(cmd::Previous{}); return;
    case GLFW_KEY_DOWN: page_projector(session, state, ui, +1); return;
    case GLFW_KEY_UP: page_projector(session, state, ui, -1); return;
    case GLFW_KEY_F1: ui.show_keys = !ui.show_keys; return;
    case GLFW_KEY_F11:
      if (in.mods & GLFW_MOD_SHIFT) ui.request_toggle_console_fullscreen = true;
      else ui.request_toggle_fullscreen = true;
      return;
    case GLFW_KEY_TAB: switch_screen(ui); return;
    case GLFW_KEY_Z:
      if (ctrl) dispatch(cmd::Undo{});
      return;
    default: break;
  }
  // S: next step; Shift+S: previous. Decided on the key press, where the
  // modifiers are known (the typed character would be 's' or 'S' either way).
  if (in.key == GLFW_KEY_S && !ctrl) {
    if (in.mods & GLFW_MOD_SHIFT) dispatch(cmd::PreviousStep{});
    else dispatch(cmd::NextStep{});
    return;
  }
  if (in.codepoint == 0) return;
  // Typed characters: layout independent ('+' has its own key on Spanish keyboards).
  if (in.codepoint == '+') dispatch(cmd::Adjust{60});
  else if (in.codepoint == '-') dispatch(cmd::Adjust{-60});
  else if (in.codepoint == '?') ui.show_keys = !ui.show_keys;
  else if (is_char(in, 'r')) ui.request_rebalance_preview = true;
  else if (is_char(in, 'b')) ui.blackout = !ui.blackout;
  else if (is_char(in, 'q')) ui.questions_open = !ui.questions_open;
  else if (is_char(in, 'f')) ui.request_freeze_toggle = true;
  else if (is_char(in, 'p')) ui.request_toggle_projector = true;
  else if (is_char(in, 'm')) open_message_dialog(ui);
  else if (is_char(in, 'd')) open_break_dialog(ui);
  else if (is_char(in, 'k')) ui.muted = !ui.muted;
  else if (is_char(in, 'a')) ui.show_quiz_summary = !ui.show_quiz_summary;
  else if (is_char(in, 'o')) {
    if (auto id = prompt_to_open(session, state); !id.empty()) dispatch(cmd::OpenPrompt{id});
  } else if (is_char(in, 'c')) {
    if (!state.open_prompt.empty()) dispatch(cmd::ClosePrompt{state.open_prompt});
  } else if (is_char(in, 'v')) {
    if (auto id = prompt_to_reveal(session, state); !id.empty()) dispatch(cmd::RevealPrompt{id});
  } else if (is_char(in, 't')) {
    toggle_projector_view(state, dispatch);
  }
}

}  // namespace facilita::ui
