#include "app/state_dump.hpp"
#include "core/text_util.hpp"
#include "ui/views.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

namespace facilita {
namespace {

// A digest of a text lets a test see that the content shown changed.
std::string digest(const std::string& text) { return text::fnv1a_hex(text); }

}  // namespace

std::string state_dump_key(const Session& session, const State& state, const ui::UiState& ui, Millis now) {
  const Timing t = derive(session, state, now);
  std::string key = to_string(t.phase);
  for (bool flag : {ui.blackout, ui.frozen, ui.projector_visible, ui.rebalance.has_value(), ui.confirm_end,
                    ui.projector_docked, ui.screen == ui::ScreenMode::Console, ui.confirm_console,
                    ui.shared_screen, ui.screen_notice})
    key += flag ? '1' : '0';
  return key + std::to_string(ui.answer_page);
}

bool write_state_dump(const std::string& path, const Session& session, const State& state, const ui::UiState& ui,
                      std::uint64_t version, Millis now) {
  const AgendaState& a = state.agenda;
  const Timing timing = derive(session, state, now);
  nlohmann::json locked = nlohmann::json::array();
  for (std::size_t i = 0; i < a.locked.size(); ++i)
    if (a.locked[i]) locked.push_back(static_cast<int>(i));
  int hidden = 0;
  for (const auto& [id, prompt] : state.prompts)
    for (const auto& [who, answer] : prompt.answers) hidden += answer.hidden ? 1 : 0;
  nlohmann::json cut = nlohmann::json::array();
  for (std::size_t i = 0; i < a.cut.size(); ++i)
    if (a.cut[i]) cut.push_back(static_cast<int>(i));
  const Section* current = a.current >= 0 && a.current < static_cast<int>(session.sections.size())
                               ? &session.sections[static_cast<std::size_t>(a.current)]
                               : nullptr;
  nlohmann::json j = {
      {"version", version},
      {"started", a.started},
      {"running", a.running},
      {"ended", a.ended},
      {"current", a.current},
      {"current_id", a.current >= 0 && a.current < static_cast<int>(session.sections.size())
                         ? session.sections[static_cast<std::size_t>(a.current)].id
                         : ""},
      {"planned_s", a.planned_s},
      {"cut", cut},
      {"locked", locked},
      {"phase", to_string(timing.phase)},
      {"end_drift_s", timing.end_drift_s},
      {"can_undo", !state.undo_stack.empty() && !a.ended},
      {"rebalance_preview", ui.rebalance.has_value()},
      {"confirm_end", ui.confirm_end},
      {"hidden_answers", hidden},
      {"open_prompt", state.open_prompt},
      {"participants", state.participants.size()},
      {"undo_depth", state.undo_stack.size()},
      {"session_title", session.title},
      {"current_title", current ? current->title : ""},
      {"content_digest", current ? digest(current->content) : ""},
      {"reload",
       {{"file_hash", ui.reload.file_hash},
        {"errors", ui.reload.errors.size()},
        {"pending", ui.reload.pending},
        {"note", ui.reload.note},
        {"generation", ui.reload.generation}}},
      {"storage",
       {{"failing", ui.storage.failing},
        {"source", ui.storage.source},
        {"reason", ui.storage.reason},
        {"banner", ui::storage_banner_text(ui).headline}}},
      {"projector",
       {{"visible", ui.projector_visible}, {"blackout", ui.blackout}, {"frozen", ui.frozen}, {"docked", ui.projector_docked},
        {"content_over_prompt", state.projector_content},  // T: the content although a prompt is shown
        {"answer_page", ui.answer_page}}},                  // revealed text answers in pages (↑ ↓)
      // What this screen shows (room_safety.hpp): "presentation" or "console"; the
      // room sees it when `shared`; the console waits for `confirm_console`.
      {"screen",
       {{"mode", ui.screen == ui::ScreenMode::Presentation ? "presentation" : "console"},
        {"shared", ui.shared_screen},
        {"confirm_console", ui.confirm_console},
        {"notice", ui.screen_notice},  // became shared mid-run: the console was hidden
        {"room_banner", ui::visible_parts(ui.screen, ui.shared_screen).room_banner}}},
      {"room_message", state.room_message},
      {"break_until", state.break_until},
  };
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    if (!out) return false;
    out << j.dump(2) << "\n";
    if (!out) return false;
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  return !ec;
}

}  // namespace facilita
