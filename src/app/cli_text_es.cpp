// Salida de los comandos en español. Los marcadores printf deben coincidir con cli_text_en.cpp.
#include "app/cli_text_table.hpp"

namespace facilita {
namespace {

constexpr TextEntry kSpanishText[] = {
    {T::PlanIdLine, "id %s · idioma %s · %zu secciones"},
    {T::ColStart, "inicio"},
    {T::ColDuration, "duración"},
    {T::ColRebalance, "reequilibrio"},
    {T::ColSection, "sección"},
    {T::Fixed, "fija"},
    {T::OptionalMark, "[opcional]"},
    {T::PromptCount, "%zu pregunta(s)"},
    {T::Total, "total"},
    {T::PromptsLine, "preguntas: %d%s; %d con respuesta correcta"},
    {T::ObjectivesLabel, "objetivos:"},
    {T::NotCovered, "SIN CUBRIR"},
    {T::QuizPrompts, "%d pregunta(s) de quiz"},
    {T::NoQuizPrompt, "ninguna pregunta de quiz"},
    {T::ErrorsWarnings, "%s: %d error(es), %d aviso(s)"},
    {T::StrictFailed, "%s: falló: %d aviso(s) con --strict"},
    {T::WarningsCount, "%d aviso(s)"},
    {T::FileOk, "%s: válido"},
    {T::NotValidSession, "%s: no es una sesión válida; `facilita check %s` explica por qué"},
    {T::NoDeliveries, "no hay imparticiones registradas en %s"},
    {T::DelivId, "id"},
    {T::DelivSession, "sesión"},
    {T::DelivStarted, "inicio"},
    {T::DelivStatus, "estado"},
    {T::DelivEvents, "eventos"},
    {T::DelivAnswers, "respuestas"},
    {T::DelivOrigin, "origen"},
    {T::DelivHere, "aquí"},
    {T::StatusEnded, "terminada"},
    {T::StatusRunning, "en curso"},
    {T::StatusAbandoned, "abandonada"},
    {T::NoDeliveriesOf, "%s: error: no hay imparticiones de la sesión «%s» (mira `facilita deliveries`)"},
    {T::NoDeliveriesAny, "%s: error: aún no hay imparticiones (mira `facilita deliveries`)"},
    {T::NoDelivery, "%s: error: no existe la impartición %lld (mira `facilita deliveries`)"},
    {T::SeeDeliveries, "mira `facilita deliveries`"},
    {T::CannotWriteReport, "%s: error: no se pudo escribir el informe"},
    {T::Wrote, "escrito %s"},
    {T::CannotWriteExport, "%s: error: no se pudo escribir la exportación"},
    {T::ExportAllDone, "%s: %zu imparticiones del diario %s"},
    {T::ExportOneDone, "%s: impartición %lld de %s, %zu respuestas, %zu secciones, %zu preguntas"},
    {T::ImportCannotRead, "%s: error: no se puede leer: %s"},
    {T::ImportTooLarge, "%s: error: pesa más de %d MiB; no es una exportación"},
    {T::ImportDone, "%s: %d impartición importada; ya estaban: %d"},
    {T::ImportDoneMany, "%s: %d imparticiones importadas; ya estaban: %d"},
    {T::ImportUpdated, "; actualizadas: %d"},
    {T::CannotRead, "%s: error: no se puede leer"},
    {T::PrintNeedsOutput, "error: print necesita --guide SALIDA.pdf o --handout SALIDA.pdf"},
    {T::PrintBadStart, "--start: error: «%s» no es una hora del día HH:MM (por ejemplo 10:00)"},
    {T::WrotePages, "escrito %s (%d páginas)"},
    {T::LangWanted, "facilita %s: --lang admite es o en"},
};
static_assert(covers_every_text_once(kSpanishText), "the Spanish command text table misses or repeats a key");
constexpr IndexedTexts kIndexedSpanishText = index_texts(kSpanishText);

}  // namespace

const IndexedTexts& spanish_texts() { return kIndexedSpanishText; }

}  // namespace facilita
