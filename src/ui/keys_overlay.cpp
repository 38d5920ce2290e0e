// F1 / ? overlay listing every key (the same bindings as shortcuts.cpp).
#include <algorithm>

#include "ui/fonts.hpp"
#include "ui/views.hpp"

namespace facilita::ui {
namespace {

struct KeyHelp {
  const char* keys;
  S what;
};

constexpr KeyHelp kKeys[] = {
    {"Space", S::KeyStartPause},   {"→  PgDn", S::KeyNext},       {"←  PgUp", S::KeyPrevious},
    {"+  -", S::KeyAdjust},        {"R", S::KeyRebalance},        {"B", S::KeyBlackout},
    {"F", S::KeyFreeze},           {"O", S::KeyOpenPrompt},       {"C", S::KeyClosePrompt},
    {"V", S::KeyReveal},           {"T", S::KeyProjectorView},    {"Ctrl+Z", S::KeyUndo},        {"F1  ?", S::KeyHelp},
    {"↑  ↓", S::KeyContentPage},   {"P", S::KeyProjector},        {"F11", S::KeyFullscreen},
    {"Ctrl+Enter", S::KeyAcceptReload},
    {"S  Shift+S", S::KeyStep},
    {"M", S::KeyRoomMessage},      {"D", S::KeyBreak},
    {"K", S::KeyMute},
    {"Shift+F11", S::KeyConsoleFullscreen}, {"Tab", S::KeyScreenMode},
    {"Q", S::KeyQuestions},
    {"Ctrl+Enter", S::KeyAcceptReload}, {"A", S::KeyQuizSummary},
};

}  // namespace

void draw_keys_overlay(const Session&, const State&, const Timing&, const Dispatch&, UiState& ui) {
  if (!ui.show_keys) return;
  const float em = ImGui::GetFontSize();
  ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(display.x * 0.9f, em * 32), 0));
  ImGui::SetNextWindowBgAlpha(1.0f);
  ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                           ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em, em));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
  if (ImGui::Begin("##keys", nullptr, flags)) {
    ImGui::PushFont(current_fonts().h2);
    ImGui::TextUnformatted(ui.t(S::KeysTitle));
    ImGui::PopFont();
    if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg)) {
      ImGui::TableSetupColumn("k", ImGuiTableColumnFlags_WidthFixed, em * 6);
      ImGui::TableSetupColumn("v", ImGuiTableColumnFlags_WidthStretch);
      for (const KeyHelp& k : kKeys) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::PushFont(current_fonts().bold);
        ImGui::TextUnformatted(k.keys);
        ImGui::PopFont();
        ImGui::TableSetColumnIndex(1);
        ImGui::TextWrapped("%s", ui.t(k.what));
      }
      ImGui::EndTable();
    }
    ImGui::Separator();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(ui.t(S::HelpNumbers));  // what the numbers on the console mean
    ImGui::PopTextWrapPos();
    ImGui::TextDisabled("%s", ui.t(S::KeysClose));
    if (ImGui::Button("OK")) ui.show_keys = false;
  }
  ImGui::End();
  ImGui::PopStyleVar(2);
}

}  // namespace facilita::ui
