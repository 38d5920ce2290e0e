// Colours and small formatting helpers shared by the views. Phase is always
// shown by colour AND a text label (colour-blind safe).
#pragma once
#include <imgui.h>

#include <string>

#include "core/engine.hpp"
#include "ui/ui_state.hpp"

namespace facilita::ui::theme {

// Projector: near-white on near-black, contrast about 16:1; cue colours >= 7:1 on the background.
inline constexpr ImU32 kProjectorBg = IM_COL32(14, 14, 16, 255);
inline constexpr ImU32 kProjectorText = IM_COL32(240, 240, 240, 255);
inline constexpr ImU32 kProjectorMuted = IM_COL32(185, 185, 190, 255);

inline constexpr ImU32 kNormal = IM_COL32(120, 225, 150, 255);
inline constexpr ImU32 kWrapUp = IM_COL32(255, 200, 60, 255);
inline constexpr ImU32 kOvertime = IM_COL32(255, 118, 108, 255);
inline constexpr ImU32 kIdle = IM_COL32(200, 200, 205, 255);
inline constexpr ImU32 kAccent = IM_COL32(110, 180, 255, 255);
inline constexpr ImU32 kCorrect = IM_COL32(120, 225, 150, 255);
inline constexpr ImU32 kBar = IM_COL32(90, 150, 230, 255);
inline constexpr ImU32 kBarTrack = IM_COL32(255, 255, 255, 30);
inline constexpr ImU32 kStorageAlarm = IM_COL32(170, 20, 20, 255);  // white text on it: about 7:1

ImU32 phase_color(Phase phase);
const char* phase_label(const UiState& ui, Phase phase);
// Clock text and label for the current moment: "12:30" restante / "+02:10" excedido / paused / ended.
std::string countdown_text(const Timing& timing);
// Short state word when the clock is not simply running ("Sin iniciar", "En pausa", "Sesión terminada"), else "".
const char* clock_state_label(const UiState& ui, const State& state);

// Local wall-clock time "HH:MM" of an epoch time in milliseconds.
std::string local_hhmm(Millis epoch_ms);

ImVec4 to_vec4(ImU32 color);
void apply_console_style();

}  // namespace facilita::ui::theme
