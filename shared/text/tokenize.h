// Tokenizer shared by name matching, topic scoring, sentence splitting and date finding.
//
// Words of alphabetic scripts become one token each (folded: lower case in Latin, Greek and
// Cyrillic, ё as е, Arabic without harakat or tatweel and with one alef; dots removed; a trailing
// possessive "'s" removed); every CJK character (Han, kana, hangul) is its own token (a
// traditional Chinese character folded to its simplified form: 習 as 习); punctuation
// marks are tokens; spaces are dropped. Linear time, no regex. Pure and thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace readouts {

enum class TokenKind : uint8_t { kWord, kNumber, kCjk, kPunct };

struct Token {
  uint32_t begin = 0;  // byte offsets into the tokenized text
  uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  bool upper_initial = false;  // first letter is an upper-case letter (any cased script)
  bool possessive = false;     // the word ended in 's / ’s (removed from folded)
  std::string folded;          // lookup form
};

// Tokenizes text (valid UTF-8 expected; invalid bytes become punctuation tokens).
std::vector<Token> tokenize(std::string_view text);

// Folds one word the way tokenize() folds it (for building lookup keys).
std::string fold_word(std::string_view word);

// The text starts with an upper-case letter of the Latin, Greek or Cyrillic alphabet ("Taiwan",
// "Élysée", "Тайвань").
bool starts_upper(std::string_view text);

}  // namespace readouts
