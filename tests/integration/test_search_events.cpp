// HTTP tests: a query naming an event or its place (data/events.json, data/places.json) also
// finds the accounts of those days between its people that name neither (docs/search.md).
#include <doctest/doctest.h>

#include "tests/integration/test_helpers.h"

using namespace readouts::testing;
using nlohmann::json;

TEST_CASE("an event's name finds its accounts that name neither the event nor the place") {
  TempDir tmp;
  // Written for this test: the Busan meeting of 30 October 2025, told without naming Busan.
  std::string output;
  const std::filesystem::path db = index_articles(
      tmp.path(),
      {{"unnamed.md",
        "---\nid: unnamed\ntitle: Leaders agree on soybeans and rare earths\n"
        "date: 2025-10-30\n---\n\nDonald Trump said he had a great meeting with Xi Jinping. "
        "Xi Jinping said the two sides had reached a consensus on trade.\n"},
       {"named.md",
        "---\nid: named\ntitle: Trump and Xi meet in Busan\ndate: 2025-10-30\n---\n\n"
        "Donald Trump and Xi Jinping met in Busan. Trump said the meeting went well.\n"},
       {"other-people.md",
        "---\nid: other-people\ntitle: Ministers talk on the same day\ndate: 2025-10-30\n---\n\n"
        "Wang Yi said the ministers had a candid exchange on trade.\n"},
       {"other-year.md",
        "---\nid: other-year\ntitle: Leaders speak a year earlier\ndate: 2024-10-30\n---\n\n"
        "Donald Trump said he had a great call with Xi Jinping.\n"}},
      &output);
  INFO(output);
  REQUIRE(!db.empty());
  TestServer server(db);
  int status = 0;
  const json busan = get_json(server, "/api/search?q=Busan", &status);
  CHECK(status == 200);
  std::vector<std::string> ids;
  for (const auto& h : busan["results"]) ids.push_back(h["id"]);
  INFO(busan.dump(1).substr(0, 2000));
  REQUIRE(ids.size() == 2);
  CHECK(ids[0] == "named");  // naming the place ranks first
  CHECK(ids[1] == "unnamed");
}
