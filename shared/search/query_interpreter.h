// Query interpretation: what a typed query means ("Taiwan, Xi, 2025" -> speaker Xi Jinping, the
// year 2025, the topic taiwan, the words "Taiwan"). Pure: no Xapian, no I/O.
//
// Thread-safe given a const Knowledge. Never fails: what it does not recognise stays text.
// The rules, with examples, are in docs/search.md ("How a query is read").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "shared/extract/knowledge.h"

namespace readouts {

struct Interpretation {
  std::vector<std::string> speakers;  // canonical names recognised in the free text
  std::vector<std::string> aliases;   // parallel to speakers: the words as typed ("Xi", "川普")
  bool said = false;                  // the query asks what they said ("what did Xi say about")
  // The query asks who asked for the exchange ("who requested the call?"): the accounts that say
  // so are searched (query_request.h), not the words that ask.
  bool asks_request = false;
  std::vector<std::string> topics;  // topic ids recognised in the free text (boosted)
  std::string from;                 // ISO date ("2025-01-01") recognised, "" if none
  std::string to;                   // ISO date ("2025-12-31"), "" if none
  // Months of any year written without one ("11月", "十一月", "11월"): 1..12, a filter on the
  // articles dated in those months, whatever the year. Empty when a year came with them.
  std::vector<int> months;
  // Days of every year written without one ("November 24", "4 февраля", "11月24日"): "MM-DD".
  std::vector<std::string> days;
  std::string text;                  // what remains to search as words (Xapian syntax kept)
  std::vector<std::string> words;    // text's plain words without stop/question words
  std::vector<std::string> ignored;  // stop and question words dropped ("what", "did", "about")
  // Field filters typed in the query ("speaker:trump", "topic:Taiwan", "source:xinhua",
  // "lang:zh-Hans", "mention:biden"): canonical speaker names and topic ids, other values as
  // typed. OR within a field, AND across fields. "year:2025" and "date:2025-01..2025-06" (or a
  // bare "2025-01..2025-06") set from/to instead. Fields that are operands of AND/OR/NOT, or
  // excluded with "-", stay Xapian syntax in text.
  std::vector<std::string> speaker_filters;
  std::vector<std::string> mention_filters;
  std::vector<std::string> topic_filters;
  std::vector<std::string> source_filters;
  std::vector<std::string> language_filters;
  bool syntax = false;  // text uses Xapian syntax (quotes, operators, other fields, ...)
  // The words a date was read from ("June", "2025"), when the date came from the free text only
  // (no year:/date: field): if that date finds nothing, they are searched as words instead.
  std::vector<std::string> date_words;
  bool dates_as_words = false;  // set by the searcher when it did so
  // Set by the query builder: the date came from the words, and articles of unknown date are
  // kept after those of that date (ranking_options.h, undated_after_dated).
  bool undated_included = false;
  bool literal = false;  // true when recognition was switched off
  // Read as pasted text (more than kLongTextWords words): every token a word, no date filter
  // from the words, ranked as "more like this text" (query_builder.cpp).
  bool long_text = false;
  // Syntax-looking characters that were read as punctuation ("(", "?", "-"): query_reader.h.
  std::vector<std::string> punctuation;
  // Set by the searcher when the query's syntax (phrases, operators, exclusions) matched
  // nothing and its words were searched instead.
  bool syntax_ignored = false;
};

// Interprets q. With literal set, returns the query unchanged as text (words/ignored empty).
Interpretation interpret_query(std::string_view q, const Knowledge& knowledge, bool literal);

// Whether a lower-case word is a stop or question word the free-text search ignores.
bool is_stop_word(std::string_view lower_word);

}  // namespace readouts
