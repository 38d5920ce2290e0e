// The join QR as text for a terminal (`facilita run --headless`): libqrencode's
// matrix drawn with Unicode half blocks, two module rows per text line, inside
// the four-module quiet zone the QR standard asks for.
#pragma once
#include <string>

#include "text/qr_matrix.hpp"

namespace facilita {

// One line per two module rows, each line ending in '\n'. Dark modules are
// drawn with the terminal's text colour (█ ▀ ▄), light ones as spaces. With
// `colour` the code is wrapped in ANSI black-on-white so it reads the same on
// dark and light terminals; without it (a file, a pipe) dark is ink, as on paper.
std::string qr_text(const QrMatrix& qr, bool colour);

}  // namespace facilita
