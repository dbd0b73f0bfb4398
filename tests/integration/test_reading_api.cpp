// GET /feed and GET /api/export read back by standard parsers (tests/integration/
// read_with_standard_parsers.py): Atom with a namespace-aware XML parser, CSV and JSON Lines
// with Chinese text intact, BibTeX with bibtexparser, RIS tag by tag, CSL-JSON as JSON.
#include <doctest/doctest.h>

#include <string>

#include "tests/integration/test_helpers.h"

using namespace readouts::testing;
using nlohmann::json;

namespace {

// Three accounts of trade talks (one in Chinese, one whose title holds XML, CSV and TeX
// specials) and one about weather that no trade search finds.
std::filesystem::path index_reading_fixtures(const std::filesystem::path& root) {
  return index_articles(
      root, {{"old.md",
              "---\ntitle: Envoys compare notes on trade\ndate: 2023-07\nsource: The White House\n"
              "id: old\n---\nThe envoys spoke about trade and tariffs for an hour.\n"},
             {"mid.md",
              "---\ntitle: Trade & tariffs: <progress>, \"quotes\", {braces} 100%\n"
              "date: 2024-01-05\nsource: Ministry of Foreign Affairs of the PRC\nid: mid\n---\n"
              "Both sides said trade should keep growing, and tariffs should fall.\n"},
             {"new.md",
              "---\ntitle: 中美经贸磋商取得进展\ndate: 2025-03-02\nsource: 新华社\nid: new\n"
              "language: zh-Hans\n---\n双方就经贸问题进行了坦诚的交流。trade\n"},
             {"rain.md",
              "---\ntitle: A rainy afternoon\ndate: 2025-04-01\nsource: The White House\nid: rain\n"
              "---\nIt rained in the capital all afternoon.\n"}});
}

// GET path; the body in root/name; what the standard parser read from it.
json read_back(const TestServer& server, const std::filesystem::path& root, const std::string& path,
               const std::string& kind, int expect = 200) {
  auto c = server.client();
  auto res = c.Get(path.c_str());
  REQUIRE(res);
  INFO(path << "\n" << res->body.substr(0, 2000));
  REQUIRE(res->status == expect);
  const auto file = root / ("answer." + kind);
  std::ofstream(file, std::ios::binary) << res->body;
  const CommandResult r = run_command(
      "/usr/bin/python3 " +
      quote(std::string(READOUTS_TEST_DIR) + "/integration/read_with_standard_parsers.py") + " " +
      kind + " " + quote(file.string()));
  INFO(r.output.substr(0, 3000));
  REQUIRE(r.status == 0);
  return json::parse(r.output);
}

}  // namespace

TEST_CASE("GET /feed is an Atom feed of the search, newest first") {
  TempDir tmp;
  const auto db = index_reading_fixtures(tmp.path());
  REQUIRE(!db.empty());
  TestServer server(db);
  const std::string base = "http://127.0.0.1:" + std::to_string(server.port());
  const json feed = read_back(server, tmp.path(), "/feed?q=trade", "atom");
  const json& entries = feed["records"];
  REQUIRE(entries.size() == 3);
  CHECK(entries[0]["id"] == base + "/article/new");
  CHECK(entries[0]["title"] == "中美经贸磋商取得进展");
  CHECK(entries[0]["updated"] == "2025-03-02T00:00:00Z");
  CHECK(entries[0]["author"] == "Xinhua");  // 新华社 under its canonical name (data/sources)
  CHECK(entries[1]["title"] == "Trade & tariffs: <progress>, \"quotes\", {braces} 100%");
  CHECK(entries[1]["link"] == base + "/article/mid");
  CHECK(entries[2]["updated"] == "2023-07-01T00:00:00Z");
  CHECK(feed["feed"]["updated"] == "2025-03-02T00:00:00Z");
  CHECK(feed["feed"]["id"] == base + "/feed?q=trade");
  CHECK(feed["feed"]["title"] == "readouts: trade");

  // The same filters as /api/search.
  CHECK(
      read_back(server, tmp.path(), "/feed?q=trade&from=2024&to=2024", "atom")["records"].size() ==
      1);
  CHECK(read_back(server, tmp.path(), "/feed?q=trade&per_page=2", "atom")["records"].size() == 2);
  CHECK(read_back(server, tmp.path(), "/feed", "atom")["records"][0]["id"] ==
        base + "/article/rain");

  // Users' mistakes are 400 JSON.
  for (const char* bad :
       {"/feed?sort=relevance", "/feed?color=red", "/feed?per_page=1000", "/feed?from=2025-13"}) {
    int status = 0;
    const json error = get_json(server, bad, &status);
    INFO(bad);
    CHECK(status == 400);
    CHECK(error["error"]["code"] == "invalid_argument");
  }
}

TEST_CASE("GET /api/export: CSV and JSON Lines round-trip with Chinese text intact") {
  TempDir tmp;
  const auto db = index_reading_fixtures(tmp.path());
  REQUIRE(!db.empty());
  TestServer server(db);
  const json csv =
      read_back(server, tmp.path(), "/api/export?q=trade&format=csv&bom=1&sort=date", "csv");
  CHECK(csv["bom"] == true);
  REQUIRE(csv["records"].size() == 3);
  CHECK(csv["records"][0]["id"] == "new");
  CHECK(csv["records"][0]["title"] == "中美经贸磋商取得进展");
  CHECK(csv["records"][0]["source"] == "Xinhua");  // 新华社 under its canonical name
  CHECK(csv["records"][1]["title"] == "Trade & tariffs: <progress>, \"quotes\", {braces} 100%");
  CHECK(csv["records"][2]["date"] == "2023-07");
  CHECK(csv["records"][0]["indexed"].get<std::string>().size() == 10);  // YYYY-MM-DD
  CHECK(read_back(server, tmp.path(), "/api/export?q=trade&format=csv", "csv")["bom"] == false);

  const json lines = read_back(server, tmp.path(), "/api/export?format=jsonl&sort=-date", "jsonl");
  REQUIRE(lines["records"].size() == 4);  // every article
  CHECK(lines["records"][1]["title"] == "中美经贸磋商取得进展");
  CHECK(lines["records"][1]["language"] == "zh-Hans");
  CHECK(lines["records"][3]["id"] == "old");
}

TEST_CASE("GET /api/export: BibTeX, RIS and CSL-JSON read by their parsers") {
  TempDir tmp;
  const auto db = index_reading_fixtures(tmp.path());
  REQUIRE(!db.empty());
  TestServer server(db);
  const json bib =
      read_back(server, tmp.path(), "/api/export?q=trade&format=bibtex&sort=date", "bibtex");
  REQUIRE(bib["records"].size() == 3);
  CHECK(bib["records"][0]["ID"] == "new");
  CHECK(bib["records"][0]["ENTRYTYPE"] == "misc");
  CHECK(bib["records"][0]["title"] == "中美经贸磋商取得进展");
  CHECK(bib["records"][0]["year"] == "2025");
  CHECK(bib["records"][0]["urldate"].get<std::string>().size() == 10);
  CHECK(bib["records"][1]["title"].get<std::string>().find("Trade \\& tariffs") == 0);

  const json ris = read_back(server, tmp.path(), "/api/export?q=trade&format=ris&sort=date", "ris");
  REQUIRE(ris["records"].size() == 3);
  CHECK(ris["records"][0]["TY"] == "GEN");
  CHECK(ris["records"][0]["TI"][0] == "中美经贸磋商取得进展");
  CHECK(ris["records"][0]["DA"][0] == "2025/03/02/");
  CHECK(ris["records"][2]["DA"][0] == "2023/07//");

  const json csl = read_back(server, tmp.path(), "/api/export?q=trade&format=csl&sort=date", "csl");
  REQUIRE(csl["records"].size() == 3);
  for (const auto& item : csl["records"]) {
    CHECK(item["type"] == "article");
    CHECK(item["title"].is_string());
    CHECK(item["issued"]["date-parts"][0][0].is_number_integer());
    CHECK(item["accessed"]["date-parts"][0].size() == 3);
    CHECK(item["author"][0]["literal"].is_string());
  }
  CHECK(csl["records"][2]["issued"]["date-parts"] == json::parse("[[2023, 7]]"));
}

TEST_CASE("GET /api/export refuses bad parameters with 400 JSON") {
  TestServer server(corpus_db());
  for (const char* bad :
       {"/api/export", "/api/export?format=xml", "/api/export?format=csv&format=ris",
        "/api/export?format=csv&page=2", "/api/export?format=csv&per_page=5",
        "/api/export?format=jsonl&bom=1", "/api/export?format=csv&bom=maybe",
        "/api/export?format=csv&colour=red", "/api/export?format=csv&from=2025-13"}) {
    int status = 0;
    const json error = get_json(server, bad, &status);
    INFO(bad);
    CHECK(status == 400);
    CHECK(error["error"]["code"] == "invalid_argument");
  }
  // The whole default corpus exports (below the 10,000 limit), every article once.
  auto c = server.client();
  auto res = c.Get("/api/export?format=jsonl");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->get_header_value("Content-Disposition") ==
        "attachment; filename=\"readouts-export.jsonl\"");
  const json stats = get_json(server, "/api/stats");
  size_t lines = 0;
  for (char ch : res->body) lines += ch == '\n';
  CHECK(lines == stats["articles"].get<size_t>());
}
