// Fellow questions on the console (Q): most voted first, pending ones marked
// with Approve / Hide, each with Answered and Project; the moderation toggle.
// Closed, the panel is one line with the counts, so a pending question is
// noticed without taking room from the prompts.
#include <cstdio>
#include <string>

#include "core/questions.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "ui/views.hpp"

namespace facilita::ui {
namespace {

std::string asker(const State& state, const Question& q, const UiState& ui) {
  auto it = state.participants.find(q.participant);
  std::string name = it == state.participants.end() ? q.participant : it->second.name;
  // The facilitator sees who asked; the tag says the room does not.
  return q.anonymous ? name + " (" + ui.t(S::QuestionAnonymous) + ")" : name;
}

void question_row(const State& state, const Question& q, const Dispatch& dispatch, UiState& ui) {
  const std::string status = question_status(q);
  const bool projected = state.projected_question == q.id;
  ImGui::PushID(q.id.c_str());
  char votes[32];
  std::snprintf(votes, sizeof votes, "▲ %d", question_votes(q));
  ImGui::PushFont(current_fonts().bold);
  ImGui::TextUnformatted(votes);
  ImGui::PopFont();
  ImGui::SameLine();
  ImU32 tag_color = status == "pending" ? theme::kWrapUp : status == "hidden" ? theme::kOvertime : theme::kIdle;
  const char* tag = status == "pending"    ? ui.t(S::QuestionStatusPending)
                    : status == "hidden"   ? ui.t(S::QuestionStatusHidden)
                    : status == "answered" ? ui.t(S::QuestionStatusAnswered)
                                           : "";
  if (projected) {
    tag = ui.t(S::QuestionProjectedNow);
    tag_color = theme::kAccent;
  }
  if (*tag) {
    ImGui::PushStyleColor(ImGuiCol_Text, theme::to_vec4(tag_color));
    ImGui::Text("[%s]", tag);
    ImGui::PopStyleColor();
    ImGui::SameLine();
  }
  ImGui::TextDisabled("%s · %s", q.id.c_str(), asker(state, q, ui).c_str());
  if (q.hidden) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
  ImGui::TextWrapped("%s", q.text.c_str());
  if (q.hidden) ImGui::PopStyleColor();

  auto moderate = [&](S label, const char* action) {
    if (ImGui::SmallButton(ui.t(label))) dispatch(cmd::ModerateQuestion{q.id, action});
    ImGui::SameLine();
  };
  if (status == "pending") moderate(S::QuestionApprove, "approve");
  if (q.hidden) moderate(S::QuestionUnhide, "unhide");
  else moderate(S::QuestionHide, "hide");
  if (!q.hidden) {
    if (q.answered) moderate(S::QuestionUnanswered, "unanswered");
    else moderate(S::QuestionAnswered, "answered");
    if (projected ? ImGui::SmallButton(ui.t(S::QuestionUnproject)) : ImGui::SmallButton(ui.t(S::QuestionProject)))
      dispatch(cmd::ProjectQuestion{projected ? std::string{} : q.id});
  }
  ImGui::NewLine();
  ImGui::Separator();
  ImGui::PopID();
}

}  // namespace

void draw_questions(const Session&, const State& state, const Timing&, const Dispatch& dispatch, UiState& ui) {
  int pending = 0;
  for (const auto& q : state.questions) pending += std::string_view(question_status(q)) == "pending";
  const char* arrow = ui.questions_open ? "▼" : "▶";
  char header[96];
  std::snprintf(header, sizeof header, "%s %s (%d)  [Q]", arrow, ui.t(S::Questions),
                static_cast<int>(state.questions.size()));
  ImGui::PushFont(current_fonts().h2);
  if (ImGui::Selectable(header, false, 0, ImVec2(ImGui::CalcTextSize(header).x, 0)))
    ui.questions_open = !ui.questions_open;
  ImGui::PopFont();
  if (pending > 0) {
    ImGui::SameLine();
    char count[48];
    std::snprintf(count, sizeof count, ui.t(S::QuestionsPending), pending);
    ImGui::PushStyleColor(ImGuiCol_Text, theme::to_vec4(theme::kWrapUp));
    ImGui::TextUnformatted(count);
    ImGui::PopStyleColor();
  }
  if (!ui.questions_open) return;
  bool moderation = state.qa_moderation;
  if (ImGui::Checkbox(ui.t(S::QuestionsModeration), &moderation)) dispatch(cmd::SetModeration{moderation});
  ImGui::Separator();
  if (state.questions.empty()) {
    ImGui::TextDisabled("%s", ui.t(S::QuestionsNone));
    return;
  }
  ImGui::BeginChild("question-list", ImVec2(0, 0), false);
  for (std::size_t i : questions_by_votes(state)) question_row(state, state.questions[i], dispatch, ui);
  ImGui::EndChild();
}

}  // namespace facilita::ui
