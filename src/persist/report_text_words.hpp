// The words of the text report (`facilita report`) in Spanish and English, one
// table per language (report_text_es.cpp, report_text_en.cpp); printf
// placeholders match between them. A table that misses a key, or repeats one,
// fails to compile. Internal to report.cpp and report_delivery.cpp.
#pragma once
#include <array>
#include <cstddef>
#include <string>

#include "core/keyed_table.hpp"
#include "core/lang.hpp"

namespace facilita {

enum class RT {
  DeliveriesOne, DeliveriesMany, ColSection, ColCompleted, ColPlanned, ColActual, ColOverrun, ColRanLong, ColSkipped,
  ColCut, Footnote, NoLong, RunsLong, RunsLongItem, DeliveriesHeading, ColDelivery, ColStarted, ColStatus,
  ColFellows, ColUnfinished, ColCorrect, StatusEnded, StatusRunning, StatusAbandoned, MasteryHeading, NoQuiz,
  NoAnswers, AnswersOf,
  Count
};

using ReportTextEntry = KeyedText<RT>;

using IndexedReportTexts = KeyedTable<RT>;

const IndexedReportTexts& spanish_report_texts();
const IndexedReportTexts& english_report_texts();

const char* rt(Lang lang, RT key);
// A stored delivery status ("ended", "running", "abandoned") in `lang`; others as they are.
std::string status_word(Lang lang, const std::string& status);
// `text` padded with spaces to `width` characters (UTF-8 aware).
std::string pad_text(const std::string& text, std::size_t width);

}  // namespace facilita
