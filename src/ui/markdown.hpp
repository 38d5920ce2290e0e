// The Markdown subset sessions use (headings, paragraphs, nested lists,
// bold / italic / code spans, links shown as text, tables), parsed with md4c
// into a flat list of blocks, then laid out by hand so text can be drawn at
// any size (projector fitting) and measured without drawing.
#pragma once
#include <imgui.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/markdown_doc.hpp"
#include "ui/fonts.hpp"

namespace facilita::ui {

// The parsed model (no ImGui) lives in text/markdown_doc.hpp, shared with print.
using text::MdBlock;
using text::MdBlockKind;
using text::MdDocument;
using text::MdInlines;
using text::MdSpan;
using text::parse_markdown;

// Parsed documents, keyed by their text (session content does not change while running).
class MarkdownCache {
 public:
  const MdDocument& get(const std::string& text);
 private:
  std::unordered_map<std::string, MdDocument> docs_;
};

struct MdStyle {
  const FontSet* fonts = nullptr;
  float body_px = 18;
  float h1_scale = 1.5f;
  float h2_scale = 1.22f;
  float line_height = 1.28f;  // times the text size
  ImU32 text = IM_COL32(235, 235, 235, 255);
  ImU32 heading = IM_COL32(255, 255, 255, 255);
  ImU32 link = IM_COL32(140, 200, 255, 255);
  ImU32 muted = IM_COL32(170, 170, 170, 255);
  ImU32 rule = IM_COL32(110, 110, 110, 255);
  ImU32 table_header_bg = IM_COL32(255, 255, 255, 28);
};

// Height of `doc` laid out at `width`.
float measure_markdown(const MdDocument& doc, const MdStyle& style, float width);
// Draws `doc` with its top-left at `origin`; returns the height used.
float draw_markdown(ImDrawList* draw_list, ImVec2 origin, const MdDocument& doc, const MdStyle& style,
                    float width, float clip_bottom = 1e30f);
// Draws at the ImGui cursor of the current window and reserves the space (scrolls).
void markdown_widget(const MdDocument& doc, const MdStyle& style, float width);

// Largest text size (<= max) and fewest columns (<= max_columns) at which the
// document fits the box. When nothing fits: the smallest size, the most
// readable columns, and the content split into pages (blocks never split).
struct MdFit {
  float body_px = 0;
  int columns = 1;
  int pages = 1;
  bool fits = false;
};
MdFit fit_markdown(const MdDocument& doc, MdStyle style, ImVec2 box, float min_px, float max_px,
                   int max_columns);
// Draws page `page` of the document in columns (blocks are not split across columns).
void draw_markdown_columns(ImDrawList* draw_list, ImVec2 origin, ImVec2 box, const MdDocument& doc,
                           const MdStyle& style, int columns, int page = 0);

}  // namespace facilita::ui
