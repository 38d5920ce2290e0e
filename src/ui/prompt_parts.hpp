// Pieces of the console's prompt panel shared by its files (prompt_view.cpp
// draws the list and the details, prompt_lists.cpp the lists that grow).
#pragma once
#include <imgui.h>

#include <string>
#include <vector>

#include "core/tally.hpp"
#include "ui/views.hpp"

namespace facilita::ui {

// "+N más"
std::string more_text(const UiState& ui, int hidden);
// The line under a scrolled list: "+N más" (recorded as `list`:more in `panel`) or an empty line.
void more_line(UiState& ui, int hidden, const std::string& list, const std::string& panel, const char* hint);
// Text answers in a scrolled box `height` high (the "+N más" line included).
void draw_text_answers(const Tally& t, const Dispatch& dispatch, UiState& ui, float height);
// Names on at most `max_lines` lines under `label` (none when null), then "+N más" (the rest on hover).
void draw_name_list(const std::vector<std::string>& names, const char* label, UiState& ui, int max_lines,
                    const std::string& list, const std::string& panel);
// Height of a name list of `lines` lines with its label.
float names_height(int lines);

}  // namespace facilita::ui
