// A small flowing-document writer over Cairo's PDF surface and PangoCairo:
// headings, paragraphs (Pango markup), list items, tables with wrapped cells
// and repeated header rows, ruled writing space, pictures drawn by callback,
// and a running footer with page numbers. Text flows top to bottom; blocks
// that do not fit continue on the next page line by line, headings keep with
// what follows, and long words break (WRAP_WORD_CHAR), so nothing is clipped.
// The PDF is built in memory and written only by save().
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/lang.hpp"

typedef struct _cairo cairo_t;

namespace facilita::print {

enum class Paper { A4, Letter };
struct PaperSize {
  double width_pt = 0, height_pt = 0;
};
PaperSize paper_size(Paper paper);

struct PageSetup {
  Paper paper = Paper::A4;
  double margin_pt = 54;         // left, right and top
  double bottom_margin_pt = 62;  // the footer sits inside it
  std::string footer_left;       // e.g. the document's title
  // Footer page label: "{page}" and "{pages}" are replaced ("Página {page} de {pages}").
  std::string page_label = "{page} / {pages}";
  Lang lang = Lang::Es;  // of save()'s errors
};

// Text styles, in points.
struct TextStyle {
  double size_pt = 10.5;
  bool bold = false;
  bool italic = false;
  double color[3] = {0.1, 0.1, 0.1};
  double space_before_pt = 0;
  double space_after_pt = 5;
  double indent_pt = 0;
};

// Escapes author text for Pango markup.
std::string escape_markup(std::string_view text);

struct TableColumn {
  bool numeric = false;  // right-aligned
};

class PdfWriter {
 public:
  explicit PdfWriter(PageSetup setup);
  ~PdfWriter();
  PdfWriter(const PdfWriter&) = delete;
  PdfWriter& operator=(const PdfWriter&) = delete;

  double content_width() const;
  double page_width() const;
  double page_height() const;

  // A heading (level 1 = document title, 2 = part, 3 = sub-part); kept with
  // `keep_pt` of what follows.
  void heading(const std::string& markup, int level, double keep_pt = 60);
  // A paragraph of Pango markup.
  void paragraph(const std::string& markup, const TextStyle& style = {});
  // A list item: `marker` ("•", "3.") hangs left of the text at `depth` (1..).
  void list_item(const std::string& marker, const std::string& markup, int depth, const TextStyle& style = {});
  // A table of markup cells; the first `header_rows` rows repeat after a page break.
  void table(const std::vector<std::vector<std::string>>& rows, std::vector<TableColumn> columns,
             int header_rows = 1, double size_pt = 9.5);
  // `lines` ruled lines to write on.
  void writing_lines(int lines, double spacing_pt = 22);
  void rule(double space_pt = 6);
  void space(double pt);
  // A picture of `height_pt` drawn by `draw(cr, x, y, width)` (moves to a new page if needed).
  void picture(double height_pt, std::function<void(cairo_t*, double, double, double)> draw);
  void page_break();
  // Starts a new page unless `pt` more fit on this one.
  void need(double pt);

  // Text measuring for pictures: the size of `markup` at `size_pt` wrapped at `width` (<= 0: no wrap).
  std::pair<double, double> measure(const std::string& markup, double size_pt, double width, bool bold = false);
  // Draws markup with its top-left at (x, y) (used inside picture callbacks).
  void draw_text(cairo_t* cr, double x, double y, const std::string& markup, double size_pt, double width,
                 bool bold = false, bool right_align = false, bool center = false);

  int pages() const;
  // Renders every page (with the footer) and writes the PDF; false + `error` on failure.
  bool save(const std::string& path, std::string& error);
  // Renders to bytes (for tests).
  std::string render();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace facilita::print
