// JSON rendering of search results: the one definition of the API's response shapes
// (docs/api.md). Pure; thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include "shared/core/status.h"
#include "shared/search/events.h"
#include "shared/search/kwic_search.h"
#include "shared/search/search_result.h"
#include "shared/search/trends.h"

namespace readouts {

nlohmann::json render_search(const SearchResponse& response);
// GET /api/events: the search's paging, facets and timeline; "events" in place of "results",
// each event (without its comparison) with "best": the search hit that found it; and
// "event_timeline", events per month.
nlohmann::json render_events(const SearchResponse& response,
                             const std::vector<EventDetail>& events);
nlohmann::json render_hit(const SearchHit& hit);
nlohmann::json render_interpretation(const Interpretation& in);
nlohmann::json render_article(const Article& article);
nlohmann::json render_similar(const std::string& id, const std::vector<SearchHit>& hits);
nlohmann::json render_stats(const CorpusStats& stats);
// GET /api/trends: by, split, normalize, periods and the series with their points.
nlohmann::json render_trends(const TrendsRequest& request, const TrendsResponse& response);
// GET /api/kwic: the request's context, sort and paging, the counts, and this page's lines.
nlohmann::json render_kwic(const KwicRequest& request, const KwicResponse& response);
nlohmann::json render_error(const Error& error);

// Serialises for the wire; invalid UTF-8 (which should not reach here) becomes U+FFFD.
std::string dump_json(const nlohmann::json& j);

}  // namespace readouts
