// Keyword in context over a search (GET /api/kwic): reads the passages of the search's best
// matches through a Searcher, lists every occurrence of the query's words, sorts and pages them.
#pragma once

#include <string>
#include <vector>

#include "shared/core/status.h"
#include "shared/search/kwic.h"
#include "shared/search/search_request.h"
#include "shared/search/searcher.h"

namespace readouts {

inline constexpr int kKwicDefaultPerPage = 50;
inline constexpr int kKwicMaxPerPage = 500;
// The articles read: the search's first this many, by relevance (whatever the lines' sort).
inline constexpr int kKwicMaxArticles = 500;
// The lines kept (sorted and paged): the first this many found, in relevance order.
inline constexpr size_t kKwicMaxLines = 20000;

struct KwicRequest {
  SearchRequest search;  // q and the filters; its page, per_page and sort are not used
  int context = kKwicDefaultContext;
  KwicSort sort = KwicSort::kRelevance;
  int page = 1;
  int per_page = kKwicDefaultPerPage;
};

struct KwicResponse {
  uint64_t total = 0;             // lines found, every page
  uint64_t articles = 0;          // articles read
  uint64_t articles_matched = 0;  // articles the search matches (an estimate when not exact)
  bool articles_exact = true;
  bool truncated = false;       // more articles matched than were read, or lines were cut
  std::string match = "all";    // as in /api/search: "any" when the words were loosened
  std::vector<KwicLine> lines;  // this page's
};

// kInvalidArgument for a blank q (nothing to find) or a bad search; the Searcher's errors.
Result<KwicResponse> compute_kwic(Searcher& searcher, const KwicRequest& request,
                                  const SearchLimits& limits);

}  // namespace readouts
