// Pieces of the projector view shared by its files (projector_view.cpp draws
// the frame, projector_body.cpp the content or the prompt).
#pragma once
#include <imgui.h>

#include <string>

#include "core/engine.hpp"
#include "core/projection.hpp"
#include "ui/fonts.hpp"
#include "ui/ui_state.hpp"

namespace facilita::ui {

// One projector frame: what to show (live or frozen) and where.
struct ProjectorFrame {
  const Session& session;
  const State& state;
  const Timing& timing;
  UiState* ui = nullptr;
  const FontSet* fonts = nullptr;
  ImDrawList* dl = nullptr;
  ImVec2 pos, size;
  float margin = 0;
  float body_min = 0;  // smallest text allowed: 1/25 of the height
  float clock_px = 0;
};

// The prompt the room sees: core/projection.hpp (projected_prompt); null = content.

void draw_projected_prompt(const ProjectorFrame& frame, const Prompt& prompt, ImVec2 pos, ImVec2 size);
void draw_projected_content(const ProjectorFrame& frame, ImVec2 pos, ImVec2 size);
// The question the facilitator projects, as a card over the body (projector_question.cpp).
void draw_projected_question(const ProjectorFrame& frame, ImVec2 pos, ImVec2 size);

// Room message and break (projector_room.cpp). The banner is drawn from `top`
// (absolute) over the frame's width; returns its bottom relative to the frame
// (0 when there is no message). The break fills the frame from `top` down.
float draw_room_banner(const ProjectorFrame& frame, const std::string& message, float top);
void draw_projected_break(const ProjectorFrame& frame, Millis until, Millis now, float top);

}  // namespace facilita::ui
