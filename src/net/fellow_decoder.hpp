// Server messages -> net::FellowState (see fellow_state.hpp). The one place
// the fellow's side reads `state`, `content` and `live` messages.
#pragma once
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "net/fellow_state.hpp"

namespace facilita::net {

class FellowDecoder {
 public:
  // Applies one server message; true when the state changed. Types other
  // than state/content/live are ignored, and so are malformed fields (they
  // read as absent). A `live` older than the state is dropped.
  bool apply(const nlohmann::json& message);
  const FellowState& state() const { return state_; }

 private:
  void apply_state(const nlohmann::json& message);
  void apply_you(const nlohmann::json& message);
  FellowState state_;
  std::map<std::string, std::shared_ptr<const std::string>> contents_;  // by content key
};

// Answer values between the wire (JSON) and the fellow's model.
FellowValue fellow_value(const nlohmann::json& value);
nlohmann::json to_json(const FellowValue& value);

}  // namespace facilita::net
