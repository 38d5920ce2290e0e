// Palabras del informe de texto en español. Los marcadores printf coinciden con report_text_en.cpp.
#include <cstddef>

#include "persist/report_text_words.hpp"

namespace facilita {
namespace {

constexpr ReportTextEntry kSpanishReport[] = {
    {RT::DeliveriesOne, "%d impartición (terminadas: %d, sin terminar: %d)"},
    {RT::DeliveriesMany, "%d imparticiones (terminadas: %d, sin terminar: %d)"},
    {RT::ColSection, "sección"},
    {RT::ColCompleted, "completada"},
    {RT::ColPlanned, "plan"},
    {RT::ColActual, "real"},
    {RT::ColOverrun, "exceso"},
    {RT::ColRanLong, "se alargó"},
    {RT::ColSkipped, "saltada"},
    {RT::ColCut, "recortada"},
    {RT::Footnote,
     "(plan: como se escribió; real y exceso: promedios de las imparticiones que completaron la sección;\n"
     " saltada: se pasó sin entrar en ella; recortada: la recortó un reequilibrio;\n"
     " se alargó: más de %d s por encima del plan)"},
    {RT::NoLong, "Ninguna sección se alargó."},
    {RT::RunsLong, "Se alargan más a menudo:"},
    {RT::RunsLongItem, "%s (%d de %d, prom. %s)"},
    {RT::DeliveriesHeading, "Imparticiones:"},
    {RT::ColDelivery, "impartición"},
    {RT::ColStarted, "inicio"},
    {RT::ColStatus, "estado"},
    {RT::ColFellows, "fellows"},
    {RT::ColUnfinished, "sin terminar"},
    {RT::ColCorrect, "correctas"},
    {RT::StatusEnded, "terminada"},
    {RT::StatusRunning, "en curso"},
    {RT::StatusAbandoned, "abandonada"},
    {RT::MasteryHeading,
     "Dominio por objetivo (respuestas correctas de quiz, ronda actual; de la impartición más antigua a la más reciente):"},
    {RT::NoQuiz, "ninguna pregunta de quiz"},
    {RT::NoAnswers, "sin respuestas"},
    {RT::AnswersOf, "%d de %d respuestas"},
};
static_assert(covers_every_key_once(kSpanishReport), "the Spanish report table misses or repeats a key");
constexpr IndexedReportTexts kIndexedSpanishReport = index_by_key(kSpanishReport);

}  // namespace

const IndexedReportTexts& spanish_report_texts() { return kIndexedSpanishReport; }

const char* rt(Lang lang, RT key) {
  return text_of(lang == Lang::En ? english_report_texts() : spanish_report_texts(), key);
}

std::string status_word(Lang lang, const std::string& status) {
  if (status == "ended") return rt(lang, RT::StatusEnded);
  if (status == "running") return rt(lang, RT::StatusRunning);
  if (status == "abandoned") return rt(lang, RT::StatusAbandoned);
  return status;
}

std::string pad_text(const std::string& text, std::size_t width) {
  std::size_t chars = 0;
  for (unsigned char c : text) chars += (c & 0xC0) != 0x80 ? 1 : 0;
  return chars >= width ? text : text + std::string(width - chars, ' ');
}

}  // namespace facilita
