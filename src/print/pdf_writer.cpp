// PdfWriter: layout with Pango on the PDF surface itself (so measured and
// drawn metrics agree); every page is a list of drawing operations, replayed
// by render() once the page count is known for the footer.
#include "print/pdf_writer.hpp"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <fstream>

#include "print/print_strings.hpp"

namespace facilita::print {
namespace {

constexpr const char* kFamily = "Noto Sans";

using LayoutPtr = std::shared_ptr<PangoLayout>;
using Op = std::function<void(cairo_t*)>;

LayoutPtr share(PangoLayout* layout) { return LayoutPtr(layout, [](PangoLayout* l) { g_object_unref(l); }); }

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

std::string replace_all(std::string text, std::string_view key, const std::string& value) {
  for (auto at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size()))
    text.replace(at, key.size(), value);
  return text;
}

}  // namespace

PaperSize paper_size(Paper paper) {
  return paper == Paper::Letter ? PaperSize{612, 792} : PaperSize{595.276, 841.89};
}

std::string escape_markup(std::string_view text) {
  gchar* escaped = g_markup_escape_text(text.data(), static_cast<gssize>(text.size()));
  std::string out(escaped);
  g_free(escaped);
  return out;
}

struct PdfWriter::Impl {
  PageSetup setup;
  PaperSize size;
  std::string bytes;
  cairo_surface_t* surface = nullptr;
  cairo_t* cr = nullptr;  // measuring context on the PDF surface
  std::vector<std::vector<Op>> pages{1};
  double y = 0;  // cursor on the current page

  double top() const { return setup.margin_pt; }
  double bottom() const { return size.height_pt - setup.bottom_margin_pt; }
  double left() const { return setup.margin_pt; }
  double width() const { return size.width_pt - 2 * setup.margin_pt; }

  void new_page() {
    pages.emplace_back();
    y = top();
  }
  void add(Op op) { pages.back().push_back(std::move(op)); }

  LayoutPtr layout(const std::string& markup, double size_pt, double width_pt, bool bold = false,
                   bool italic = false, const char* family = kFamily) {
    auto l = share(pango_cairo_create_layout(cr));
    PangoFontDescription* desc = pango_font_description_new();
    pango_font_description_set_family(desc, family);
    pango_font_description_set_absolute_size(desc, size_pt * PANGO_SCALE);
    if (bold) pango_font_description_set_weight(desc, PANGO_WEIGHT_BOLD);
    if (italic) pango_font_description_set_style(desc, PANGO_STYLE_ITALIC);
    pango_layout_set_font_description(l.get(), desc);
    pango_font_description_free(desc);
    if (width_pt > 0) {
      pango_layout_set_width(l.get(), static_cast<int>(width_pt * PANGO_SCALE));
      pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
    }
    GError* err = nullptr;
    if (!pango_parse_markup(markup.c_str(), -1, 0, nullptr, nullptr, nullptr, &err)) {
      g_clear_error(&err);
      pango_layout_set_text(l.get(), markup.c_str(), -1);  // never lose text to a markup slip
    } else {
      pango_layout_set_markup(l.get(), markup.c_str(), -1);
    }
    return l;
  }

  static std::pair<double, double> extent(PangoLayout* l) {
    PangoRectangle logical;
    pango_layout_get_extents(l, nullptr, &logical);
    return {static_cast<double>(logical.width) / PANGO_SCALE, static_cast<double>(logical.height) / PANGO_SCALE};
  }

  // Places the layout's lines from the cursor at x, breaking pages between lines.
  void flow(const LayoutPtr& l, double x, const double color[3]) {
    PangoLayoutIter* it = pango_layout_get_iter(l.get());
    double r = color[0], g = color[1], b = color[2];
    double offset = y;  // page y of the layout's top for the current chunk
    bool first_on_page = true;
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(it, nullptr, &logical);
      double line_top = static_cast<double>(logical.y) / PANGO_SCALE;
      double line_h = static_cast<double>(logical.height) / PANGO_SCALE;
      double baseline = static_cast<double>(pango_layout_iter_get_baseline(it)) / PANGO_SCALE;
      if (offset + line_top + line_h > bottom() && !(first_on_page && y <= top() + 0.5)) {
        new_page();
        offset = y - line_top;
      }
      first_on_page = false;
      PangoLayoutLine* line = pango_layout_iter_get_line_readonly(it);
      auto keep = l;  // the line belongs to the layout
      double by = offset + baseline;
      add([keep, line, x, by, r, g, b](cairo_t* c) {
        cairo_set_source_rgb(c, r, g, b);
        cairo_move_to(c, x, by);
        pango_cairo_show_layout_line(c, line);
      });
      y = offset + line_top + line_h;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
  }
  ~Impl() {
    if (cr) cairo_destroy(cr);
    if (surface) cairo_surface_destroy(surface);
  }
};

PdfWriter::PdfWriter(PageSetup setup) : impl_(std::make_unique<Impl>()) {
  impl_->setup = std::move(setup);
  impl_->size = paper_size(impl_->setup.paper);
  impl_->surface = cairo_pdf_surface_create_for_stream(append_bytes, &impl_->bytes, impl_->size.width_pt,
                                                       impl_->size.height_pt);
  impl_->cr = cairo_create(impl_->surface);
  impl_->y = impl_->top();
}

PdfWriter::~PdfWriter() = default;

double PdfWriter::content_width() const { return impl_->width(); }
double PdfWriter::page_width() const { return impl_->size.width_pt; }
double PdfWriter::page_height() const { return impl_->size.height_pt; }
int PdfWriter::pages() const { return static_cast<int>(impl_->pages.size()); }

void PdfWriter::need(double pt) {
  if (impl_->y + pt > impl_->bottom() && impl_->y > impl_->top() + 0.5) impl_->new_page();
}

void PdfWriter::page_break() {
  if (impl_->y > impl_->top() + 0.5) impl_->new_page();
}

void PdfWriter::space(double pt) {
  if (impl_->y > impl_->top() + 0.5) impl_->y = std::min(impl_->y + pt, impl_->bottom());
}

void PdfWriter::heading(const std::string& markup, int level, double keep_pt) {
  static const double sizes[] = {20, 15, 12.5, 11};
  double size = sizes[std::clamp(level, 1, 4) - 1];
  auto l = impl_->layout(markup, size, impl_->width(), true);
  auto [w, h] = Impl::extent(l.get());
  space(level == 1 ? 0 : level == 2 ? 14 : 9);
  need(std::min(h + keep_pt, impl_->bottom() - impl_->top()));
  const double color[3] = {0.05, 0.2, 0.38};
  impl_->flow(l, impl_->left(), color);
  if (level <= 2) {
    double ly = impl_->y + 3, x = impl_->left(), wd = impl_->width();
    impl_->add([x, ly, wd, level](cairo_t* c) {
      cairo_set_source_rgb(c, 0.05, 0.2, 0.38);
      cairo_set_line_width(c, level == 1 ? 1.2 : 0.6);
      cairo_move_to(c, x, ly);
      cairo_line_to(c, x + wd, ly);
      cairo_stroke(c);
    });
    impl_->y += 5;
  }
  impl_->y += 5;
}

void PdfWriter::paragraph(const std::string& markup, const TextStyle& style) {
  space(style.space_before_pt);
  auto l = impl_->layout(markup, style.size_pt, impl_->width() - style.indent_pt, style.bold, style.italic);
  impl_->flow(l, impl_->left() + style.indent_pt, style.color);
  impl_->y += style.space_after_pt;
}

void PdfWriter::list_item(const std::string& marker, const std::string& markup, int depth, const TextStyle& style) {
  double indent = style.indent_pt + 16.0 * std::max(depth, 1);
  auto l = impl_->layout(markup, style.size_pt, impl_->width() - indent, style.bold, style.italic);
  auto m = impl_->layout(escape_markup(marker), style.size_pt, 0);
  // The marker sits on the first line's baseline, on the same page as that line.
  PangoLayoutIter* it = pango_layout_get_iter(l.get());
  PangoRectangle first;
  pango_layout_iter_get_line_extents(it, nullptr, &first);
  pango_layout_iter_free(it);
  need(static_cast<double>(first.height) / PANGO_SCALE);
  double marker_y = impl_->y;
  double mx = std::max(impl_->left() + indent - 5 - Impl::extent(m.get()).first, impl_->left());
  const double* color = style.color;
  double r = color[0], g = color[1], b = color[2];
  impl_->add([m, mx, marker_y, r, g, b](cairo_t* c) {
    cairo_set_source_rgb(c, r, g, b);
    cairo_move_to(c, mx, marker_y);
    pango_cairo_show_layout(c, m.get());
  });
  impl_->flow(l, impl_->left() + indent, style.color);
  impl_->y += style.space_after_pt * 0.6;
}

void PdfWriter::table(const std::vector<std::vector<std::string>>& rows, std::vector<TableColumn> columns,
                      int header_rows, double size_pt) {
  if (rows.empty()) return;
  std::size_t ncols = 0;
  for (const auto& row : rows) ncols = std::max(ncols, row.size());
  if (ncols == 0) return;
  columns.resize(ncols);
  const double pad = 3.5;
  double avail = impl_->width() - 2 * pad * static_cast<double>(ncols);
  // Natural (one line) and minimum (longest word) widths per column.
  std::vector<double> nat(ncols, 1), mn(ncols, 1);
  for (std::size_t r = 0; r < rows.size(); ++r)
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      bool bold = static_cast<int>(r) < header_rows;
      auto l = impl_->layout(rows[r][c], size_pt, 0, bold);
      nat[c] = std::max(nat[c], Impl::extent(l.get()).first);
      // the longest word: wrap at a tiny width and take the widest line
      pango_layout_set_width(l.get(), 1);
      pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD);
      mn[c] = std::max(mn[c], std::min(Impl::extent(l.get()).first, nat[c]));
    }
  double sum_nat = 0, sum_min = 0;
  for (std::size_t c = 0; c < ncols; ++c) sum_nat += nat[c], sum_min += mn[c];
  std::vector<double> widths(ncols);
  for (std::size_t c = 0; c < ncols; ++c) {
    if (sum_nat <= avail) {
      widths[c] = nat[c] + (avail - sum_nat) * nat[c] / sum_nat;
    } else if (sum_min <= avail) {
      double flex = sum_nat - sum_min;
      widths[c] = mn[c] + (flex > 0 ? (avail - sum_min) * (nat[c] - mn[c]) / flex : 0);
    } else {
      widths[c] = avail * mn[c] / sum_min;  // words break inside cells
    }
  }
  struct Row {
    std::vector<LayoutPtr> cells;
    double height = 0;
    bool header = false;
  };
  std::vector<Row> laid;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    Row row;
    row.header = static_cast<int>(r) < header_rows;
    for (std::size_t c = 0; c < ncols; ++c) {
      auto l = impl_->layout(c < rows[r].size() ? rows[r][c] : std::string(), size_pt, widths[c], row.header);
      if (columns[c].numeric) pango_layout_set_alignment(l.get(), PANGO_ALIGN_RIGHT);
      row.height = std::max(row.height, Impl::extent(l.get()).second + 2 * pad);
      row.cells.push_back(l);
    }
    laid.push_back(std::move(row));
  }
  double header_h = 0;
  for (const auto& row : laid)
    if (row.header) header_h += row.height;
  auto draw_row = [&](const Row& row) {
    double x = impl_->left(), y = impl_->y, h = row.height, total = impl_->width();
    bool header = row.header;
    impl_->add([x, y, h, total, header](cairo_t* c) {
      if (header) {
        cairo_set_source_rgb(c, 0.9, 0.93, 0.96);
        cairo_rectangle(c, x, y, total, h);
        cairo_fill(c);
      }
      cairo_set_source_rgb(c, 0.7, 0.72, 0.75);
      cairo_set_line_width(c, 0.5);
      cairo_move_to(c, x, y + h);
      cairo_line_to(c, x + total, y + h);
      cairo_stroke(c);
    });
    double cx = x;
    for (std::size_t c = 0; c < ncols; ++c) {
      auto l = row.cells[c];
      double tx = cx + pad, ty = y + pad;
      impl_->add([l, tx, ty](cairo_t* cc) {
        cairo_set_source_rgb(cc, 0.1, 0.1, 0.1);
        cairo_move_to(cc, tx, ty);
        pango_cairo_show_layout(cc, l.get());
      });
      cx += widths[c] + 2 * pad;
    }
    impl_->y += h;
  };
  auto draw_top = [&]() {
    double x = impl_->left(), y = impl_->y, total = impl_->width();
    impl_->add([x, y, total](cairo_t* c) {
      cairo_set_source_rgb(c, 0.45, 0.5, 0.55);
      cairo_set_line_width(c, 0.8);
      cairo_move_to(c, x, y);
      cairo_line_to(c, x + total, y);
      cairo_stroke(c);
    });
  };
  space(2);
  // Keep the header with the first body row.
  double first_body = laid.size() > static_cast<std::size_t>(header_rows) ? laid[header_rows].height : 0;
  need(header_h + first_body);
  draw_top();
  for (std::size_t r = 0; r < laid.size(); ++r) {
    const Row& row = laid[r];
    if (!row.header && impl_->y + row.height > impl_->bottom()) {
      impl_->new_page();
      draw_top();
      for (const auto& h : laid)
        if (h.header) draw_row(h);
    }
    draw_row(row);
  }
  impl_->y += 8;
}

void PdfWriter::writing_lines(int lines, double spacing_pt) {
  for (int i = 0; i < lines; ++i) {
    need(spacing_pt);
    impl_->y += spacing_pt;
    double x = impl_->left(), y = impl_->y, w = impl_->width();
    impl_->add([x, y, w](cairo_t* c) {
      cairo_set_source_rgb(c, 0.72, 0.74, 0.78);
      cairo_set_line_width(c, 0.5);
      cairo_move_to(c, x, y);
      cairo_line_to(c, x + w, y);
      cairo_stroke(c);
    });
  }
  impl_->y += 8;
}

void PdfWriter::rule(double space_pt) {
  space(space_pt);
  double x = impl_->left(), y = impl_->y, w = impl_->width();
  impl_->add([x, y, w](cairo_t* c) {
    cairo_set_source_rgb(c, 0.6, 0.6, 0.6);
    cairo_set_line_width(c, 0.5);
    cairo_move_to(c, x, y);
    cairo_line_to(c, x + w, y);
    cairo_stroke(c);
  });
  impl_->y += space_pt;
}

void PdfWriter::picture(double height_pt, std::function<void(cairo_t*, double, double, double)> draw) {
  need(height_pt);
  double x = impl_->left(), y = impl_->y, w = impl_->width();
  impl_->add([draw = std::move(draw), x, y, w](cairo_t* c) {
    cairo_save(c);
    draw(c, x, y, w);
    cairo_restore(c);
  });
  impl_->y += height_pt;
}

std::pair<double, double> PdfWriter::measure(const std::string& markup, double size_pt, double width, bool bold) {
  auto l = impl_->layout(markup, size_pt, width, bold);
  return Impl::extent(l.get());
}

void PdfWriter::draw_text(cairo_t* cr, double x, double y, const std::string& markup, double size_pt,
                          double width, bool bold, bool right_align, bool center) {
  auto l = impl_->layout(markup, size_pt, width, bold);
  if (right_align) pango_layout_set_alignment(l.get(), PANGO_ALIGN_RIGHT);
  if (center) pango_layout_set_alignment(l.get(), PANGO_ALIGN_CENTER);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, l.get());
}

std::string PdfWriter::render() {
  cairo_t* c = impl_->cr;
  const int total = pages();
  for (int p = 0; p < total; ++p) {
    for (const auto& op : impl_->pages[p]) {
      cairo_save(c);
      op(c);
      cairo_restore(c);
    }
    // Footer: a thin rule, the document's name at the left, the page label at the right.
    double fy = impl_->size.height_pt - impl_->setup.bottom_margin_pt + 22;
    double x = impl_->left(), w = impl_->width();
    cairo_set_source_rgb(c, 0.7, 0.7, 0.7);
    cairo_set_line_width(c, 0.4);
    cairo_move_to(c, x, fy - 4);
    cairo_line_to(c, x + w, fy - 4);
    cairo_stroke(c);
    std::string label = replace_all(replace_all(impl_->setup.page_label, "{page}", std::to_string(p + 1)),
                                    "{pages}", std::to_string(total));
    auto right = impl_->layout(escape_markup(label), 8.5, 0);
    auto [rw, rh] = Impl::extent(right.get());
    cairo_set_source_rgb(c, 0.35, 0.35, 0.35);
    cairo_move_to(c, x + w - rw, fy);
    pango_cairo_show_layout(c, right.get());
    auto left = impl_->layout(escape_markup(impl_->setup.footer_left), 8.5, w - rw - 24);
    pango_layout_set_ellipsize(left.get(), PANGO_ELLIPSIZE_END);
    cairo_move_to(c, x, fy);
    pango_cairo_show_layout(c, left.get());
    cairo_show_page(c);
  }
  cairo_surface_finish(impl_->surface);
  return impl_->bytes;
}

bool PdfWriter::save(const std::string& path, std::string& error) {
  std::string bytes = render();
  if (cairo_surface_status(impl_->surface) != CAIRO_STATUS_SUCCESS) {
    error = path + ": error: " + tr(impl_->setup.lang, Str::CannotRender) + " (" +
            cairo_status_to_string(cairo_surface_status(impl_->surface)) + ")";
    return false;
  }
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << bytes;
  file.close();
  if (!file) {
    error = path + ": error: " + tr(impl_->setup.lang, Str::CannotWrite);
    return false;
  }
  return true;
}

}  // namespace facilita::print
