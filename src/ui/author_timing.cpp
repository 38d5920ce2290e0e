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
