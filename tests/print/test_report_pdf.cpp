// The report PDF from a hand-built SessionReport: skipped and cut sections
// say so (never 0:00), per-delivery prompt results mark the correct option,
// and an objective without quiz prompts says it has none.
#include <doctest/doctest.h>

#include <string>

#include "pdf_probe.hpp"
#include "print/documents.hpp"

using namespace facilita;
using namespace facilita::print;
using namespace facilita::print::test;

namespace {

SessionReport sample_report() {
  SessionReport r;
  r.session_id = "demo";
  r.title = "Sesión de prueba";
  r.language = "es";
  r.deliveries = 2;
  r.ended = 2;
  r.sections = {
      {"intro", "Introducción", 2, 300, 330, 30, 40, 0, 0, 0},
      {"actividad", "Actividad en parejas", 1, 540, 720, 180, 180, 1, 1, 0},
      {"extra", "Sección opcional", 0, 240, 0, 0, 0, 0, 0, 2},
      {"cierre", "Cierre", 2, 180, 170, -10, 0, 0, 0, 0},
  };
  for (std::int64_t id : {1, 2}) {
    DeliverySummary d;
    d.id = id;
    d.started_at = 1'767'000'000'000 + id * 86'400'000;
    d.ended_at = d.started_at + 3'600'000;
    d.status = "ended";
    d.participants = 12;
    d.sections = {{"intro", "Introducción", 300, 300, 330'000, SectionOutcome::Completed},
                  {"actividad", "Actividad en parejas", 540, 540, 0, id == 1 ? SectionOutcome::Skipped : SectionOutcome::Completed},
                  {"extra", "Sección opcional", 240, 0, 0, SectionOutcome::Cut},
                  {"cierre", "Cierre", 180, 180, 170'000, SectionOutcome::Completed}};
    if (id == 2) d.sections[1].actual_ms = 720'000;
    PromptResult p;
    p.id = "q1";
    p.section = "intro";
    p.text = "¿Cuántas entidades se han sumado?";
    p.kind = "choice";
    p.opened = true;
    p.responses = 10;
    p.counts = {{"16", 3}, {"26", 7}};
    p.correct = {"26"};
    p.correct_answers = 7;
    d.prompts.push_back(p);
    d.mastery = {{"contexto", "Explicar el contexto", 1, 1, 10, 7}, {"agentes", "Reconocer su papel", 0, 0, 0, 0}};
    r.per_delivery.push_back(d);
  }
  r.mastery = {{"contexto", "Explicar el contexto", {0.7, 0.8}, 20, 15, true},
               {"agentes", "Reconocer su papel como agentes", {std::nullopt, std::nullopt}, 0, 0, false}};
  r.questions = {{1, "¿Qué pasa si el estado no instala el secretariado?", 5, "answered"}};
  r.questions_asked = 1;
  return r;
}

}  // namespace

TEST_CASE("report PDF: skipped and cut sections, results per prompt, mastery with trend, questions") {
  auto doc = build_report_pdf({sample_report()}, {});
  std::string path = temp_path("report.pdf");
  std::string error;
  REQUIRE(doc->save(path, error));
  std::string text = read_text(path);
  CHECK(text.find("Informe de sesiones impartidas") != std::string::npos);
  CHECK(text.find("saltada") != std::string::npos);
  CHECK(text.find("recortada") != std::string::npos);
  CHECK(text.find("0:00") == std::string::npos);  // nothing "completed" in no time
  CHECK(text.find("(correcta)") != std::string::npos);
  CHECK(text.find("sin preguntas de quiz") != std::string::npos);
  CHECK(text.find("70 %") != std::string::npos);
  CHECK(text.find("80 %") != std::string::npos);
  CHECK(text.find("75 %") != std::string::npos);  // 15 of 20 across deliveries
  CHECK(text.find("no instala el secretariado") != std::string::npos);
  CHECK(text.find("Página 1 de") != std::string::npos);

  ReportPdfOptions english;
  english.lang = Lang::En;
  auto en = build_report_pdf({sample_report()}, english);
  std::string en_path = temp_path("report-en.pdf");
  REQUIRE(en->save(en_path, error));
  std::string en_text = read_text(en_path);
  CHECK(en_text.find("skipped") != std::string::npos);
  CHECK(en_text.find("no quiz prompts") != std::string::npos);
  CHECK(en_text.find("Page 1 of") != std::string::npos);
}
