// The indexer's options end to end: --data extends people and topics without a rebuild,
// --require-date refuses undated articles (and only them).
#include <doctest/doctest.h>

#include <fstream>

#include "tests/integration/test_helpers.h"

using namespace readouts::testing;
using nlohmann::json;

namespace {

void write_file(const std::filesystem::path& p, const std::string& text) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p) << text;
}

const char* kArticle =
    "WASHINGTON, March 3, 2026 -- Jane Quill, the new lunar envoy, met Chinese officials.\n\n"
    "Envoy Quill said the two sides discussed lunar exploration and the lunar gateway, and "
    "that cooperation on lunar exploration would continue.\n";

json inspect_one(const std::string& extra_args, const std::filesystem::path& file) {
  auto r = run_command(std::string(READOUTS_INDEX_BIN) + " inspect --json " + extra_args + " " +
                       quote(file.string()));
  INFO(r.output);
  REQUIRE(r.status == 0);
  return json::parse(r.output.substr(0, r.output.find('\n')));
}

bool has(const json& list, const std::string& v) {
  for (const auto& x : list)
    if (x == v) return true;
  return false;
}

}  // namespace

TEST_CASE("--data adds people and topics without a rebuild") {
  TempDir tmp;
  const auto article = tmp.path() / "in" / "envoy.txt";
  write_file(article, kArticle);
  write_file(tmp.path() / "data" / "people.json",
             R"({"people": [{"id": "jane_quill", "name": "Jane Q. Quill", "country": "US",
                 "role": "Lunar envoy", "aliases": ["Jane Quill", "Envoy Quill"]}]})");
  write_file(tmp.path() / "data" / "topics.json",
             R"({"topics": [{"id": "space", "label": "Space", "label_zh": "太空",
                 "terms": [{"text": "lunar exploration", "weight": 3},
                           {"text": "lunar gateway", "weight": 3}]}]})");

  json plain = inspect_one("", article);
  CHECK_FALSE(has(plain["speakers"], "Jane Q. Quill"));
  CHECK_FALSE(has(plain["topics"], "space"));

  json extended = inspect_one("--data " + quote((tmp.path() / "data").string()), article);
  INFO(extended.dump());
  CHECK(has(extended["speakers"], "Jane Q. Quill"));
  CHECK(has(extended["topics"], "space"));
  // The defaults are still there: extending does not replace.
  json seed = inspect_one("--data " + quote((tmp.path() / "data").string()),
                          std::filesystem::path(fixtures("integration")));
  CHECK(!seed["speakers"].empty());
}

TEST_CASE("--require-date refuses undated articles, names them, and indexes the rest") {
  TempDir tmp;
  write_file(tmp.path() / "in" / "dated.txt", kArticle);
  write_file(tmp.path() / "in" / "undated.txt",
             "Officials met to discuss trade. The spokesman said talks would continue.\n");
  const auto db = tmp.path() / "db";
  auto r = run_command(std::string(READOUTS_INDEX_BIN) + " add --quiet --require-date --db " +
                       quote(db.string()) + " " + quote((tmp.path() / "in").string()));
  INFO(r.output);
  CHECK(r.status != 0);
  CHECK(r.output.find("undated.txt") != std::string::npos);
  auto stats =
      run_command(std::string(READOUTS_INDEX_BIN) + " stats --json --db " + quote(db.string()));
  REQUIRE(stats.status == 0);
  CHECK(json::parse(stats.output)["articles"] == 1);

  // Without the option the undated article is indexed (and reported as undated).
  const auto db2 = tmp.path() / "db2";
  auto lenient = run_command(std::string(READOUTS_INDEX_BIN) + " add --quiet --db " +
                             quote(db2.string()) + " " + quote((tmp.path() / "in").string()));
  INFO(lenient.output);
  CHECK(lenient.status == 0);
  auto stats2 =
      run_command(std::string(READOUTS_INDEX_BIN) + " stats --json --db " + quote(db2.string()));
  CHECK(json::parse(stats2.output)["articles"] == 2);
}
