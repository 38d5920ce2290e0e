// The author view's model (`facilita edit FILE`): the file being edited, its
// diagnostics, the last valid version (previewed while the file is invalid),
// the section previewed and the rehearsal. app/cmd_edit.cpp fills it on every
// save; the author views draw it and set requests.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/engine.hpp"

namespace facilita::ui {

struct AuthorState {
  std::string path;                      // as given on the command line (FILE:LINE:COL)
  std::vector<Diagnostic> diagnostics;   // of the last save
  bool valid = false;                    // the last save loads
  std::optional<Session> last_valid;     // previewed and rehearsed
  std::optional<Session> draft;          // the last save as parsed (timing, coverage), even with errors
  int selected = 0;                      // section previewed (index in last_valid)
  int shown_prompt = 0;                  // what the preview shows of it: -1 its content, k its prompt k
  std::string copied;                    // last FILE:LINE:COL copied, shown as feedback
  std::uint64_t generation = 0;          // bumped by every save (redraw)

  // Rehearsal: the real engine on a simulated clock (app/rehearsal.*); the
  // view shows its state and sets the requests.
  bool rehearsing = false;
  int speed = 10;                        // 1, 10 or 60
  std::optional<Session> rehearsal_session;  // the version being rehearsed (saves do not disturb it)
  std::optional<State> rehearsal_state;
  Millis rehearsal_now = 0;              // simulated
  bool request_rehearse = false;         // start (or restart)
  bool request_stop = false;

  // "Imprimir guía…": the app writes the facilitator guide next to the file.
  bool request_print_guide = false;
  std::string printed;                   // the path written, or the error
  bool print_failed = false;
};

// "79:00 / 79:00", or "80:00 / 79:00 (+1:00)" when the sections do not add
// up to the session's duration (`over` says so).
std::string total_against_target(int total_s, int target_s, bool& over);

// A section as the timing bar and the section list show it: from the file as
// saved (the draft) when there is one, so both always agree. `draft` marks a
// duration that differs from the last valid version (or a section it lacks):
// the file has errors and the preview still shows the older plan.
struct AuthorSectionRow {
  std::string id;
  std::string title;     // the id when the title is empty
  int duration_s = 0;
  bool optional = false;
  bool draft = false;
  int valid_index = -1;  // the same section (by id) in last_valid; -1 = not there
};
std::vector<AuthorSectionRow> author_sections(const AuthorState& author);

// What the preview of `section` shows for the wanted choice: -1 (content)
// stays, a prompt index is kept within the section's prompts; -1 when it has none.
int shown_prompt(const Section& section, int wanted);

// objectives x sections: covered[o][s] when section s lists objective o.
std::vector<std::vector<bool>> objective_coverage(const Session& session);

}  // namespace facilita::ui
