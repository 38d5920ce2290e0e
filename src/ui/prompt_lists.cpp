// The console's lists under a prompt that grow with the room: the text
// answers (scroll, "+N más" under the list for what is out of view) and who
// has not answered (as many names as fit a few lines, then "+N más" with the
// rest on hover). Nothing is dropped without saying so.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "ui/draw_text.hpp"
#include "ui/fonts.hpp"
#include "ui/prompt_parts.hpp"
#include "ui/theme.hpp"

namespace facilita::ui {

std::string more_text(const UiState& ui, int hidden) {
  char more[48];
  std::snprintf(more, sizeof more, ui.t(S::MoreItems), hidden);
  return more;
}

void more_line(UiState& ui, int hidden, const std::string& list, const std::string& panel, const char* hint) {
  if (hidden <= 0) {
    ImGui::Dummy(ImVec2(0, ImGui::GetTextLineHeight()));
    return;
  }
  ImGui::PushStyleColor(ImGuiCol_Text, theme::to_vec4(theme::kAccent));
  ImGui::TextUnformatted(more_text(ui, hidden).c_str());
  ImGui::PopStyleColor();
  if (hint && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", hint);
  probe_item(ui.layout, "item", list + ":more", panel);
}

void draw_text_answers(const Tally& t, const Dispatch& dispatch, UiState& ui, float height) {
  ImGui::TextDisabled("%s", ui.t(S::TextAnswers));
  const float more_h = ImGui::GetTextLineHeightWithSpacing();
  ImGui::BeginChild("text-answers", ImVec2(0, std::max(more_h, height - more_h * 2)), false);
  probe_window(ui.layout, "text-answers", "prompt-details");
  std::vector<std::pair<float, float>> rows;
  for (const TextAnswer& answer : t.texts) {
    ImGui::PushID(answer.participant.c_str());
    ImGui::BeginGroup();
    ImGui::PushFont(current_fonts().bold);
    ImGui::TextUnformatted(answer.name.c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    if (answer.hidden) {
      ImGui::TextDisabled("%s", ui.t(S::HiddenAnswer));
      ImGui::SameLine();
      if (ImGui::SmallButton(ui.t(S::UnhideAnswer))) dispatch(cmd::UnhideAnswer{t.prompt, answer.participant});
    } else if (ImGui::SmallButton(ui.t(S::HideAnswer))) {
      dispatch(cmd::HideAnswer{t.prompt, answer.participant});
    }
    if (!answer.hidden) ImGui::TextWrapped("%s", answer.text.c_str());
    ImGui::EndGroup();
    rows.emplace_back(ImGui::GetItemRectMin().y, ImGui::GetItemRectMax().y);
    probe_item(ui.layout, "row", answer.participant, "text-answers");
    ImGui::PopID();
  }
  const float top = ImGui::GetWindowPos().y, bottom = top + ImGui::GetWindowSize().y;
  ImGui::EndChild();
  const int hidden = rows_out_of_view(rows, top, bottom);
  probe_list(ui.layout, "text-answers", "text-answers", static_cast<int>(rows.size()), hidden);
  more_line(ui, hidden, "text-answers", "prompt-details", ui.t(S::MoreHint));
}

float names_height(int lines) { return ImGui::GetTextLineHeightWithSpacing() * static_cast<float>(lines + 1); }

void draw_name_list(const std::vector<std::string>& names, const char* label, UiState& ui, int max_lines,
                    const std::string& list, const std::string& panel) {
  if (label) ImGui::TextDisabled("%s", label);
  const Measure measure = current_font_measure();
  const float line_w = ImGui::GetContentRegionAvail().x - measure(",");  // room for a comma ending a line
  std::vector<float> widths;
  for (const std::string& name : names) widths.push_back(std::min(line_w, measure(name)));
  const float sep_w = measure(", ");
  const int total = static_cast<int>(names.size());
  const int shown = names_that_fit(widths, sep_w, line_w, max_lines, measure(more_text(ui, total)));
  float x = 0;
  for (int i = 0; i < shown; ++i) {
    const float w = widths[static_cast<std::size_t>(i)];
    if (x > 0 && x + sep_w + w <= line_w) {
      ImGui::SameLine(0, 0);
      ImGui::TextUnformatted(", ");
      ImGui::SameLine(0, 0);
      x += sep_w + w;
    } else {
      if (x > 0) {  // the comma ends the line before
        ImGui::SameLine(0, 0);
        ImGui::TextUnformatted(",");
      }
      x = w;
    }
    bool shortened = false;
    const std::string shown_name = ellipsize_text(names[static_cast<std::size_t>(i)], line_w, measure, shortened);
    ImGui::TextUnformatted(shown_name.c_str());
    if (shortened && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", names[static_cast<std::size_t>(i)].c_str());
    probe_item(ui.layout, "row", list + ":" + std::to_string(i), panel);
  }
  probe_list(ui.layout, list, panel, total, total - shown);
  if (shown < total) {
    const std::string more = more_text(ui, total - shown);
    if (shown > 0 && x + sep_w + measure(more) <= line_w) ImGui::SameLine(0, sep_w);
    ImGui::PushStyleColor(ImGuiCol_Text, theme::to_vec4(theme::kAccent));
    ImGui::TextUnformatted(more.c_str());
    ImGui::PopStyleColor();
    probe_item(ui.layout, "item", list + ":more", panel);
    if (ImGui::IsItemHovered()) {
      std::string rest;
      for (int i = shown; i < total; ++i) rest += (i > shown ? "\n" : "") + names[static_cast<std::size_t>(i)];
      ImGui::SetTooltip("%s", rest.c_str());
    }
  }
}

}  // namespace facilita::ui
