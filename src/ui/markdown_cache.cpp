// Parsed documents, keyed by their text.
#include "ui/markdown.hpp"

namespace facilita::ui {

const MdDocument& MarkdownCache::get(const std::string& text) {
  auto it = docs_.find(text);
  if (it == docs_.end()) it = docs_.emplace(text, parse_markdown(text)).first;
  return it->second;
}

}  // namespace facilita::ui
