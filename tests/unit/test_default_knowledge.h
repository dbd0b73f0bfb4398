// The default data folder's Knowledge (data/), loaded once per test process for the tests that
// check extraction against the shipped data; a load failure fails the test that asks for it. And
// the one article a page's text gives with that Knowledge.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "shared/extract/extract.h"
#include "shared/extract/knowledge.h"

namespace readouts::testing {

inline const Knowledge& default_knowledge() {
  static const Result<Knowledge> loaded = load_knowledge({default_data_dir()});
  REQUIRE_MESSAGE(loaded.ok(), (loaded.ok() ? "" : loaded.error().message));
  return loaded.value();
}

// The one article of a plain-text page, given its url ("" for none); fails the test otherwise.
inline Article extract_page(const std::string& text, const std::string& url = "") {
  ExtractOptions opts;
  opts.url = url;
  auto out = extract_articles(text, {"page.txt", "txt", "seed"}, default_knowledge(), opts);
  REQUIRE(out.articles.size() == 1);
  return out.articles[0];
}

}  // namespace readouts::testing
