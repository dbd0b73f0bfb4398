// Query building: SearchRequest + Interpretation -> Xapian queries, reading the field table of
// shared/core/schema.h. Library-internal (server/ never includes it).
//
// Two queries are built: `query` needs every concept of the text (each word or synonym group,
// each named person); `loose` (when there are two concepts or more) needs any of them and ranks
// the articles matching all of them first. The searcher runs `query` and falls back to `loose`
// when too few articles match (docs/search.md explains the ranking and its measurements).
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
#include "shared/search/ranking_options.h"
#include "shared/search/search_request.h"

namespace readouts {

struct BuiltQuery {
  Xapian::Query query;       // strict: every concept must match (plus boosts and filters)
  Xapian::Query loose;       // any concept, strict matches first; empty if not applicable
  Xapian::Query undated;     // the dates read from the words searched as words; empty if none
  Xapian::Query text_query;  // the words alone (snippets)
  Xapian::Query filter;      // the filters of `query` alone (AND); empty when none
  // The one event of data/events.json the query names (by its name or its place's) whose people
  // include every person named and whose days meet the dates read; "" when none or several.
  std::string named_event;
  Interpretation interpretation;      // how the query was read
  std::vector<std::string> speakers;  // canonical speakers to prefer for snippets
  std::vector<std::string> expanded;  // synonym groups used, as "prc=china|people's republic..."
  // Words and names in scripts other than Latin to highlight whole (CJK: 台湾, 习近平, 海湖庄园).
  std::vector<std::string> highlight_phrases;
};

// Ranking tiers are constants added to the BM25 weight in multiples of this unit (BM25 weights
// stay far below it); the weight modulo kTierUnit is the score shown to users.
inline constexpr double kTierUnit = 250.0;

// A constant weight (a ranking tier) for every document matching q.
Xapian::Query constant_weight(const Xapian::Query& q, double weight);

// Most terms a wildcard expands to (the most frequent are kept; never an error).
inline constexpr Xapian::termcount kMaxWildcardExpansion = 100;

// db may be null; when given, the QueryParser uses it for wildcards.
Result<BuiltQuery> build_query(const SearchRequest& request, const Knowledge& knowledge,
                               const Xapian::Database* db,
                               const RankingOptions& options = RankingOptions());

// Configures a QueryParser with stemming, CJK n-grams and every field of the schema table.
void configure_query_parser(Xapian::QueryParser& qp, const Knowledge& knowledge);

// Puts every run of CJK characters outside quotes (and not right after "field:") in brackets of
// its own: "talks 习近平 Biden" -> "talks (习近平) Biden". Xapian 1.4.22's QueryParser with
// FLAG_CJK_NGRAM fails on a word, a space, a CJK run and another word (and leaks memory on some
// such queries: found by fuzz_query); bracketed, the same query parses with the same meaning.
// Fixed upstream in 1.4.25 (xapian/xapian pull request #331).
std::string bracket_cjk_runs(std::string_view text);

// Resolves a speaker filter value (alias or canonical name) to its canonical name.
std::string resolve_speaker(std::string_view value, const Knowledge& knowledge);
// Resolves a topic filter value (id or label) to its id.
std::string resolve_topic(std::string_view value, const Knowledge& knowledge);

}  // namespace readouts
