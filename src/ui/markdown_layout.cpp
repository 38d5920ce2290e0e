// Hand layout of MdDocument: word wrapping with mixed bold/italic spans,
// nested lists, tables with wrapped cells, measuring and multi-column fitting.
#include <algorithm>
#include <cmath>

#include <imgui_internal.h>  // ImTextCharFromUtf8

#include "ui/markdown.hpp"
#include "ui/markdown_internal.hpp"

namespace facilita::ui {

ImFont* span_font(const MdStyle& st, const MdSpan& span, bool force_bold) {
  const FontSet& f = *st.fonts;
  bool bold = span.bold || force_bold;
  if (bold && span.italic) return f.bold_italic;
  if (bold) return f.bold;
  if (span.italic) return f.italic;
  return f.body;
}

float text_width(ImFont* font, float px, const char* begin, const char* end) {
  return font->CalcTextSizeA(px, 1e30f, 0.0f, begin, end).x;
}

namespace {

// Longest prefix of [begin, end) that fits `room` (at least one character).
const char* fit_prefix(ImFont* font, float px, const char* begin, const char* end, float room) {
  float scale = px / font->FontSize, x = 0;
  const char* p = begin;
  while (p < end) {
    unsigned int c = 0;
    int len = ImTextCharFromUtf8(&c, p, end);
    if (len <= 0) break;
    float advance = font->GetCharAdvance(static_cast<ImWchar>(c)) * scale;
    if (x + advance > room && p > begin) break;
    x += advance;
    p += len;
  }
  return p;
}

struct InlineFlow {
  const MdStyle& st;
  ImDrawList* dl;  // null: measure only
  ImVec2 origin;
  float width;
  float px;
  bool force_bold = false;
  ImU32 color;
  float x = 0, y = 0;

  float line_h() const { return px * st.line_height; }
  void newline() { x = 0; y += line_h(); }

  void put(ImFont* font, const MdSpan& span, const char* b, const char* e) {
    if (dl) {
      ImU32 col = span.link ? st.link : span.code ? st.muted : color;
      ImVec2 pos(origin.x + x, origin.y + y + (line_h() - px) * 0.5f);
      dl->AddText(font, px, pos, col, b, e);
      if (span.link) {
        float w = text_width(font, px, b, e), base = pos.y + px * 1.02f;
        dl->AddLine(ImVec2(pos.x, base), ImVec2(pos.x + w, base), col, std::max(1.0f, px / 18));
      }
    }
    x += text_width(font, px, b, e);
  }

  void word(ImFont* font, const MdSpan& span, const char* b, const char* e, bool space_before) {
    float w = text_width(font, px, b, e);
    float space = space_before && x > 0 ? text_width(font, px, " ", " " + 1) : 0;
    if (x > 0 && x + space + w > width) {
      newline();
      space = 0;
    }
    x += space;
    while (w > width - x && b < e) {  // longer than a line (URLs): break anywhere
      const char* cut = fit_prefix(font, px, b, e, width - x);
      put(font, span, b, cut);
      b = cut;
      if (b < e) newline();
      w = text_width(font, px, b, e);
    }
    if (b < e) put(font, span, b, e);
  }

  // Returns the height of the laid out text (at least one line).
  float run(const MdInlines& spans) {
    bool space_pending = false;
    for (const MdSpan& span : spans) {
      if (span.hard_break) {
        newline();
        space_pending = false;
      }
      ImFont* font = span_font(st, span, force_bold);
      const char* p = span.text.data();
      const char* end = p + span.text.size();
      while (p < end) {
        if (*p == ' ' || *p == '\t' || *p == '\n') {
          space_pending = true;
          ++p;
          continue;
        }
        const char* w = p;
        while (w < end && *w != ' ' && *w != '\t' && *w != '\n') ++w;
        word(font, span, p, w, space_pending);
        space_pending = false;
        p = w;
      }
    }
    return y + line_h();
  }
};

}  // namespace

float flow(const MdStyle& st, ImDrawList* dl, ImVec2 origin, float width, const MdInlines& spans, float px,
           bool bold, ImU32 color) {
  InlineFlow f{st, dl, origin, std::max(width, px), px, bold, color};
  return f.run(spans);
}

float single_line_width(const MdStyle& st, const MdInlines& spans, float px, bool bold) {
  InlineFlow f{st, nullptr, ImVec2(0, 0), 1e30f, px, bold, 0};
  f.run(spans);
  return f.x;
}

namespace {

float heading_px(const MdStyle& st, int level) {
  return level == 1 ? st.body_px * st.h1_scale : level == 2 ? st.body_px * st.h2_scale : st.body_px * 1.05f;
}

float list_indent(const MdStyle& st, int level) { return st.body_px * 1.5f * static_cast<float>(std::max(1, level)); }

float block_margin(const MdStyle& st, const MdBlock& block, const MdBlock* previous) {
  if (!previous) return 0;
  float em = st.body_px;
  switch (block.kind) {
    case MdBlockKind::Heading: return em * (block.level <= 2 ? 0.75f : 0.5f);
    case MdBlockKind::ListItem: return previous->kind == MdBlockKind::ListItem ? em * 0.12f : em * 0.3f;
    case MdBlockKind::Table: return em * 0.5f;
    default: return previous->kind == MdBlockKind::Heading ? em * 0.25f : em * 0.45f;
  }
}

// Height of one block; draws it too when `dl` is set.
float block(const MdStyle& st, ImDrawList* dl, ImVec2 pos, float width, const MdBlock& b) {
  switch (b.kind) {
    case MdBlockKind::Heading: {
      MdStyle hs = st;
      float px = heading_px(st, b.level);
      ImFont* font = b.level == 1 ? st.fonts->h1 : b.level == 2 ? st.fonts->h2 : st.fonts->bold;
      FontSet heading_fonts = *st.fonts;
      heading_fonts.bold = heading_fonts.bold_italic = font;
      hs.fonts = &heading_fonts;
      return flow(hs, dl, pos, width, b.spans, px, true, st.heading);
    }
    case MdBlockKind::ListItem: {
      float indent = list_indent(st, b.level);
      if (dl && !b.marker.empty()) {
        bool number = b.marker[0] >= '0' && b.marker[0] <= '9';
        ImFont* font = number ? st.fonts->bold : st.fonts->body;
        float w = text_width(font, st.body_px, b.marker.c_str(), nullptr);
        float mx = number ? indent - w - st.body_px * 0.35f : indent - st.body_px * 0.95f;
        float my = pos.y + (st.body_px * st.line_height - st.body_px) * 0.5f;
        dl->AddText(font, st.body_px, ImVec2(pos.x + mx, my), st.muted, b.marker.c_str());
      }
      return flow(st, dl, ImVec2(pos.x + indent, pos.y), width - indent, b.spans, st.body_px, false, st.text);
    }
    case MdBlockKind::Table: return table_block(st, dl, pos, width, b);
    case MdBlockKind::Rule:
      if (dl) dl->AddLine(ImVec2(pos.x, pos.y + st.body_px * 0.5f), ImVec2(pos.x + width, pos.y + st.body_px * 0.5f), st.rule);
      return st.body_px;
    case MdBlockKind::Code: return flow(st, dl, pos, width, b.spans, st.body_px * 0.92f, false, st.muted);
    case MdBlockKind::Paragraph: break;
  }
  return flow(st, dl, pos, width, b.spans, st.body_px, false, st.text);
}

// Packs blocks into as many columns of `height` as needed; returns the index
// of the first block of each column (plus blocks.size() at the end).
struct Packing {
  std::vector<std::size_t> starts;
  int columns() const { return static_cast<int>(starts.size()) - 1; }
};

Packing pack(const MdDocument& doc, const MdStyle& st, float col_width, float height) {
  Packing p;
  p.starts.push_back(0);
  float y = 0;
  const MdBlock* previous = nullptr;
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    const MdBlock& b = doc.blocks[i];
    float own = block(st, nullptr, ImVec2(0, 0), col_width, b);
    float h = own;
    // Keep a heading with the block after it.
    if (b.kind == MdBlockKind::Heading && i + 1 < doc.blocks.size())
      h += block_margin(st, doc.blocks[i + 1], &b) + block(st, nullptr, ImVec2(0, 0), col_width, doc.blocks[i + 1]);
    float margin = block_margin(st, b, previous);
    if (y > 0 && y + margin + h > height + 0.5f) {
      p.starts.push_back(i);
      y = 0;
      margin = 0;
    }
    y += margin + own;
    previous = &b;
  }
  p.starts.push_back(doc.blocks.size());
  return p;
}

float column_gap(const MdStyle& st) { return st.body_px * 1.8f; }

}  // namespace

float measure_markdown(const MdDocument& doc, const MdStyle& style, float width) {
  return draw_markdown(nullptr, ImVec2(0, 0), doc, style, width);
}

float draw_markdown(ImDrawList* dl, ImVec2 origin, const MdDocument& doc, const MdStyle& st, float width,
                    float clip_bottom) {
  float y = 0;
  const MdBlock* previous = nullptr;
  for (const MdBlock& b : doc.blocks) {
    y += block_margin(st, b, previous);
    bool visible = origin.y + y < clip_bottom;
    y += block(st, visible ? dl : nullptr, ImVec2(origin.x, origin.y + y), width, b);
    previous = &b;
  }
  return y;
}

void markdown_widget(const MdDocument& doc, const MdStyle& style, float width) {
  ImVec2 origin = ImGui::GetCursorScreenPos();
  float clip = ImGui::GetWindowPos().y + ImGui::GetWindowHeight();
  float h = draw_markdown(ImGui::GetWindowDrawList(), origin, doc, style, width, clip);
  ImGui::Dummy(ImVec2(width, h));
}

namespace {

float column_width(const MdStyle& st, float box_w, int columns) {
  return (box_w - column_gap(st) * static_cast<float>(columns - 1)) / static_cast<float>(columns);
}

}  // namespace

MdFit fit_markdown(const MdDocument& doc, MdStyle st, ImVec2 box, float min_px, float max_px, int max_columns) {
  MdFit best;
  float best_score = -1;
  for (float px = max_px; px >= min_px - 0.01f; px *= 0.94f) {
    st.body_px = std::max(px, min_px);
    for (int cols = 1; cols <= max_columns; ++cols) {
      float col_w = column_width(st, box.x, cols);
      if (col_w < st.body_px * 12 || col_w < tables_min_width(doc, st)) break;  // too narrow to read
      int used = pack(doc, st, col_w, box.y).columns();
      if (used > cols) continue;
      float score = st.body_px * (cols == 1 ? 1.0f : cols == 2 ? 0.86f : 0.76f);
      if (score > best_score) {
        best_score = score;
        best = MdFit{st.body_px, cols, 1, true};
      }
      break;  // more columns at the same size only score lower
    }
  }
  if (best.fits) return best;
  // Nothing fits: the smallest allowed size, as many columns as are readable, in pages.
  st.body_px = min_px;
  int cols = max_columns;
  const float needed = std::max(st.body_px * 12, tables_min_width(doc, st));
  while (cols > 1 && column_width(st, box.x, cols) < needed) --cols;
  int used = pack(doc, st, column_width(st, box.x, cols), box.y).columns();
  return MdFit{min_px, cols, (used + cols - 1) / cols, false};
}

void draw_markdown_columns(ImDrawList* dl, ImVec2 origin, ImVec2 box, const MdDocument& doc, const MdStyle& st,
                           int columns, int page) {
  float gap = column_gap(st);
  float col_w = column_width(st, box.x, columns);
  Packing p = pack(doc, st, col_w, box.y);
  dl->PushClipRect(origin, ImVec2(origin.x + box.x, origin.y + box.y), true);
  int first = page * columns;
  for (int c = first; c < first + columns && c < p.columns(); ++c) {
    float x = origin.x + static_cast<float>(c - first) * (col_w + gap), y = 0;
    const MdBlock* previous = nullptr;
    for (std::size_t i = p.starts[static_cast<std::size_t>(c)]; i < p.starts[static_cast<std::size_t>(c) + 1]; ++i) {
      y += block_margin(st, doc.blocks[i], previous);
      y += block(st, dl, ImVec2(x, origin.y + y), col_w, doc.blocks[i]);
      previous = &doc.blocks[i];
    }
  }
  dl->PopClipRect();
}

}  // namespace facilita::ui
