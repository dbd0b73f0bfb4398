// Ranking knobs: the weights the query builder and searcher use. Defaults are what we ship; the
// evaluation (tests/integration/test_search_eval.cpp) compares settings. Plain value type.
#pragma once

#include <cstddef>

namespace readouts {

struct RankingOptions {
  double bm25_k1 = 1.2;        // term frequency saturation
  double bm25_b = 0.75;        // length normalisation (0 = none, 1 = full): docs/search.md
  double speaker_boost = 0.6;  // "this speaker says these words" (XW terms), weight scale
  double person_boost = 0.3;   // articles where a named person speaks (XSP wdf), weight scale
  double topic_boost = 5.0;    // articles tagged with a named topic, weight scale
  double phrase_boost = 1.0;   // the query's words as a phrase, weight scale
  double cross_script = 1.0;   // weight of synonyms in the other script (English <-> Chinese)
  // Whether other-script synonyms satisfy a strict match (then the accounts in the script typed
  // rank first by a tier); if not, they only widen the fallback and the other language's
  // accounts are found only when the typed script's are fewer than 10.
  bool cross_script_strict = true;
  bool synonyms = true;        // expand data/synonyms.txt groups (OP_SYNONYM)
  bool loose_fallback = true;  // when few articles have every word, accept any (all first)
  // Ranking tiers: more of the query's concepts first, then the named people's own accounts
  // (query_builder.cpp, "Tiers"); off: strict matches first, then BM25 (session 1).
  bool tiers = true;
  // Queries with more concepts than this are ranked by BM25 over any of them (boosts on top),
  // without the coordination tiers, which rank long questions below plain BM25.
  size_t tiers_max_concepts = 4;
  // Those queries (and pasted text) take the boosts above at this fraction of their weight
  // (docs/search.md, session 19: 1.0, 0.5, 0.25, 0 measured on the real-world dev queries).
  double long_query_boost_scale = 0.25;
  // A date read from the words also lets in articles whose date is unknown, ranked after those
  // of that date (a page without a readable date is not a page of another date).
  bool undated_after_dated = true;
  // A day read from the words also takes in the day before and after (time zones), the day
  // itself ranked first.
  bool day_window = true;
  // Queries naming people of both sides: the articles reporting an exchange between them (their
  // Exchange participants, XEX terms) rank this many tier units higher.
  double exchange_tier = 1.0;
  // Event feedback: when the first result and the second or third are accounts of one event,
  // that event's accounts rank first, the others too (in any language, whatever their words).
  bool event_feedback = true;
};

}  // namespace readouts
