// Unit tests: URL parameters -> SearchRequest, ids, UTF-8 validation.
#include <doctest/doctest.h>

#include "server/request_parse.h"

using namespace readouts;

TEST_CASE("search parameters are parsed") {
  Params p = {{"q", "Taiwan, Xi, 2025"},
              {"speaker", "Xi Jinping"},
              {"speaker", "Trump"},
              {"topic", "taiwan"},
              {"from", "2025"},
              {"to", "2025-06"},
              {"sort", "date"},
              {"page", "2"},
              {"per_page", "20"},
              {"literal", "1"},
              {"facets", "0"}};
  auto r = parse_search_params(p);
  REQUIRE(r.ok());
  CHECK(r.value().q == "Taiwan, Xi, 2025");
  CHECK(r.value().speakers.size() == 2);
  CHECK(r.value().topics == std::vector<std::string>{"taiwan"});
  CHECK(r.value().from == "2025");
  CHECK(r.value().to == "2025-06");
  CHECK(r.value().sort == SortOrder::kDateDesc);
  CHECK(r.value().page == 2);
  CHECK(r.value().per_page == 20);
  CHECK(r.value().literal);
  CHECK(!r.value().facets);
}

TEST_CASE("bad parameters are refused with the parameter's name") {
  struct Row {
    const char* name;
    const char* value;
  };
  const Row rows[] = {{"page", "-1"},         {"page", "1e3"},      {"page", "99999999999"},
                      {"per_page", ""},       {"literal", "maybe"}, {"sort", "best"},
                      {"unknown", "1"},       {"q", "\xff\xfe"},    {"q", "\xe5\x8f"},
                      {"speaker", "\xc0\x80"}};
  for (const auto& row : rows) {
    auto r = parse_search_params(Params{{row.name, row.value}});
    CHECK_MESSAGE(!r.ok(), row.name, "=", row.value);
    if (!r.ok()) CHECK(r.error().code == Code::kInvalidArgument);
  }
}

TEST_CASE("utf8 validation") {
  CHECK(is_valid_utf8("plain"));
  CHECK(is_valid_utf8("台湾 Taiwan"));
  CHECK(is_valid_utf8("\xf0\x9f\x98\x80"));
  CHECK(!is_valid_utf8("\xed\xa0\x80"));  // surrogate
  CHECK(!is_valid_utf8("\xc0\xaf"));      // overlong
  CHECK(!is_valid_utf8("\xe5\x8f"));      // truncated
  CHECK(!is_valid_utf8("\x80"));
}

TEST_CASE("article ids") {
  CHECK(validate_article_id("2013-06-08-sunnylands-wh").ok());
  CHECK(validate_article_id("0f0202814826d5c4").ok());
  CHECK(!validate_article_id("").ok());
  CHECK(!validate_article_id("../etc").ok());
  CHECK(!validate_article_id("a b").ok());
  CHECK(!validate_article_id(std::string(129, 'a')).ok());
}
