#include "app/terminal_qr.hpp"

namespace facilita {

std::string qr_text(const QrMatrix& qr, bool colour) {
  if (qr.size == 0) return {};
  const int first = -kQrQuietZone;
  const int end = qr.size + kQrQuietZone;  // one past the last column / row drawn
  std::string out;
  for (int y = first; y < end; y += 2) {
    if (colour) out += "\x1b[30;107m";  // black on bright white
    for (int x = first; x < end; ++x) {
      const bool top = qr.at(x, y);
      const bool bottom = y + 1 < end && qr.at(x, y + 1);
      out += top ? (bottom ? "\u2588" : "\u2580") : (bottom ? "\u2584" : " ");
    }
    if (colour) out += "\x1b[0m";
    out += '\n';
  }
  return out;
}

}  // namespace facilita
