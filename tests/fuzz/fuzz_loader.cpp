// libFuzzer target: the loader must never crash, hang or leak on any input.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto result = facilita::load_session(std::string_view(reinterpret_cast<const char*>(data), size));
  // A loaded session always has its sections adding up to its duration.
  if (result.ok()) {
    int sum = 0;
    for (const auto& section : result.session->sections) sum += section.duration_s;
    if (sum != result.session->duration_s) __builtin_trap();
  }
  return 0;
}
