// What happened to a command handed to the controller: applied, duplicate
// (acknowledged, nothing changed), rejected by the engine, or not stored.
#pragma once
#include <string>

namespace facilita {

struct DispatchResult {
  bool ok = false;         // applied (or a duplicate answer: acknowledged, nothing changed)
  bool duplicate = false;
  std::string code;        // rejection code, or "storage" when the journal failed
  std::string message;
  std::string question;    // an accepted Ask: the question id (see Decision::question)
};

}  // namespace facilita
