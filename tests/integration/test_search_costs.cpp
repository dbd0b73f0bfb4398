// Where a search's time goes (SearchResponse::costs, for /metrics and the bench): each part is
// measured when it runs, and only then.
#include <doctest/doctest.h>

#include "shared/extract/knowledge.h"
#include "shared/search/searcher.h"
#include "tests/integration/test_helpers.h"

using namespace readouts;
using namespace readouts::testing;

TEST_CASE("a search measures its match, its facets and its snippets, each when it runs") {
  auto s = Searcher::open({corpus_db()}, shared_knowledge());
  REQUIRE(s.ok());
  SearchRequest req;
  req.q = "Taiwan";
  req.facets = true;
  auto faceted = s.value()->search(req, SearchLimits());
  REQUIRE(faceted.ok());
  REQUIRE_FALSE(faceted.value().results.empty());
  const SearchCosts& c = faceted.value().costs;
  CHECK(c.match_ms > 0);
  CHECK(c.facets_ms > 0);
  CHECK(c.snippets_ms > 0);
  CHECK(c.match_ms + c.facets_ms + c.snippets_ms <= faceted.value().took_ms);

  req.facets = false;  // no facets asked: none made
  auto plain = s.value()->search(req, SearchLimits());
  REQUIRE(plain.ok());
  CHECK(plain.value().costs.match_ms > 0);
  CHECK(plain.value().costs.facets_ms == 0);

  req.q = "zzzqqqxxx";  // nothing found: no page of hits to make
  auto none = s.value()->search(req, SearchLimits());
  REQUIRE(none.ok());
  REQUIRE(none.value().results.empty());
  CHECK(none.value().costs.match_ms > 0);
}
