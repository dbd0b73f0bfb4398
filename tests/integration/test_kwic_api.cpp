// GET /api/kwic over HTTP on articles written for it: every occurrence with its context,
// speaker, article and date; sorting and paging of the lines; bad parameters give 400 JSON.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "tests/integration/test_helpers.h"

using namespace readouts::testing;
using nlohmann::json;

namespace {

// Tariffs four times in an English account (three in one paragraph), 关税 twice in a Chinese
// one, neither in the third.
std::filesystem::path index_kwic_fixtures(const std::filesystem::path& root) {
  return index_articles(
      root,
      {{"geneva.md",
        "---\ntitle: Ministers meet in Geneva\ndate: 2025-05-12\nsource: The White House\n"
        "id: geneva\n---\n"
        "Wang Yi said tariffs hurt both sides, and that new tariffs on chips would hurt trust; "
        "tariffs solve nothing.\n\n"
        "The two ministers met in Geneva for four hours.\n\n"
        "Marco Rubio said tariffs were a response to unfair trade.\n"},
       {"zh.md",
        "---\ntitle: 中美部长会谈\ndate: 2025-05-13\nsource: 新华社\nid: zh\nlanguage: zh-Hans\n"
        "---\n王毅表示，加征关税损人不利己，关税战没有赢家。\n\n双方同意继续沟通。\n"},
       {"rain.md",
        "---\ntitle: A rainy afternoon\ndate: 2024-04-01\nsource: The White House\nid: rain\n"
        "---\nIt rained in the capital all afternoon, and the talks went on.\n"}});
}

json kwic(const TestServer& server, const std::string& params, int expect = 200) {
  int status = 0;
  const json r = get_json(server, "/api/kwic?" + params, &status);
  INFO(params << "\n" << r.dump(1).substr(0, 3000));
  CHECK(status == expect);
  return r;
}

}  // namespace

TEST_CASE("GET /api/kwic lists every occurrence with context, speaker, article and date") {
  TempDir tmp;
  const auto db = index_kwic_fixtures(tmp.path());
  REQUIRE(!db.empty());
  TestServer server(db);

  const json en = kwic(server, "q=tariffs&literal=1&context=2");
  CHECK(en["total"] == 4);
  CHECK(en["articles"] == 1);
  CHECK(en["truncated"] == false);
  CHECK(en["context"] == 2);
  CHECK(en["sort"] == "relevance");
  REQUIRE(en["lines"].size() == 4);
  for (const auto& line : en["lines"]) {
    CHECK(line["id"] == "geneva");
    CHECK(line["title"] == "Ministers meet in Geneva");
    CHECK(line["date"] == "2025-05-12");
  }
  CHECK(en["lines"][0]["left"] == "Yi said");
  CHECK(en["lines"][0]["keyword"] == "tariffs");
  CHECK(en["lines"][0]["right"] == "hurt both");
  CHECK(en["lines"][0]["passage"] == 0);
  CHECK(en["lines"][2]["left"] == "hurt trust;");
  CHECK(en["lines"][3]["keyword"] == "tariffs");
  CHECK(en["lines"][3]["right"] == "were a");
  CHECK(en["lines"][3]["passage"] == 2);
  // The passages' speakers, as the article page shows them.
  int status = 0;
  const json article = get_json(server, "/api/articles/geneva", &status);
  REQUIRE(status == 200);
  for (const auto& line : en["lines"]) {
    const json& passage = article["passages"][line["passage"].get<size_t>()];
    CHECK(line["speaker"] == passage["speaker"]);
  }

  const json zh = kwic(server, "q=%E5%85%B3%E7%A8%8E&literal=1&context=2");  // 关税
  CHECK(zh["total"] == 2);
  REQUIRE(zh["lines"].size() == 2);
  CHECK(zh["lines"][0]["id"] == "zh");
  CHECK(zh["lines"][0]["keyword"] == "关税");
  CHECK(zh["lines"][0]["left"] == "表示，加征");  // 2 words = 4 characters
  CHECK(zh["lines"][0]["right"] == "损人不利");
  CHECK(zh["lines"][1]["left"] == "人不利己，");

  // Nothing to find: no lines, still 200.
  const json none = kwic(server, "q=sanctions&literal=1");
  CHECK(none["total"] == 0);
  CHECK(none["lines"].empty());
}

TEST_CASE("GET /api/kwic sorts and pages the lines") {
  TempDir tmp;
  const auto db = index_kwic_fixtures(tmp.path());
  REQUIRE(!db.empty());
  TestServer server(db);
  const json left = kwic(server, "q=tariffs&literal=1&context=3&sort=left");
  REQUIRE(left["lines"].size() == 4);
  std::vector<std::string> l1;  // the word nearest the keyword, leftwards
  for (const auto& line : left["lines"]) {
    const std::string text = line["left"];
    l1.push_back(text.substr(text.find_last_of(' ') + 1));
  }
  // L1: new < said = said < trust; the two "said" by L2: Rubio < Yi.
  CHECK(l1 == std::vector<std::string>{"new", "said", "said", "trust;"});
  CHECK(left["lines"][1]["left"] == "Marco Rubio said");
  CHECK(left["lines"][2]["left"] == "Wang Yi said");

  const json right = kwic(server, "q=tariffs&literal=1&context=3&sort=right");
  std::vector<std::string> r1;
  for (const auto& line : right["lines"]) {
    const std::string text = line["right"];
    r1.push_back(text.substr(0, text.find(' ')));
  }
  CHECK(r1 == std::vector<std::string>{"hurt", "on", "solve", "were"});

  // Pages of 3 over the 6 lines of both articles (the query finds either word), newest first.
  const json p1 = kwic(server, "q=tariffs+OR+%E5%85%B3%E7%A8%8E&sort=date&per_page=3&page=1");
  const json p2 = kwic(server, "q=tariffs+OR+%E5%85%B3%E7%A8%8E&sort=date&per_page=3&page=2");
  const json p3 = kwic(server, "q=tariffs+OR+%E5%85%B3%E7%A8%8E&sort=date&per_page=3&page=3");
  CHECK(p1["total"] == 6);
  REQUIRE(p1["lines"].size() == 3);
  REQUIRE(p2["lines"].size() == 3);
  CHECK(p3["lines"].empty());
  CHECK(p1["lines"][0]["id"] == "zh");  // 2025-05-13 before 2025-05-12
  CHECK(p1["lines"][1]["id"] == "zh");
  CHECK(p1["lines"][2]["id"] == "geneva");
  std::set<std::pair<std::string, int>> seen;
  for (const json* page : {&p1, &p2})
    for (const auto& line : (*page)["lines"])
      seen.insert({line["id"].get<std::string>(), line["offset"].get<int>()});
  CHECK(seen.size() == 6);  // no line twice across pages
}

TEST_CASE("GET /api/kwic refuses bad parameters with 400 JSON") {
  TempDir tmp;
  const auto db = index_kwic_fixtures(tmp.path());
  REQUIRE(!db.empty());
  TestServer server(db);
  for (const char* bad :
       {"/api/kwic", "/api/kwic?q=", "/api/kwic?q=tariffs&context=31", "/api/kwic?q=a&context=x",
        "/api/kwic?q=a&context=-2", "/api/kwic?q=a&sort=newest", "/api/kwic?q=a&page=0",
        "/api/kwic?q=a&per_page=501", "/api/kwic?q=a&per_page=", "/api/kwic?q=a&colour=red",
        "/api/kwic?q=a&from=2025-13", "/api/kwic?q=a&sort=left&sort=right", "/api/kwic?q=%FF%FE"}) {
    int status = 0;
    const json error = get_json(server, bad, &status);
    INFO(bad);
    CHECK(status == 400);
    CHECK(error["error"]["code"] == "invalid_argument");
    CHECK(!error["error"]["message"].get<std::string>().empty());
  }
}
