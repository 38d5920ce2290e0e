#include "persist/report_words.hpp"

namespace facilita {

namespace {

const ReportWords kEs{
    "es", "Informe de Facilita: tiempo planeado y real", "Tiempo planeado y real",
    "Planeado es la duración escrita en la sesión; real y exceso son promedios de las imparticiones que "
    "completaron la sección (una sección saltada o recortada no cuenta). Una sección <em>se alargó</em> cuando tomó más de ",
    " s por encima de su plan.", "planeado", "real (promedio)", "real, sobre el plan",
    "Minutos planeados y reales por sección de ", "sin datos", "Sección", "Completada", "Planeado",
    "Real (prom.)", "Exceso (prom.)", "Exceso (máx.)", "Se alargó", "Saltada", "Recortada", "Sin terminar",
    "no se completó en ninguna impartición", "impartición", "imparticiones", "terminadas", "en curso", "abandonada",
    "Ninguna sección se alargó.", "Se alargan más a menudo: ", "de", "Preguntas de los fellows",
    "No se hicieron preguntas.", "pregunta", "preguntas", " hechas; las más votadas (sin las ocultas):", "Votos",
    "Estado", "pendiente", "aprobada", "respondida", "Imparticiones", "Inicio", "Fellows", "Correctas",
    "Secciones y preguntas", "Pregunta", "Respuestas", "Resultados", "no se abrió",
    "respuestas de texto: fuera del informe", "Dominio por objetivo",
    "Proporción de respuestas correctas a las preguntas de quiz ligadas a cada objetivo (ronda actual de cada "
    "pregunta; en opción múltiple solo cuenta la selección exacta), por impartición, de la más antigua a la más reciente.",
    "Objetivo", "Tendencia", "Respuestas", "sin preguntas de quiz", "sin respuestas", "Real", "Pregunta", "Impartición", "sin terminar"};

const ReportWords kEn{
    "en", "Facilita report: planned vs actual", "Planned vs actual time",
    "Planned is the authored duration; actual and overrun are averages over the deliveries that completed the "
    "section (a skipped or cut section does not count). A section <em>ran long</em> when it took more than ",
    " s beyond its plan.", "planned", "actual (average)", "actual, over plan",
    "Planned versus actual minutes per section for ", "no data", "Section", "Completed", "Planned", "Actual (avg)",
    "Overrun (avg)", "Overrun (max)", "Ran long", "Skipped", "Cut", "Unfinished", "not completed in any delivery",
    "delivery", "deliveries", "ended", "running", "abandoned", "No section ran long.", "Runs long most often: ", "of",
    "Fellow questions", "No questions were asked.", "question", "questions", " asked; the most voted (hidden ones left out):",
    "Votes", "Status", "pending", "approved", "answered", "Deliveries", "Started", "Fellows", "Correct",
    "Sections and prompts", "Prompt", "Responses", "Results", "not opened", "text answers: left out of the report",
    "Mastery per objective",
    "Share of correct answers to the quiz prompts tied to each objective (each prompt's current round; a multi "
    "answer counts only as the exact set), per delivery, oldest first.",
    "Objective", "Trend", "Answers", "no quiz prompt", "no answers", "Actual", "Question", "Delivery", "unfinished"};

}  // namespace

const ReportWords& report_words(std::string_view lang) { return lang == "en" ? kEn : kEs; }

std::string report_word(const ReportWords& w, std::string_view english) {
  if (english == "completed") return w.completed;
  if (english == "skipped") return w.skipped;
  if (english == "cut") return w.cut;
  if (english == "unfinished") return w.unfinished;
  if (english == "ended") return w.lang == std::string_view("en") ? "ended" : "terminada";
  if (english == "running") return w.running;
  if (english == "abandoned") return w.abandoned;
  if (english == "pending") return w.pending;
  if (english == "approved") return w.approved;
  if (english == "answered") return w.answered;
  return std::string(english);
}

}  // namespace facilita
