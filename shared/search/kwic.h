// Keyword in context: every match of a query in an article's passages with the words around it,
// and the orders a concordance sorts such lines in. Pure; no I/O; thread-compatible.
//
// Context is counted in words: runs of letters and digits in spaced scripts. Chinese, Japanese
// and Korean are written without spaces, so there each character counts as half a word: a
// context of N words is N words of English, or 2N characters of Chinese (mixed text mixes both).
// Context stays inside the passage (the paragraph) of its keyword.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/core/article.h"
#include "shared/search/highlight.h"

namespace readouts {

inline constexpr int kKwicDefaultContext = 8;
inline constexpr int kKwicMaxContext = 30;

// relevance: the articles in the search's order, the lines of each in text order.
// left: by the words nearest the keyword leftwards (L1, then L2, ...), as concordancers do.
// right: by the words after the keyword (R1, then R2, ...). date: newest first, undated last.
// speaker: by the passage's speaker, narration last. Ties keep the relevance order.
enum class KwicSort { kRelevance, kLeft, kRight, kDate, kSpeaker };

std::optional<KwicSort> parse_kwic_sort(std::string_view text);  // "relevance", "left", ...
const char* kwic_sort_name(KwicSort sort);

struct KwicLine {
  std::string left;        // the context before the keyword as written (punctuation kept), trimmed
  std::string keyword;     // the match as written
  std::string right;       // the context after it
  bool left_cut = false;   // the passage goes on before `left`
  bool right_cut = false;  // and after `right`
  std::string speaker;     // the passage's speaker (canonical name); "" for narration
  std::string id;          // the article
  std::string title;
  std::string date;  // ISO, as precise as known; "" when unknown
  std::string source;
  std::string language;
  size_t rank = 0;     // the article's place among the search's matches (0 = first)
  size_t passage = 0;  // the passage's index in the article
  size_t offset = 0;   // the keyword's byte offset in the passage
};

// Every match the highlighter finds in the article's passages, with `context` words each side
// (clamped to 0..kKwicMaxContext). Matches the highlighter joins ("Xi Jinping") are one line.
std::vector<KwicLine> kwic_lines(const Article& article, const Highlighter& highlighter,
                                 int context, size_t rank = 0);

// Sorts lines in place (stable: ties keep relevance order: rank, passage, offset).
void sort_kwic(std::vector<KwicLine>& lines, KwicSort sort);

}  // namespace readouts
