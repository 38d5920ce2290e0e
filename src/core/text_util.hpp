// Small UTF-8 helpers for participant names, text answers and word counts.
// Internal to core: the engine validates what fellows type, the tally splits it.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace facilita::text {

// One decoded code point; `length` is 0 when the bytes are not valid UTF-8
// (overlong forms and surrogates count as invalid).
struct CodePoint {
  char32_t value = 0;
  int length = 0;
};
CodePoint decode(std::string_view s, std::size_t at);
void append(std::string& out, char32_t cp);

bool valid_utf8(std::string_view s);
// Code points in valid UTF-8 (what people count as characters, near enough).
std::size_t code_points(std::string_view s);
// Bytes < 0x20 and DEL (newlines included): never wanted in a display name.
bool has_control(std::string_view s);
// Bidirectional controls (U+202A..U+202E, U+2066..U+2069, U+200E, U+200F,
// U+061C) and invisible characters (U+200B..U+200D, U+2060, U+FEFF, U+180E,
// U+00AD), C1 controls and U+2028/U+2029: they let one name look like
// another on the console. `allow_joiner`: U+200D passes (the emoji sequences
// of a text answer typed on a phone).
bool has_invisible(std::string_view s, bool allow_joiner = false);
// Strips ASCII whitespace and no-break spaces at both ends.
std::string trim(std::string_view s);
// 64-bit FNV-1a of the bytes as 16 hex digits: a change detector, not security.
std::string fnv1a_hex(std::string_view s);

// Letters for word splitting: ASCII letters and the Latin / Greek / Cyrillic
// letters Spanish and English text use (ñ, á, ü, ç...). Digits and
// punctuation such as ¿ ¡ « » split words.
bool is_letter(char32_t cp);
// Lower case for ASCII, Latin-1 and Latin Extended-A; other letters unchanged.
char32_t to_lower(char32_t cp);

// Lower-cased words made of letters; invalid bytes split words.
std::vector<std::string> words(std::string_view s);

// Curly quotes (“ ” ‘ ’ « ») anywhere in the text / around all of it: an
// author's word processor typed them where straight quotes were meant.
bool has_curly_quotes(std::string_view s);
bool wrapped_in_curly_quotes(std::string_view s);
// Markdown list items ("- ", "* ", "+ " or "1. " after optional indentation).
int count_bullets(std::string_view s);

}  // namespace facilita::text
