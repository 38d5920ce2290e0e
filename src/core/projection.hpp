// What the projector's body shows: the section's content, or a prompt (the
// open one, else the last one revealed in the current section) and its
// results. ShowOnProjector switches between the two (State::projector_content);
// opening or revealing a prompt and changing section bring the prompt back.
// Fellows' pages follow displayed_prompt (snapshot.hpp), not this.
#pragma once
#include "core/engine.hpp"

namespace facilita {

// The prompt the projector would show when it shows results: the open prompt,
// else the most recently closed revealed prompt of the current section, else null.
const Prompt* results_prompt(const Session& session, const State& state);

// The prompt the projector shows now: results_prompt, unless the facilitator
// put the content back (ShowOnProjector{Content}); null = the section's content.
const Prompt* projected_prompt(const Session& session, const State& state);

const char* to_string(ProjectorView view);  // "content" | "results"

}  // namespace facilita
