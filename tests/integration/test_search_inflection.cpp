// HTTP tests: a Russian query word finds the other case forms of that word (docs/search.md).
#include <doctest/doctest.h>

#include "tests/integration/test_helpers.h"

using namespace readouts::testing;
using nlohmann::json;

TEST_CASE("a Russian word finds its inflected forms") {
  TempDir tmp;
  // Written for this test: the same call in the nominative and in the genitive.
  std::string output;
  const std::filesystem::path db =
      index_articles(tmp.path(),
                     {{"genitive.md",
                       "---\nid: genitive\ntitle: Итоги разговора\ndate: 2026-02-04\n---\n\n"
                       "Стороны рассказали об итогах телефонного разговора лидеров.\n"},
                      {"other.md",
                       "---\nid: other\ntitle: Переговоры о торговле\ndate: 2026-02-05\n---\n\n"
                       "Министры обсудили пошлины.\n"}},
                     &output);
  INFO(output);
  REQUIRE(!db.empty());
  TestServer server(db);
  int status = 0;
  // телефонный разговор, nominative, as a user types it
  const json found = get_json(server,
                              "/api/search?q=%D1%82%D0%B5%D0%BB%D0%B5%D1%84%D0%BE%D0%BD%D0%BD%D1%8B"
                              "%D0%B9%20%D1%80%D0%B0%D0%B7%D0%B3%D0%BE%D0%B2%D0%BE%D1%80",
                              &status);
  CHECK(status == 200);
  INFO(found.dump(1).substr(0, 1500));
  REQUIRE(found["results"].size() == 1);
  CHECK(found["results"][0]["id"] == "genitive");
}
