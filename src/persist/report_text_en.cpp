// English words of the text report. printf placeholders match report_text_es.cpp.
#include "persist/report_text_words.hpp"

namespace facilita {
namespace {

constexpr ReportTextEntry kEnglishReport[] = {
    {RT::DeliveriesOne, "%d delivery (%d ended, %d unfinished)"},
    {RT::DeliveriesMany, "%d deliveries (%d ended, %d unfinished)"},
    {RT::ColSection, "section"},
    {RT::ColCompleted, "completed"},
    {RT::ColPlanned, "planned"},
    {RT::ColActual, "actual"},
    {RT::ColOverrun, "overrun"},
    {RT::ColRanLong, "ran long"},
    {RT::ColSkipped, "skipped"},
    {RT::ColCut, "cut"},
    {RT::Footnote,
     "(planned: as authored; actual and overrun: averages over the deliveries that completed the section;\n"
     " skipped: jumped over without being entered; cut: cut by a rebalance;\n"
     " ran long: over by more than %d s)"},
    {RT::NoLong, "No section ran long."},
    {RT::RunsLong, "Runs long most often:"},
    {RT::RunsLongItem, "%s (%d of %d, avg %s)"},
    {RT::DeliveriesHeading, "Deliveries:"},
    {RT::ColDelivery, "delivery"},
    {RT::ColStarted, "started"},
    {RT::ColStatus, "status"},
    {RT::ColFellows, "fellows"},
    {RT::ColUnfinished, "unfinished"},
    {RT::ColCorrect, "correct"},
    {RT::StatusEnded, "ended"},
    {RT::StatusRunning, "running"},
    {RT::StatusAbandoned, "abandoned"},
    {RT::MasteryHeading, "Mastery per objective (correct quiz answers, current round; oldest delivery first):"},
    {RT::NoQuiz, "no quiz prompt"},
    {RT::NoAnswers, "no answers"},
    {RT::AnswersOf, "%d of %d answers"},
};
static_assert(covers_every_key_once(kEnglishReport), "the English report table misses or repeats a key");
constexpr IndexedReportTexts kIndexedEnglishReport = index_by_key(kEnglishReport);

}  // namespace

const IndexedReportTexts& english_report_texts() { return kIndexedEnglishReport; }

}  // namespace facilita
