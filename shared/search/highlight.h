// Highlighting: marks the query's words and names in a passage and cuts a snippet around them.
// Latin and other spaced scripts match by word (the stem as indexed, any case); Chinese,
// Japanese and Korean match whole words and names as the query gave them (和平, 台独, 习近平),
// never single characters of them, in either simplified or traditional script. No I/O; a
// Highlighter remembers the words it stemmed, so it is for one thread at a time.
#pragma once

#include <xapian.h>

#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace readouts {

// Where the word that goes on at byte i ends: Xapian's word characters, stopping at a CJK
// character (each is a word of its own), as the index reads words.
size_t word_end(std::string_view text, size_t i);

class Highlighter {
 public:
  // `query` gives the words (its unprefixed and Z terms); `phrases` the CJK words and names to
  // mark whole (any script: folded to simplified here).
  // `query` gives the words (its unprefixed and Z terms); `phrases` the CJK words and names to
  // mark whole (folded to simplified here) and names in spaced scripts, marked word by word.
  Highlighter(const Xapian::Query& query, const std::vector<std::string>& phrases);

  // A snippet of at most about max_bytes of the passage, HTML-escaped, with <mark>...</mark>
  // around each match and "…" where it was cut; "" when nothing in the passage matches.
  // `distinct`, when given, receives how many distinct words or names of the query the whole
  // passage holds (for picking a passage).
  std::string snippet(std::string_view text, size_t max_bytes, size_t* distinct = nullptr) const;
  // A match in a passage: bytes [begin, end) of it.
  struct Match {
    size_t begin, end;
  };
  // Every match in the passage, in order, as the snippet marks them: adjacent matches, or
  // matches a space or hyphen apart ("Xi Jinping", "red line", "Mar-a-Lago"), are one match.
  std::vector<Match> matches(std::string_view text) const;

  // The passage's first max_bytes, escaped, without marks.
  static std::string plain(std::string_view text, size_t max_bytes);

  bool empty() const { return stems_.empty() && exact_.empty() && phrases_.empty(); }

 private:
  struct Span {
    size_t begin, end;
    size_t needle;  // which word or phrase
  };
  std::vector<Span> spans(std::string_view text) const;

  std::vector<std::string> stems_;       // "taiwan", "tariff" (English stems, lower case)
  std::vector<std::string> exact_;       // unstemmed lower-case words and numbers ("2025")
  std::vector<std::string> phrases_;     // CJK strings, simplified, longest first
  std::array<bool, 256> first_bytes_{};  // first bytes of stems_ and exact_ (a word's filter)
  // Lower-case words already stemmed: the index of their stem in stems_, or -1. Filled as
  // passages are read, hence a Highlighter is for one thread at a time.
  mutable std::unordered_map<std::string, int> stem_of_;
};

}  // namespace readouts
