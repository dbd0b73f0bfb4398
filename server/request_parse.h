// Request parsing: URL parameters -> SearchRequest (and small helpers). Pure; socket-free tests.
//
// Every malformed parameter gives Code::kInvalidArgument naming the parameter and what it takes.
#pragma once

#include <map>
#include <string>

#include "shared/core/status.h"
#include "shared/search/kwic_search.h"
#include "shared/search/render_export.h"
#include "shared/search/search_request.h"
#include "shared/search/trends.h"
#include "shared/text/utf8.h"  // is_valid_utf8

namespace readouts {

using Params = std::multimap<std::string, std::string>;

Result<SearchRequest> parse_search_params(const Params& params);
// The body of POST /api/search: a JSON object with the same parameters as the URL (strings,
// numbers, booleans, or lists of strings for the repeatable filters), for queries longer than
// a URL can carry (pasted paragraphs).
Result<Params> params_from_json(std::string_view body);
// GET /feed: the search parameters, newest first (sort may only say so: date or -date), 20 per
// page unless per_page says otherwise, no facets.
Result<SearchRequest> parse_feed_params(const Params& params);

// GET /api/export: the search parameters (without page and per_page: every page is exported)
// plus format (required) and bom (CSV only).
struct ExportRequest {
  SearchRequest search;
  ExportFormat format = ExportFormat::kCsv;
  bool bom = false;
};
Result<ExportRequest> parse_export_params(const Params& params);

// GET /api/trends: the search parameters without page and per_page, q repeatable (1..6 series),
// by (month|year), split (none|speaker|topic|source|language) and normalize.
Result<TrendsRequest> parse_trends_params(const Params& params);

// GET /api/kwic: the search parameters (q required), plus context (0..30 words, default 8), sort
// (relevance|left|right|date|speaker: of the lines, not the articles), and page and per_page of
// the lines (1..500, default 50).
Result<KwicRequest> parse_kwic_params(const Params& params);

// "http://" + the request's Host header when it is a plain host[:port]; "http://localhost"
// otherwise (absolute links in feeds and exports).
std::string base_url_of(std::string_view host_header);

// Article ids as they appear in URLs: 1..128 bytes of [A-Za-z0-9._:-].
Status validate_article_id(std::string_view id);

}  // namespace readouts
