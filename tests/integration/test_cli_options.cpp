// The indexer's options end to end: --data extends people and topics without a rebuild,
// --require-date refuses undated articles (and only them), --url takes any web address, --db
// folders are made with their parents.
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

TEST_CASE("a database whose creation was interrupted is created again, and a damaged one is kept") {
  TempDir tmp;
  const auto corpus = fixtures("integration");
  // What a kill during Xapian's creation leaves: the lock, empty tables, the version file
  // still under its temporary name (found by crash trials, docs/operations.md).
  const auto half = tmp.path() / "half";
  write_file(half / "flintlock", "");
  write_file(half / "termlist.glass", "");
  write_file(half / "postlist.glass", "");
  write_file(half / "v.tmp", "partial");
  auto again = run_command(std::string(READOUTS_INDEX_BIN) + " add --quiet --db " +
                           quote(half.string()) + " " + quote(corpus));
  INFO(again.output);
  CHECK(again.status == 0);
  CHECK(std::filesystem::exists(half / "iamglass"));

  // A committed database that lost its version file is not half-created: refused, untouched.
  const auto db = tmp.path() / "db";
  REQUIRE(index_paths(db, quote(corpus)).status == 0);
  std::filesystem::remove(db / "iamglass");
  const auto tables_before = std::filesystem::file_size(db / "postlist.glass");
  auto refused = run_command(std::string(READOUTS_INDEX_BIN) + " add --quiet --db " +
                             quote(db.string()) + " " + quote(corpus));
  INFO(refused.output);
  CHECK(refused.status != 0);
  CHECK(refused.output.find("iamglass") != std::string::npos);
  CHECK(std::filesystem::file_size(db / "postlist.glass") == tables_before);
}

TEST_CASE("--url takes any http(s) address, an IP host too, and refuses what is not one") {
  TempDir tmp;
  const auto article = tmp.path() / "in" / "envoy.txt";
  write_file(article, kArticle);
  json by_ip = inspect_one("--url http://203.0.113.7/news/world/story20260303-1.html", article);
  CHECK(by_ip["url"] == "http://203.0.113.7/news/world/story20260303-1.html");
  CHECK(by_ip["source"] != "113.7");
  json by_name = inspect_one("--url https://www.reuters.com/world/2026/03/03/x/", article);
  CHECK(by_name["source"] == "Reuters");
  auto bad = run_command(std::string(READOUTS_INDEX_BIN) + " inspect --json --url ftp://a.b/c " +
                         quote(article.string()));
  CHECK(bad.status != 0);
  CHECK(bad.output.find("is not a web address") != std::string::npos);
}

TEST_CASE("add makes the database's parent folders, and says so when it cannot") {
  TempDir tmp;
  const auto corpus = fixtures("integration");
  const auto nested = tmp.path() / "a" / "b" / "db";
  auto r = run_command(std::string(READOUTS_INDEX_BIN) + " add --quiet --db " +
                       quote(nested.string()) + " " + quote(corpus));
  INFO(r.output);
  CHECK(r.status == 0);
  CHECK(std::filesystem::exists(nested / "iamglass"));
  // A file where a folder should be: a clear error, nothing written.
  write_file(tmp.path() / "file", "not a folder");
  r = run_command(std::string(READOUTS_INDEX_BIN) + " add --quiet --db " +
                  quote((tmp.path() / "file" / "db").string()) + " " + quote(corpus));
  CHECK(r.status == 3);
  CHECK(r.output.find("cannot create the folder of database") != std::string::npos);
}
