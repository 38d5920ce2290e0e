// Tables of the Markdown layout: column widths that keep words whole when
// there is room, wrapped cells, header row.
#include <algorithm>

#include "ui/markdown_internal.hpp"

namespace facilita::ui {
namespace {

// Widest unbreakable word of the spans (a table column narrower than this breaks words).
float longest_word(const MdStyle& st, const MdInlines& spans, float px, bool bold) {
  float widest = 0;
  for (const MdSpan& span : spans) {
    ImFont* font = span_font(st, span, bold);
    const char* p = span.text.data();
    const char* end = p + span.text.size();
    while (p < end) {
      while (p < end && (*p == ' ' || *p == '\t' || *p == '\n')) ++p;
      const char* w = p;
      while (w < end && *w != ' ' && *w != '\t' && *w != '\n') ++w;
      if (w > p) widest = std::max(widest, text_width(font, px, p, w));
      p = w;
    }
  }
  return widest;
}

struct TableWidths {
  std::vector<float> natural;  // each column on one line
  std::vector<float> minimum;  // each column's longest word
};

TableWidths table_widths(const MdStyle& st, const MdBlock& table, float pad) {
  std::size_t n = 0;
  for (const auto& row : table.rows) n = std::max(n, row.size());
  TableWidths w{std::vector<float>(n, 0.0f), std::vector<float>(n, 0.0f)};
  for (std::size_t r = 0; r < table.rows.size(); ++r)
    for (std::size_t c = 0; c < table.rows[r].size(); ++c) {
      const MdInlines& cell = table.rows[r][c];
      w.natural[c] = std::max(w.natural[c], single_line_width(st, cell, st.body_px, r == 0) + 2 * pad + 1);
      w.minimum[c] = std::max(w.minimum[c], longest_word(st, cell, st.body_px, r == 0) + 2 * pad + 1);
    }
  return w;
}

float table_pad(const MdStyle& st) { return st.body_px * 0.45f; }

// Column widths: natural when everything fits; else every column gets at least
// its longest word and the rest is shared (narrow columns keep their natural width).
std::vector<float> table_columns(const MdStyle& st, const MdBlock& table, float width, float pad) {
  TableWidths w = table_widths(st, table, pad);
  const std::size_t n = w.natural.size();
  std::vector<float> cols = w.minimum;
  float room = width;
  for (float m : w.minimum) room -= m;
  if (room <= 0) {  // too narrow even for the longest words: share proportionally
    float total = 0;
    for (float m : w.minimum) total += m;
    for (std::size_t c = 0; c < n; ++c) cols[c] = width * w.minimum[c] / std::max(1.0f, total);
    return cols;
  }
  // Water-filling of the extra room over what each column would like beyond its minimum.
  std::vector<bool> settled(n, false);
  std::size_t open = n;
  for (bool changed = true; changed && open > 0;) {
    changed = false;
    float share = room / static_cast<float>(open);
    for (std::size_t c = 0; c < n; ++c) {
      float wants = w.natural[c] - w.minimum[c];
      if (!settled[c] && wants <= share) {
        cols[c] += wants;
        room -= wants;
        settled[c] = true;
        --open;
        changed = true;
      }
    }
  }
  if (open > 0)
    for (std::size_t c = 0; c < n; ++c)
      if (!settled[c]) cols[c] += room / static_cast<float>(open);
  return cols;
}

}  // namespace

// The narrowest column that shows every table without breaking words.
float tables_min_width(const MdDocument& doc, const MdStyle& st) {
  float widest = 0;
  for (const MdBlock& b : doc.blocks) {
    if (b.kind != MdBlockKind::Table) continue;
    float sum = 0;
    for (float m : table_widths(st, b, table_pad(st)).minimum) sum += m;
    widest = std::max(widest, sum);
  }
  return widest;
}

float table_block(const MdStyle& st, ImDrawList* dl, ImVec2 pos, float width, const MdBlock& table) {
  float pad = table_pad(st), vpad = st.body_px * 0.2f;
  std::vector<float> cols = table_columns(st, table, width, pad);
  float y = 0, total_w = 0;
  for (float w : cols) total_w += w;
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const auto& row = table.rows[r];
    bool header = r == 0;
    float row_h = 0;
    for (std::size_t c = 0; c < row.size(); ++c)
      row_h = std::max(row_h, flow(st, nullptr, ImVec2(0, 0), cols[c] - 2 * pad, row[c], st.body_px, header, 0));
    row_h += 2 * vpad;
    if (dl) {
      if (header) dl->AddRectFilled(ImVec2(pos.x, pos.y + y), ImVec2(pos.x + total_w, pos.y + y + row_h), st.table_header_bg);
      float x = 0;
      for (std::size_t c = 0; c < row.size(); ++c) {
        flow(st, dl, ImVec2(pos.x + x + pad, pos.y + y + vpad), cols[c] - 2 * pad, row[c], st.body_px, header,
             header ? st.heading : st.text);
        x += cols[c];
      }
      float thickness = std::max(1.0f, st.body_px / 20);
      dl->AddLine(ImVec2(pos.x, pos.y + y + row_h), ImVec2(pos.x + total_w, pos.y + y + row_h), st.rule, thickness);
    }
    y += row_h;
  }
  return y;
}

}  // namespace facilita::ui
