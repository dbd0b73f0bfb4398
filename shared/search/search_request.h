// SearchRequest: one search as the API and the library understand it, with its limits. Pure.
//
// The server's request parser fills it from URL parameters; validate() checks every field and
// says what is wrong in words a user can act on (Code::kInvalidArgument). Plain value type.
#pragma once

#include <string>
#include <vector>

#include "shared/core/status.h"

namespace readouts {

enum class SortOrder { kRelevance, kDateDesc, kDateAsc };

struct SearchLimits {
  // A pasted paragraph is a query ("more like this text"): POST /api/search carries it (a URL
  // holds about 8 KB: httplib's request line limit).
  size_t max_query_bytes = 20000;
  int max_per_page = 100;
  int max_result_depth = 1000;  // page * per_page may not exceed this
  size_t max_filter_values = 20;
  // Facets and total count every match up to this many; beyond it they are estimates
  // (total_exact=false) so that broad queries stay fast on large databases.
  uint64_t max_facet_docs = 20000;
};

struct SearchRequest {
  std::string q;
  std::string from;  // "YYYY", "YYYY-MM" or "YYYY-MM-DD"; "" = open
  std::string to;
  std::vector<std::string> speakers;  // canonical names or aliases
  std::vector<std::string> topics;    // topic ids or labels
  std::vector<std::string> sources;
  std::vector<std::string> languages;
  SortOrder sort = SortOrder::kRelevance;
  int page = 1;
  int per_page = 10;
  bool literal = false;  // search the words as typed: no entity recognition, no synonyms
  bool facets = true;
  // One result per event (the best-ranked account; the others are counted in event_accounts).
  bool one_per_event = false;
  // Only articles that are accounts of an event (GET /api/events); set by the caller.
  bool events_only = false;
};

Status validate(const SearchRequest& request, const SearchLimits& limits);

// Parses "relevance" | "date" | "-date" ("date" = newest first, "-date"... see docs/api.md).
Result<SortOrder> parse_sort(std::string_view text);

// Bounds of a date given as YYYY, YYYY-MM or YYYY-MM-DD, as sortable "YYYYMMDD" strings.
// Lower bounds pad with "00", upper with "99" so that month- and year-precision articles fall
// inside the periods that contain them (see docs/schema.md, kSlotDate).
struct DateBounds {
  std::string lower;  // e.g. "20250600"
  std::string upper;  // e.g. "20250699"
};
Result<DateBounds> parse_date_bounds(std::string_view text);

}  // namespace readouts
