// The room message and the break on the projector. The message is a banner
// across the top (wrapped, as large as fits in a quarter of the height, never
// clipped); a break takes the whole screen: "Descanso", a big countdown to
// the clock time and "Regresamos a las 11:05" — at zero "Regresamos ahora"
// (the facilitator ends the break; it never resumes by itself).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "ui/draw_text.hpp"
#include "ui/projector_parts.hpp"
#include "ui/room_parts.hpp"
#include "ui/theme.hpp"

namespace facilita::ui {
namespace {

constexpr ImU32 kBannerBg = IM_COL32(255, 200, 60, 255);   // theme::kWrapUp: dark text on it, about 12:1
constexpr ImU32 kBannerText = IM_COL32(20, 20, 22, 255);

void centered(const ProjectorFrame& f, ImFont* font, float px, float y, ImU32 color, const std::string& text) {
  const float wrap = f.size.x - f.margin * 2;
  ImVec2 size = text_size(font, px, text, wrap);
  draw_text(f.dl, font, px, ImVec2(f.pos.x + (f.size.x - size.x) * 0.5f, y), color, text, wrap);
}

}  // namespace

float draw_room_banner(const ProjectorFrame& f, const std::string& message, float top) {
  if (message.empty()) return 0;
  const FontSet& fonts = *f.fonts;
  const float wrap = f.size.x - f.margin * 2;
  // As large as the header's title, smaller (down to the body minimum) until it fits a quarter of the height.
  float px = std::max(f.body_min, f.size.y * 0.07f);
  ImVec2 size = text_size(fonts.bold, px, message, wrap);
  while (px > f.body_min && size.y > f.size.y * 0.25f) {
    px = std::max(f.body_min, px * 0.9f);
    size = text_size(fonts.bold, px, message, wrap);
  }
  const float pad = px * 0.35f;
  const float h = size.y + pad * 2;
  f.dl->AddRectFilled(ImVec2(f.pos.x, top), ImVec2(f.pos.x + f.size.x, top + h), kBannerBg);
  draw_text(f.dl, fonts.bold, px, ImVec2(f.pos.x + f.margin, top + pad), kBannerText, message, wrap);
  return top + h - f.pos.y;
}

void draw_projected_break(const ProjectorFrame& f, Millis until, Millis now, float top) {
  const FontSet& fonts = *f.fonts;
  const float H = f.pos.y + f.size.y - top;
  const float title_px = std::max(f.body_min, f.size.y * 0.09f);
  // The clock font is baked at f.clock_px; a third larger still looks crisp.
  const float clock_px = std::round(std::min(f.clock_px * 1.35f, f.size.x * 0.20f));
  const float line_px = std::max(f.body_min, f.size.y * 0.06f);
  const std::string clock = break_countdown_text(until - now);
  const bool over = until <= now;
  char back[96];
  std::snprintf(back, sizeof back, f.ui->t(S::BreakBackAt), theme::local_hhmm(until).c_str());
  const std::string line = over ? f.ui->t(S::BreakBackNow) : back;
  // Title, clock, line as one block centred in the space left under the banner.
  const float block = title_px * 1.3f + clock_px * 0.75f + line_px * 1.6f;
  float y = top + std::max(f.margin * 0.5f, (H - block) * 0.5f);
  centered(f, fonts.large, title_px, y, theme::kProjectorText, f.ui->t(S::BreakTitle));
  y += title_px * 1.3f;
  // The clock font's digits fill the middle of the line box (see projector_view.cpp).
  centered(f, fonts.clock, clock_px, y - clock_px * 0.22f, over ? theme::kWrapUp : theme::kAccent, clock);
  y += clock_px * 0.75f;
  centered(f, fonts.bold, line_px, y + line_px * 0.3f, over ? theme::kWrapUp : theme::kProjectorMuted, line);
}

}  // namespace facilita::ui
