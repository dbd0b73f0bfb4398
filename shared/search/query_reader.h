// Query reading: splits what a user typed into tokens and decides, token by token, whether
// Xapian syntax was clearly meant; otherwise punctuation is punctuation and the words are words.
// Pure: no Xapian, no I/O. Thread-safe. Never fails.
//
// Syntax is honoured only when it is unmistakable (docs/search.md, "How a query is read"):
// balanced quotes around two words or more, AND/OR/NOT/XOR/NEAR/ADJ in capitals between words,
// a known field (speaker: topic: source: lang: year: date: title: mention:), "+word", "word*",
// "-word" in a short query that has other words, brackets around an operator. The rest, such as
// "(made using free-flight models)", a trailing "?", "-dash" in a sentence, "Note:", is words.
// A query of more than `long_text_words` words is read as pasted text: every token is a word.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace readouts {

struct QueryToken {
  std::string text;
  bool plain = true;     // a word (or CJK run); false for syntax kept for Xapian's QueryParser
  bool plus = false;     // "+word": a required word; a person or date it names is recognised
  bool operand = false;  // next to AND/OR/NOT/NEAR...: belongs to the operator
};

struct ReadQuery {
  std::vector<QueryToken> tokens;
  // The syntax-looking characters read as punctuation, once each ("(", "?", "-"), for
  // `interpreted.punctuation`: what was not taken as Xapian syntax.
  std::vector<std::string> punctuation;
  bool long_text = false;  // read as pasted text ("more like this"): no syntax at all
};

// Words above which a query is pasted text (every token a word, no operators or fields).
inline constexpr size_t kLongTextWords = 12;

ReadQuery read_query(std::string_view q, size_t long_text_words = kLongTextWords);

// The same query with its phrases, operators, +/-, wildcards and brackets read as words (field
// filters and date ranges kept): for a second try when the syntax answers nothing or does not
// parse ("No question whose words match anything answers nothing").
std::string words_only(std::string_view q);

// Splits on whitespace and commas (also the CJK comma and full stop), keeping "quoted phrases"
// and field:"quoted values" whole. No classification: the raw pieces.
std::vector<std::string> split_query(std::string_view q);

}  // namespace readouts
