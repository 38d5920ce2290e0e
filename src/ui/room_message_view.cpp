// Room message on the console: the message shown now with "Quitar", a button
// for the M dialog, and the dialog itself (type up to 140 characters with a
// live counter, Enter shows it, Esc cancels; one-click presets).
#include <algorithm>
#include <string>

#include "ui/fonts.hpp"
#include "ui/room_parts.hpp"
#include "ui/theme.hpp"
#include "ui/modal.hpp"
#include "ui/views.hpp"

namespace facilita::ui {
namespace {

int code_points(const char* s) {
  int n = 0;
  for (; *s; ++s)
    if ((static_cast<unsigned char>(*s) & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace

void draw_room_message(const Session&, const State& state, const Timing&, const Dispatch& dispatch, UiState& ui) {
  if (ImGui::Button(ui.t(S::RoomMessageButton)) && !state.agenda.ended) open_message_dialog(ui);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("M");
  if (state.room_message.empty()) return;
  ImGui::SameLine();
  if (ImGui::Button(ui.t(S::RoomMessageClear))) dispatch(cmd::ClearMessage{});
  ImGui::PushStyleColor(ImGuiCol_Text, theme::to_vec4(theme::kAccent));
  ImGui::TextWrapped(ui.t(S::RoomMessageNow), state.room_message.c_str());
  ImGui::PopStyleColor();
}

void draw_room_message_dialog(const Session&, const State& state, const Timing&, const Dispatch& dispatch,
                              UiState& ui) {
  constexpr const char* kPopup = "##room-message";
  if (!begin_centered_modal(kPopup, ui.message_dialog, 34)) return;
  const float em = ImGui::GetFontSize();
  ImGui::PushFont(current_fonts().h2);
  ImGui::TextUnformatted(ui.t(S::RoomMessage));
  ImGui::PopFont();
  ImGui::TextDisabled("%s", ui.t(S::RoomMessageHint));
  // Until the field has the focus, typed characters reach the draft through the
  // shortcuts (type_ahead) and ImGui's copy of them is dropped: the M that
  // opened the dialog stays out, and the words typed right after it stay in.
  if (ui.dialog_opened) {
    ImGui::GetIO().InputQueueCharacters.resize(0);
    ImGui::SetKeyboardFocusHere();
  }
  ImGui::SetNextItemWidth(-1);
  ImGui::InputText("##draft", ui.message_draft, sizeof ui.message_draft, ImGuiInputTextFlags_CallbackAlways,
                   [](ImGuiInputTextCallbackData* data) {
                     // The first focused frame: the cursor after the typed-ahead text, nothing selected.
                     if (static_cast<UiState*>(data->UserData)->dialog_opened)
                       data->CursorPos = data->SelectionStart = data->SelectionEnd = data->BufTextLen;
                     return 0;
                   },
                   &ui);
  if (ImGui::IsItemActive()) ui.dialog_opened = false;
  const int count = code_points(ui.message_draft);
  const bool too_long = count > static_cast<int>(kMaxRoomMessageChars);
  ImGui::PushStyleColor(ImGuiCol_Text, theme::to_vec4(too_long ? theme::kOvertime : theme::kIdle));
  ImGui::Text("%d / %d", count, static_cast<int>(kMaxRoomMessageChars));
  ImGui::PopStyleColor();
  for (S preset : {S::RoomPreset1, S::RoomPreset2, S::RoomPreset3, S::RoomPreset4}) {
    if (ImGui::Button(ui.t(preset))) {
      dispatch(cmd::ShowMessage{ui.t(preset)});
      ui.message_dialog = false;
    }
    if (preset != S::RoomPreset4 && ImGui::GetContentRegionAvail().x > em * 14) ImGui::SameLine();
  }
  ImGui::Separator();
  if (ImGui::Button(ui.t(S::RoomMessageShow)) && count > 0 && !too_long) send_room_message(dispatch, ui);
  ImGui::SameLine();
  if (ImGui::Button(ui.t(S::Cancel))) ui.message_dialog = false;
  if (!state.room_message.empty()) {
    ImGui::SameLine();
    if (ImGui::Button(ui.t(S::RoomMessageClear))) {
      dispatch(cmd::ClearMessage{});
      ui.message_dialog = false;
    }
    ImGui::TextWrapped(ui.t(S::RoomMessageNow), state.room_message.c_str());
  }
  if (!ui.message_dialog) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace facilita::ui
