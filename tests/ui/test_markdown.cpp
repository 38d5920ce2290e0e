#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "core/loader.hpp"
#include "ui/fonts.hpp"
#include "ui/markdown.hpp"

using namespace facilita;
using namespace facilita::ui;

namespace {

// An ImGui context with the real fonts (atlas built on the CPU; no GL needed).
struct FontContext {
  FontSet fonts;
  FontContext(float height = 1080) {
    ImGui::CreateContext();
    build_fonts(*ImGui::GetIO().Fonts, projector_font_sizes(height), fonts);
    unsigned char* pixels;
    int w, h;
    ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
  }
  ~FontContext() { ImGui::DestroyContext(); }
  MdStyle style() const {
    MdStyle st;
    st.fonts = &fonts;
    st.body_px = fonts.sizes.body;
    return st;
  }
};

Session module() {
  std::ifstream in(FACILITA_SOURCE_DIR "/sessions/m2-s3-gobierno-abierto.yaml");
  std::stringstream text;
  text << in.rdbuf();
  auto loaded = load_session(text.str());
  REQUIRE(loaded.ok());
  return *loaded.session;
}

}  // namespace

TEST_CASE("headings, nested lists, emphasis and tables become blocks") {
  MdDocument doc = parse_markdown(
      "# Title\n\nSome **bold** and *italic* text.\n\n- one\n  - nested\n- two\n\n1. first\n2. second\n\n"
      "| a | b |\n| --- | --- |\n| 1 | [link](http://x) |\n");
  REQUIRE(doc.blocks.size() == 8);
  CHECK(doc.blocks[0].kind == MdBlockKind::Heading);
  CHECK(doc.blocks[0].level == 1);
  CHECK(doc.blocks[1].kind == MdBlockKind::Paragraph);
  REQUIRE(doc.blocks[1].spans.size() == 5);
  CHECK(doc.blocks[1].spans[1].bold);
  CHECK(doc.blocks[1].spans[3].italic);
  CHECK(doc.blocks[2].marker == "•");
  CHECK(doc.blocks[3].level == 2);
  CHECK(doc.blocks[3].marker == "–");
  CHECK(doc.blocks[5].marker == "1.");
  CHECK(doc.blocks[6].marker == "2.");
  const MdBlock& table = doc.blocks[7];
  CHECK(table.kind == MdBlockKind::Table);
  REQUIRE(table.rows.size() == 2);
  CHECK(table.rows[1][1][0].text == "link");
  CHECK(table.rows[1][1][0].link);
}

TEST_CASE("wrapping: narrower is taller, and a long URL breaks instead of overflowing") {
  FontContext ctx;
  MdStyle st = ctx.style();
  MdDocument doc = parse_markdown("A paragraph with enough words to wrap over several lines when narrow.");
  float wide = measure_markdown(doc, st, 3000);
  float narrow = measure_markdown(doc, st, 300);
  CHECK(wide == doctest::Approx(st.body_px * st.line_height));
  CHECK(narrow > wide * 2);
  MdDocument url = parse_markdown("http://inicio.inai.org.mx/SitePages/Transparencia/GobiernoAbierto.aspx");
  CHECK(measure_markdown(url, st, 400) > measure_markdown(url, st, 4000));
}

TEST_CASE("every section of the module fits the projector at >= 1/25 of the height, in at most 3 pages") {
  Session s = module();
  for (float height : {1080.0f, 720.0f}) {
    FontContext ctx(height);
    MdStyle st = ctx.style();
    const float width = height * 16 / 9;
    ImVec2 box(width * 0.8f, height * 0.7f);  // roughly the projector's content area
    for (const Section& section : s.sections) {
      CAPTURE(section.id);
      CAPTURE(height);
      MdFit fit = fit_markdown(parse_markdown(section.content), st, box, height / 25, height / 19, 3);
      CHECK(fit.body_px >= height / 25 - 0.01f);
      CHECK(fit.columns >= 1);
      CHECK(fit.pages <= 3);
    }
  }
}

TEST_CASE("table columns get at least their longest word when there is room") {
  FontContext ctx;
  MdStyle st = ctx.style();
  MdDocument doc = parse_markdown("| Mecanismo | ¿Qué es? |\n| --- | --- |\n| STL | Mesa de gobierno |\n");
  MdFit fit = fit_markdown(doc, st, ImVec2(1500, 600), 40, 56, 3);
  CHECK(fit.fits);
  CHECK(fit.pages == 1);
}
