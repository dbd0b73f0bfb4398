// Query building: SearchRequest + Interpretation -> Xapian::Query, reading the field table of
// shared/core/schema.h. Library-internal (server/ never includes it).
//
// Thread-compatible: build_query creates its own QueryParser. Errors: kInvalidArgument with a
// message a person can act on when the query syntax or a field value is wrong.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "shared/core/status.h"
#include "shared/extract/knowledge.h"
#include "shared/search/query_interpreter.h"
#include "shared/search/search_request.h"

namespace readouts {

struct BuiltQuery {
  Xapian::Query query;                // what to run (text, boosts and filters)
  Xapian::Query text_query;           // the words alone (snippets, spelling)
  Interpretation interpretation;      // how the query was read
  std::vector<std::string> speakers;  // canonical speakers to prefer for snippets
};

// spelling_db may be null; when given, it is used for wildcard expansion limits.
Result<BuiltQuery> build_query(const SearchRequest& request, const Knowledge& knowledge,
                               const Xapian::Database* db);

// Configures a QueryParser with stemming, CJK n-grams and every field of the schema table.
void configure_query_parser(Xapian::QueryParser& qp, const Knowledge& knowledge);

// Resolves a speaker filter value (alias or canonical name) to its canonical name.
std::string resolve_speaker(std::string_view value, const Knowledge& knowledge);
// Resolves a topic filter value (id or label) to its id.
std::string resolve_topic(std::string_view value, const Knowledge& knowledge);

}  // namespace readouts
