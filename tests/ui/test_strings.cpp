#include <doctest/doctest.h>

#include <string>

#include "ui/strings.hpp"

using namespace facilita::ui;

namespace {

// The printf conversions of a format string, in order ("%d", "%s", "%.1f", ...).
std::string conversions(const char* text) {
  std::string out;
  for (const char* p = text; *p; ++p) {
    if (*p != '%') continue;
    if (p[1] == '%') {
      ++p;
      continue;
    }
    const char* q = p + 1;
    while (*q && std::string("0123456789.-+ ").find(*q) != std::string::npos) ++q;
    out += std::string(p, q + 1) + " ";
    p = q;
  }
  return out;
}

}  // namespace

TEST_CASE("every UI string exists in Spanish and English with the same placeholders") {
  for (int i = 0; i < static_cast<int>(S::Count); ++i) {
    auto key = static_cast<S>(i);
    const char* es = tr(Lang::Es, key);
    const char* en = tr(Lang::En, key);
    CAPTURE(i);
    CHECK(std::string(es).size() > 0);
    CHECK(std::string(en).size() > 0);
    CHECK(conversions(es) == conversions(en));
  }
}

TEST_CASE("languages by code, Spanish is the default table") {
  CHECK(lang_from("es") == Lang::Es);
  CHECK(lang_from("es-MX") == Lang::Es);
  CHECK(lang_from("en") == Lang::En);
  CHECK_FALSE(lang_from("fr").has_value());
  CHECK(std::string(tr(Lang::Es, S::PhaseOvertime)) == "Tiempo excedido");
  CHECK(std::string(tr(Lang::En, S::PhaseOvertime)) == "Overtime");
}

TEST_CASE("common rejections are explained in the interface language") {
  CHECK(rejection_text(Lang::Es, "no-undo") != nullptr);
  CHECK(std::string(rejection_text(Lang::En, "last-section")).find("last section") != std::string::npos);
  CHECK(rejection_text(Lang::Es, "some-new-code") == nullptr);
}
