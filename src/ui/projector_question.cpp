// The projected question: a large card over the projector body with the
// question, its votes and the asker's name when they chose to show it.
#include <algorithm>
#include <cstdio>
#include <string>

#include "core/questions.hpp"
#include "ui/draw_text.hpp"
#include "ui/projector_parts.hpp"
#include "ui/theme.hpp"

namespace facilita::ui {

void draw_projected_question(const ProjectorFrame& f, ImVec2 pos, ImVec2 size) {
  const Question* q = find_question(f.state, f.state.projected_question);
  if (!q || !question_public(*q)) return;
  const FontSet& fonts = *f.fonts;
  const float pad = f.margin;
  const float card_w = size.x * 0.86f;
  const float text_w = card_w - pad * 2;
  // The largest text size (down to the minimum) at which the question fits in 60 % of the body.
  float px = std::max(f.body_min, size.y * 0.09f);
  ImVec2 text = text_size(fonts.bold, px, q->text, text_w);
  while (px > f.body_min && text.y > size.y * 0.6f) {
    px = std::max(f.body_min, px * 0.9f);
    text = text_size(fonts.bold, px, q->text, text_w);
  }
  const float label_px = f.body_min;
  const float card_h = std::min(size.y, pad * 2 + label_px * 1.6f + text.y + label_px * 1.8f);
  const ImVec2 a(pos.x + (size.x - card_w) * 0.5f, pos.y + (size.y - card_h) * 0.5f);
  const ImVec2 b(a.x + card_w, a.y + card_h);
  f.dl->AddRectFilled(ImVec2(pos.x, pos.y), ImVec2(pos.x + size.x, pos.y + size.y), IM_COL32(14, 14, 16, 215));
  f.dl->AddRectFilled(a, b, IM_COL32(32, 38, 52, 255), pad * 0.4f);
  f.dl->AddRect(a, b, theme::kAccent, pad * 0.4f, 0, std::max(2.0f, size.y * 0.004f));

  float y = a.y + pad;
  draw_text(f.dl, fonts.bold, label_px, ImVec2(a.x + pad, y), theme::kAccent, f.ui->t(S::Questions));
  y += label_px * 1.6f;
  draw_text(f.dl, fonts.bold, px, ImVec2(a.x + pad, y), theme::kProjectorText, q->text, text_w);
  y += text.y + label_px * 0.5f;
  char votes[48];
  std::snprintf(votes, sizeof votes, f.ui->t(S::QuestionVotes), question_votes(*q));
  std::string footer = std::string("▲ ") + votes;
  if (!q->anonymous)
    if (auto it = f.state.participants.find(q->participant); it != f.state.participants.end())
      footer += "  ·  " + it->second.name;
  draw_text(f.dl, fonts.body, label_px, ImVec2(a.x + pad, y), theme::kProjectorMuted, footer);
}

}  // namespace facilita::ui
