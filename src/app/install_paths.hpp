// Where the program's read-only files are (the fellows' pages, the example
// sessions, the schema), in this order:
//   1. $FACILITA_SHARE_DIR (a directory laid out like share/facilita);
//   2. ../share/facilita next to the program (an installed package: /usr/bin
//      and /usr/share/facilita, or any prefix `cmake --install` was given);
//   3. the source tree, in builds configured with FACILITA_SOURCE_TREE=ON
//      (the default; packages are built with it OFF, so an installed binary
//      holds no path of the machine it was built on).
// The source tree keeps them as assets/web, sessions/ and assets/schema; an
// installed tree as web/, sessions/ and schema/ under share/facilita.
#pragma once
#include <string>

namespace facilita {

enum class Shared { Web, Sessions, Schema };

// The first existing `what`/`file` along the order above ("" when none exists).
// `file` may be empty to ask for the directory itself.
std::string find_shared(Shared what, const std::string& file);

}  // namespace facilita
