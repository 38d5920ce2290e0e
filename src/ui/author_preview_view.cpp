// Projector preview of the selected section exactly as the room sees it (the
// real projector view on a synthetic state, first prompt open), or of the
// rehearsal while one runs; rehearsal controls (×1 ×10 ×60) underneath.
#include <algorithm>
#include <cstdio>

#include "core/duration.hpp"
#include "ui/author_views.hpp"
#include "ui/views.hpp"

namespace facilita::ui {
namespace {

bool step(const Session& session, State& state, const Command& command) {
  Decision d = decide(session, state, command, 0);
  if (d.rejected) return false;
  for (const Event& e : d.events) apply(session, state, e);
  return true;
}

void rehearsal_controls(AuthorState& author, UiState& ui) {
  ImGui::TextUnformatted(ui.t(S::AuthorRehearsal));
  ImGui::SameLine();
  if (!author.rehearsing) {
    if (ImGui::Button(ui.t(S::AuthorRehearse))) author.request_rehearse = true;
  } else if (ImGui::Button(ui.t(S::AuthorStop))) {
    author.request_stop = true;
  }
  ImGui::SameLine();
  ImGui::TextDisabled("%s", ui.t(S::AuthorSpeed));
  for (int speed : {1, 10, 60}) {
    ImGui::SameLine();
    char label[16];
    std::snprintf(label, sizeof label, "×%d", speed);
    if (ImGui::RadioButton(label, author.speed == speed)) author.speed = speed;
  }
  if (author.rehearsing && author.rehearsal_state && author.rehearsal_session) {
    Timing t = derive(*author.rehearsal_session, *author.rehearsal_state, author.rehearsal_now);
    ImGui::SameLine();
    ImGui::TextDisabled("  %s: %s", ui.t(S::Elapsed), format_clock(static_cast<int>(t.session_elapsed_ms / 1000)).c_str());
  }
}

}  // namespace

bool preview_state(const Session& session, int section, State& out) {
  if (section < 0 || section >= static_cast<int>(session.sections.size())) return false;
  out = initial_state(session);
  if (!step(session, out, cmd::Start{})) return false;
  if (section > 0 && !step(session, out, cmd::GoTo{section})) return false;
  const auto& prompts = session.sections[static_cast<std::size_t>(section)].prompts;
  if (!prompts.empty()) step(session, out, cmd::OpenPrompt{prompts.front().id});
  return true;
}

void draw_author_preview(AuthorState& author, UiState& ui) {
  ImGui::TextUnformatted(ui.t(S::AuthorPreview));
  const float em = ImGui::GetFontSize();
  ImVec2 avail = ImGui::GetContentRegionAvail();
  float controls_h = ImGui::GetFrameHeightWithSpacing() * 1.5f + em * 0.5f;
  float w = std::max(1.0f, std::min(avail.x, (avail.y - controls_h) * 16.0f / 9.0f));
  ImVec2 size(w, w * 9.0f / 16.0f);
  ImVec2 pos = ImGui::GetCursorScreenPos();
  Dispatch ignore = [](Command) {};
  if (author.rehearsing && author.rehearsal_state && author.rehearsal_session) {
    const Session& s = *author.rehearsal_session;
    Timing t = derive(s, *author.rehearsal_state, author.rehearsal_now);
    draw_projector(s, *author.rehearsal_state, t, ignore, ui, pos, size);
  } else if (author.last_valid) {
    const Session& s = *author.last_valid;
    author.selected = std::clamp(author.selected, 0, std::max(0, static_cast<int>(s.sections.size()) - 1));
    State state;
    if (preview_state(s, author.selected, state)) draw_projector(s, state, derive(s, state, 0), ignore, ui, pos, size);
  }
  if (!author.last_valid) {
    ImGui::TextDisabled("%s", ui.t(S::AuthorNoValid));
    size.y -= ImGui::GetTextLineHeightWithSpacing();
  }
  ImGui::Dummy(size);
  ImGui::Separator();
  rehearsal_controls(author, ui);
}

}  // namespace facilita::ui
