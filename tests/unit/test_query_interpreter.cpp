// Unit tests: how typed queries are read (people, dates, topics, question words, syntax).
// Table-driven over a small, fixed Knowledge so that edits to data/ do not change them.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "shared/search/query_interpreter.h"
#include "tests/unit/test_query_knowledge.h"

using namespace readouts;

namespace {

using Strings = std::vector<std::string>;

std::string join(const Strings& v) {
  std::string out = "[";
  for (const auto& s : v) out += (out.size() > 1 ? "|" : "") + s;
  return out + "]";
}

struct Row {
  const char* q;
  Strings speakers;
  bool said;
  const char* from;
  const char* to;
  Strings topics;
  Strings words;
  bool syntax;
};

}  // namespace

TEST_CASE("query interpretation table") {
  const Row rows[] = {
      // The issue's query: a person, a year and a topic word.
      {"Taiwan, Xi, 2025",
       {"Xi Jinping"},
       false,
       "2025-01-01",
       "2025-12-31",
       {"taiwan"},
       {"Taiwan"},
       false},
      {"taiwan xi 2025",
       {"Xi Jinping"},
       false,
       "2025-01-01",
       "2025-12-31",
       {"taiwan"},
       {"taiwan"},
       false},
      {"Biden Xi climate",
       {"Joe Biden", "Xi Jinping"},
       false,
       "",
       "",
       {"climate"},
       {"climate"},
       false},
      {"President Xi", {"Xi Jinping"}, false, "", "", {}, {}, false},
      {"Donald Trump tariffs", {"Donald J. Trump"}, false, "", "", {}, {"tariffs"}, false},
      // Chinese names, spaced or not, simplified and traditional.
      {"习近平 特朗普 通电话",
       {"Xi Jinping", "Donald J. Trump"},
       false,
       "",
       "",
       {},
       {"通电话"},
       false},
      {"习近平特朗普通电话",
       {"Xi Jinping", "Donald J. Trump"},
       false,
       "",
       "",
       {},
       {"通电话"},
       false},
      {"川普 習近平", {"Donald J. Trump", "Xi Jinping"}, false, "", "", {}, {}, false},
      {"2025年6月 习近平", {"Xi Jinping"}, false, "2025-06-01", "2025-06-30", {}, {}, false},
      {"2024年台湾", {}, false, "2024-01-01", "2024-12-31", {"taiwan"}, {"台湾"}, false},
      // A word whose synonym group names a topic: that topic.
      {"DPRK talks", {}, false, "", "", {"north_korea"}, {"DPRK", "talks"}, false},
      // Days, Japanese and Korean forms, dates inside a run, dates in parts.
      {"2025年11月24日", {}, false, "2025-11-24", "2025-11-24", {}, {}, false},
      {"习近平2025年11月通电话",
       {"Xi Jinping"},
       false,
       "2025-11-01",
       "2025-11-30",
       {},
       {"通电话"},
       false},
      {"2025년 11월 24일 시진핑", {"Xi Jinping"}, false, "2025-11-24", "2025-11-24", {}, {}, false},
      {"2025년 트럼프", {"Donald J. Trump"}, false, "2025-01-01", "2025-12-31", {}, {}, false},
      {"2025 11月", {}, false, "2025-11-01", "2025-11-30", {}, {}, false},
      {"noviembre 2025", {}, false, "2025-11-01", "2025-11-30", {}, {}, false},
      // Questions: the person is the speaker, question words are dropped.
      {"what did Trump say about fentanyl",
       {"Donald J. Trump"},
       true,
       "",
       "",
       {"fentanyl"},
       {"fentanyl"},
       false},
      {"What did Xi say about Taiwan?",
       {"Xi Jinping"},
       true,
       "",
       "",
       {"taiwan"},
       {"Taiwan"},
       false},
      {"how did Biden describe competition",
       {"Joe Biden"},
       true,
       "",
       "",
       {},
       {"competition"},
       false},
      {"Xi's remarks on Taiwan independence",
       {"Xi Jinping"},
       true,
       "",
       "",
       {"taiwan"},
       {"Taiwan", "independence"},
       false},
      {"Xi's Taiwan policy",
       {"Xi Jinping"},
       false,
       "",
       "",
       {"taiwan"},
       {"Taiwan", "policy"},
       false},
      {"习近平 表示 台湾", {"Xi Jinping"}, true, "", "", {"taiwan"}, {"台湾"}, false},
      {"what was said about fentanyl", {}, false, "", "", {"fentanyl"}, {"fentanyl"}, false},
      // Dates: years, months by name, ISO months and days, several years widen.
      {"June 2025 Trump call",
       {"Donald J. Trump"},
       false,
       "2025-06-01",
       "2025-06-30",
       {},
       {"call"},
       false},
      {"Nov 2023 Biden", {"Joe Biden"}, false, "2023-11-01", "2023-11-30", {}, {}, false},
      {"May 2025", {}, false, "2025-05-01", "2025-05-31", {}, {}, false},
      {"2024-11", {}, false, "2024-11-01", "2024-11-30", {}, {}, false},
      {"Lima 2024-11-16", {}, false, "2024-11-16", "2024-11-16", {}, {"Lima"}, false},
      {"2023 2025 Taiwan", {}, false, "2023-01-01", "2025-12-31", {"taiwan"}, {"Taiwan"}, false},
      {"+Xi +2025 Taiwan",
       {"Xi Jinping"},
       false,
       "2025-01-01",
       "2025-12-31",
       {"taiwan"},
       {"Taiwan"},
       false},
      // No false positives: "may" and "march" without a year, "Li" or "He" alone, "G20".
      {"may meeting", {}, false, "", "", {}, {"may", "meeting"}, false},
      {"march on Washington", {}, false, "", "", {}, {"march", "Washington"}, false},
      {"Li", {}, false, "", "", {}, {"Li"}, false},
      {"Li Qiang", {"Li Qiang"}, false, "", "", {}, {}, false},
      {"He said", {}, false, "", "", {}, {"He", "said"}, false},
      {"G20 Osaka", {}, false, "", "", {}, {"G20", "Osaka"}, false},
      {"2025-13", {}, false, "", "", {}, {"2025-13"}, false},
      {"North Korea", {}, false, "", "", {"north_korea"}, {"North", "Korea"}, false},
      // Fields are filters and date ranges, the rest stays free text (filters: test below).
      {"speaker:xi taiwan", {}, false, "", "", {"taiwan"}, {"taiwan"}, false},
      {"date:2025-01..2025-06 tariffs",
       {},
       false,
       "2025-01-01",
       "2025-06-30",
       {},
       {"tariffs"},
       false},
      {"year:2024 Taiwan", {}, false, "2024-01-01", "2024-12-31", {"taiwan"}, {"Taiwan"}, false},
      {"2024-11-01..2024-11-30 Lima", {}, false, "2024-11-01", "2024-11-30", {}, {"Lima"}, false},
      // Invalid or one-sided ranges and excluded fields are left to the query parser.
      {"date:2025-13..2025-14", {}, false, "", "", {}, {}, true},
      {"date:2025.. tariffs", {}, false, "", "", {}, {"tariffs"}, true},
      {"-speaker:xi taiwan", {}, false, "", "", {"taiwan"}, {"taiwan"}, true},
      // Other Xapian syntax is left alone; operands of operators are not people or filters.
      {"\"red line\" Taiwan", {}, false, "", "", {"taiwan"}, {"Taiwan"}, true},
      {"xi OR biden", {}, false, "", "", {}, {}, true},
      {"speaker:xi OR speaker:biden", {}, false, "", "", {}, {}, true},
      {"Taiwan NOT Biden", {}, false, "", "", {}, {}, true},
      {"tarif*", {}, false, "", "", {}, {}, true},
      // Only stop words: they are searched after all.
      {"the who", {}, false, "", "", {}, {"the", "who"}, false},
  };
  for (const Row& r : rows) {
    Interpretation in = interpret_query(r.q, query_test_knowledge(), /*literal=*/false);
    INFO("q=" << std::string(r.q) << " speakers=" << join(in.speakers)
              << " topics=" << join(in.topics) << " words=" << join(in.words) << " from=" << in.from
              << " to=" << in.to);
    CHECK(in.speakers == r.speakers);
    CHECK(in.said == r.said);
    CHECK(in.from == r.from);
    CHECK(in.to == r.to);
    CHECK(in.topics == r.topics);
    CHECK(in.words == r.words);
    CHECK(in.syntax == r.syntax);
    CHECK(in.speakers.size() == in.aliases.size());
    CHECK_FALSE(in.literal);
  }
}

TEST_CASE("query interpretation turns typed fields into filters") {
  Interpretation in = interpret_query(
      "speaker:xi topic:Taiwan source:Xinhua lang:en mention:\"Joe Biden\" speaker:Trump call",
      query_test_knowledge(), false);
  CHECK(in.speaker_filters == Strings{"Xi Jinping", "Donald J. Trump"});
  CHECK(in.mention_filters == Strings{"Joe Biden"});
  CHECK(in.topic_filters == Strings{"taiwan"});
  CHECK(in.source_filters == Strings{"Xinhua"});
  CHECK(in.language_filters == Strings{"en"});
  CHECK(in.words == Strings{"call"});
  CHECK(in.text == "call");
  CHECK(in.speakers.empty());  // filters, not people to rank by
  CHECK_FALSE(in.syntax);
  // An unknown person or topic is kept as typed (it matches nothing).
  Interpretation unknown = interpret_query("speaker:nobody", query_test_knowledge(), false);
  CHECK(unknown.speaker_filters == Strings{"nobody"});
}

TEST_CASE("query interpretation keeps the words a date was read from") {
  CHECK(interpret_query("Xi Trump June 2025 call", query_test_knowledge(), false).date_words ==
        Strings{"June", "2025"});
  CHECK(interpret_query("1972 Shanghai", query_test_knowledge(), false).date_words ==
        Strings{"1972"});
  // A typed date field makes the dates the user's explicit choice: never words.
  CHECK(
      interpret_query("1972 year:1972 Shanghai", query_test_knowledge(), false).date_words.empty());
}

TEST_CASE("query interpretation keeps the typed alias of each person") {
  Interpretation in = interpret_query("川普 Xi's call", query_test_knowledge(), false);
  REQUIRE(in.speakers == Strings{"Donald J. Trump", "Xi Jinping"});
  CHECK(in.aliases == Strings{"川普", "Xi"});
}

TEST_CASE("query interpretation drops question words and says which") {
  Interpretation in =
      interpret_query("what did Trump say about fentanyl", query_test_knowledge(), false);
  CHECK(in.ignored == Strings{"what", "did", "say", "about"});
  CHECK(in.text == "what did say about fentanyl");
}

TEST_CASE("literal queries are not interpreted") {
  Interpretation in = interpret_query("Taiwan, Xi, 2025", query_test_knowledge(), /*literal=*/true);
  CHECK(in.literal);
  CHECK(in.speakers.empty());
  CHECK(in.topics.empty());
  CHECK(in.from.empty());
  CHECK(in.words == Strings{"Taiwan", "Xi", "2025"});
  CHECK(in.text == "Taiwan Xi 2025");
}

TEST_CASE("stop words are the question and function words only") {
  for (const char* w : {"what", "did", "about", "the", "how", "said"})
    CHECK_MESSAGE(is_stop_word(w), w);
  for (const char* w : {"taiwan", "us", "trade", "call", "may", "china"})
    CHECK_MESSAGE(!is_stop_word(w), w);
}

TEST_CASE("query interpretation reads a month of no year as that month of every year") {
  struct MonthRow {
    const char* q;
    std::vector<int> months;
    Strings words;
  };
  const MonthRow rows[] = {
      {"11月", {11}, {}},
      {"十一月 台湾", {11}, {"台湾"}},
      {"11月份", {11}, {}},
      {"11월 트럼프", {11}, {}},
      {"11月24日", {}, {}},            // a day of every year: in.days
      {"二月", {2}, {}},               // Chinese numerals, alone
      {"November", {}, {"November"}},  // a month name alone stays a word
      {"2025年11月", {}, {}},          // with a year: a date range instead
      {"13月", {}, {"13月"}},          // no such month
  };
  for (const auto& r : rows) {
    const Interpretation in = interpret_query(r.q, query_test_knowledge(), false);
    INFO(r.q);
    CHECK(in.months == r.months);
    CHECK(join(in.words) == join(r.words));
  }
  // Literal mode reads no dates at all.
  CHECK(interpret_query("11月", query_test_knowledge(), true).months.empty());
}

TEST_CASE("query interpretation reads days written with a month's name") {
  struct DayRow {
    const char* q;
    Strings days;
    const char* from;
    Strings words;
  };
  const DayRow rows[] = {
      {"11月24日 习近平", {"11-24"}, "", {}},
      {"who asked for the November 24 call", {"11-24"}, "", {"asked", "call"}},
      {"Trump 4 февраля", {"02-04"}, "", {}},
      {"Nov. 24, 2025 call", {}, "2025-11-24", {"call"}},
      {"19. September 2025", {}, "2025-09-19", {}},
      {"2025 11月24日", {}, "2025-11-24", {}},
      {"February 30", {}, "", {"February", "30"}},  // no such day
      {"may 4", {}, "", {"may", "4"}},              // "may" is a verb next to a number
  };
  for (const auto& r : rows) {
    const Interpretation in = interpret_query(r.q, query_test_knowledge(), false);
    INFO(r.q);
    CHECK(join(in.days) == join(r.days));
    CHECK(in.from == r.from);
    CHECK(join(in.words) == join(r.words));
  }
}

TEST_CASE("query interpretation reads leaders' pair names and drops Chinese question words") {
  struct PairRow {
    const char* q;
    Strings speakers;
    Strings words;
  };
  const PairRow rows[] = {
      {"川習會 釜山", {"Donald J. Trump", "Xi Jinping"}, {"釜山"}},
      {"拜习会", {"Joe Biden", "Xi Jinping"}, {}},
      {"川习通话", {"Donald J. Trump", "Xi Jinping"}, {"通话"}},
      {"川习", {}, {"川习"}},                                     // no ending: not a pair name
      {"拜拜会", {}, {"拜拜会"}},                                 // one person twice is no pair
      {"习近平和拜登谈了什么", {"Xi Jinping", "Joe Biden"}, {}},  // 和, 谈: lone characters
      {"中美通话是谁提出的", {}, {"中美通话", "提出"}},           // 的 stands alone: cut
      {"和平与发展", {}, {"和平", "发展"}},    // 与 alone; 和 inside 和平 stays
      {"中美元首会晤", {}, {"中美元首会晤"}},  // no function word: kept whole
  };
  for (const auto& r : rows) {
    const Interpretation in = interpret_query(r.q, query_test_knowledge(), false);
    INFO(r.q);
    CHECK(join(in.speakers) == join(r.speakers));
    CHECK(join(in.words) == join(r.words));
  }
}

TEST_CASE("knowledge refuses a pair name of someone people.json does not know") {
  Knowledge k = query_test_knowledge();
  const Status s =
      k.add_pair_names_json(R"({"people": [{"name": "Nobody", "initials": ["无"]}]})", "p.json");
  REQUIRE(!s.ok());
  CHECK(s.error().message.find("Nobody") != std::string::npos);
  CHECK(!k.add_pair_names_json(R"({"endings": "会"})", "p.json").ok());
}
