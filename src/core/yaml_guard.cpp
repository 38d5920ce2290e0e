#include "core/yaml_guard.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <set>
#include <sstream>
#include <string>

#include "core/text_util.hpp"

namespace facilita {
namespace {

Diagnostic error_at(int line, int col, Msg message, std::vector<Msg> notes = {}) {
  return make_diagnostic(Severity::Error, line, col, std::move(message), std::move(notes));
}

// Returns the byte offset of the first invalid UTF-8 sequence, or npos.
std::size_t first_invalid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return i;
    unsigned cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < len; ++k) {
      auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc >> 6) != 0x2) return i;
      cp = (cp << 6) | (cc & 0x3F);
    }
    bool overlong = (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return std::string_view::npos;
}

void line_col_of(std::string_view s, std::size_t offset, int& line, int& col) {
  line = 1;
  col = 1;
  for (std::size_t i = 0; i < offset && i < s.size(); ++i) {
    if (s[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
}

// A conservative estimate of nesting depth before any recursive parsing:
// indentation levels + compact "- - -" sequences + flow brackets. Block
// scalar bodies are skipped. Over-estimates are fine: the limit is generous.
bool prescan_depth(std::string_view text, std::vector<Diagnostic>& out) {
  std::vector<int> indents;
  int flow = 0;
  int block_scalar_indent = -1;  // > -1 while inside a block scalar body
  int line_no = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    ++line_no;
    pos = eol + 1;
    std::size_t indent = 0;
    while (indent < line.size() && line[indent] == ' ') ++indent;
    bool blank = indent == line.size() || line[indent] == '#' || line[indent] == '\r';
    if (block_scalar_indent >= 0) {
      if (blank || static_cast<int>(indent) > block_scalar_indent) continue;
      block_scalar_indent = -1;
    }
    if (blank) continue;
    if (flow == 0) {
      while (!indents.empty() && indents.back() >= static_cast<int>(indent)) indents.pop_back();
      indents.push_back(static_cast<int>(indent));
    }
    int depth = static_cast<int>(indents.size());
    char quote = 0;
    for (std::size_t i = indent; i < line.size(); ++i) {
      char c = line[i];
      if (quote) {
        if (c == quote) quote = 0;
        continue;
      }
      if (c == '"' || c == '\'') {
        if (i == indent || line[i - 1] == ' ' || line[i - 1] == '[' || line[i - 1] == '{' || line[i - 1] == ',')
          quote = c;
      } else if (c == '#' && (i == 0 || line[i - 1] == ' ')) {
        break;
      } else if (c == '[' || c == '{') {
        ++flow;
      } else if (c == ']' || c == '}') {
        if (flow > 0) --flow;
      } else if ((c == '-' || c == '?' || c == ':') && (i + 1 == line.size() || line[i + 1] == ' ')) {
        ++depth;
      }
      if (depth + flow > kMaxDepth) {
        out.push_back(error_at(line_no, static_cast<int>(i) + 1,
                               msg(M::NestingDeeper, std::to_string(kMaxDepth)),
                               {msg(M::NoteFlattenFew)}));
        return false;
      }
    }
    // A line ending in a block scalar indicator starts a body to skip.
    std::size_t last = line.find_last_not_of(" \r");
    if (last != std::string_view::npos) {
      std::size_t k = last;
      while (k > indent && (line[k] == '-' || line[k] == '+' || (line[k] >= '1' && line[k] <= '9'))) --k;
      if ((line[k] == '|' || line[k] == '>') && k > 0 && line[k - 1] == ' ')
        block_scalar_indent = static_cast<int>(indent);
    }
  }
  return true;
}

bool check_tabs(std::string_view text, std::vector<Diagnostic>& out) {
  int line_no = 1;
  bool at_line_start = true;
  bool ok = true;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      ++line_no;
      at_line_start = true;
      continue;
    }
    if (at_line_start && c == '\t') {
      std::size_t line_start = text.rfind('\n', i);
      int col = static_cast<int>(i - (line_start == std::string_view::npos ? 0 : line_start + 1)) + 1;
      out.push_back(error_at(line_no, col, msg(M::TabIndent), {msg(M::NoteTabSpaces)}));
      ok = false;
      at_line_start = false;
      if (out.size() > 20) return false;
      continue;
    }
    if (c != ' ') at_line_start = false;
  }
  return ok;
}

// Walks the event stream: anchors, aliases, duplicate keys, exact depth.
class GuardHandler : public YAML::EventHandler {
 public:
  explicit GuardHandler(std::vector<Diagnostic>& out) : out_(out) {}
  int documents = 0;
  bool ok = true;

  void OnDocumentStart(const YAML::Mark&) override { ++documents; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { node(mark, anchor, nullptr); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    fail(mark, msg(M::AliasNotAllowed), msg(M::NoteWriteOut));
    node(mark, 0, nullptr);
  }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                const std::string& value) override {
    if (value.size() > kMaxScalarBytes)
      fail(mark, msg(M::TextTooLong, std::to_string(kMaxScalarBytes / 1024)), msg(M::NoteSplitUp));
    node(mark, anchor, &value);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    node(mark, anchor, nullptr);
    push(mark, false);
  }
  void OnSequenceEnd() override { frames_.pop_back(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    node(mark, anchor, nullptr);
    push(mark, true);
  }
  void OnMapEnd() override { frames_.pop_back(); }

 private:
  struct Frame {
    bool is_map;
    bool expect_key = true;
    std::set<std::string> keys;
  };
  std::vector<Diagnostic>& out_;
  std::vector<Frame> frames_;

  void fail(const YAML::Mark& mark, Msg message, Msg note) {
    ok = false;
    if (out_.size() < 50)
      out_.push_back(error_at(mark.line + 1, mark.column + 1, std::move(message), {std::move(note)}));
  }
  void push(const YAML::Mark& mark, bool is_map) {
    frames_.push_back(Frame{is_map, true, {}});
    if (static_cast<int>(frames_.size()) > kMaxDepth)
      fail(mark, msg(M::NestingDeeper, std::to_string(kMaxDepth)), msg(M::NoteFlatten));
  }
  void node(const YAML::Mark& mark, YAML::anchor_t anchor, const std::string* scalar) {
    if (anchor != 0) fail(mark, msg(M::AnchorNotAllowed), msg(M::NoteWriteOut));
    if (frames_.empty() || !frames_.back().is_map) return;
    Frame& frame = frames_.back();
    if (frame.expect_key) {
      if (scalar && !frame.keys.insert(*scalar).second)
        fail(mark, msg(M::DuplicateKey, *scalar), msg(M::NoteKeyOnce));
      else if (!scalar)
        fail(mark, msg(M::KeysPlainText), msg(M::NoteKeyWord));
    }
    frame.expect_key = !frame.expect_key;
  }
};

}  // namespace

bool guard_yaml_text(std::string_view text, std::vector<Diagnostic>& out) {
  if (text.size() > kMaxFileBytes) {
    out.push_back(error_at(0, 0, msg(M::FileTooLarge, std::to_string(text.size())),
                           {msg(M::NoteSmallFiles)}));
    return false;
  }
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    out.push_back(error_at(0, 0, msg(M::FileEmpty), {msg(M::NoteSessionStarts)}));
    return false;
  }
  if (auto bad = first_invalid_utf8(text); bad != std::string_view::npos) {
    int line, col;
    line_col_of(text, bad, line, col);
    out.push_back(error_at(line, col, msg(M::InvalidUtf8, std::to_string(bad)), {msg(M::NoteSaveUtf8)}));
    return false;
  }
  if (text.find('\0') != std::string_view::npos) {
    int line, col;
    line_col_of(text, text.find('\0'), line, col);
    out.push_back(error_at(line, col, msg(M::NulByte), {msg(M::NoteNotText)}));
    return false;
  }
  if (!check_tabs(text, out)) return false;
  if (!prescan_depth(text, out)) return false;

  GuardHandler handler(out);
  try {
    std::stringstream stream{std::string(text)};
    YAML::Parser parser(stream);
    while (parser.HandleNextDocument(handler)) {
      if (handler.documents > 1) {
        out.push_back(error_at(0, 0, msg(M::MultipleDocuments), {msg(M::NoteOneSession)}));
        return false;
      }
    }
  } catch (const YAML::Exception& e) {
    out.push_back(error_at(e.mark.line + 1, e.mark.column + 1, yaml_syntax_error(e.msg), yaml_syntax_notes(text, e.mark.line, e.msg)));
    return false;
  }
  return handler.ok;
}

Msg yaml_syntax_error(const std::string& what) {
  namespace E = YAML::ErrorMsg;
  struct Known {
    const char* text;
    M key;
    bool takes_rest;  // yaml-cpp appends the offending text ("unknown escape character: q")
  };
  static const Known kKnown[] = {
      {E::END_OF_MAP, M::YamlEndOfMap, false},       {E::END_OF_MAP_FLOW, M::YamlEndOfMapFlow, false},
      {E::END_OF_SEQ, M::YamlEndOfSeq, false},       {E::END_OF_SEQ_FLOW, M::YamlEndOfSeqFlow, false},
      {E::UNKNOWN_TOKEN, M::YamlUnknownToken, false}, {E::DOC_IN_SCALAR, M::YamlDocInScalar, false},
      {E::EOF_IN_SCALAR, M::YamlEofInScalar, false}, {E::CHAR_IN_SCALAR, M::YamlCharInScalar, false},
      {E::TAB_IN_INDENTATION, M::YamlTabIndent, false}, {E::FLOW_END, M::YamlFlowEnd, false},
      {E::BLOCK_ENTRY, M::YamlBlockEntry, false},    {E::MAP_KEY, M::YamlMapKey, false},
      {E::MAP_VALUE, M::YamlMapValue, false},        {E::INVALID_ESCAPE, M::YamlBadEscape, true},
      {E::INVALID_HEX, M::YamlBadHex, false},        {E::INVALID_UNICODE, M::YamlBadUnicode, true},
      {E::CHAR_IN_BLOCK, M::YamlCharInBlock, false}, {E::ZERO_INDENT_IN_BLOCK, M::YamlZeroIndent, false},
      {E::SINGLE_QUOTED_CHAR, M::YamlSingleQuotedChar, false},
  };
  for (const Known& k : kKnown) {
    const std::string_view text = k.text;
    if (k.takes_rest && what.starts_with(text)) return msg(M::YamlSyntax, msg(k.key, what.substr(text.size())));
    if (!k.takes_rest && what == text) return msg(M::YamlSyntax, msg(k.key));
  }
  return msg(M::YamlSyntax, what);
}

// What to do about the YAML slips a new author makes most.
std::vector<Msg> yaml_syntax_notes(std::string_view text, int error_line, const std::string& what) {
  std::vector<Msg> notes;
  std::string_view line;  // the line yaml-cpp stopped at
  if (error_line >= 0) {
    std::size_t start = 0;
    for (int l = 0; l < error_line && start != std::string_view::npos; ++l) {
      start = text.find('\n', start);
      if (start != std::string_view::npos) ++start;
    }
    if (start != std::string_view::npos && start <= text.size()) {
      line = text.substr(start);
      line = line.substr(0, line.find('\n'));
    }
  }
  if (text::has_curly_quotes(line))
    notes.push_back(msg(M::NoteStraightQuotes));
  if (what.find("end of map not found") != std::string::npos ||
      what.find("end of sequence not found") != std::string::npos)
    notes.push_back(msg(M::NoteIndentMatch));
  if (what.find("illegal map value") != std::string::npos)
    notes.push_back(msg(M::NoteQuoteColon));
  if (what.find("end of map flow not found") != std::string::npos ||
      what.find("end of sequence flow not found") != std::string::npos)
    notes.push_back(msg(M::NoteCloseFlow));
  return notes;
}

}  // namespace facilita
