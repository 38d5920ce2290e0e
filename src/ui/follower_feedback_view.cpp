// The fellow's own feedback in the follower window (`facilita join`): the
// verdict on a revealed quiz prompt and the score cards, from `you` messages.
#include <cstdio>

#include "ui/fonts.hpp"
#include "ui/follower_view.hpp"
#include "ui/theme.hpp"

namespace facilita::ui {

using net::FellowPrompt;
using net::FellowState;

namespace {

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

}  // namespace

// The fellow's own verdict once the prompt is revealed (from `you`).
void draw_own_verdict(const FellowState& st, const FellowPrompt& p, UiState& ui) {
  auto it = st.you.answers.find(p.id);
  if (it == st.you.answers.end() || it->second.verdict.empty()) return;
  const net::FellowVerdict& v = it->second;
  char line[512];
  ImU32 color = theme::kCorrect;
  if (v.verdict == "right") {
    std::snprintf(line, sizeof line, "%s", ui.t(S::YouRight));
  } else if (p.kind == "multi") {
    color = v.verdict == "partial" ? theme::kWrapUp : theme::kOvertime;
    std::string text;
    std::snprintf(line, sizeof line, ui.t(S::YouPartial), static_cast<int>(v.right.size()),
                  static_cast<int>(v.right.size() + v.missing.size()));
    text = line;
    if (!v.missing.empty()) {
      std::snprintf(line, sizeof line, ui.t(S::YouMissing), joined(v.missing).c_str());
      text += std::string("; ") + line;
    }
    if (!v.extra.empty()) {
      std::snprintf(line, sizeof line, ui.t(S::YouExtra), joined(v.extra).c_str());
      text += std::string("; ") + line;
    }
    std::snprintf(line, sizeof line, "%s", text.c_str());
  } else {
    color = theme::kOvertime;
    std::snprintf(line, sizeof line, ui.t(S::YouWrong), joined(v.missing).c_str());
  }
  ImGui::Spacing();
  ImGui::PushFont(current_fonts().bold);
  ImGui::PushStyleColor(ImGuiCol_Text, theme::to_vec4(color));
  ImGui::TextWrapped("%s", line);
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

// Score cards of the quiz sections the room has left.
void draw_score_cards(const FellowState& st, UiState& ui) {
  for (const net::FellowScore& s : st.you.scores) {
    char line[256];
    std::snprintf(line, sizeof line, ui.t(S::YouScore), s.title.c_str(), s.right, s.of);
    ImGui::PushFont(current_fonts().h2);
    ImGui::TextWrapped("%s", line);
    ImGui::PopFont();
  }
}

}  // namespace facilita::ui
