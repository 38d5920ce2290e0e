// The current step on the projector, beside the section clock: the step's
// countdown over "2/4 · En parejas". Muted while the clock is not running,
// red past zero.
#include <algorithm>
#include <cstdio>

#include "ui/draw_text.hpp"
#include "ui/step_parts.hpp"
#include "ui/theme.hpp"

namespace facilita::ui {

float draw_projector_step(const ProjectorFrame& f, float right_x, float top) {
  const Step* step = current_step(f.session, f.state, f.timing);
  if (!step) return 0;
  const FontSet& fonts = *f.fonts;
  const float clock_px = f.clock_px * 0.5f, label_px = f.body_min;
  const std::string clock = step_countdown_text(f.timing);
  char count[32];
  std::snprintf(count, sizeof count, "%d/%d · ", f.timing.step + 1, f.timing.step_count);
  const std::string label = count + step->title;
  const float max_w = f.size.x * 0.28f;
  const ImVec2 clock_size = text_size(fonts.clock, clock_px, clock);
  const ImVec2 label_size = text_size(fonts.bold, label_px, label, max_w);
  const float w = std::max(clock_size.x, std::min(label_size.x, max_w));
  ImU32 color = f.timing.step_remaining_ms < 0 ? theme::kOvertime : theme::kAccent;
  if (!f.state.agenda.running) color = theme::kProjectorMuted;
  // Digits sit in the middle of the line box (see the header): drawn a little higher.
  draw_text(f.dl, fonts.clock, clock_px, ImVec2(right_x - clock_size.x, top + f.clock_px * 0.16f - clock_px * 0.22f),
            color, clock);
  const float label_y = top + f.clock_px * 0.16f + clock_px * 0.62f;
  draw_text(f.dl, fonts.bold, label_px, ImVec2(right_x - std::min(label_size.x, max_w), label_y), theme::kProjectorText,
            label, max_w);
  return w;
}

}  // namespace facilita::ui
