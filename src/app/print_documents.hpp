// Printing a session's documents from the app (CLI and author view).
#pragma once
#include <string>

#include "core/session.hpp"

namespace facilita {

// The guide's default path: `<session-id>-guia.pdf` (or `-guide.pdf` in English) next to `source_path`.
std::string default_guide_path(const Session& session, const std::string& source_path);
// Writes the facilitator guide (A4, the session's language, offsets from 0:00).
bool write_guide_pdf(const Session& session, const std::string& out_path, std::string& error);

}  // namespace facilita
