// A QR code's modules (libqrencode, 8-bit mode, level M), the one encoder the
// projector, the console, the terminal (`run --headless`) and the printed
// handout all draw from.
#pragma once
#include <string>
#include <vector>

namespace facilita {

struct QrMatrix {
  int size = 0;            // modules per side, 0 when encoding failed
  std::vector<bool> dark;  // size * size, row major
  bool at(int x, int y) const;  // false outside the matrix (the quiet zone)
};

QrMatrix qr_matrix(const std::string& text);

// The light border the QR standard asks for around the modules, in modules.
constexpr int kQrQuietZone = 4;

}  // namespace facilita
