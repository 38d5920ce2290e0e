// Author window layout: a header (file, valid / N errors, warnings), the
// diagnostics when there are any, the timing bar, then two columns —
// objective coverage | projector preview with the rehearsal controls.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "ui/author_views.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"

namespace facilita::ui {
namespace {

constexpr ImGuiWindowFlags kRootFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                                        ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoBackground;

void header(AuthorState& author, const UiState& ui) {
  int errors = 0, warnings = 0;
  for (const Diagnostic& d : author.diagnostics) (d.severity == Severity::Error ? errors : warnings) += 1;
  ImGui::PushFont(current_fonts().h2);
  std::string name = std::filesystem::path(author.path).filename().string();
  const Session* s = author.last_valid ? &*author.last_valid : author.draft ? &*author.draft : nullptr;
  ImGui::TextUnformatted(s && !s->title.empty() ? (name + " — " + s->title).c_str() : name.c_str());
  ImGui::PopFont();
  char line[256];
  if (author.valid) {
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kNormal);
    ImGui::TextUnformatted(ui.t(S::AuthorValid));
  } else {
    std::snprintf(line, sizeof line, ui.t(author.last_valid ? S::AuthorInvalid : S::AuthorNoValid), errors);
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kOvertime);
    ImGui::TextUnformatted(line);
  }
  ImGui::PopStyleColor();
  if (warnings > 0) {
    ImGui::SameLine();
    std::snprintf(line, sizeof line, ui.t(S::AuthorWarnings), warnings);
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kWrapUp);
    ImGui::TextUnformatted(("  ·  " + std::string(line)).c_str());
    ImGui::PopStyleColor();
  }
  ImGui::SameLine();
  std::snprintf(line, sizeof line, ui.t(S::AuthorWatching), author.path.c_str());
  ImGui::TextDisabled("  ·  %s", line);
  // The guide as PDF: the app shell writes it and reports the path.
  ImGui::SameLine();
  ImGui::BeginDisabled(!author.last_valid);
  if (ImGui::SmallButton(ui.t(S::AuthorPrintGuide))) author.request_print_guide = true;
  ImGui::EndDisabled();
  if (!author.printed.empty()) {
    ImGui::SameLine();
    std::snprintf(line, sizeof line, ui.t(author.print_failed ? S::AuthorPrintFailed : S::AuthorPrinted),
                  author.printed.c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, author.print_failed ? theme::kOvertime : theme::kNormal);
    ImGui::TextUnformatted(line);
    ImGui::PopStyleColor();
  }
}

}  // namespace

void draw_author(AuthorState& author, UiState& ui) {
  const ImGuiIO& io = ImGui::GetIO();
  const float em = ImGui::GetFontSize();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em * 0.8f, em * 0.6f));
  ImGui::Begin("##author", nullptr, kRootFlags);
  ImGui::PopStyleVar();

  header(author, ui);
  ImGui::Separator();
  if (!author.diagnostics.empty()) {
    float rows = static_cast<float>(std::min<std::size_t>(author.diagnostics.size(), 8));
    float height = std::min(ImGui::GetContentRegionAvail().y * 0.35f, ImGui::GetTextLineHeightWithSpacing() * (rows + 1.6f));
    ImGui::BeginChild("diagnostics", ImVec2(0, height), true, ImGuiWindowFlags_HorizontalScrollbar);
    draw_author_diagnostics(author, ui);
    ImGui::EndChild();
  }
  draw_author_timing(author, ui);
  ImGui::Separator();

  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float width = ImGui::GetContentRegionAvail().x - gap;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));
  ImGui::BeginChild("coverage", ImVec2(std::round(width * 0.38f), 0), true);
  draw_author_coverage(author, ui);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("preview", ImVec2(0, 0), true, ImGuiWindowFlags_NoScrollbar);
  draw_author_preview(author, ui);
  ImGui::EndChild();
  ImGui::PopStyleColor();
  ImGui::End();
}

}  // namespace facilita::ui
