#include "core/messages.hpp"

#include "core/messages_table.hpp"

namespace facilita {

const char* message_text(Lang lang, M key) {
  return text_of(lang == Lang::En ? english_messages() : spanish_messages(), key);
}

std::string render(const Msg& m, Lang lang) {
  std::string_view text = message_text(lang, m.key);
  std::string out;
  out.reserve(text.size() + 16);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{' && i + 2 < text.size() && text[i + 1] >= '0' && text[i + 1] <= '9' && text[i + 2] == '}') {
      auto n = static_cast<std::size_t>(text[i + 1] - '0');
      if (n < m.args.size()) {
        const MsgArg& a = m.args[n];
        out += a.nested.empty() ? a.text : render(a.nested.front(), lang);
      }
      i += 2;
      continue;
    }
    out += text[i];
  }
  return out;
}

}  // namespace facilita
