#include "core/session.hpp"

namespace facilita {

const char* to_string(PromptKind kind) {
  switch (kind) {
    case PromptKind::Choice: return "choice";
    case PromptKind::Multi: return "multi";
    case PromptKind::Scale: return "scale";
    case PromptKind::Text: return "text";
    case PromptKind::Poll: return "poll";
  }
  return "choice";
}

std::optional<PromptKind> prompt_kind_from(std::string_view text) {
  for (auto kind : {PromptKind::Choice, PromptKind::Multi, PromptKind::Scale, PromptKind::Text,
                    PromptKind::Poll}) {
    if (text == to_string(kind)) return kind;
  }
  return std::nullopt;
}

int Session::planned_start_s(std::size_t section_index) const {
  int start = 0;
  for (std::size_t i = 0; i < section_index && i < sections.size(); ++i) start += sections[i].duration_s;
  return start;
}

const Prompt* Session::find_prompt(std::string_view prompt_id) const {
  for (const auto& section : sections)
    for (const auto& prompt : section.prompts)
      if (prompt.id == prompt_id) return &prompt;
  return nullptr;
}

int Session::section_of_prompt(std::string_view prompt_id) const {
  for (std::size_t i = 0; i < sections.size(); ++i)
    for (const auto& prompt : sections[i].prompts)
      if (prompt.id == prompt_id) return static_cast<int>(i);
  return -1;
}

int Session::find_section(std::string_view section_id) const {
  for (std::size_t i = 0; i < sections.size(); ++i)
    if (sections[i].id == section_id) return static_cast<int>(i);
  return -1;
}

}  // namespace facilita
