// The guide and the handout of the module, read back as text: the guide has
// the plan's clock times, the notes and the correct answers; the handout has
// the prompts but neither notes nor correct answers.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "core/loader.hpp"
#include "pdf_probe.hpp"
#include "print/documents.hpp"

using namespace facilita;
using namespace facilita::print;
using namespace facilita::print::test;

namespace {

Session module_session() {
  std::ifstream in(std::string(FACILITA_SOURCE_DIR) + "/sessions/m2-s3-gobierno-abierto.yaml");
  std::stringstream text;
  text << in.rdbuf();
  auto result = load_session(text.str());
  REQUIRE(result.ok());
  return *result.session;
}

std::string saved_text(PdfWriter& doc, const std::string& name) {
  std::string path = temp_path(name), error;
  REQUIRE(doc.save(path, error));
  return read_text(path);
}

}  // namespace

TEST_CASE("guide of the module from 10:00: plan times, notes, correct answers, coverage") {
  Session s = module_session();
  auto guide = build_guide(s, {10 * 3600, Paper::A4, Lang::Es});
  std::string text = saved_text(*guide, "guide.pdf");
  CHECK(text.find("10:00–10:05") != std::string::npos);
  CHECK(text.find("–11:19") != std::string::npos);
  CHECK(text.find("Cinco minutos exactos") != std::string::npos);
  CHECK(text.find("(correcta)") != std::string::npos);
  CHECK(text.find("Cobertura de objetivos") != std::string::npos);
  CHECK(guide->pages() >= 5);
}

TEST_CASE("handout of the module: prompts, no notes, no correct answers, the join address") {
  Session s = module_session();
  auto handout = build_handout(s, {"http://10.0.0.5:8080/", Paper::A4, Lang::Es});
  std::string text = saved_text(*handout, "handout.pdf");
  CHECK(text.find("Cuántas entidades federativas") != std::string::npos);
  CHECK(text.find("Cinco minutos exactos") == std::string::npos);
  CHECK(text.find("correcta") == std::string::npos);
  CHECK(text.find("✔") == std::string::npos);
  CHECK(text.find("http://10.0.0.5:8080/") != std::string::npos);
}
