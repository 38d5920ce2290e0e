// The writer's pagination with content that stresses it: many bullets, a wide
// long table, a very long heading and an unbreakable URL. Every word must lie
// inside the page's margins (checked on the PDF with pdftotext -bbox).
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "pdf_probe.hpp"
#include "print/markdown_pdf.hpp"
#include "print/pdf_writer.hpp"

using namespace facilita::print;
using namespace facilita::print::test;

namespace {

// Words of the body lie within the margins; footer words within the bottom margin band.
void check_inside(const PdfWords& pdf, double margin, double bottom_margin) {
  REQUIRE(pdf.pages > 0);
  REQUIRE(!pdf.words.empty());
  int outside = 0;
  for (const auto& w : pdf.words) {
    bool ok = w.x_min >= margin - 1.5 && w.x_max <= pdf.page_width - margin + 1.5 && w.y_min >= margin - 3 &&
              w.y_max <= pdf.page_height - 8;
    // Body text stays above the footer band.
    bool in_footer = w.y_min > pdf.page_height - bottom_margin;
    bool body_ok = in_footer || w.y_max <= pdf.page_height - bottom_margin + 2;
    if (!ok || !body_ok) {
      if (++outside < 5) MESSAGE("outside: '" << w.text << "' page " << w.page + 1 << " x " << w.x_min << "-" << w.x_max << " y " << w.y_min << "-" << w.y_max);
    }
  }
  CHECK(outside == 0);
}

}  // namespace

TEST_CASE("60 bullets, a 12-column long table, a 300-character heading and a long URL stay on the page") {
  for (Paper paper : {Paper::A4, Paper::Letter}) {
    PageSetup setup;
    setup.paper = paper;
    setup.footer_left = "Prueba de paginación";
    setup.page_label = "Página {page} de {pages}";
    PdfWriter out(setup);
    std::string heading;
    while (heading.size() < 300) heading += "Encabezado larguísimo de prueba ";
    out.heading(escape_markup(heading), 1);
    std::string md;
    for (int i = 1; i <= 60; ++i)
      md += "- viñeta-" + std::to_string(i) + " con **negrita** y *cursiva* que ocupa una línea o dos de texto corrido\n";
    render_markdown(out, md);
    std::string url = "https://ejemplo.org/";
    for (int i = 0; i < 12; ++i) url += "segmento-muy-largo-sin-espacios-" + std::to_string(i) + "/";
    out.paragraph("<tt>" + escape_markup(url) + "</tt>");
    std::vector<std::vector<std::string>> rows;
    rows.emplace_back();
    for (int c = 1; c <= 12; ++c) rows[0].push_back("H" + std::to_string(c));
    for (int r = 1; r <= 70; ++r) {
      rows.emplace_back();
      for (int c = 1; c <= 12; ++c)
        rows.back().push_back(c == 3 ? "celda con texto largo que debe envolverse r" + std::to_string(r)
                                     : "r" + std::to_string(r) + "c" + std::to_string(c));
    }
    out.table(rows, {});
    std::string path = temp_path(paper == Paper::A4 ? "pagination-a4.pdf" : "pagination-letter.pdf");
    std::string error;
    REQUIRE(out.save(path, error));
    PdfWords pdf = read_words(path);
    CHECK(pdf.pages == out.pages());
    CHECK(pdf.pages >= 4);
    CHECK(pdf.page_width == doctest::Approx(paper_size(paper).width_pt).epsilon(0.01));
    check_inside(pdf, setup.margin_pt, setup.bottom_margin_pt);

    std::set<std::string> words;
    std::set<int> header_pages, table_pages;
    for (const auto& w : pdf.words) {
      words.insert(w.text);
      if (w.text == "H1") header_pages.insert(w.page);
      if (w.text.rfind("r", 0) == 0 && w.text.find("c1") != std::string::npos) table_pages.insert(w.page);
    }
    CHECK(words.count("viñeta-1"));
    CHECK(words.count("viñeta-60"));
    CHECK(words.count("r70c12"));
    // The table spans pages and its header row is on every one of them.
    CHECK(table_pages.size() >= 2);
    for (int page : table_pages) CHECK(header_pages.count(page));
    // The footer numbers every page.
    std::string text = read_text(path);
    CHECK(text.find("Página 1 de " + std::to_string(pdf.pages)) != std::string::npos);
    CHECK(text.find("Página " + std::to_string(pdf.pages) + " de " + std::to_string(pdf.pages)) != std::string::npos);
  }
}

TEST_CASE("a heading is kept with what follows") {
  // How many paragraphs fill page 1; then a heading right before the bottom.
  int lines = 0;
  PdfWriter probe(PageSetup{});
  while (probe.pages() == 1) {
    probe.paragraph("Relleno de la primera página con algunas palabras.");
    ++lines;
  }
  PdfWriter fresh(PageSetup{});
  for (int i = 0; i < lines - 2; ++i) fresh.paragraph("Relleno de la primera página con algunas palabras.");
  fresh.heading("Encabezado-final", 2);
  fresh.paragraph("Texto que sigue al encabezado.");
  std::string path = temp_path("keep.pdf");
  std::string error;
  REQUIRE(fresh.save(path, error));
  PdfWords pdf = read_words(path);
  int heading_page = -1, text_page = -1;
  for (const auto& w : pdf.words) {
    if (w.text == "Encabezado-final") heading_page = w.page;
    if (w.text == "sigue") text_page = w.page;
  }
  CHECK(heading_page == 1);
  CHECK(text_page == 1);
}

TEST_CASE("an unwritable path is named in the error") {
  PdfWriter out(PageSetup{});
  out.paragraph("x");
  std::string error;
  CHECK_FALSE(out.save("/nonexistent-dir/out.pdf", error));
  CHECK(error.find("/nonexistent-dir/out.pdf") != std::string::npos);
}
