#include <doctest/doctest.h>

#include "ui/qr_code.hpp"

using namespace facilita::ui;

TEST_CASE("QR codes encode URLs and nothing for an empty string") {
  QrModules qr = encode_qr("http://192.168.1.20:8080/");
  CHECK(qr.size >= 21);
  CHECK(qr.dark.size() == static_cast<std::size_t>(qr.size * qr.size));
  CHECK(qr.dark[0]);  // top-left finder pattern
  CHECK(encode_qr("").size == 0);
  QrCache cache;
  CHECK(&cache.get("a") == &cache.get("a"));
  CHECK(cache.get("http://x/").size >= 21);
}
