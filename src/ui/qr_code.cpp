#include "ui/qr_code.hpp"

#include <cmath>

namespace facilita::ui {

const QrModules& QrCache::get(const std::string& text) {
  if (!valid_ || text != text_) {
    text_ = text;
    modules_ = encode_qr(text);
    valid_ = true;
  }
  return modules_;
}

void draw_qr(ImDrawList* dl, const QrModules& qr, ImVec2 pos, float side) {
  dl->AddRectFilled(pos, ImVec2(pos.x + side, pos.y + side), IM_COL32(255, 255, 255, 255));
  if (qr.size == 0) return;
  constexpr int kQuiet = kQrQuietZone;
  float module = std::floor(side / static_cast<float>(qr.size + 2 * kQuiet));
  if (module < 1) module = side / static_cast<float>(qr.size + 2 * kQuiet);
  float offset = (side - module * static_cast<float>(qr.size)) * 0.5f;
  ImVec2 origin(std::floor(pos.x + offset), std::floor(pos.y + offset));
  for (int y = 0; y < qr.size; ++y) {
    int x = 0;
    while (x < qr.size) {
      if (!qr.dark[static_cast<std::size_t>(y * qr.size + x)]) {
        ++x;
        continue;
      }
      int run = x;
      while (run < qr.size && qr.dark[static_cast<std::size_t>(y * qr.size + run)]) ++run;
      dl->AddRectFilled(ImVec2(origin.x + module * static_cast<float>(x), origin.y + module * static_cast<float>(y)),
                        ImVec2(origin.x + module * static_cast<float>(run), origin.y + module * static_cast<float>(y + 1)),
                        IM_COL32(0, 0, 0, 255));
      x = run;
    }
  }
}

}  // namespace facilita::ui
