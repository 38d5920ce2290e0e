// Shared by the Markdown layout files (markdown_layout.cpp, markdown_table.cpp).
#pragma once
#include "ui/markdown.hpp"

namespace facilita::ui {

ImFont* span_font(const MdStyle& st, const MdSpan& span, bool force_bold);
float text_width(ImFont* font, float px, const char* begin, const char* end);
// Lays out inline spans wrapped at `width`; draws when `dl` is set; returns the height.
float flow(const MdStyle& st, ImDrawList* dl, ImVec2 origin, float width, const MdInlines& spans, float px,
           bool bold, ImU32 color);
float single_line_width(const MdStyle& st, const MdInlines& spans, float px, bool bold);

// Tables: height (drawn when `dl` is set), and the narrowest column that shows
// every table of `doc` without breaking words.
float table_block(const MdStyle& st, ImDrawList* dl, ImVec2 pos, float width, const MdBlock& table);
float tables_min_width(const MdDocument& doc, const MdStyle& st);

}  // namespace facilita::ui
