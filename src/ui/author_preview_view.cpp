// Projector preview of the selected section exactly as the room sees it (the
// real projector view on a synthetic state): its content or one of its prompts
// open, as chosen ("Mostrar"), or the rehearsal while one runs; rehearsal
// controls (×1 ×10 ×60) underneath.
#include <algorithm>
#include <cstdio>
#include <string>

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

// "Mostrar: [Contenido | Pregunta k · text]": what the preview shows of a section with prompts.
void shown_choice(const Section& section, AuthorState& author, UiState& ui) {
  if (section.prompts.empty()) return;
  author.shown_prompt = shown_prompt(section, author.shown_prompt);
  auto label = [&](int k) {
    if (k < 0) return std::string(ui.t(S::AuthorShowContent));
    char head[48];
    std::snprintf(head, sizeof head, ui.t(S::AuthorShowPrompt), k + 1);
    return std::string(head) + " · " + section.prompts[static_cast<std::size_t>(k)].text;
  };
  ImGui::SameLine();
  ImGui::TextDisabled("·  %s", ui.t(S::AuthorShow));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 22));
  if (ImGui::BeginCombo("##shown", label(author.shown_prompt).c_str())) {
    for (int k = -1; k < static_cast<int>(section.prompts.size()); ++k)
      if (ImGui::Selectable(label(k).c_str(), author.shown_prompt == k)) author.shown_prompt = k;
    ImGui::EndCombo();
  }
}

}  // namespace

bool preview_state(const Session& session, int section, int prompt, State& out) {
  if (section < 0 || section >= static_cast<int>(session.sections.size())) return false;
  out = initial_state(session);
  if (!step(session, out, cmd::Start{})) return false;
  if (section > 0 && !step(session, out, cmd::GoTo{section})) return false;
  const auto& prompts = session.sections[static_cast<std::size_t>(section)].prompts;
  if (prompt < 0 || prompts.empty()) return prompt < 0 || prompt == 0;
  if (prompt >= static_cast<int>(prompts.size())) return false;
  return step(session, out, cmd::OpenPrompt{prompts[static_cast<std::size_t>(prompt)].id});
}

void draw_author_preview(AuthorState& author, UiState& ui) {
  ImGui::TextUnformatted(ui.t(S::AuthorPreview));
  if (!author.rehearsing && author.last_valid && author.selected >= 0 &&
      author.selected < static_cast<int>(author.last_valid->sections.size()))
    shown_choice(author.last_valid->sections[static_cast<std::size_t>(author.selected)], author, ui);
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
    const int prompt = shown_prompt(s.sections[static_cast<std::size_t>(author.selected)], author.shown_prompt);
    if (preview_state(s, author.selected, prompt, state)) draw_projector(s, state, derive(s, state, 0), ignore, ui, pos, size);
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
