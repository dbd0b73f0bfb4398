// HTTP tests over the default corpus (corpus/): a query in one language finds the accounts in
// the others, in both directions (people, topics, places, events, dates; docs/search.md).
#include <doctest/doctest.h>

#include <cctype>
#include <set>

#include "tests/integration/test_helpers.h"

using namespace readouts::testing;
using nlohmann::json;

namespace {

// Percent-encodes every byte but unreserved ASCII.
std::string url_encode(const std::string& s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

json search(const TestServer& s, const std::string& q, const std::string& extra = "") {
  return search_api(s, "per_page=50&q=" + url_encode(q) + extra);
}

// Languages of the matches, from the language facet (every match, not only the first page).
std::set<std::string> languages(const json& r) {
  std::set<std::string> out;
  for (const auto& f : r["facets"]["language"]) out.insert(f["value"].get<std::string>());
  return out;
}

std::set<std::string> ids(const json& r) {
  std::set<std::string> out;
  for (const auto& h : r["results"]) out.insert(h["id"].get<std::string>());
  return out;
}

bool is_chinese(const std::set<std::string>& langs) {
  return langs.count("zh-Hans") || langs.count("zh-Hant");
}

}  // namespace

TEST_CASE("across languages: Taiwan Xi and 台湾 习近平 find each other's accounts") {
  TestServer server(corpus_db());
  const json en = search(server, "Taiwan Xi");
  const json zh = search(server, "台湾 习近平");
  const json hant = search(server, "臺灣 習近平");
  CHECK(languages(en).count("en"));
  CHECK(is_chinese(languages(en)));
  CHECK(languages(zh).count("en"));
  CHECK(is_chinese(languages(zh)));
  // The language typed ranks first; the same accounts are found either way.
  REQUIRE(!en["results"].empty());
  REQUIRE(!zh["results"].empty());
  CHECK(en["results"][0]["language"] == "en");
  CHECK(zh["results"][0]["language"].get<std::string>().starts_with("zh"));
  CHECK(en["total"] == zh["total"]);
  CHECK(zh["total"] == hant["total"]);  // traditional and simplified are one
}

TEST_CASE("across languages: event names in either language find both governments' accounts") {
  TestServer server(corpus_db());
  struct Pair {
    const char* en;
    const char* zh;
    const char* en_id;  // an English account of the event
    const char* zh_id;  // a Chinese account of the event
  };
  const Pair pairs[] = {
      {"Sunnylands", "安纳伯格庄园", "2013-06-08-sunnylands-obama-xi-wh",
       "2013-06-08-sunnylands-xi-obama-zh"},
      {"Sunnylands", "庄园会晤", "2013-06-08-sunnylands-obama-xi-wh",
       "2013-06-08-sunnylands-xi-obama-zh"},
      {"Mar-a-Lago", "海湖庄园", "2017-04-07-mar-a-lago-trump-xi-wh",
       "2017-04-07-mar-a-lago-zh-hant"},
      {"Busan", "釜山", "2025-11-01-busan-fact-sheet-wh", "2025-10-30-busan-xi-trump-zh"},
      {"Woodside", "斐洛里庄园", "2023-11-15-woodside-biden-xi-wh",
       "2023-11-16-woodside-xi-biden-zh"},
  };
  for (const auto& p : pairs) {
    INFO(p.en << " / " << p.zh);
    const json en = search(server, p.en);
    const json zh = search(server, p.zh);
    CHECK(ids(en).count(p.en_id));
    CHECK(ids(en).count(p.zh_id));
    CHECK(ids(zh).count(p.en_id));
    CHECK(ids(zh).count(p.zh_id));
  }
}

TEST_CASE("across languages: Chinese, Japanese and Korean dates and months") {
  TestServer server(corpus_db());
  // A day: the accounts of that day in every language.
  const json day = search(server, "2025年11月24日");
  CHECK(day["interpreted"]["from"] == "2025-11-24");
  CHECK(day["interpreted"]["to"] == "2025-11-24");
  CHECK(languages(day).count("en"));
  CHECK(is_chinese(languages(day)));
  // The day before and after are taken in (time zones), the day itself first.
  REQUIRE(!day["results"].empty());
  CHECK(day["results"][0]["date"] == "2025-11-24");
  bool next_day = false;
  for (const auto& h : day["results"]) {
    const std::string date = h["date"];
    CHECK((date == "2025-11-23" || date == "2025-11-24" || date == "2025-11-25"));
    next_day |= date == "2025-11-25";
  }
  CHECK(next_day);  // the Taiwan outlet's account, dated by Taipei's clock
  const json korean = search(server, "2025년 11월 24일");
  CHECK(korean["total"] == day["total"]);
  // A month of no year: that month of every year, in every language.
  const json month = search(server, "11月 习近平");
  CHECK(month["interpreted"]["months"] == json::array({11}));
  REQUIRE(!month["results"].empty());
  std::set<std::string> years;
  for (const auto& h : month["results"]) {
    const std::string date = h["date"];
    CHECK(date.substr(5, 2) == "11");
    years.insert(date.substr(0, 4));
  }
  CHECK(years.size() >= 3);
  CHECK(languages(month).count("en"));
  CHECK(search(server, "十一月 习近平")["total"] == month["total"]);
  CHECK(search(server, "11월 시진핑")["total"] == month["total"]);
  // A month nothing is dated in is searched as words instead, never an empty answer by mistake.
  const json none = search(server, "2031年11月 习近平");
  CHECK(none["interpreted"]["dates_as_words"] == true);
  CHECK(!none["results"].empty());
}
