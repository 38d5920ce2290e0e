// QR codes (libqrencode) drawn as ImDrawList rectangles: crisp at any size and
// in every ImGui context without sharing GL textures between windows.
#pragma once
#include <imgui.h>

#include <string>

#include "text/qr_matrix.hpp"

namespace facilita::ui {

using QrModules = QrMatrix;
inline QrModules encode_qr(const std::string& text) { return qr_matrix(text); }

class QrCache {
 public:
  const QrModules& get(const std::string& text);
 private:
  std::string text_;
  QrModules modules_;
  bool valid_ = false;
};

// Draws the code with a white quiet zone filling the square at `pos` with side `side`.
void draw_qr(ImDrawList* draw_list, const QrModules& qr, ImVec2 pos, float side);

}  // namespace facilita::ui
