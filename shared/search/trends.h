// Trends: matches of up to 6 searches per month or year, optionally split by a facet and per
// 1,000 articles of the period (docs/api.md, GET /api/trends). Runs searches through a Searcher.
#pragma once

#include <string>
#include <vector>

#include "shared/core/status.h"
#include "shared/search/search_request.h"
#include "shared/search/searcher.h"

namespace readouts {

inline constexpr size_t kMaxTrendQueries = 6;
inline constexpr size_t kMaxTrendSplitValues = 6;  // per query: the split's most frequent values

// kSide: whose account (shared/events/exchange.h, account_side): a series per side, each
// searching the sources of that side (articles of unknown outlets are in none).
enum class TrendSplit { kNone, kSpeaker, kTopic, kSource, kLanguage, kSide };

// "none", "speaker", "topic", "source", "language", "side".
const char* split_name(TrendSplit split);

struct TrendsRequest {
  SearchRequest base;                // filters shared by every series (its q is ignored)
  std::vector<std::string> queries;  // one series each ("" = every article); 1..6
  bool by_year = false;              // else by month ("YYYY-MM"; year-only dates not counted)
  TrendSplit split = TrendSplit::kNone;
  bool normalize = false;  // also per 1,000 articles of the period (the whole corpus)
};

struct TrendPoint {
  std::string period;  // "YYYY" or "YYYY-MM"
  uint64_t count = 0;
  double per_1000 = 0;  // count per 1,000 articles of the period (normalize only)
};

struct TrendSeries {
  std::string q;
  std::string split_value;           // "" without split
  std::string label;                 // what a person reads
  std::vector<std::string> sources;  // split=side: the side's outlets the series searched
  uint64_t total = 0;                // every match of the series' search, dated or not
  bool exact = true;                 // counts exact (the search counted every match)
  std::vector<TrendPoint> points;    // oldest first; periods without matches left out
};

struct TrendsResponse {
  std::vector<std::string> periods;  // every period of any series, oldest first
  std::vector<TrendSeries> series;
};

Result<TrendsResponse> compute_trends(Searcher& searcher, const TrendsRequest& request,
                                      const SearchLimits& limits);

}  // namespace readouts
