// English command output. printf placeholders must match cli_text_es.cpp.
#include "app/cli_text_table.hpp"

namespace facilita {
namespace {

constexpr TextEntry kEnglishText[] = {
    {T::PlanIdLine, "id %s · language %s · %zu sections"},
    {T::ColStart, "start"},
    {T::ColDuration, "duration"},
    {T::ColRebalance, "rebalance"},
    {T::ColSection, "section"},
    {T::Fixed, "fixed"},
    {T::OptionalMark, "[optional]"},
    {T::PromptCount, "%zu prompt(s)"},
    {T::Total, "total"},
    {T::PromptsLine, "prompts: %d%s; %d with a correct answer"},
    {T::ObjectivesLabel, "objectives:"},
    {T::NotCovered, "NOT COVERED"},
    {T::QuizPrompts, "%d quiz prompt(s)"},
    {T::NoQuizPrompt, "no quiz prompt"},
    {T::ErrorsWarnings, "%s: %d error(s), %d warning(s)"},
    {T::StrictFailed, "%s: failed: %d warning(s) with --strict"},
    {T::WarningsCount, "%d warning(s)"},
    {T::FileOk, "%s: ok"},
    {T::NotValidSession, "%s: not a valid session; `facilita check %s` explains"},
    {T::NoDeliveries, "no deliveries recorded in %s"},
    {T::DelivId, "id"},
    {T::DelivSession, "session"},
    {T::DelivStarted, "started"},
    {T::DelivStatus, "status"},
    {T::DelivEvents, "events"},
    {T::DelivAnswers, "answers"},
    {T::DelivOrigin, "origin"},
    {T::DelivHere, "here"},
    {T::StatusEnded, "ended"},
    {T::StatusRunning, "running"},
    {T::StatusAbandoned, "abandoned"},
    {T::NoDeliveriesOf, "%s: error: no deliveries of session '%s' (see `facilita deliveries`)"},
    {T::NoDeliveriesAny, "%s: error: no deliveries yet (see `facilita deliveries`)"},
    {T::NoDelivery, "%s: error: no delivery %lld (see `facilita deliveries`)"},
    {T::SeeDeliveries, "see `facilita deliveries`"},
    {T::CannotWriteReport, "%s: error: cannot write the report"},
    {T::Wrote, "wrote %s"},
    {T::CannotWriteExport, "%s: error: cannot write the export"},
    {T::ExportAllDone, "%s: %zu deliveries of journal %s"},
    {T::ExportOneDone, "%s: delivery %lld of %s, %zu answers, %zu sections, %zu questions"},
    {T::ImportCannotRead, "%s: error: cannot read: %s"},
    {T::ImportTooLarge, "%s: error: larger than %d MiB; not an export"},
    {T::ImportDone, "%s: %d delivery imported, %d already present"},
    {T::ImportDoneMany, "%s: %d deliveries imported, %d already present"},
    {T::ImportUpdated, ", %d brought up to date"},
    {T::CannotRead, "%s: error: cannot read"},
    {T::PrintNeedsOutput, "error: print needs --guide OUT.pdf or --handout OUT.pdf"},
    {T::PrintBadStart, "--start: error: '%s' is not a time of day HH:MM (e.g. 10:00)"},
    {T::WrotePages, "wrote %s (%d pages)"},
    {T::LangWanted, "facilita %s: --lang wants es or en"},
};
static_assert(covers_every_text_once(kEnglishText), "the English command text table misses or repeats a key");
constexpr IndexedTexts kIndexedEnglishText = index_texts(kEnglishText);

}  // namespace

const IndexedTexts& english_texts() { return kIndexedEnglishText; }

}  // namespace facilita
