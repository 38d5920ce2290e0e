// The current section's facilitator notes (Markdown; never projected).
#include "ui/fonts.hpp"
#include "ui/views.hpp"

namespace facilita::ui {

void draw_notes(const Session& session, const State& state, const Timing&, const Dispatch&, UiState& ui) {
  const FontSet& fonts = current_fonts();
  ImGui::PushFont(fonts.h2);
  ImGui::TextUnformatted(ui.t(S::Notes));
  ImGui::PopFont();
  if (session.sections.empty()) return;
  const Section& section = session.sections[static_cast<std::size_t>(state.agenda.current)];
  if (section.notes.empty()) {
    ImGui::TextDisabled("%s", ui.t(S::NoNotes));
    return;
  }
  ImGui::BeginChild("notes-text", ImVec2(0, 0), false);
  MdStyle style;
  style.fonts = &fonts;
  style.body_px = fonts.sizes.body;
  style.h1_scale = fonts.sizes.h1 / fonts.sizes.body;
  style.h2_scale = fonts.sizes.h2 / fonts.sizes.body;
  markdown_widget(ui.markdown.get(section.notes), style, ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x);
  ImGui::EndChild();
}

}  // namespace facilita::ui
