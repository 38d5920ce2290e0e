// Join area on the console: the URL fellows open and its QR code (the network
// layer provides it in UiState::join_url; empty = placeholder), and on request
// the facilitator's secret remote-control URL — never on the projector.
#include <algorithm>

#include "ui/draw_text.hpp"
#include "ui/fonts.hpp"
#include "ui/qr_code.hpp"
#include "ui/views.hpp"

namespace facilita::ui {
namespace {

void url_with_qr(const std::string& url, QrCache& cache) {
  const float em = ImGui::GetFontSize();
  ImGui::PushFont(current_fonts().bold);
  for (const std::string& line : break_url(url, ImGui::GetContentRegionAvail().x, current_font_measure()))
    ImGui::TextUnformatted(line.c_str());  // broken after a '/', never mid-word
  ImGui::PopFont();
  float side = std::min({em * 9, ImGui::GetContentRegionAvail().x, ImGui::GetContentRegionAvail().y});
  if (side < em * 4) return;
  ImVec2 pos = ImGui::GetCursorScreenPos();
  draw_qr(ImGui::GetWindowDrawList(), cache.get(url), pos, side);
  ImGui::Dummy(ImVec2(side, side));
}

}  // namespace

void draw_join_area(const Session&, const State&, const Timing&, const Dispatch&, UiState& ui) {
  if (!ui.admin_url.empty()) {
    float width = ImGui::CalcTextSize(ui.t(ui.show_admin_qr ? S::HideRemote : S::ShowRemote)).x +
                  ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - width));
    if (ImGui::SmallButton(ui.t(ui.show_admin_qr ? S::HideRemote : S::ShowRemote))) ui.show_admin_qr = !ui.show_admin_qr;
  }
  if (ui.show_admin_qr && !ui.admin_url.empty()) {
    ImGui::TextWrapped("%s", ui.t(S::RemoteHint));
    url_with_qr(ui.admin_url, ui.admin_qr);
    return;
  }
  if (ui.join_url.empty()) {
    ImGui::TextDisabled("%s", ui.t(S::JoinPending));
    return;
  }
  ImGui::TextDisabled("%s", ui.t(S::JoinAt));
  url_with_qr(ui.join_url, ui.qr);
}

}  // namespace facilita::ui
