// Unit tests: search request validation, date bounds and sort orders.
#include <doctest/doctest.h>

#include "shared/search/search_request.h"

using namespace readouts;

TEST_CASE("date bounds pad partial dates so coarser articles fall inside") {
  struct Row {
    const char* text;
    const char* lower;
    const char* upper;
  };
  const Row rows[] = {
      {"2025", "20250000", "20259999"},
      {"2025-06", "20250600", "20250699"},
      {"2025-06-05", "20250605", "20250605"},
      {"2024-02-29", "20240229", "20240229"},
  };
  for (const auto& r : rows) {
    auto b = parse_date_bounds(r.text);
    REQUIRE_MESSAGE(b.ok(), r.text);
    CHECK(b.value().lower == r.lower);
    CHECK(b.value().upper == r.upper);
  }
}

TEST_CASE("bad dates are refused with a message naming the forms") {
  for (const char* bad : {"", "25", "2025-13", "2025-00", "2025-02-30", "2023-02-29", "20250101",
                          "2025/06", "abcd", "2025-06-5", "0999"}) {
    auto b = parse_date_bounds(bad);
    CHECK_MESSAGE(!b.ok(), bad);
    if (!b.ok()) {
      CHECK(b.error().code == Code::kInvalidArgument);
      CHECK(b.error().message.find("YYYY-MM") != std::string::npos);
    }
  }
}

TEST_CASE("validate enforces limits") {
  SearchLimits limits;
  SearchRequest ok;
  CHECK(validate(ok, limits).ok());

  SearchRequest long_q;
  long_q.q = std::string(limits.max_query_bytes + 1, 'a');
  CHECK(!validate(long_q, limits).ok());

  // Invalid UTF-8 never reaches Xapian's QueryParser (it leaks on some: fuzz_query).
  SearchRequest bad_utf8;
  bad_utf8.q = "OR\xe6\x8b\xe7\x99\xbb trade";
  auto bad = validate(bad_utf8, limits);
  REQUIRE(!bad.ok());
  CHECK(bad.error().code == Code::kInvalidArgument);
  CHECK(bad.error().message.find("UTF-8") != std::string::npos);
  SearchRequest bad_filter;
  bad_filter.speakers = {"Xi\xff"};
  CHECK(!validate(bad_filter, limits).ok());
  SearchRequest chinese;
  chinese.q = "台湾 OR 登 trade";
  CHECK(validate(chinese, limits).ok());

  SearchRequest deep;
  deep.page = limits.max_result_depth;
  deep.per_page = 10;
  CHECK(!validate(deep, limits).ok());

  SearchRequest many;
  many.per_page = limits.max_per_page + 1;
  CHECK(!validate(many, limits).ok());

  SearchRequest reversed;
  reversed.from = "2025";
  reversed.to = "2024-12";
  auto s = validate(reversed, limits);
  REQUIRE(!s.ok());
  CHECK(s.error().message.find("after") != std::string::npos);

  SearchRequest same_month;
  same_month.from = "2025-06";
  same_month.to = "2025-06";
  CHECK(validate(same_month, limits).ok());
}

TEST_CASE("sort orders") {
  CHECK(parse_sort("").value() == SortOrder::kRelevance);
  CHECK(parse_sort("relevance").value() == SortOrder::kRelevance);
  CHECK(parse_sort("date").value() == SortOrder::kDateDesc);
  CHECK(parse_sort("-date").value() == SortOrder::kDateDesc);
  CHECK(parse_sort("oldest").value() == SortOrder::kDateAsc);
  CHECK(!parse_sort("random").ok());
}
