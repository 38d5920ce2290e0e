#include "text/qr_matrix.hpp"

#include <qrencode.h>

namespace facilita {

bool QrMatrix::at(int x, int y) const {
  if (x < 0 || y < 0 || x >= size || y >= size) return false;
  return dark[static_cast<std::size_t>(y) * static_cast<std::size_t>(size) + static_cast<std::size_t>(x)];
}

QrMatrix qr_matrix(const std::string& text) {
  QrMatrix out;
  if (text.empty()) return out;
  QRcode* code = QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M);
  if (!code) return out;
  out.size = code->width;
  out.dark.resize(static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width));
  for (std::size_t i = 0; i < out.dark.size(); ++i) out.dark[i] = (code->data[i] & 1) != 0;
  QRcode_free(code);
  return out;
}

}  // namespace facilita
