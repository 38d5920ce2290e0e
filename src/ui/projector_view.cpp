// The projector: section title and countdown with wrap-up / overtime cues
// (colour, a label and a coloured strip), session progress by section, and
// either the section's content (fitted for the back of the room: body text at
// least 1/25 of the height) or the prompt being asked / its revealed results.
// Join URL and QR when the network layer provides a URL. Blackout and freeze
// work like pdfpc's b / f.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "ui/cue_flash_view.hpp"
#include "ui/draw_text.hpp"
#include "ui/step_parts.hpp"
#include "ui/fonts.hpp"
#include "ui/projector_parts.hpp"
#include "ui/theme.hpp"
#include "ui/views.hpp"

namespace facilita::ui {
namespace {

struct HeaderLayout {
  float bottom = 0;      // below the band, relative to the frame
  ImVec2 counter_end;    // after "Section n of m": where the content page goes
};

// Top band: title left, countdown right, phase label under the countdown.
// Noto's digits fill only the middle of the line box (from about 0.26 to 0.79
// of the font size), so the clock is drawn higher than its box to save space.
HeaderLayout header(const ProjectorFrame& f) {
  const FontSet& fonts = *f.fonts;
  const float H = f.size.y, m = f.margin;
  const float top = f.pos.y + m * 0.5f;
  std::string clock = theme::countdown_text(f.timing);
  ImU32 clock_color = theme::phase_color(f.timing.phase);
  if (!f.state.agenda.running) clock_color = theme::kProjectorMuted;
  ImVec2 clock_size = text_size(fonts.clock, f.clock_px, clock);
  float clock_x = f.pos.x + f.size.x - m - clock_size.x;
  draw_text(f.dl, fonts.clock, f.clock_px, ImVec2(clock_x, top - f.clock_px * 0.22f), clock_color, clock);

  const char* state_label = theme::clock_state_label(*f.ui, f.state);
  std::string label = *state_label ? std::string(state_label)
                                   : std::string(f.timing.phase == Phase::Overtime ? "■ "
                                                 : f.timing.phase == Phase::WrapUp ? "▲ "
                                                                                    : "") +
                                         theme::phase_label(*f.ui, f.timing.phase);
  ImU32 label_color = *state_label ? theme::kProjectorMuted : theme::phase_color(f.timing.phase);
  float label_y = top + f.clock_px * 0.62f;
  ImVec2 label_size = text_size(fonts.bold, f.body_min, label);
  draw_text(f.dl, fonts.bold, f.body_min, ImVec2(f.pos.x + f.size.x - m - label_size.x, label_y), label_color, label);

  const Section& section = f.session.sections[static_cast<std::size_t>(f.state.agenda.current)];
  const float step_w = draw_projector_step(f, clock_x - m * 0.8f, top);  // beside the clock, when there are steps
  float title_w = clock_x - (step_w > 0 ? step_w + m * 0.8f : 0) - f.pos.x - m * 2;
  float title_px = std::max(f.body_min, H * 0.07f);
  ImVec2 title_size = text_size(fonts.large, title_px, section.title, title_w);
  if (title_size.y > title_px * 2.6f) {  // long titles: smaller rather than three lines
    title_px = std::max(f.body_min, title_px * 0.75f);
    title_size = text_size(fonts.large, title_px, section.title, title_w);
  }
  draw_text(f.dl, fonts.large, title_px, ImVec2(f.pos.x + m, top), theme::kProjectorText, section.title, title_w);
  char counter[64];
  std::snprintf(counter, sizeof counter, f.ui->t(S::Section), f.state.agenda.current + 1,
                static_cast<int>(f.session.sections.size()));
  ImVec2 counter_size =
      draw_text(f.dl, fonts.body, f.body_min, ImVec2(f.pos.x + m, top + title_size.y), theme::kProjectorMuted, counter);
  float bottom = std::max(label_y + label_size.y, top + title_size.y + f.body_min * 1.3f);
  return HeaderLayout{bottom - f.pos.y, ImVec2(f.pos.x + m + counter_size.x, top + title_size.y)};
}

// Session progress: one segment per section (width = planned time), filled as time passes.
float progress_bar(const ProjectorFrame& f, float y) {
  const float h = std::max(4.0f, f.size.y * 0.012f), gap = std::max(2.0f, f.size.x * 0.003f);
  const float x0 = f.pos.x + f.margin, width = f.size.x - f.margin * 2;
  float total = 0;
  for (const SectionTiming& s : f.timing.sections)
    if (s.status != SectionStatus::Cut) total += static_cast<float>(s.planned_s);
  if (total <= 0) return 0;
  float x = x0, usable = width - gap * static_cast<float>(f.timing.sections.size());
  for (const SectionTiming& s : f.timing.sections) {
    if (s.status == SectionStatus::Cut) continue;
    float w = usable * static_cast<float>(s.planned_s) / total;
    ImVec2 a(x, f.pos.y + y), b(x + w, f.pos.y + y + h);
    f.dl->AddRectFilled(a, b, IM_COL32(255, 255, 255, 40));
    float done = s.status == SectionStatus::Done ? 1.0f
                 : s.status == SectionStatus::Current
                     ? std::clamp(static_cast<float>(s.actual_ms) / 1000.0f / std::max(1.0f, static_cast<float>(s.planned_s)), 0.0f, 1.0f)
                     : 0.0f;
    ImU32 color = s.status == SectionStatus::Current ? theme::phase_color(f.timing.phase) : theme::kProjectorMuted;
    if (done > 0) f.dl->AddRectFilled(a, ImVec2(a.x + w * done, b.y), color);
    x += w + gap;
  }
  return h;
}

// The QR code in the bottom right corner, and the join URL at the bottom left
// of it: broken after a '/' onto as many lines as it needs (a long URL grows
// upwards), never under the QR code.
ImVec2 join_area(const ProjectorFrame& f, bool prominent) {
  if (f.ui->join_url.empty()) return ImVec2(0, 0);
  const FontSet& fonts = *f.fonts;
  const float px = f.body_min, m = f.margin;
  const float side = std::round(f.size.y * (prominent ? 0.30f : 0.19f));
  const float bottom = f.pos.y + f.size.y - m * 0.5f;
  const ImVec2 qr_pos(f.pos.x + f.size.x - m - side, bottom - side);
  draw_qr(f.dl, f.ui->qr.get(f.ui->join_url), qr_pos, side);
  probe_box(f.ui->layout, "item", "join-qr", "projector", qr_pos, ImVec2(qr_pos.x + side, bottom));

  const std::string label = std::string(f.ui->t(S::JoinAt)) + "  ";
  const float label_w = text_size(fonts.body, px, label).x;
  const float url_w = std::max(px * 4, qr_pos.x - m * 0.5f - (f.pos.x + m + label_w));
  const std::vector<std::string> lines = break_url(f.ui->join_url, url_w, font_measure(fonts.bold, px));
  const float line_h = px * 1.25f;
  const float band_h = line_h * static_cast<float>(lines.size()) + px * 0.3f;
  float y = bottom - line_h * static_cast<float>(lines.size());
  draw_text(f.dl, fonts.body, px, ImVec2(f.pos.x + m, y), theme::kProjectorMuted, label);
  float right = f.pos.x + m + label_w;
  for (const std::string& line : lines) {
    ImVec2 drawn = draw_text(f.dl, fonts.bold, px, ImVec2(f.pos.x + m + label_w, y), theme::kProjectorText, line);
    right = std::max(right, f.pos.x + m + label_w + drawn.x);
    y += line_h;
  }
  probe_box(f.ui->layout, "item", "join-url", "projector", ImVec2(f.pos.x + m, bottom - line_h * static_cast<float>(lines.size())),
            ImVec2(right, bottom));
  return ImVec2(side + m, band_h);
}

}  // namespace

void draw_projector(const Session& session, const State& live_state, const Timing& live_timing, const Dispatch&,
                    UiState& ui, ImVec2 pos, ImVec2 size) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(pos, ImVec2(pos.x + size.x, pos.y + size.y), true);
  if (ui.blackout || session.sections.empty()) {
    dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), IM_COL32(0, 0, 0, 255));
    dl->PopClipRect();
    return;
  }
  const bool frozen = ui.frozen && ui.frozen_view;
  ProjectorFrame f{session,
                   frozen ? ui.frozen_view->state : live_state,
                   frozen ? ui.frozen_view->timing : live_timing,
                   &ui,
                   &current_fonts(),
                   dl,
                   pos,
                   size,
                   std::round(std::max(size.y * 0.035f, size.x * 0.022f)),
                   std::ceil(size.y / 25.0f),
                   std::round(size.y / 5.0f)};

  dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), theme::kProjectorBg);
  probe_box(ui.layout, "panel", "projector", "", pos, ImVec2(pos.x + size.x, pos.y + size.y));
  if (f.state.agenda.running && f.timing.phase != Phase::Normal)
    dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + std::max(4.0f, size.y * 0.012f)), theme::phase_color(f.timing.phase));

  // Room message and break (projector_room.cpp), from the live state even while frozen:
  // they are meant for the room now. The banner sits under the phase strip.
  const float strip = std::max(4.0f, size.y * 0.012f);
  const float banner = draw_room_banner(f, live_state.room_message, pos.y + strip);
  if (live_state.break_until != 0) {
    draw_projected_break(f, live_state.break_until, ui.now, pos.y + std::max(banner, strip));
    dl->PopClipRect();
    return;
  }
  if (banner > 0) {
    pos.y += banner;
    size.y -= banner;
    f.pos = pos;
    f.size = size;
  }

  HeaderLayout head = header(f);
  float y = head.bottom + f.body_min * 0.35f;
  y += progress_bar(f, y) + f.margin * 0.6f;
  const Prompt* prompt = projected_prompt(session, f.state);
  ImVec2 join = join_area(f, prompt != nullptr || !f.state.agenda.started);
  ImVec2 body_pos(pos.x + f.margin, pos.y + y);
  ImVec2 body_size(size.x - f.margin * 2 - join.x, size.y - y - f.margin * 0.6f - join.y);
  if (body_size.x > 0 && body_size.y > 0) {
    probe_box(ui.layout, "panel", "projector-body", "projector", body_pos,
              ImVec2(body_pos.x + body_size.x, body_pos.y + body_size.y));
    if (ui.show_quiz_summary) draw_quiz_summary(session, f.state, ui, body_pos, body_size);
    else if (prompt) draw_projected_prompt(f, *prompt, body_pos, body_size);
    else draw_projected_content(f, body_pos, body_size);
    if (!f.state.projected_question.empty()) draw_projected_question(f, body_pos, body_size);
  }
  if (!prompt && !ui.show_quiz_summary && ui.content_pages > 1) {  // long content: which page, and that there is more
    char page[48];
    std::snprintf(page, sizeof page, "  ·  %d / %d %s", ui.content_page + 1, ui.content_pages,
                  ui.content_page + 1 < ui.content_pages ? "▼" : "▲");
    draw_text(dl, f.fonts->body, f.body_min, head.counter_end, theme::kProjectorMuted, page);
  }
  if (!ui.demo_label.empty()) {  // screenshots with simulated participants say so
    float px = std::max(10.0f, f.body_min * 0.5f);
    ImVec2 label = text_size(f.fonts->body, px, ui.demo_label);
    // Above the QR code when there is one (it sits in the bottom right corner).
    const float qr_top = join.x > 0 ? pos.y + size.y - f.margin * 0.5f - (join.x - f.margin) : pos.y + size.y;
    draw_text(dl, f.fonts->body, px, ImVec2(pos.x + size.x - label.x - px, qr_top - label.y - px * 0.3f),
              theme::kProjectorMuted, ui.demo_label);
  }
  draw_cue_flash(dl, ui.flash, pos, size);
  dl->PopClipRect();
}

void draw_projector_window(const Session& session, const State& state, const Timing& timing, const Dispatch& dispatch,
                           UiState& ui) {
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::Begin("##projector", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse |
                   ImGuiWindowFlags_NoBackground);
  draw_projector(session, state, timing, dispatch, ui, ImVec2(0, 0), io.DisplaySize);
  ImGui::End();
  ImGui::PopStyleVar();
}

}  // namespace facilita::ui
