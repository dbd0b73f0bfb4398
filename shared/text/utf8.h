// UTF-8 helpers for extraction: decoding, validation with repair, and character classes.
//
// Pure functions over bytes; no allocation beyond returned strings; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace readouts {

// Decodes one code point at s[i]. Returns the number of bytes consumed (>= 1); on an invalid
// sequence returns 1 and sets cp to 0xFFFD and *valid (if given) to false.
size_t utf8_decode(std::string_view s, size_t i, uint32_t& cp, bool* valid = nullptr);

void utf8_append(std::string& out, uint32_t cp);

// The result of checking bytes for UTF-8: the text (repaired if needed) and what was done.
struct Utf8Check {
  std::string text;          // valid UTF-8
  size_t invalid_bytes = 0;  // bytes that were not part of a valid sequence
  bool repaired = false;     // text differs from the input because of invalid bytes
};

// Validates UTF-8; invalid bytes are reinterpreted as Windows-1252 (Latin-1 superset), bytes
// undefined there become U+FFFD. A leading byte order mark is removed.
Utf8Check check_utf8(std::string_view bytes);

// Strictly valid UTF-8: no overlong forms, surrogates, truncated sequences or code points past
// U+10FFFF.
bool is_valid_utf8(std::string_view s);

bool is_han(uint32_t cp);       // CJK unified ideographs (and extensions, compatibility)
bool is_cjk_char(uint32_t cp);  // Han, kana, hangul: written without spaces, one token each
bool is_unicode_space(uint32_t cp);
bool is_unicode_punct(uint32_t cp);  // general and CJK punctuation, quotes, dashes, full-width

// Trims ASCII and Unicode spaces at both ends.
std::string_view trim(std::string_view s);
// Collapses runs of whitespace (including U+00A0, U+3000) to one ASCII space and trims.
std::string collapse_spaces(std::string_view s);
std::string ascii_lower(std::string_view s);
bool iequals(std::string_view a, std::string_view b);
bool istarts_with(std::string_view s, std::string_view prefix);

// Whether a line ends as a sentence or a label does (". ! ? 。 ！ ？ \" ” :").
bool ends_sentence(std::string_view s);

// Cuts s to at most max_bytes at a UTF-8 boundary, preferring a word boundary; adds "…" if cut.
std::string truncate_text(std::string_view s, size_t max_bytes);

}  // namespace readouts
