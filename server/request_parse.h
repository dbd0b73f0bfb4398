// Request parsing: URL parameters -> SearchRequest (and small helpers). Pure; socket-free tests.
//
// Every malformed parameter gives Code::kInvalidArgument naming the parameter and what it takes.
#pragma once

#include <map>
#include <string>

#include "shared/core/status.h"
#include "shared/search/search_request.h"
#include "shared/text/utf8.h"  // is_valid_utf8

namespace readouts {

using Params = std::multimap<std::string, std::string>;

Result<SearchRequest> parse_search_params(const Params& params);
// The body of POST /api/search: a JSON object with the same parameters as the URL (strings,
// numbers, booleans, or lists of strings for the repeatable filters), for queries longer than
// a URL can carry (pasted paragraphs).
Result<Params> params_from_json(std::string_view body);
// Article ids as they appear in URLs: 1..128 bytes of [A-Za-z0-9._:-].
Status validate_article_id(std::string_view id);

}  // namespace readouts
