// Session Markdown (text/markdown_doc.hpp) laid out by the PDF writer, as the
// projector shows it: headings, paragraphs, nested lists, emphasis, tables.
#pragma once
#include <string>
#include <string_view>

#include "print/pdf_writer.hpp"
#include "text/markdown_doc.hpp"

namespace facilita::print {

// Pango markup for inline spans (author text escaped).
std::string spans_markup(const text::MdInlines& spans);
// Renders `doc`; its headings sit below `base_level` (the writer's levels).
void render_markdown(PdfWriter& out, const text::MdDocument& doc, int base_level = 3, const TextStyle& style = {});
void render_markdown(PdfWriter& out, std::string_view markdown, int base_level = 3, const TextStyle& style = {});

}  // namespace facilita::print
