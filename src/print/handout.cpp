// The fellow handout: title, objective, the join address (and its QR code),
// then every section's content and prompts, without notes or correct answers,
// with ruled room to write under each prompt.
#include <cairo.h>

#include "print/documents.hpp"
#include "print/markdown_pdf.hpp"
#include "text/qr_matrix.hpp"

namespace facilita::print {
namespace {

void draw_qr(cairo_t* cr, const std::string& url, double x, double y, double size) {
  const QrMatrix qr = qr_matrix(url);
  if (qr.size == 0) return;
  const double module = size / (qr.size + 2 * kQrQuietZone);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_rectangle(cr, x, y, size, size);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  for (int r = 0; r < qr.size; ++r)
    for (int c = 0; c < qr.size; ++c)
      if (qr.at(c, r)) cairo_rectangle(cr, x + (c + kQrQuietZone) * module, y + (r + kQrQuietZone) * module, module, module);
  cairo_fill(cr);
}

}  // namespace

std::unique_ptr<PdfWriter> build_handout(const Session& s, const HandoutOptions& o) {
  Lang lang = o.lang;
  PageSetup setup;
  setup.paper = o.paper;
  setup.footer_left = s.title;
  setup.page_label = tr(lang, Str::PageOf);
  setup.lang = lang;
  auto out = std::make_unique<PdfWriter>(setup);
  PdfWriter& w = *out;
  w.heading(escape_markup(s.title), 1, 80);
  TextStyle sub;
  sub.color[0] = sub.color[1] = sub.color[2] = 0.38;
  w.paragraph(escape_markup(std::string(tr(lang, Str::HandoutTitle)) + " · " + minutes_text(s.duration_s)), sub);
  if (!s.objective.empty()) {
    w.heading(tr(lang, Str::Objective), 3, 30);
    w.paragraph(escape_markup(s.objective));
  }
  if (!s.objectives.empty()) {
    w.heading(tr(lang, Str::Objectives), 3, 30);
    for (const auto& obj : s.objectives) w.list_item("•", escape_markup(obj.text), 1);
  }
  if (!o.url.empty()) {
    w.heading(tr(lang, Str::Join), 3, 150);
    w.paragraph(escape_markup(tr(lang, Str::JoinHint)));
    TextStyle big;
    big.size_pt = 14;
    big.bold = true;
    w.paragraph("<tt>" + escape_markup(o.url) + "</tt>", big);
    std::string url = o.url;
    w.picture(120, [url](cairo_t* cr, double x, double y, double) { draw_qr(cr, url, x, y, 112); });
  }

  int number = 0;
  for (std::size_t i = 0; i < s.sections.size(); ++i) {
    const auto& sec = s.sections[i];
    w.heading(escape_markup(std::to_string(i + 1) + ". " + sec.title), 2);
    if (!sec.content.empty()) render_markdown(w, sec.content, 3);
    for (const auto& p : sec.prompts) {
      // Keep a prompt with its options and its writing lines on one page.
      int lines = p.kind == PromptKind::Text ? 5 : 2;
      int rows = static_cast<int>(p.options.size()) + (p.scale ? 2 : 0);
      w.need(std::min(60.0 + 17.0 * rows + 22.0 * lines, 500.0));
      w.paragraph("<b>" + std::to_string(++number) + ". " + escape_markup(p.text) + "</b>");
      for (const auto& option : p.options) w.list_item("☐", escape_markup(option), 1);
      if (p.scale) {
        std::string scale;
        for (int v = p.scale->min; v <= p.scale->max; ++v) scale += (scale.empty() ? "" : "     ") + std::string("☐ ") + std::to_string(v);
        w.list_item("", escape_markup(scale), 1);
        if (!p.scale->labels.empty()) {
          std::string labels;
          for (const auto& l : p.scale->labels) labels += (labels.empty() ? "" : " … ") + l;
          w.list_item("", "<i>" + escape_markup(labels) + "</i>", 1);
        }
      }
      TextStyle hint;
      hint.size_pt = 9;
      hint.space_before_pt = 2;
      hint.color[0] = hint.color[1] = hint.color[2] = 0.45;
      w.paragraph(escape_markup(tr(lang, Str::YourAnswer)), hint);
      w.writing_lines(lines);
    }
  }
  return out;
}

}  // namespace facilita::print
