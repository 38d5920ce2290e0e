// The Markdown subset sessions use (headings, paragraphs, nested lists,
// bold / italic / code spans, links shown as text, tables), parsed with md4c
// into a flat list of blocks. Shared by the console (ui/markdown.hpp lays it
// out with ImGui) and the printed documents (print/). No GUI here.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace facilita::text {

struct MdSpan {
  std::string text;
  bool bold = false;
  bool italic = false;
  bool code = false;
  bool link = false;
  bool hard_break = false;  // a line break before this span's text
};
using MdInlines = std::vector<MdSpan>;

enum class MdBlockKind { Heading, Paragraph, ListItem, Table, Rule, Code };

struct MdBlock {
  MdBlockKind kind = MdBlockKind::Paragraph;
  int level = 0;          // heading level 1..6; list nesting depth 1..
  std::string marker;     // list item: "•", "–", "3."; empty for a continuation paragraph
  MdInlines spans;        // everything but tables
  std::vector<std::vector<MdInlines>> rows;  // tables: rows of cells, rows[0] is the header
};

struct MdDocument {
  std::vector<MdBlock> blocks;
};

MdDocument parse_markdown(std::string_view text);

}  // namespace facilita::text
