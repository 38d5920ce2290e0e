// The parsed session as JSON, for `facilita check --json` and for fellows.
#pragma once
#include <nlohmann/json.hpp>

#include "core/session.hpp"

namespace facilita {

nlohmann::json to_json(const Prompt& prompt, bool include_answers);
nlohmann::json to_json(const Session& session);

}  // namespace facilita
