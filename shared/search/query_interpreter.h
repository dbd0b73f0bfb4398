// Query interpretation: what a typed query means ("Taiwan, Xi, 2025" -> speaker Xi Jinping, the
// year 2025, the topic taiwan, the words "Taiwan"). Pure: no Xapian, no I/O.
//
// Thread-safe given a const Knowledge. Never fails: what it does not recognise stays text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "shared/extract/knowledge.h"

namespace readouts {

struct Interpretation {
  std::vector<std::string> speakers;  // canonical names recognised in the free text
  std::vector<std::string> topics;    // topic ids recognised in the free text (boosted)
  std::string from;                   // ISO date ("2025-01-01") recognised, "" if none
  std::string to;                     // ISO date ("2025-12-31"), "" if none
  std::string text;                   // what remains to search as words (Xapian syntax kept)
  bool literal = false;               // true when recognition was switched off
};

// Interprets q. With literal set, returns the query unchanged as text.
Interpretation interpret_query(std::string_view q, const Knowledge& knowledge, bool literal);

}  // namespace readouts
