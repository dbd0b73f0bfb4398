// HTTP tests: a query naming an event or its place (data/events.json, data/places.json) also
// finds the accounts of those days between its people that name neither; a query asking who
// requested a call finds the accounts that say who asked (docs/search.md).
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

TEST_CASE("asking who requested a call ranks the accounts that say who asked, in any language") {
  TempDir tmp;
  // Written for this test: four accounts of one call; two say who asked for it.
  std::string output;
  const std::filesystem::path db = index_articles(
      tmp.path(),
      {{"says-en.md",
        "---\nid: says-en\ntitle: Leaders speak\ndate: 2025-06-05\n---\n\n"
        "Xi Jinping took the call at the request of Donald Trump. Xi Jinping said trade "
        "matters.\n"},
       {"says-zh.md",
        "---\nid: says-zh\ntitle: 两国元首通话\ndate: 2025-06-05\n---\n\n"
        "习近平应约同特朗普通电话。习近平指出，双方应当管控分歧。\n"},
       {"silent-1.md",
        "---\nid: silent-1\ntitle: The phone call between the leaders\ndate: 2025-06-05\n---\n\n"
        "Donald Trump said the phone call with Xi Jinping was a very good call. The call "
        "lasted ninety minutes and the call covered trade.\n"},
       {"silent-2.md",
        "---\nid: silent-2\ntitle: Call on trade\ndate: 2025-06-06\n---\n\n"
        "Xi Jinping said on the call that the two sides should cooperate. Trump said the call "
        "went well.\n"}},
      &output);
  INFO(output);
  REQUIRE(!db.empty());
  TestServer server(db);
  for (const char* q :
       {"who%20asked%20for%20the%20call%20between%20Xi%20and%20Trump",
        "%E8%B0%81%E4%B8%BB%E5%8A%A8%E6%8F%90%E5%87%BA%E7%9A%84%E9%80%9A%E8%AF%9D"}) {
    const json r = search_api(server, std::string("q=") + q);
    INFO(q, " ", r.dump(1).substr(0, 1500));
    CHECK(r["interpreted"]["ignored"].size() > 0);
    const std::vector<std::string> ids = result_ids(r);
    REQUIRE(ids.size() >= 2);
    // The two accounts that say who asked come first, whatever their language.
    CHECK(((ids[0] == "says-en" && ids[1] == "says-zh") ||
           (ids[0] == "says-zh" && ids[1] == "says-en")));
  }
}

TEST_CASE("when the first results report one event, its other accounts follow them") {
  TempDir tmp;
  // Written for this test: two English accounts and a Chinese one of one meeting, and an
  // English account of another meeting of the same two people that also has the words.
  std::string output;
  const std::filesystem::path db = index_articles(
      tmp.path(),
      {{"en-1.md",
        "---\nid: en-1\ntitle: Blinken meets Xi; a concert by an orchestra follows\n"
        "date: 2024-04-26\n---\n\nAntony Blinken met Xi Jinping in Beijing. Xi Jinping said "
        "the two countries should be partners. Blinken said the orchestra played well.\n"},
       {"en-2.md",
        "---\nid: en-2\ntitle: Secretary Blinken and President Xi meet before the orchestra "
        "plays\ndate: 2024-04-26\n---\n\nAntony Blinken said he raised concerns with Xi "
        "Jinping. Xi Jinping said China wants stable ties. An orchestra played.\n"},
       {"zh.md",
        "---\nid: zh\ntitle: 习近平会见布林肯\ndate: 2024-04-26\n---\n\n"
        "习近平会见美国国务卿布林肯。习近平指出，中美应当做伙伴而不是对手。布林肯表示，"
        "美方愿同中方保持沟通。\n"},
       {"other.md",
        "---\nid: other\ntitle: Blinken meets Xi\ndate: 2023-06-19\n---\n\n"
        "Antony Blinken met Xi Jinping in Beijing. Xi Jinping said the two sides made "
        "progress. Blinken said ties were stabilising. Later that week, in another city, a "
        "visiting orchestra gave a concert that had nothing to do with the talks.\n"}},
      &output);
  INFO(output);
  REQUIRE(!db.empty());
  TestServer server(db);
  const json r = search_api(server, "q=Blinken%20Xi%20orchestra");
  INFO(r.dump(1).substr(0, 2500));
  const std::vector<std::string> ids = result_ids(r);
  REQUIRE(ids.size() == 4);
  CHECK(r["interpreted"]["event_first"].is_string());
  CHECK(((ids[0] == "en-1" && ids[1] == "en-2") || (ids[0] == "en-2" && ids[1] == "en-1")));
  CHECK(ids[2] == "zh");  // the same meeting's Chinese account, before the other meeting
  CHECK(ids[3] == "other");
  // By date, nothing moves: the newest first, and no event is put first.
  const json by_date = search_api(server, "q=Blinken%20Xi%20orchestra&sort=date");
  CHECK(by_date["interpreted"]["event_first"].is_null());
}

TEST_CASE("a query naming a named event's place puts that event's accounts first") {
  TempDir tmp;
  // Written for this test: a later call whose page names Busan three times, and two accounts
  // of the Busan meeting of 30 October 2025 (data/events.json busan-2025), one naming Busan.
  std::string output;
  const std::filesystem::path db = index_articles(
      tmp.path(),
      {{"later.md",
        "---\nid: later\ntitle: After Busan, a call: Busan deal holds, Busan follow-up\n"
        "date: 2025-11-24\n---\n\nDonald Trump spoke by phone with Xi Jinping. Xi Jinping said "
        "the Busan consensus on tariffs must be kept.\n"},
       {"named.md",
        "---\nid: named\ntitle: Leaders meet\ndate: 2025-10-30\n---\n\n"
        "Donald Trump and Xi Jinping met in Busan. Trump said tariffs would come down.\n"},
       {"unnamed.md",
        "---\nid: unnamed\ntitle: Leaders agree on soybeans\ndate: 2025-10-30\n---\n\n"
        "Xi Jinping said the two sides had reached a consensus. Donald Trump said the meeting "
        "was a great success.\n"}},
      &output);
  INFO(output);
  REQUIRE(!db.empty());
  TestServer server(db);
  // The later call matches every word and would come first; the meeting's accounts do not.
  const json r = search_api(server, "q=Busan%20tariffs%20consensus");
  INFO(r.dump(1).substr(0, 2500));
  CHECK(r["interpreted"]["event_first"] == "busan-2025");
  const std::vector<std::string> ids = result_ids(r);
  REQUIRE(ids.size() == 3);
  CHECK(((ids[0] == "named" && ids[1] == "unnamed") || (ids[0] == "unnamed" && ids[1] == "named")));
  CHECK(ids[2] == "later");
}

TEST_CASE("an account in the query's language quoting one of the two people named comes first") {
  TempDir tmp;
  // Written for this test: in each language, a short account of a Xi-Blinken meeting in which
  // only Xi is quoted, and a long article about another of their meetings that quotes both.
  // The exchange between the two is what the query asks for: an account of it in the query's
  // language is not put below the other language's article for quoting only one of them.
  const std::string filler =
      " The article then turns to the weather, the traffic in the capital, a new museum, the "
      "harvest in the provinces, a football match, the price of rice and a concert.";
  std::string long_en =
      "Xi Jinping met Antony Blinken in 2023. Xi Jinping said ties were "
      "improving. Antony Blinken said the talks were candid.";
  std::string long_zh =
      "习近平2023年会见布林肯。习近平指出，两国关系正在改善。布林肯表示，"
      "会谈是坦诚的。";
  for (int i = 0; i < 20; ++i) {
    long_en += filler;
    long_zh += "文章随后谈到天气、首都的交通、新的博物馆、各省的收成、足球比赛和大米价格。";
  }
  std::string output;
  const std::filesystem::path db = index_articles(
      tmp.path(),
      {{"account-en.md",
        "---\nid: account-en\ntitle: Xi Jinping meets Blinken\ndate: 2024-04-26\n---\n\n"
        "Xi Jinping met Antony Blinken in Beijing on Friday. Xi Jinping told Blinken at the "
        "meeting that the two countries should be partners. The meeting with Blinken lasted an "
        "hour.\n"},
       {"account-zh.md",
        "---\nid: account-zh\ntitle: 习近平会见布林肯\ndate: 2024-04-26\n---\n\n"
        "习近平在北京会见美国国务卿布林肯。习近平在会见时指出，两国应当做伙伴。\n"},
       {"both-en.md",
        "---\nid: both-en\ntitle: A year of talks\ndate: 2024-01-02\n---\n\n" + long_en + "\n"},
       {"both-zh.md",
        "---\nid: both-zh\ntitle: 一年的会谈\ndate: 2023-09-12\n---\n\n" + long_zh + "\n"}},
      &output);
  INFO(output);
  REQUIRE(!db.empty());
  TestServer server(db);
  auto rank_of = [](const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) - ids.begin();
  };
  const struct {
    const char* query;
    const char* account;
    const char* both;
  } cases[] = {{"Xi%20meets%20Blinken", "account-en", "both-zh"},
               {"%E4%B9%A0%E8%BF%91%E5%B9%B3%20%E4%BC%9A%E8%A7%81%20%E5%B8%83%E6%9E%97%E8%82%AF",
                "account-zh", "both-en"}};  // 习近平 会见 布林肯
  for (const auto& c : cases) {
    const json r = search_api(server, std::string("q=") + c.query);
    INFO(r.dump(1).substr(0, 3000));
    const std::vector<std::string> ids = result_ids(r);
    REQUIRE(ids.size() == 4);
    CHECK(rank_of(ids, c.account) < rank_of(ids, c.both));
  }
}

TEST_CASE("a topic query lifts only the leading event's accounts that raise the topic") {
  TempDir tmp;
  // Written for this test: a state visit whose accounts are about cyber security and, one of
  // them, about a dinner and climate; and an earlier summit where cyber security came up too.
  std::string output;
  const std::filesystem::path db = index_articles(
      tmp.path(),
      {{"visit-cyber-1.md",
        "---\nid: visit-cyber-1\ntitle: Leaders agree on cyber security\ndate: 2015-09-25\n"
        "---\n\nBarack Obama said he and Xi Jinping agreed that neither government would "
        "conduct cyber theft of trade secrets. Xi Jinping said cyber security cooperation "
        "serves both countries.\n"},
       {"visit-cyber-2.md",
        "---\nid: visit-cyber-2\ntitle: Cyber security deal at the state visit\n"
        "date: 2015-09-25\n---\n\nXi Jinping said China opposes hacking and cyber attacks. "
        "Barack Obama said the cyber security deal must be kept.\n"},
       {"visit-dinner.md",
        "---\nid: visit-dinner\ntitle: State dinner at the White House\ndate: 2015-09-25\n"
        "---\n\nBarack Obama said Xi Jinping was a welcome guest at the state dinner. Xi "
        "Jinping said the two countries would keep working on climate change and carbon "
        "emissions.\n"},
       {"summit-cyber.md",
        "---\nid: summit-cyber\ntitle: Summit in California\ndate: 2013-06-08\n---\n\n"
        "Barack Obama said cyber security and cyber theft were discussed at length with Xi "
        "Jinping. Xi Jinping said China is a victim of cyber attacks too.\n"}},
      &output);
  INFO(output);
  REQUIRE(!db.empty());
  TestServer server(db);
  const json r = search_api(server, "q=Obama%20Xi%20cyber%20security");
  INFO(r.dump(1).substr(0, 3000));
  const std::vector<std::string> ids = result_ids(r);
  REQUIRE(ids.size() == 4);
  auto rank_of = [&](const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) - ids.begin();
  };
  CHECK(rank_of("summit-cyber") < rank_of("visit-dinner"));
}

TEST_CASE("a query about two topics puts first the event's accounts that raise both") {
  TempDir tmp;
  // Written for this test: three accounts of one call (two raise fentanyl and tariffs, one
  // tariffs only) and a review of another year that names both topics once.
  std::string output;
  const std::filesystem::path db = index_articles(
      tmp.path(),
      {{"both-1.md",
        "---\nid: both-1\ntitle: Leaders speak by phone on fentanyl and tariffs\n"
        "date: 2020-03-10\n---\n\nDonald Trump spoke by phone with Xi Jinping about fentanyl "
        "and tariffs. Trump said China must stop the flow of fentanyl and that tariffs would "
        "come down if it did. Xi Jinping said the two sides should settle the tariffs dispute "
        "and work together against fentanyl.\n"},
       {"both-2.md",
        "---\nid: both-2\ntitle: 习近平同特朗普通电话\ndate: 2020-03-11\n---\n\n"
        "习近平同美国总统特朗普通电话。特朗普表示，中方应当管控芬太尼，美方将降低关税。"
        "习近平指出，双方应当通过对话解决关税问题，在芬太尼问题上合作。\n"},
       {"tariffs-only.md",
        "---\nid: tariffs-only\ntitle: The call, as seen by traders\ndate: 2020-03-10\n---\n\n"
        "Donald Trump said on the phone call with Xi Jinping that tariffs on soybeans and "
        "steel would be reviewed. Xi Jinping said tariffs hurt both economies and trade should "
        "grow.\n"},
       {"elsewhere.md",
        "---\nid: elsewhere\ntitle: A year of trade measures\ndate: 2019-05-02\n---\n\n"
        "The ministry published its yearly review of trade measures, covering ports, shipping, "
        "customs forms, steel quotas and farm exports. Among many other items it listed "
        "tariffs tied to fentanyl. The review also described new customs software, staff "
        "training, port upgrades and a long list of minor rule changes across many sectors of "
        "the economy.\n"}},
      &output);
  INFO(output);
  REQUIRE(!db.empty());
  TestServer server(db);
  const json r = search_api(server, "q=fentanyl%20tariffs");
  INFO(r.dump(1).substr(0, 2500));
  CHECK(r["interpreted"]["event_first"].is_string());
  const std::vector<std::string> ids = result_ids(r);
  REQUIRE(ids.size() == 4);
  CHECK(((ids[0] == "both-1" && ids[1] == "both-2") || (ids[0] == "both-2" && ids[1] == "both-1")));
  // The account raising tariffs alone is not put above an article that names both topics.
  CHECK(ids[2] == "elsewhere");
  CHECK(ids[3] == "tariffs-only");
}
