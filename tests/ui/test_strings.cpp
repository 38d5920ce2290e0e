#include <doctest/doctest.h>

#include <string>

#include "ui/strings.hpp"
#include "ui/mastery_view.hpp"
#include "ui/views.hpp"

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

TEST_CASE("the storage banner names when saving stopped, its source and the reason, in both languages") {
  UiState ui;
  CHECK(storage_banner_text(ui).headline.empty());  // storage fine: no banner
  ui.storage.failing = true;
  ui.storage.source = "fellow";
  ui.storage.reason = "/data/facilita.sqlite3: database or disk is full";
  ui.storage.since = 1'760'000'000'000;
  for (Lang lang : {Lang::Es, Lang::En}) {
    ui.lang = lang;
    StorageBannerText text = storage_banner_text(ui);
    CHECK_FALSE(text.headline.empty());
    CHECK(text.detail.find("disk is full") != std::string::npos);
    CHECK(text.detail.find(ui.t(S::StorageSourceFellow)) != std::string::npos);
  }
  ui.lang = Lang::Es;
  CHECK(storage_banner_text(ui).headline.find("NO SE ESTÁ GUARDANDO") == 0);
  ui.storage.source = "timer";
  CHECK(storage_banner_text(ui).detail.find(ui.t(S::StorageSourceTimer)) != std::string::npos);
}

TEST_CASE("mastery rows: share with counts, no quiz prompt, no answers (es and en)") {
  UiState ui;
  facilita::ObjectiveMastery m{"contexto", "Explicar", 2, 2, 25, 18};
  CHECK(mastery_row_text(ui, m) == "72 % · 18 de 25 respuestas");
  facilita::ObjectiveMastery none{"agentes", "Reconocer", 0, 0, 0, 0};
  CHECK(mastery_row_text(ui, none) == "sin preguntas de quiz");
  facilita::ObjectiveMastery unanswered{"retos", "Identificar", 1, 0, 0, 0};
  CHECK(mastery_row_text(ui, unanswered) == "sin respuestas");
  ui.lang = Lang::En;
  CHECK(mastery_row_text(ui, m) == "72 % · 18 of 25 answers");
  CHECK(mastery_row_text(ui, none) == "no quiz prompt");
  CHECK(mastery_row_text(ui, unanswered) == "no answers");
}
