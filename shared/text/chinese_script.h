// Simplified and traditional Chinese as one form: each traditional character maps to its
// simplified form (習 -> 习, 臺 -> 台, 灣 -> 湾), from OpenCC's t2s conversion read once at first
// use, so that 習近平 and 习近平, 臺灣 and 台湾 match. Character by character: lengths and byte
// offsets are kept, except where one of some 800 rare characters of extension A (U+3400-U+4DBF)
// folds to a form beyond U+FFFF, a byte longer. Thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace readouts {

// The simplified form of a Han character; the character itself when it has none (or is not Han).
uint32_t simplified_char(uint32_t cp);

// The text with every traditional character replaced by its simplified form (other text as is).
std::string to_simplified(std::string_view text);

// to_simplified in place (the byte length never changes): no copy of the text.
void fold_to_simplified(std::string& text);

// Characters the table maps (0 when OpenCC's data could not be read: folding is then off).
size_t simplified_table_size();

}  // namespace readouts
