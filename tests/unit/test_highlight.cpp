// Unit tests: what the highlighter marks in a passage (words by stem, CJK words whole, names).
#include <doctest/doctest.h>

#include <xapian.h>

#include "shared/search/highlight.h"

using namespace readouts;

namespace {

Xapian::Query words(std::initializer_list<const char*> terms) {
  std::vector<Xapian::Query> q;
  for (const char* t : terms) q.emplace_back(t);
  return Xapian::Query(Xapian::Query::OP_OR, q.begin(), q.end());
}

}  // namespace

TEST_CASE("highlight: Latin words by stem, any case, escaped") {
  const Highlighter h(words({"Ztariff", "taiwan"}), {});
  CHECK(h.snippet("New Tariffs & Taiwan <b>", 200) ==
        "New <mark>Tariffs</mark> &amp; <mark>Taiwan</mark> &lt;b&gt;");
  CHECK(h.snippet("nothing here", 200).empty());
}

TEST_CASE("highlight: stop words of a synonym phrase are not marked") {
  // The terms of "Annenberg retreat at Sunnylands": "at" would mark every "at".
  const Highlighter h(words({"annenberg", "retreat", "at", "sunnylands"}), {});
  CHECK(h.snippet("They met at the Annenberg retreat at Sunnylands.", 200) ==
        "They met at the <mark>Annenberg retreat</mark> at <mark>Sunnylands</mark>.");
  // A query of stop words only still marks them.
  const Highlighter only(words({"the", "who"}), {});
  CHECK(only.snippet("the band", 200) == "<mark>the</mark> band");
}

TEST_CASE("highlight: Chinese words whole, in either script") {
  const Highlighter h(Xapian::Query(), {"和平", "習近平"});
  CHECK(h.snippet("习近平表示，和平是共同心愿，平等也是。", 200) ==
        "<mark>习近平</mark>表示，<mark>和平</mark>是共同心愿，平等也是。");
  CHECK(h.snippet("習近平談和平", 200) == "<mark>習近平</mark>談<mark>和平</mark>");
}
