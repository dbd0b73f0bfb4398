// A search hit's snippet: the passage that best shows the query's words (the named speakers'
// own first), highlighted and cut to length.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "shared/core/article.h"
#include "shared/search/highlight.h"
#include "shared/search/search_result.h"

namespace readouts {

// What a passage must contain to be worth a snippet (hit_snippet.cpp): the query's word terms,
// lower case, stems without their last letter; empty: every passage is a candidate.
std::vector<std::string> snippet_needles(const Xapian::Query& query);

// Sets hit.snippet and hit.snippet_speaker from the article's passages.
void fill_snippet(SearchHit& hit, const Article& a, const Highlighter& highlighter,
                  const std::vector<std::string>& preferred,
                  const std::vector<std::string>& needles);

}  // namespace readouts
