// HTTP tests of the search API over the evaluation articles (tests/eval/search/articles):
// every endpoint, its parameters, its response fields and its errors (docs/api.md).
#include <doctest/doctest.h>

#include <fstream>
#include <set>

#include "tests/integration/test_helpers.h"

using namespace readouts::testing;
using nlohmann::json;

namespace {

// The evaluation articles indexed once per test process.
const std::filesystem::path& eval_db() {
  static TempDir tmp;
  static const std::filesystem::path db = [] {
    auto path = tmp.path() / "db";
    auto r = index_paths(path, quote(std::string(READOUTS_TEST_DIR) + "/eval/search/articles"));
    INFO(r.output);
    REQUIRE(r.status == 0);
    return path;
  }();
  return db;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

TEST_CASE("search api reads Taiwan Xi 2025 as person year and topic") {
  TestServer server(eval_db());
  json r = search_api(server, "q=Taiwan,%20Xi,%202025");
  const json& in = r["interpreted"];
  CHECK(in["speakers"] == json::array({"Xi Jinping"}));
  CHECK(in["from"] == "2025-01-01");
  CHECK(in["to"] == "2025-12-31");
  CHECK(in["words"] == json::array({"Taiwan"}));
  CHECK(in["said"] == false);
  CHECK(in["literal"] == false);
  REQUIRE(r["results"].size() >= 4);
  for (const auto& h : r["results"]) {
    CHECK(h["date"].get<std::string>().starts_with("2025"));
    for (const char* f : {"id", "origin", "title", "date", "source", "url", "language", "speakers",
                          "topics", "score", "snippet", "speaker"})
      CHECK_MESSAGE(h.contains(f), f);
  }
  // The first results are English accounts of Xi on Taiwan in 2025, quoting Xi.
  const json& first = r["results"][0];
  CHECK(first["language"] == "en");
  CHECK(first["speaker"] == "Xi Jinping");
  CHECK(first["snippet"].get<std::string>().find("<mark>Taiwan</mark>") != std::string::npos);
  auto top4 = result_ids(r);
  top4.resize(4);
  for (const char* want : {"app-xi-trump-call-2025-11-24", "mfa-xi-trump-call-2025-06-05"})
    CHECK_MESSAGE(contains(top4, want), want);
  CHECK(r["took_ms"].get<double>() >= 0);
  CHECK(r["total_exact"] == true);
}

TEST_CASE("search api answers questions about what a person said") {
  TestServer server(eval_db());
  json r = search_api(server, "q=what%20did%20Trump%20say%20about%20fentanyl");
  CHECK(r["interpreted"]["said"] == true);
  CHECK(r["interpreted"]["speakers"] == json::array({"Donald J. Trump"}));
  CHECK(r["interpreted"]["ignored"] == json::array({"what", "did", "say", "about"}));
  REQUIRE(r["results"].size() >= 3);
  for (const auto& h : r["results"]) {
    auto sp = h["speakers"].get<std::vector<std::string>>();
    CHECK(contains(sp, "Donald J. Trump"));  // only articles where Trump speaks
  }
  CHECK(r["results"][0]["speaker"] == "Donald J. Trump");
  CHECK(r["results"][0]["snippet"].get<std::string>().find("<mark>fentanyl</mark>") !=
        std::string::npos);
}

TEST_CASE("search api falls back to any word when every word finds too few") {
  TestServer server(eval_db());
  json r = search_api(server, "q=planet%20big%20enough");
  CHECK(r["interpreted"]["match"] == "any");
  REQUIRE(r["results"].size() >= 2);
  CHECK(r["results"][0]["id"] == "xinhua-xi-biden-sf-2023-11-16");  // has all three words
  // A query with enough full matches keeps them only.
  json all = search_api(server, "q=Taiwan");
  CHECK(all["interpreted"]["match"] == "all");
}

TEST_CASE("search api searches a year as a word when nothing has that date") {
  TestServer server(eval_db());
  // No article is dated 1972; one recalls the 1972 Shanghai Communique.
  json r = search_api(server, "q=1972%20Shanghai%20Communique");
  CHECK(r["interpreted"]["dates_as_words"] == true);
  CHECK(r["interpreted"]["from"].is_null());
  CHECK(r["interpreted"]["date_words"] == json::array({"1972"}));
  REQUIRE(!r["results"].empty());
  CHECK(r["results"][0]["id"] == "wh-nixon-anniversary-2022-02-28");
  // A date that finds articles stays a date; a year: field is never turned into words.
  json dated = search_api(server, "q=Taiwan%202025");
  CHECK(dated["interpreted"]["dates_as_words"] == false);
  CHECK(dated["interpreted"]["from"] == "2025-01-01");
  json field = search_api(server, "q=year:1972%20Shanghai");
  CHECK(field["interpreted"]["dates_as_words"] == false);
  CHECK(field["results"].empty());
}

TEST_CASE("search api expands synonyms and searches Chinese") {
  TestServer server(eval_db());
  json dprk = search_api(server, "q=DPRK");
  CHECK(
      contains(result_ids(dprk), "wh-trump-xi-call-north-korea-2017-09-18"));  // says "North Korea"
  CHECK(!dprk["interpreted"]["synonyms"].empty());
  json zh =
      search_api(server,
                 "q=%E4%B9%A0%E8%BF%91%E5%B9%B3%20%E7%89%B9%E6%9C%97%E6%99%AE");  // 习近平 特朗普
  CHECK(zh["interpreted"]["speakers"] == json::array({"Xi Jinping", "Donald J. Trump"}));
  REQUIRE(!zh["results"].empty());
  CHECK(zh["results"][0]["language"] == "zh-Hans");
  json drug = search_api(server, "q=%E8%8A%AC%E5%A4%AA%E5%B0%BC");  // 芬太尼
  REQUIRE(!drug["results"].empty());
  const std::string snip = drug["results"][0]["snippet"];
  CHECK(snip.find("<mark>芬太尼</mark>") != std::string::npos);  // one mark, not three
}

TEST_CASE("search api literal mode searches the words as typed") {
  TestServer server(eval_db());
  json r = search_api(server, "q=Taiwan,%20Xi,%202025&literal=1");
  CHECK(r["interpreted"]["literal"] == true);
  CHECK(r["interpreted"]["speakers"].empty());
  // No person, year or topic recognised: "Xi" and "2025" are words. The article with all three
  // words in its text ("2025 New Year address") comes first; others with some of them follow.
  REQUIRE_FALSE(result_ids(r).empty());
  CHECK(result_ids(r).front() == "xinhua-xi-new-year-2024-12-31");
  CHECK(r["interpreted"]["from"].is_null());
  // Stop words are not required: a question in literal mode finds what its words find.
  json question = search_api(server, "q=what%20did%20Xi%20say%20about%20Taiwan&literal=1");
  CHECK(question["total"].get<int>() >= 5);
}

TEST_CASE("search api filters sorts and pages") {
  TestServer server(eval_db());
  json by_speaker = search_api(server, "q=&speaker=Wang%20Yi&speaker=%E9%B2%81%E6%AF%94%E5%A5%A5");
  REQUIRE(by_speaker["total"].get<int>() >= 5);
  for (const auto& h : by_speaker["results"]) {
    auto sp = h["speakers"].get<std::vector<std::string>>();
    CHECK((contains(sp, "Wang Yi") || contains(sp, "Marco Rubio")));
  }
  json zh = search_api(server, "q=&lang=zh-Hans&per_page=100");
  for (const auto& h : zh["results"]) CHECK(h["language"] == "zh-Hans");
  json src = search_api(server, "q=tariffs&source=Reuters");
  for (const auto& h : src["results"]) CHECK(h["source"] == "Reuters");
  json dated = search_api(server, "q=Taiwan&from=2024-01&to=2024-06");
  REQUIRE(!dated["results"].empty());
  for (const auto& h : dated["results"]) {
    CHECK(h["date"] >= "2024-01");
    CHECK(h["date"] <= "2024-06-30");
  }

  json newest = search_api(server, "q=Taiwan&sort=date&per_page=20");
  std::string prev = "9999";
  for (const auto& h : newest["results"]) {
    CHECK(h["date"].get<std::string>() <= prev);
    prev = h["date"];
  }
  json oldest = search_api(server, "q=Taiwan&sort=oldest&per_page=5");
  CHECK(oldest["results"][0]["date"] <= oldest["results"][4]["date"]);

  json p1 = search_api(server, "q=Taiwan&per_page=3&page=1");
  json p2 = search_api(server, "q=Taiwan&per_page=3&page=2");
  CHECK(p1["total"] == p2["total"]);
  for (const auto& id : result_ids(p2)) CHECK(!contains(result_ids(p1), id));
}

TEST_CASE("search api facets count every match") {
  TestServer server(eval_db());
  json r = search_api(server, "q=Taiwan");
  const uint64_t total = r["total"];
  REQUIRE(total > 10);
  for (const char* f : {"speaker", "topic", "year", "source", "language"})
    CHECK_MESSAGE(r["facets"].contains(f), f);
  uint64_t years = 0;
  for (const auto& y : r["facets"]["year"]) years += y["count"].get<uint64_t>();
  CHECK(years == total);  // every article here is dated
  uint64_t langs = 0;
  for (const auto& l : r["facets"]["language"]) langs += l["count"].get<uint64_t>();
  CHECK(langs == total);
  bool xi = false;
  for (const auto& s : r["facets"]["speaker"]) xi |= s["value"] == "Xi Jinping";
  CHECK(xi);
  json none = search_api(server, "q=Taiwan&facets=0");
  CHECK(none["facets"].empty());
}

TEST_CASE("search api offers did you mean only when it finds more") {
  TestServer server(eval_db());
  CHECK(search_api(server, "q=fentanyk")["suggestion"] == "fentanyl");
  // "fentanil" is no misspelling: it is the Turkish and Indonesian word, a synonym.
  CHECK(search_api(server, "q=fentanil")["suggestion"].is_null());
  CHECK(search_api(server, "q=fentanil")["total"].get<int>() >= 1);
  CHECK(search_api(server, "q=Sunnylands")["suggestion"].is_null());  // rare but right
  CHECK(search_api(server, "q=Lima")["suggestion"].is_null());
  CHECK(search_api(server, "q=taiwan")["suggestion"].is_null());
}

TEST_CASE("search api snippets are escaped with marks only") {
  TempDir tmp;
  auto file = tmp.path() / "a.md";
  {
    std::ofstream(file) << "---\nid: esc\ntitle: Markup test\ndate: 2024-01-02\n---\n\n"
                           "Blinken said <script>alert(1)</script> & tariffs on AT&T.\n";
  }
  auto db = tmp.path() / "db";
  REQUIRE(index_paths(db, quote(file.string())).status == 0);
  TestServer server(db);
  json r = search_api(server, "q=tariffs");
  REQUIRE(r["results"].size() == 1);
  const std::string snip = r["results"][0]["snippet"];
  CHECK(snip.find("<script>") == std::string::npos);
  CHECK(snip.find("&lt;script&gt;") != std::string::npos);
  CHECK(snip.find("<mark>tariffs</mark>") != std::string::npos);
}

TEST_CASE("search api turns bad queries into 400 and broad wildcards into a capped search") {
  TestServer server(eval_db());
  for (const char* bad :
       {"q=date:2025-13..2025-14", "q=taiwan&per_page=101", "q=taiwan&page=101",
        "q=taiwan&sort=best", "q=taiwan&literal=maybe", "q=x&from=2025-02-30", "q=x&lang="}) {
    int status = 0;
    json r = get_json(server, std::string("/api/search?") + bad, &status);
    INFO(std::string(bad));
    CHECK(status == 400);
    CHECK(r["error"]["code"] == "invalid_argument");
    CHECK(r["error"].value("message", "") != "");
  }
  for (const char* ok : {"q=a*", "q=t*+OR+c*", "q=*", "q=%22unclosed", "q=(taiwan", "q=-taiwan",
                         "q=NOT+taiwan", "q=speaker:nobody", "q=topic:", "q=%E2%80%9C",
                         "q=AND%20OR", "q=NOT", "q=taiwan+AND", "q=(((", "q=%22%22"}) {
    int status = 0;
    json r = get_json(server, std::string("/api/search?") + ok, &status);
    INFO(std::string(ok));
    CHECK(status == 200);
    CHECK(r.contains("results"));
  }
}

TEST_CASE("search api article similar and stats endpoints") {
  TestServer server(eval_db());
  int status = 0;
  json a = get_json(server, "/api/articles/treasury-geneva-2025-05-12", &status);
  CHECK(status == 200);
  CHECK(a["title"] == "Joint Statement on U.S.-China Economic and Trade Meeting in Geneva");
  CHECK(a["passages"].size() >= 3);
  get_json(server, "/api/articles/no-such-id", &status);
  CHECK(status == 404);
  get_json(server, "/api/articles/bad%20id", &status);
  CHECK(status == 400);

  json sim = get_json(server, "/api/articles/treasury-geneva-2025-05-12/similar", &status);
  CHECK(status == 200);
  auto neighbours = result_ids(sim);
  REQUIRE(neighbours.size() >= 3);
  CHECK(!contains(neighbours, "treasury-geneva-2025-05-12"));
  std::vector<std::string> top3(neighbours.begin(), neighbours.begin() + 3);
  CHECK(contains(top3, "treasury-stockholm-2025-07-29"));  // the same talks, later round
  CHECK(contains(neighbours, "treasury-london-2025-06-10"));
  get_json(server, "/api/articles/no-such-id/similar", &status);
  CHECK(status == 404);

  json st = get_json(server, "/api/stats", &status);
  CHECK(status == 200);
  CHECK(st["articles"] == 80);
  CHECK(st["first_date"] == "2013-06-08");
  CHECK(st["last_date"] == "2025-12-19");
  CHECK(!st["speakers"].empty());
  CHECK(!st["years"].empty());
}
