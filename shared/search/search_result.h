// Value types a search returns (hits, facets, timeline, statistics). No Xapian; copyable.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "shared/core/article.h"
#include "shared/search/query_interpreter.h"

namespace readouts {

struct SearchHit {
  std::string id;
  std::string origin;
  std::string title;
  std::string date;  // ISO, as precise as known; "" when unknown
  std::string source;
  std::string url;
  std::string language;
  std::vector<std::string> speakers;
  std::vector<std::string> topics;
  std::string side;             // whose account (Article::side), "" when unknown
  std::string event;            // the event it is an account of, "" when none
  std::string indexed;          // "YYYY-MM-DD" it was stored (Article::indexed), "" if unknown
  uint64_t event_accounts = 0;  // how many accounts that event has (this one included)
  double score = 0;             // Xapian weight (0 when sorted by date only)
  int percent = 0;              // Xapian's percentage of the best match
  std::string snippet;          // HTML-escaped text with <mark> highlights
  std::string snippet_speaker;  // speaker of the snippet's passage, "" for narration
};

struct FacetValue {
  std::string value;  // what a filter takes (canonical name, topic id, year, source)
  std::string label;  // what a person reads (topic label; else the value)
  uint64_t count = 0;
};

struct TimelineBucket {
  std::string period;  // "YYYY-MM" (or "YYYY" when the timeline is yearly)
  uint64_t count = 0;
};

// Where a search's time went (milliseconds; /metrics and the bench: docs/api.md, "GET /metrics").
struct SearchCosts {
  double match_ms = 0;     // Xapian's matches, every run of the query (facet counting inside)
  double facets_ms = 0;    // the counted facets sorted, labelled and the timelines made
  double snippets_ms = 0;  // the page's hits: documents read, snippets cut and highlighted
};

struct SearchResponse {
  uint64_t total = 0;
  bool total_exact = true;
  double took_ms = 0;
  SearchCosts costs;  // not rendered: measured for /metrics
  int page = 1;
  int per_page = 10;
  Interpretation interpreted;
  std::string match = "all";          // "all": every word/person matched; "any": the fallback
  std::string event_first;            // the event whose accounts were ranked first, or
  std::vector<std::string> synonyms;  // synonym groups the query was expanded with
  std::string suggestion;             // corrected query when this one finds little; "" otherwise
  std::vector<SearchHit> results;
  std::map<std::string, std::vector<FacetValue>> facets;  // speaker, topic, year, source, language
  std::vector<TimelineBucket> timeline;                   // per month, oldest first
  // Events per month, oldest first, each in the month of its earliest matching account dated to
  // a month: GET /api/events only (SearchRequest::events_only), empty otherwise.
  std::vector<TimelineBucket> event_timeline;
  // Some shards did not answer (down, stopped, cut off): these results are the others'.
  bool partial = false;
  std::vector<std::string> missing_shards;  // as given to --db ("tcp://10.0.0.2:7101")
};

struct CorpusStats {
  uint64_t articles = 0;
  std::string first_date;  // ISO, "" if none dated
  std::string last_date;
  uint64_t undated = 0;
  std::vector<FacetValue> speakers;  // all, by count
  std::vector<FacetValue> topics;
  std::vector<FacetValue> sources;
  std::vector<FacetValue> languages;
  std::vector<FacetValue> years;
  int schema_version = 0;
  uint64_t size_bytes = 0;  // on disk, all shards
};

}  // namespace readouts
