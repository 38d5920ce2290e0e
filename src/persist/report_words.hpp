// The words of the HTML report in the session's language (es default, en).
// Internal to report_html*.cpp.
#pragma once
#include <string>

#include "persist/report.hpp"
#include <string_view>

namespace facilita {

struct ReportWords {
  const char* lang;
  const char* page_title;
  const char* heading;
  const char* intro;      // then the seconds and intro_end
  const char* intro_end;
  const char* planned;
  const char* actual_avg;
  const char* actual_over;
  const char* chart_label;
  const char* no_data;
  const char* section;
  const char* completed;
  const char* planned_col;
  const char* actual_col;
  const char* overrun_avg;
  const char* overrun_max;
  const char* ran_long;
  const char* skipped;
  const char* cut;
  const char* unfinished;
  const char* not_completed;
  const char* delivery;
  const char* deliveries;
  const char* ended;
  const char* running;
  const char* abandoned;
  const char* no_long;
  const char* runs_long;
  const char* of;
  const char* questions_heading;
  const char* no_questions;
  const char* question;
  const char* questions;
  const char* questions_asked;
  const char* votes;
  const char* status;
  const char* pending;
  const char* approved;
  const char* answered;
  const char* deliveries_heading;
  const char* started;
  const char* fellows;
  const char* correct;
  const char* sections_and_prompts;
  const char* prompt;
  const char* responses;
  const char* results;
  const char* not_opened;
  const char* text_answers;
  const char* mastery_heading;
  const char* mastery_intro;
  const char* objective;
  const char* trend;
  const char* answers;
  const char* no_quiz;
  const char* no_answers;
  const char* actual_short;
  const char* question_col;
  const char* delivery_col;
  const char* unfinished_count;
};

const ReportWords& report_words(std::string_view lang);  // "en" -> English, anything else -> Spanish
// "completed" etc. (to_string of an outcome or a delivery status) in the report's language.
std::string report_word(const ReportWords& w, std::string_view english);

// Parts of the HTML report (report_html_delivery.cpp).
std::string mastery_html(const SessionReport& report, const ReportWords& words);
std::string deliveries_html(const SessionReport& report, const ReportWords& words);

}  // namespace facilita
