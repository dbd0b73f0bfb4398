// Keyword in context over a search: one search for the articles, kwic_lines on each, sort, page.
#include "shared/search/kwic_search.h"

#include <algorithm>

namespace readouts {

Result<KwicResponse> compute_kwic(Searcher& searcher, const KwicRequest& request,
                                  const SearchLimits& limits) {
  if (request.search.q.find_first_not_of(" \t\r\n") == std::string::npos)
    return make_error(Code::kInvalidArgument,
                      "keyword in context lists the occurrences of words: give q");
  SearchRequest search = request.search;
  search.page = 1;
  search.per_page = kKwicMaxArticles;
  search.facets = false;
  search.one_per_event = false;
  search.events_only = false;
  // By relevance whatever the lines' sort: the same articles (and the same loosening of the
  // words when few match every one) for every order.
  search.sort = SortOrder::kRelevance;
  SearchLimits wide = limits;
  wide.max_per_page = std::max(wide.max_per_page, kKwicMaxArticles);
  wide.max_result_depth = std::max(wide.max_result_depth, kKwicMaxArticles);

  KwicResponse out;
  std::vector<KwicLine> lines;
  size_t rank = 0;
  auto found = searcher.visit_matches(
      search, wide, [&](const Article& article, const Highlighter& highlighter) {
        ++out.articles;
        if (lines.size() >= kKwicMaxLines) {
          out.truncated = true;
          return;
        }
        std::vector<KwicLine> more = kwic_lines(article, highlighter, request.context, rank++);
        if (lines.size() + more.size() > kKwicMaxLines) {
          more.resize(kKwicMaxLines - lines.size());
          out.truncated = true;
        }
        std::move(more.begin(), more.end(), std::back_inserter(lines));
      });
  if (!found.ok()) return found.error();
  out.articles_matched = found.value().total;
  out.articles_exact = found.value().total_exact;
  out.match = found.value().match;
  if (out.articles_matched > out.articles) out.truncated = true;
  out.total = lines.size();
  sort_kwic(lines, request.sort);
  const uint64_t first = static_cast<uint64_t>(request.page - 1) * request.per_page;
  if (first < lines.size()) {
    const uint64_t last = std::min<uint64_t>(lines.size(), first + request.per_page);
    out.lines.assign(std::make_move_iterator(lines.begin() + static_cast<ptrdiff_t>(first)),
                     std::make_move_iterator(lines.begin() + static_cast<ptrdiff_t>(last)));
  }
  return out;
}

}  // namespace readouts
