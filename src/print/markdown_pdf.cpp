#include "print/markdown_pdf.hpp"

#include <algorithm>

namespace facilita::print {

std::string spans_markup(const text::MdInlines& spans) {
  std::string out;
  for (const auto& span : spans) {
    if (span.hard_break) out += "\n";
    std::string piece = escape_markup(span.text);
    if (span.code) piece = "<tt>" + piece + "</tt>";
    if (span.link) piece = "<span foreground=\"#1a4f8b\">" + piece + "</span>";
    if (span.italic) piece = "<i>" + piece + "</i>";
    if (span.bold) piece = "<b>" + piece + "</b>";
    out += piece;
  }
  return out;
}

void render_markdown(PdfWriter& out, const text::MdDocument& doc, int base_level, const TextStyle& style) {
  using text::MdBlockKind;
  for (const auto& block : doc.blocks) {
    switch (block.kind) {
      case MdBlockKind::Heading:
        out.heading(spans_markup(block.spans), std::min(base_level + std::max(block.level, 1) - 1, 4), 36);
        break;
      case MdBlockKind::Paragraph: out.paragraph(spans_markup(block.spans), style); break;
      case MdBlockKind::ListItem: out.list_item(block.marker, spans_markup(block.spans), block.level, style); break;
      case MdBlockKind::Code: {
        std::string code;
        for (const auto& span : block.spans) {  // appended: `"\n" + std::string` trips GCC 12's -Wrestrict (bug 105329)
          if (span.hard_break) code += '\n';
          code += escape_markup(span.text);
        }
        TextStyle mono = style;
        mono.indent_pt += 12;
        out.paragraph("<tt>" + code + "</tt>", mono);
        break;
      }
      case MdBlockKind::Rule: out.rule(); break;
      case MdBlockKind::Table: {
        std::vector<std::vector<std::string>> rows;
        for (const auto& row : block.rows) {
          rows.emplace_back();
          for (const auto& cell : row) rows.back().push_back(spans_markup(cell));
        }
        out.table(rows, {}, 1);
        break;
      }
    }
  }
  out.space(2);
}

void render_markdown(PdfWriter& out, std::string_view markdown, int base_level, const TextStyle& style) {
  render_markdown(out, text::parse_markdown(markdown), base_level, style);
}

}  // namespace facilita::print
