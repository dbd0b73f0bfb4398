// The stored article read with simdjson (article_from_stored) equals the nlohmann mapping
// (from_json) on every field, for full and sparse articles, odd values and broken data.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "shared/core/article.h"

namespace {

using readouts::Article;

// Both readers on the same text: nlohmann (from_json, as the article page reads it) and simdjson.
struct BothReads {
  bool nlohmann_object = false;
  bool simdjson_object = false;
  Article by_nlohmann, by_simdjson;
};

BothReads read_both(const std::string& data) {
  BothReads r;
  const nlohmann::json j = nlohmann::json::parse(data, nullptr, false);
  r.nlohmann_object = j.is_object();
  if (r.nlohmann_object) from_json(j, r.by_nlohmann);
  r.simdjson_object = readouts::article_from_stored(data, r.by_simdjson);
  return r;
}

// Every field, through the JSON both write (to_json), so that a field one reader forgets shows.
void check_same(const Article& a, const Article& b) {
  nlohmann::json ja, jb;
  to_json(ja, a);
  to_json(jb, b);
  CHECK(ja.dump() == jb.dump());
  CHECK(a.date.year == b.date.year);
  CHECK(a.date.month == b.date.month);
  CHECK(a.date.day == b.date.day);
  CHECK(a.date.precision == b.date.precision);
  CHECK(a.passages.size() == b.passages.size());
}

Article full_article() {
  Article a;
  a.id = "a1b2c3";
  a.origin = "corpus/2025/call.md";
  a.title = "Leaders speak by phone on trade — 两国元首通电话";
  a.source = "Ministry of Foreign Affairs of the PRC";
  a.url = "https://example.org/2025/06/05/call";
  a.language = "en";
  a.format = "markdown";
  a.content_hash = "ffee";
  a.indexed = "2026-12-05T20:00:00Z";
  a.date = readouts::ArticleDate::from_sortable("20250605");
  a.date.evidence = "a publication line; the url agrees";
  a.speakers = {"Xi Jinping", "Donald J. Trump"};
  a.mentions = {"Wang Yi"};
  a.topics = {"trade_tariffs", "taiwan"};
  a.warnings = {"no dateline"};
  a.side = "china_government";
  a.event = "2025-06-05-call-xi-trump";
  a.exchange.kind = "call";
  a.exchange.place = "";
  a.exchange.month_day = "06-05";
  a.exchange.china = {"Xi Jinping"};
  a.exchange.us = {"Donald J. Trump"};
  a.exchange.named = {"call-2025-06"};
  a.passages = {{"", "On the evening of June 5 the two presidents spoke by phone."},
                {"Xi Jinping", "He said \"both sides\" should keep talking.\nA second line\t."},
                {"Donald J. Trump", "Emoji and escapes: \u00e9 \\u00e9 \u2014 \U0001F600"}};
  return a;
}

}  // namespace

TEST_CASE("the stored article reads the same with simdjson as with nlohmann") {
  SUBCASE("a full article") {
    nlohmann::json j;
    to_json(j, full_article());
    const BothReads r = read_both(j.dump());
    REQUIRE(r.nlohmann_object);
    REQUIRE(r.simdjson_object);
    check_same(r.by_nlohmann, r.by_simdjson);
    CHECK(r.by_simdjson.passages.at(1).speaker == "Xi Jinping");
    CHECK(r.by_simdjson.passages.at(2).text.find("\U0001F600") != std::string::npos);
    CHECK(r.by_simdjson.exchange.named == std::vector<std::string>{"call-2025-06"});
  }
  SUBCASE("an empty article") {
    nlohmann::json j;
    to_json(j, Article{});
    const BothReads r = read_both(j.dump());
    REQUIRE(r.simdjson_object);
    check_same(r.by_nlohmann, r.by_simdjson);
  }
  SUBCASE("values of the wrong kind are skipped alike") {
    const std::string data =
        R"({"id": 7, "title": null, "date": "2024-11", "date_precision": "month",)"
        R"( "speakers": ["Wang Yi", 3, null, "Antony Blinken"], "topics": "taiwan",)"
        R"( "exchange": ["call"], "passages": [{"speaker": 5, "text": "x"}, "loose", {}]})";
    const BothReads r = read_both(data);
    REQUIRE(r.nlohmann_object);
    REQUIRE(r.simdjson_object);
    check_same(r.by_nlohmann, r.by_simdjson);
    CHECK(r.by_simdjson.speakers == std::vector<std::string>{"Wang Yi", "Antony Blinken"});
    CHECK(r.by_simdjson.date.month == 11);
    CHECK(r.by_simdjson.passages.size() == 3);
  }
  SUBCASE("broken data or another JSON value leaves the article as it was") {
    for (const std::string data : {"", "not json", "[1, 2]", "\"text\"", "{\"id\": \"a\""}) {
      Article a;
      a.id = "kept";
      CHECK_FALSE(readouts::article_from_stored(data, a));
      CHECK(a.id == "kept");
    }
  }
}

TEST_CASE("passages value reads back the passages it was made from") {
  std::vector<readouts::Passage> passages = {
      {"Xi Jinping", "两国元首通电话。"},
      {"", ""},
      {"Donald J. Trump", std::string(300, 'x') + std::string("\x1e\x1f\0end", 7)}};
  passages.push_back({std::string(200, 's'), std::string(70000, 'y')});  // lengths of 2 and 3 bytes
  const std::string value = readouts::passages_value(passages);
  std::vector<readouts::Passage> back;
  CHECK(readouts::passages_from_value(value, back));
  REQUIRE(back.size() == passages.size());
  for (size_t i = 0; i < passages.size(); ++i) {
    CHECK(back[i].speaker == passages[i].speaker);
    CHECK(back[i].text == passages[i].text);
  }
  SUBCASE("no passages, no bytes") {
    CHECK(readouts::passages_value({}).empty());
    std::vector<readouts::Passage> none;
    CHECK(readouts::passages_from_value("", none));
    CHECK(none.empty());
  }
  SUBCASE("a value cut short keeps the passages before the cut") {
    std::vector<readouts::Passage> cut;
    const std::string first = readouts::passages_value({passages[0]});
    CHECK_FALSE(readouts::passages_from_value(value.substr(0, first.size() + 1), cut));
    REQUIRE(cut.size() == 1);
    CHECK(cut[0].text == passages[0].text);
  }
}
