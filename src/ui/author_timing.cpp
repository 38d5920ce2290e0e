// Pure helpers of the author view (tested in tests/ui/test_author.cpp).
#include <algorithm>

#include "core/duration.hpp"
#include "ui/author_state.hpp"

namespace facilita::ui {

std::string total_against_target(int total_s, int target_s, bool& over) {
  over = total_s != target_s;
  std::string text = format_clock(total_s) + " / " + format_clock(target_s);
  if (over) text += " (" + format_drift(total_s - target_s) + ")";
  return text;
}

std::vector<AuthorSectionRow> author_sections(const AuthorState& author) {
  const Session* source = author.draft ? &*author.draft : author.last_valid ? &*author.last_valid : nullptr;
  std::vector<AuthorSectionRow> rows;
  if (!source) return rows;
  for (const Section& section : source->sections) {
    AuthorSectionRow row;
    row.id = section.id;
    row.title = section.title.empty() ? section.id : section.title;
    row.duration_s = std::max(0, section.duration_s);
    row.optional = section.optional;
    if (author.last_valid) row.valid_index = author.last_valid->find_section(section.id);
    const Section* valid =
        row.valid_index >= 0 ? &author.last_valid->sections[static_cast<std::size_t>(row.valid_index)] : nullptr;
    row.draft = !author.valid && author.draft && (!valid || valid->duration_s != section.duration_s);
    rows.push_back(std::move(row));
  }
  return rows;
}

int shown_prompt(const Section& section, int wanted) {
  if (wanted < 0 || section.prompts.empty()) return -1;
  return std::min(wanted, static_cast<int>(section.prompts.size()) - 1);
}

std::vector<std::vector<bool>> objective_coverage(const Session& session) {
  std::vector<std::vector<bool>> covered(session.objectives.size(), std::vector<bool>(session.sections.size(), false));
  for (std::size_t o = 0; o < session.objectives.size(); ++o)
    for (std::size_t s = 0; s < session.sections.size(); ++s) {
      const auto& ids = session.sections[s].objectives;
      covered[o][s] = std::find(ids.begin(), ids.end(), session.objectives[o].id) != ids.end();
    }
  return covered;
}

}  // namespace facilita::ui
