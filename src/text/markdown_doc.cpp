// md4c callbacks -> MdDocument.
#include <md4c.h>

#include "text/markdown_doc.hpp"

namespace facilita::text {
namespace {

struct ListContext {
  bool ordered = false;
  unsigned next_number = 1;
};

struct Builder {
  MdDocument doc;
  std::vector<ListContext> lists;
  int bold = 0, italic = 0, code = 0, link = 0;
  bool in_table = false;
  bool in_cell = false;
  bool in_item = false;       // inside an LI whose first paragraph has not ended
  bool pending_break = false;
  MdInlines* target = nullptr;  // where text goes now

  MdBlock& open_block(MdBlockKind kind, int level = 0) {
    doc.blocks.push_back(MdBlock{kind, level, {}, {}, {}});
    target = &doc.blocks.back().spans;
    return doc.blocks.back();
  }

  void add_text(std::string_view text) {
    if (!target) open_block(MdBlockKind::Paragraph);
    MdSpan span{std::string(text), bold > 0, italic > 0, code > 0, link > 0, pending_break};
    pending_break = false;
    if (!target->empty()) {
      MdSpan& last = target->back();
      if (!span.hard_break && last.bold == span.bold && last.italic == span.italic && last.code == span.code &&
          last.link == span.link) {
        last.text += span.text;
        return;
      }
    }
    target->push_back(std::move(span));
  }

  void enter_list_item() {
    int depth = static_cast<int>(lists.size());
    std::string marker;
    if (!lists.empty() && lists.back().ordered) {
      marker = std::to_string(lists.back().next_number++) + ".";
    } else {
      marker = depth <= 1 ? "•" : "–";
    }
    open_block(MdBlockKind::ListItem, depth).marker = marker;
    in_item = true;
  }
};

std::string decode_entity(std::string_view entity) {
  if (entity == "&amp;") return "&";
  if (entity == "&lt;") return "<";
  if (entity == "&gt;") return ">";
  if (entity == "&quot;") return "\"";
  if (entity == "&nbsp;") return "\u00A0";
  return std::string(entity);
}

int enter_block(MD_BLOCKTYPE type, void* detail, void* user) {
  auto& b = *static_cast<Builder*>(user);
  switch (type) {
    case MD_BLOCK_UL: b.lists.push_back({false, 1}); break;
    case MD_BLOCK_OL: b.lists.push_back({true, static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start}); break;
    case MD_BLOCK_LI: b.enter_list_item(); break;
    case MD_BLOCK_H: b.open_block(MdBlockKind::Heading, static_cast<MD_BLOCK_H_DETAIL*>(detail)->level); break;
    case MD_BLOCK_HR: b.open_block(MdBlockKind::Rule); b.target = nullptr; break;
    case MD_BLOCK_CODE: b.open_block(MdBlockKind::Code); break;
    case MD_BLOCK_P:
      if (b.in_table) break;
      if (b.in_item) break;  // first paragraph of a list item: text goes to the item
      if (!b.lists.empty()) {
        b.open_block(MdBlockKind::ListItem, static_cast<int>(b.lists.size()));  // continuation, no marker
      } else {
        b.open_block(MdBlockKind::Paragraph);
      }
      break;
    case MD_BLOCK_TABLE: b.open_block(MdBlockKind::Table); b.target = nullptr; b.in_table = true; break;
    case MD_BLOCK_TR: b.doc.blocks.back().rows.emplace_back(); break;
    case MD_BLOCK_TH:
    case MD_BLOCK_TD: {
      auto& row = b.doc.blocks.back().rows.back();
      row.emplace_back();
      b.target = &row.back();
      b.in_cell = true;
      break;
    }
    default: break;
  }
  return 0;
}

int leave_block(MD_BLOCKTYPE type, void*, void* user) {
  auto& b = *static_cast<Builder*>(user);
  switch (type) {
    case MD_BLOCK_UL:
    case MD_BLOCK_OL: b.lists.pop_back(); b.in_item = false; b.target = nullptr; break;
    case MD_BLOCK_LI: b.in_item = false; b.target = nullptr; break;
    case MD_BLOCK_P:
      if (b.in_table) break;
      b.in_item = false;
      b.target = nullptr;
      break;
    case MD_BLOCK_H:
    case MD_BLOCK_CODE: b.target = nullptr; break;
    case MD_BLOCK_TH:
    case MD_BLOCK_TD: b.in_cell = false; b.target = nullptr; break;
    case MD_BLOCK_TABLE: b.in_table = false; b.target = nullptr; break;
    default: break;
  }
  return 0;
}

int enter_span(MD_SPANTYPE type, void*, void* user) {
  auto& b = *static_cast<Builder*>(user);
  switch (type) {
    case MD_SPAN_STRONG: ++b.bold; break;
    case MD_SPAN_EM: ++b.italic; break;
    case MD_SPAN_CODE: ++b.code; break;
    case MD_SPAN_A: ++b.link; break;
    default: break;
  }
  return 0;
}

int leave_span(MD_SPANTYPE type, void*, void* user) {
  auto& b = *static_cast<Builder*>(user);
  switch (type) {
    case MD_SPAN_STRONG: --b.bold; break;
    case MD_SPAN_EM: --b.italic; break;
    case MD_SPAN_CODE: --b.code; break;
    case MD_SPAN_A: --b.link; break;
    default: break;
  }
  return 0;
}

int on_text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* user) {
  auto& b = *static_cast<Builder*>(user);
  std::string_view view(text, size);
  switch (type) {
    case MD_TEXT_BR: b.pending_break = true; break;
    case MD_TEXT_SOFTBR: b.add_text(" "); break;
    case MD_TEXT_ENTITY: b.add_text(decode_entity(view)); break;
    case MD_TEXT_NULLCHAR: b.add_text("\uFFFD"); break;
    case MD_TEXT_CODE:
      if (b.target && !b.doc.blocks.empty() && b.doc.blocks.back().kind == MdBlockKind::Code) {
        // Code blocks keep their lines: one span per line, hard breaks between.
        std::size_t start = 0;
        while (start <= view.size()) {
          std::size_t nl = view.find('\n', start);
          auto line = view.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
          if (!line.empty()) b.add_text(line);
          if (nl == std::string_view::npos) break;
          b.pending_break = true;
          start = nl + 1;
        }
      } else {
        b.add_text(view);
      }
      break;
    default: b.add_text(view); break;
  }
  return 0;
}

}  // namespace

MdDocument parse_markdown(std::string_view text) {
  Builder builder;
  MD_PARSER parser{};
  parser.abi_version = 0;
  parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_NOHTML | MD_FLAG_PERMISSIVEURLAUTOLINKS;
  parser.enter_block = enter_block;
  parser.leave_block = leave_block;
  parser.enter_span = enter_span;
  parser.leave_span = leave_span;
  parser.text = on_text;
  md_parse(text.data(), static_cast<MD_SIZE>(text.size()), &parser, &builder);
  // Drop list items / paragraphs left empty by nesting (an item whose only content is a sub-list).
  std::vector<MdBlock> kept;
  for (auto& block : builder.doc.blocks) {
    bool empty_text = block.spans.empty() && block.kind != MdBlockKind::Table && block.kind != MdBlockKind::Rule;
    if (empty_text && block.marker.empty()) continue;
    kept.push_back(std::move(block));
  }
  builder.doc.blocks = std::move(kept);
  return std::move(builder.doc);
}

}  // namespace facilita::text
