#include "print/print_strings.hpp"

#include <array>

namespace facilita::print {
namespace {

struct Entry {
  Str key;
  const char* es;
  const char* en;
};

constexpr std::array<Entry, static_cast<std::size_t>(Str::Count)> kTable{{
    {Str::PageOf, "Página {page} de {pages}", "Page {page} of {pages}"},
    {Str::GuideTitle, "Guía de la persona facilitadora", "Facilitator guide"},
    {Str::HandoutTitle, "Material para fellows", "Fellow handout"},
    {Str::ReportTitle, "Informe de sesiones impartidas", "Delivery report"},
    {Str::Objective, "Objetivo", "Objective"},
    {Str::Objectives, "Objetivos de aprendizaje", "Learning objectives"},
    {Str::Plan, "Plan de la sesión", "Session plan"},
    {Str::Start, "Inicio", "Start"},
    {Str::End, "Fin", "End"},
    {Str::Duration, "Duración", "Duration"},
    {Str::Section, "Sección", "Section"},
    {Str::Total, "Total", "Total"},
    {Str::TimeWindow, "Horario", "Time"},
    {Str::Content, "Contenido", "Content"},
    {Str::Steps, "Pasos", "Steps"},
    {Str::Notes, "Notas para quien facilita", "Facilitator notes"},
    {Str::Prompts, "Preguntas", "Prompts"},
    {Str::Options, "Opciones", "Options"},
    {Str::CorrectMark, "(correcta)", "(correct)"},
    {Str::ScaleRange, "Escala de {min} a {max}", "Scale from {min} to {max}"},
    {Str::OpenAnswer, "Respuesta abierta", "Open answer"},
    {Str::Coverage, "Cobertura de objetivos", "Objective coverage"},
    {Str::PromptsTied, "Preguntas ligadas", "Prompts tied"},
    {Str::NoObjectives, "Sin objetivos declarados.", "No objectives declared."},
    {Str::Join, "Únete a la sesión", "Join the session"},
    {Str::JoinHint, "Abre esta dirección en tu teléfono o computadora:", "Open this address on your phone or computer:"},
    {Str::YourAnswer, "Tu respuesta:", "Your answer:"},
    {Str::Optional, "opcional", "optional"},
    {Str::Fixed, "fija", "fixed"},
    {Str::KindChoice, "opción única", "single choice"},
    {Str::KindMulti, "opción múltiple", "multiple choice"},
    {Str::KindScale, "escala", "scale"},
    {Str::KindText, "texto libre", "free text"},
    {Str::KindPoll, "sondeo", "poll"},
    {Str::Deliveries, "Entregas", "Deliveries"},
    {Str::PlannedVsActual, "Tiempo planeado y real por sección", "Planned and actual time per section"},
    {Str::Planned, "Planeado", "Planned"},
    {Str::Actual, "Real", "Actual"},
    {Str::Skipped, "saltada", "skipped"},
    {Str::Cut, "recortada", "cut"},
    {Str::Unfinished, "sin terminar", "unfinished"},
    {Str::Delivery, "Entrega", "Delivery"},
    {Str::Participants, "participantes", "participants"},
    {Str::Responses, "respuestas", "responses"},
    {Str::Results, "Resultados por pregunta", "Results per prompt"},
    {Str::Mastery, "Dominio por objetivo", "Mastery per objective"},
    {Str::NoQuiz, "sin preguntas de quiz", "no quiz prompts"},
    {Str::NoAnswers, "sin respuestas", "no answers"},
    {Str::Trend, "Tendencia", "Trend"},
    {Str::TopQuestions, "Preguntas más votadas", "Top questions"},
    {Str::Votes, "votos", "votes"},
    {Str::NotOpened, "no se abrió", "not opened"},
    {Str::Ended, "terminada", "ended"},
    {Str::Running, "en curso", "running"},
    {Str::Abandoned, "abandonada", "abandoned"},
    {Str::AverageOver, "media de {n} entregas completas", "average of {n} completed deliveries"},
    {Str::Question, "Pregunta", "Question"},
    {Str::CannotRender, "no se puede generar el PDF", "cannot render the PDF"},
    {Str::CannotWrite, "no se puede escribir el PDF", "cannot write the PDF"},
}};

}  // namespace

Lang lang_from(std::string_view code) { return code == "en" ? Lang::En : Lang::Es; }

bool has_entry(Str key) {
  auto i = static_cast<std::size_t>(key);
  if (i >= kTable.size()) return false;
  const Entry& e = kTable[i];
  return e.key == key && e.es && *e.es && e.en && *e.en;
}

const char* tr(Lang lang, Str key) {
  if (!has_entry(key)) return "?";
  const Entry& e = kTable[static_cast<std::size_t>(key)];
  return lang == Lang::En ? e.en : e.es;
}

}  // namespace facilita::print
