// HTTP tests: repeated searches answered from the result cache (server/result_cache.h), and a
// commit to the database making the cached answers stale.
#include <doctest/doctest.h>

#include <fstream>

#include "server/result_cache.h"
#include "tests/integration/test_helpers.h"

using namespace readouts;
using namespace readouts::testing;

namespace {

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path) << text;
}

}  // namespace

TEST_CASE("a repeated search is answered from the cache until the database changes") {
  TempDir tmp;
  const std::filesystem::path input = tmp.path() / "in";
  std::filesystem::create_directories(input);
  // Written for this test.
  write_file(input / "a.md",
             "---\nid: a\ntitle: Leaders discuss soybeans\ndate: 2025-06-05\n---\n\n"
             "Xi Jinping said soybean purchases would grow.\n");
  const std::filesystem::path db = tmp.path() / "db";
  REQUIRE(index_paths(db, quote(input.string())).status == 0);
  TestServer server(db);
  auto c = server.client();
  auto first = c.Get("/api/search?q=soybeans&facets=1");
  REQUIRE(first);
  CHECK(first->status == 200);
  CHECK(first->get_header_value("X-Cache") == "miss");
  auto second = c.Get("/api/search?facets=1&q=soybeans");  // the same request, reordered
  REQUIRE(second);
  CHECK(second->get_header_value("X-Cache") == "hit");
  CHECK(second->body == first->body);
  CHECK(nlohmann::json::parse(second->body)["total"] == 1);
  // A request the search refuses (a page size of 0) is never stored: a 400 each time.
  for (int i = 0; i < 2; ++i) {
    auto bad = c.Get("/api/search?q=soybeans&per_page=0");
    REQUIRE(bad);
    CHECK(bad->status == 400);
    CHECK(bad->get_header_value("X-Cache").empty());
  }

  // The indexer commits a second article: the next answer is computed again and has it.
  write_file(input / "b.md",
             "---\nid: b\ntitle: More soybeans\ndate: 2025-06-06\n---\n\n"
             "Donald Trump said soybeans were part of the deal.\n");
  REQUIRE(index_paths(db, quote(input.string())).status == 0);
  auto third = c.Get("/api/search?q=soybeans&facets=1");
  REQUIRE(third);
  CHECK(third->get_header_value("X-Cache") == "miss");
  CHECK(nlohmann::json::parse(third->body)["total"] == 2);

  auto metrics = c.Get("/metrics");
  INFO(metrics->body);
  REQUIRE(metrics);
  CHECK(metrics->body.find("readouts_cache_requests_total{result=\"hit\"} 1") != std::string::npos);
  CHECK(metrics->body.find("readouts_cache_requests_total{result=\"miss\"} 4") !=
        std::string::npos);
  // Each part of the two searches computed (a cached answer and a refused request are none).
  for (const char* stage : {"match", "facets", "snippets", "render"}) {
    const std::string count =
        std::string("readouts_search_stage_seconds_count{stage=\"") + stage + "\"} 2\n";
    CHECK_MESSAGE(metrics->body.find(count) != std::string::npos, stage);
    const std::string sum =
        std::string("readouts_search_stage_seconds_sum{stage=\"") + stage + "\"} ";
    const size_t at = metrics->body.find(sum);
    REQUIRE(at != std::string::npos);
    CHECK_MESSAGE(std::stod(metrics->body.substr(at + sum.size())) > 0, stage);
  }
}

TEST_CASE("the cache keeps its size: the least recently used answers go first") {
  ResultCache cache(1000);  // answers of 200 bytes: four fit, a fifth pushes one out
  auto key = [](const char* q) { return ResultCache::key("search", {{"q", q}}, "1:u"); };
  CHECK(key("x") != ResultCache::key("search", {{"q", "x"}}, "2:u"));  // another revision
  cache.put(key("a"), std::string(200, 'a'));
  cache.put(key("b"), std::string(200, 'b'));
  CHECK(cache.get(key("a")).has_value());  // a is now more recent than b
  cache.put(key("c"), std::string(200, 'c'));
  cache.put(key("d"), std::string(200, 'd'));
  cache.put(key("e"), std::string(200, 'e'));
  CHECK(cache.stats().bytes <= 1000);
  CHECK(cache.stats().entries == 4);
  CHECK_FALSE(cache.get(key("b")).has_value());  // the least recently used went first
  CHECK(cache.get(key("a")).has_value());
  cache.put(key("big"), std::string(300, 'x'));  // larger than a quarter: not kept
  CHECK_FALSE(cache.get(key("big")).has_value());
  ResultCache off(0);
  off.put(key("a"), "answer");
  CHECK_FALSE(off.get(key("a")).has_value());
}
