// Unit tests: the Xapian queries built for key queries (by their descriptions), and errors.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "shared/core/schema.h"
#include "shared/search/query_builder.h"
#include "shared/text/held_members.h"
#include "tests/unit/test_query_knowledge.h"

using namespace readouts;

namespace {

BuiltQuery build(const std::string& q, bool literal = false) {
  SearchRequest r;
  r.q = q;
  r.literal = literal;
  auto b = build_query(r, query_test_knowledge(), nullptr);
  REQUIRE_MESSAGE(b.ok(), q);
  return b.value();
}

bool has(const Xapian::Query& q, const std::string& part) {
  return q.get_description().find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("query builder table of key descriptions") {
  struct Row {
    const char* q;
    std::vector<const char*> present;  // substrings of the strict query's description
    std::vector<const char*> absent;
  };
  const Row rows[] = {
      // Year -> value range; the person -> involved (speaks, mentioned or named) + spoken words.
      {"Taiwan, Xi, 2025",
       {"Ztaiwan", "XSPxi jinping OR XMNxi jinping OR Zxi", "ZXWxi_jinping:taiwan", "5 * Ktaiwan",
        "FILTER VALUE_RANGE 0 20250000 20259999"},
       {"Z2025", "2025@"}},
      // A question: the speaker filters, the question words are gone.
      {"what did Trump say about fentanyl",
       {"Zfentanyl", "FILTER XSPdonald j. trump", "ZXWdonald_j._trump:fentanyl"},
       {"Zwhat", "Zsay", "Zabout", "XMNdonald"}},
      // Synonyms: one OP_SYNONYM per group, phrases for multi-word members.
      {"DPRK missile", {"Zdprk SYNONYM (north@1 PHRASE 2 korea@2)", "Zmissil"}, {}},
      {"PRC", {"Zprc SYNONYM Zchina"}, {}},
      // The speaker's own words in the indexed forms: stems, also inside a hyphenated word.
      {"Xi one-China", {"ZXWxi_jinping:china", "ZXWxi_jinping:one"}, {}},
      // Numbers are indexed unstemmed, without the Z prefix.
      {"90 days", {"90 AND Zday"}, {"Z90"}},
      // The other script's members widen only the loose query (see below).
      // The other script's members count for a match; the script typed ranks first (a tier).
      // A member holding another ("phone call" holds "call") matches nothing more: left out
      // of the match, the typed words still boosted as a phrase.
      {"phone call", {"Zcall", "电话@1", "wt=250", "phone PHRASE 2 call"}, {"phone@1 PHRASE"}},
      // Several words: a phrase boost on the unstemmed words.
      {"rare earths export",
       {"Zrare AND Zearth AND Zexport", "rare PHRASE 3 earths PHRASE 3 export"},
       {}},
      // Chinese: n-grams; names cut out and searched as people.
      {"习近平 特朗普 通电话", {"XSPxi jinping", "XSPdonald j. trump", "电话@1"}, {}},
      // Xapian syntax goes to the QueryParser as typed.
      {"xi NOT biden", {"AND_NOT"}, {"XSP"}},
      {"speaker:xi taiwan", {"XSPxi jinping", "Ztaiwan"}, {}},
      {"\"red line\" Taiwan", {"red@1 PHRASE 2 line@2"}, {}},
      {"date:2025-01..2025-06 tariffs", {"VALUE_RANGE 0 20250100 20250699"}, {}},
      {"date:2025..2025", {"VALUE_RANGE 0 20250000 20259999"}, {}},
      // Articles dated to a month or a year match when the range covers all of it.
      {"2024-11-05..2024-11-20 Lima", {"VALUE_RANGE 0 20241105 20241120"}, {}},
      {"2024-11-01..2024-11-30 Lima", {"VALUE_RANGE 0 20241100 20241199"}, {}},
      {"2024-01-01..2024-12-31 Lima", {"VALUE_RANGE 0 20240000 20249999"}, {}},
      {"2024-02-01..2024-02-29 Lima", {"VALUE_RANGE 0 20240200 20240299"}, {}},
      {"2024-02-01..2024-02-28 Lima", {"VALUE_RANGE 0 20240201 20240228"}, {}},
      // Typed fields are filters; the words stay free text (synonyms apply).
      {"speaker:trump PRC", {"FILTER XSPdonald j. trump", "Zprc SYNONYM Zchina"}, {}},
      {"source:Xinhua lang:en tariffs", {"XSRCxinhua", "Len"}, {}},
      {"topic:Taiwan", {"Ktaiwan"}, {"KTaiwan"}},
  };
  for (const Row& r : rows) {
    BuiltQuery b = build(r.q);
    const std::string d = b.query.get_description();
    INFO("q=" << std::string(r.q) << "\n" << d);
    for (const char* p : r.present) CHECK_MESSAGE(d.find(p) != std::string::npos, p);
    for (const char* p : r.absent) CHECK_MESSAGE(d.find(p) == std::string::npos, p);
  }
}

TEST_CASE("the loose query needs any concept and ranks full matches first") {
  BuiltQuery b = build("Biden Xi climate");
  REQUIRE_FALSE(b.loose.empty());
  const std::string d = b.loose.get_description();
  INFO(d);
  CHECK(d.find("FixedWeightPostingSource") != std::string::npos);
  CHECK(has(b.query, "Zclimat AND"));
  CHECK(d.find("Zclimat OR") != std::string::npos);

  // One plain word without synonyms: nothing to loosen.
  CHECK(build("Sunnylands").loose.empty());
  // A word with a Chinese synonym: the loose query adds the other script.
  BuiltQuery call = build("call");
  REQUIRE_FALSE(call.loose.empty());
  CHECK(has(call.loose, "通电话") == false);  // n-grams, not the whole word
  CHECK(has(call.loose, "电话@1"));
  // Explicit syntax is never loosened; literal queries are (their words, no people).
  CHECK(build("\"red line\" Taiwan").loose.empty());
  BuiltQuery literal = build("Biden Xi climate", /*literal=*/true);
  REQUIRE_FALSE(literal.loose.empty());
  CHECK_FALSE(has(literal.loose, "XSP"));
}

TEST_CASE("literal queries search the words as typed") {
  BuiltQuery b = build("Taiwan, Xi, 2025", /*literal=*/true);
  const std::string d = b.query.get_description();
  INFO(d);
  CHECK(d.find("Ztaiwan AND Zxi AND 2025") != std::string::npos);
  CHECK(d.find("XSP") == std::string::npos);
  CHECK(d.find("VALUE_RANGE") == std::string::npos);
  CHECK(d.find("Ktaiwan") == std::string::npos);  // no topic boost
  // Stop words are not required ("what did ... about" would match almost nothing).
  BuiltQuery question = build("what did Xi say about Taiwan", /*literal=*/true);
  const std::string q = question.query.get_description();
  INFO(q);
  CHECK(q.find("Zwhat") == std::string::npos);
  CHECK(q.find("Zxi AND Ztaiwan") != std::string::npos);
}

TEST_CASE("a wrong typed date is an invalid argument, and other broken syntax is read as words") {
  for (const char* q : {"date:2025-13..2025-14", "year:2025 date:2025-02-30..2025-03-01"}) {
    SearchRequest r;
    r.q = q;
    auto b = build_query(r, query_test_knowledge(), nullptr);
    CHECK_MESSAGE(!b.ok(), q);
    if (!b.ok()) CHECK(b.error().code == Code::kInvalidArgument);
  }
  for (const char* q : {"AND OR", "NOT", "taiwan AND", "(taiwan OR", "NEAR/3 taiwan", "+", "-"}) {
    SearchRequest r;
    r.q = q;
    auto b = build_query(r, query_test_knowledge(), nullptr);
    CHECK_MESSAGE(b.ok(), q);
  }
}

TEST_CASE("request filters resolve aliases and OR within a field") {
  SearchRequest r;
  r.q = "tariffs";
  r.speakers = {"Xi", "川普"};
  r.topics = {"Taiwan"};
  r.languages = {"zh-Hans"};
  r.from = "2025-06";
  auto b = build_query(r, query_test_knowledge(), nullptr);
  REQUIRE(b.ok());
  const std::string d = b.value().query.get_description();
  INFO(d);
  CHECK(d.find("XSPxi jinping OR XSPdonald j. trump") != std::string::npos);
  CHECK(d.find("Ktaiwan") != std::string::npos);
  CHECK(d.find("Lzh-hans") != std::string::npos);
  CHECK(d.find("VALUE_GE 0 20250600") != std::string::npos);
}

TEST_CASE(
    "CJK runs between words parse with Xapian syntax (QueryParser 1.4.22 bug worked around)") {
  CHECK(bracket_cjk_runs("talks 习近平 Biden") == "talks (习近平) Biden");
  CHECK(bracket_cjk_runs("summit 伯Ziw") == "summit (伯) Ziw");
  CHECK(bracket_cjk_runs("Ziw伯 a") == "Ziw (伯) a");
  CHECK(bracket_cjk_runs("a -伯 b") == "a -(伯) b");
  CHECK(bracket_cjk_runs("talks \"习近平 Biden\" x") == "talks \"习近平 Biden\" x");  // a phrase
  CHECK(bracket_cjk_runs("speaker:习近平 台湾") == "speaker:习近平 (台湾)");
  CHECK(bracket_cjk_runs("no CJK at all") == "no CJK at all");
  // Each of these failed to parse before (and the third leaked memory in Xapian).
  for (const char* q : {"Biden 习近平 OR Taiwan", "talks 台湾 NOT tariffs", "a OR summit 伯Ziw"}) {
    INFO(q);
    const BuiltQuery b = build(q);
    CHECK(has(b.query, "台") + has(b.query, "习") + has(b.query, "伯") == 1);
  }
  // A control character inside a free-text word splits it for Xapian just like a space.
  const std::string with_nul = std::string("talks summit") + '\0' + "伯Ziw";
  CHECK(has(build(with_nul).query, "伯"));
  // Meaning kept: AND of the words, the CJK run as its n-grams, the NOT still a NOT.
  const std::string d = build("talks 台湾 NOT tariffs").query.get_description();
  CHECK(d.find("台湾") != std::string::npos);
  CHECK(d.find("AND_NOT") != std::string::npos);
}

TEST_CASE("date filters through year terms match exactly what the date value range matches") {
  // Articles as the document builder writes them: the year term always, the month and day
  // terms when known, the sortable date value (00 for an unknown month or day); one undated.
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  std::vector<std::string> dates = {"", "20190000", "20200000", "20200600", "20201231"};
  for (int y = 2018; y <= 2026; ++y)
    for (const char* md : {"0101", "0315", "0600", "0630", "0701", "1200", "1231"})
      dates.push_back(std::to_string(y) + md);
  for (const auto& d : dates) {
    Xapian::Document doc;
    doc.add_term("Ztariff");
    if (d.empty()) {
      doc.add_boolean_term(std::string(schema::kNoDateTerm));
    } else {
      const int y = std::stoi(d.substr(0, 4)), m = std::stoi(d.substr(4, 2)),
                day = std::stoi(d.substr(6, 2));
      doc.add_boolean_term(schema::year_term(y));
      if (m) doc.add_boolean_term(schema::month_term(y, m));
      if (day) doc.add_boolean_term(schema::day_term(y, m, day));
      doc.add_value(schema::kSlotDate, d);
    }
    doc.set_data(d);
    db.add_document(doc);
  }
  auto matches = [&](const Xapian::Query& q) {
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    std::vector<std::string> out;
    Xapian::MSet m = enquire.get_mset(0, db.get_doccount());
    for (auto it = m.begin(); it != m.end(); ++it) out.push_back(it.get_document().get_data());
    std::sort(out.begin(), out.end());
    return out;
  };
  const std::vector<std::string> bounds = {
      "",           "2017",    "2018",       "2019",       "2020", "2020-06", "2020-06-30",
      "2020-07-01", "2020-12", "2021-01-01", "2024-12-31", "2026", "2030"};
  int compared = 0, with_terms = 0;
  for (const auto& from : bounds) {
    for (const auto& to : bounds) {
      if (from.empty() && to.empty()) continue;
      SearchRequest r;
      r.q = "tariffs";
      r.from = from;
      r.to = to;
      r.facets = false;
      auto by_terms = build_query(r, query_test_knowledge(), &db);
      auto by_value = build_query(r, query_test_knowledge(), nullptr);
      REQUIRE(by_terms.ok());
      REQUIRE(by_value.ok());
      INFO("from=" << from << " to=" << to);
      CHECK(matches(by_terms.value().query) == matches(by_value.value().query));
      ++compared;
      with_terms += has(by_terms.value().query, "Y20");
    }
  }
  CHECK(compared == 168);
  CHECK(with_terms > 100);  // most ranges do go through the year terms
}

TEST_CASE("a synonym member holding another member adds nothing to the match and is left out") {
  using Terms = std::vector<std::string>;
  CHECK(members_adding({"military-to-military", "military-to-military talks", "mil-mil",
                        "military to military channels", "military communication",
                        "military communications"}) == Terms{"military-to-military", "mil-mil",
                                                             "military communication",
                                                             "military communications"});
  // Word by word: "tariffs" is no "tariff"; a single word's phrase holds it ("Taiwan Strait").
  CHECK(members_adding({"tariff", "tariffs war", "Taiwan", "Taiwan Strait"}) ==
        Terms{"tariff", "tariffs war", "Taiwan"});
  // Han runs as substrings; words of other scripts whole; two alike: the first.
  CHECK(members_adding({"两军沟通", "两军沟通渠道", "兩軍溝通渠道", "تعاون", "التعاون",
                        "Co-operation", "co operation"}) ==
        Terms{"两军沟通", "تعاون", "التعاون", "Co-operation"});
  // Latin and other scripts never hold each other.
  CHECK(members_adding({"G20", "G20峰会"}) == Terms{"G20", "G20峰会"});
}
