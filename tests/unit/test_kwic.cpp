// Unit tests: keyword-in-context lines (every occurrence, context in words and CJK characters),
// their sort orders, and the parameters of GET /api/kwic.
#include <doctest/doctest.h>

#include <xapian.h>

#include <algorithm>
#include <string>
#include <vector>

#include "server/request_parse.h"
#include "shared/search/kwic.h"

using namespace readouts;

namespace {

Xapian::Query words(std::initializer_list<const char*> terms) {
  std::vector<Xapian::Query> q;
  for (const char* t : terms) q.emplace_back(t);
  return Xapian::Query(Xapian::Query::OP_OR, q.begin(), q.end());
}

Article article(std::string id, std::string date, std::vector<Passage> passages) {
  Article a;
  a.id = std::move(id);
  a.title = "Title of " + a.id;
  a.language = "en";
  if (!date.empty()) {
    a.date.year = std::stoi(date.substr(0, 4));
    a.date.month = std::stoi(date.substr(5, 2));
    a.date.day = std::stoi(date.substr(8, 2));
    a.date.precision = DatePrecision::kDay;
  }
  a.passages = std::move(passages);
  return a;
}

// Fixtures in our own words: tariffs three times in one passage, once in another, none in a third;
// a Chinese article with 关税 twice in one passage.
const Article kTalks = article(
    "talks-geneva", "2025-05-12",
    {{"Wang Yi",
      "Wang Yi said tariffs hurt both sides, and that new tariffs on chips would hurt trust; "
      "tariffs solve nothing."},
     {"", "The two ministers met in Geneva for four hours."},
     {"Marco Rubio", "Rubio answered that the tariff was a response to unfair trade."}});
const Article kChinese = article(
    "talks-zh", "2025-05-13",
    {{"Wang Yi", "王毅表示，加征关税损人不利己，关税战没有赢家。"}, {"", "双方同意继续沟通。"}});

std::vector<std::string> keywords(const std::vector<KwicLine>& lines) {
  std::vector<std::string> out;
  for (const auto& l : lines) out.push_back(l.keyword);
  return out;
}

}  // namespace

TEST_CASE("kwic: every occurrence in the fixture articles, several in one passage") {
  const Highlighter h(words({"Ztariff"}), {"关税"});
  const auto en = kwic_lines(kTalks, h, kKwicDefaultContext, 0);
  const auto zh = kwic_lines(kChinese, h, kKwicDefaultContext, 1);
  REQUIRE(en.size() == 4);
  REQUIRE(zh.size() == 2);
  CHECK(keywords(en) == std::vector<std::string>{"tariffs", "tariffs", "tariffs", "tariff"});
  CHECK(keywords(zh) == std::vector<std::string>{"关税", "关税"});
  // Three in the first passage, at increasing offsets; the speakers are the passages'.
  CHECK(en[0].passage == 0);
  CHECK(en[1].passage == 0);
  CHECK(en[2].passage == 0);
  CHECK(en[0].offset < en[1].offset);
  CHECK(en[1].offset < en[2].offset);
  CHECK(en[0].speaker == "Wang Yi");
  CHECK(en[3].passage == 2);
  CHECK(en[3].speaker == "Marco Rubio");
  CHECK(kTalks.passages[0].text.substr(en[1].offset, 7) == "tariffs");
  CHECK(en[0].id == "talks-geneva");
  CHECK(en[0].date == "2025-05-12");
  CHECK(zh[0].rank == 1);
  // A query that the passages do not hold gives no line.
  const Highlighter none(words({"Zsanction"}), {"制裁"});
  CHECK(kwic_lines(kTalks, none, 8).empty());
  CHECK(kwic_lines(kChinese, none, 8).empty());
}

TEST_CASE("kwic: context counts words, CJK characters as half words, inside the passage") {
  const Highlighter h(words({"Ztariff"}), {"关税"});
  const auto en = kwic_lines(kTalks, h, 2);
  CHECK(en[0].left == "Yi said");
  CHECK(en[0].right == "hurt both");
  CHECK(en[0].left_cut);
  CHECK(en[0].right_cut);
  CHECK(en[2].left == "hurt trust;");  // punctuation between words is kept
  CHECK(en[2].right == "solve nothing");
  CHECK_FALSE(en[2].right_cut);  // the last word of the passage
  // Context 2 = 4 characters of Chinese.
  const auto zh = kwic_lines(kChinese, h, 2);
  CHECK(zh[0].left == "表示，加征");
  CHECK(zh[0].right == "损人不利");
  CHECK(zh[1].left == "人不利己，");
  CHECK(zh[1].right == "战没有赢");
  // Context 0: the keyword alone; a large context stops at the passage's ends.
  const auto bare = kwic_lines(kTalks, h, 0);
  CHECK(bare[0].left.empty());
  CHECK(bare[0].right.empty());
  const auto wide = kwic_lines(kTalks, h, 30);
  CHECK(wide[0].left == "Wang Yi said");
  CHECK_FALSE(wide[0].left_cut);
  CHECK(wide[3].right == "was a response to unfair trade");
  // Names the highlighter marks whole are one keyword.
  const Highlighter name(Xapian::Query(), {"Wang Yi"});
  const auto named = kwic_lines(kTalks, name, 3);
  REQUIRE(named.size() == 1);
  CHECK(named[0].keyword == "Wang Yi");
  CHECK(named[0].right == "said tariffs hurt");
}

namespace {

// Taiwan in five passages of three articles: left and right neighbours chosen to sort apart.
std::vector<KwicLine> taiwan_lines() {
  const Highlighter h(words({"taiwan"}), {});
  std::vector<KwicLine> out;
  const Article a = article("a", "2025-06-05",
                            {{"Xi Jinping", "Beijing opposes any support for Taiwan independence."},
                             {"", "Both sides discussed Taiwan and trade."}});
  const Article b =
      article("b", "2024-01-01",
              {{"Antony Blinken", "Washington said peace across the Taiwan Strait matters."},
               {"Antony Blinken", "Allies back Taiwan."}});
  const Article c =
      article("c", "", {{"", "Leaders in Asia back Taiwan too."}, {"", "Taiwan matters most."}});
  size_t rank = 0;
  for (const Article* x : {&a, &b, &c})
    for (auto& l : kwic_lines(*x, h, 5, rank++)) out.push_back(std::move(l));
  return out;
}

std::vector<std::string> lefts(const std::vector<KwicLine>& lines) {
  std::vector<std::string> out;
  for (const auto& l : lines) out.push_back(l.left);
  return out;
}

}  // namespace

TEST_CASE("kwic: sorted by left context, nearest word first, then the next") {
  auto lines = taiwan_lines();
  REQUIRE(lines.size() == 6);
  sort_kwic(lines, KwicSort::kLeft);
  // L1: "" < back (allies < asia at L2) < discussed < for < the.
  CHECK(lefts(lines) == std::vector<std::string>{
                            "", "Allies back", "Leaders in Asia back", "Both sides discussed",
                            "Beijing opposes any support for", "Washington said peace across the"});
}

TEST_CASE("kwic: sorted by right context, first word first") {
  auto lines = taiwan_lines();
  sort_kwic(lines, KwicSort::kRight);
  std::vector<std::string> rights;
  for (const auto& l : lines) rights.push_back(l.right);
  CHECK(rights == std::vector<std::string>{"", "and trade", "independence", "matters most",
                                           "Strait matters", "too"});
}

TEST_CASE("kwic: sorted by date (newest first, undated last) and by speaker (narration last)") {
  auto lines = taiwan_lines();
  sort_kwic(lines, KwicSort::kDate);
  std::vector<std::string> ids;
  for (const auto& l : lines) ids.push_back(l.id);
  CHECK(ids == std::vector<std::string>{"a", "a", "b", "b", "c", "c"});
  sort_kwic(lines, KwicSort::kSpeaker);
  std::vector<std::string> speakers;
  for (const auto& l : lines) speakers.push_back(l.speaker);
  CHECK(speakers ==
        std::vector<std::string>{"Antony Blinken", "Antony Blinken", "Xi Jinping", "", "", ""});
  // Ties keep relevance order: narration of a, then c's two passages in text order.
  CHECK(lines[3].id == "a");
  CHECK(lines[4].id == "c");
  CHECK(lines[4].passage == 0);
  CHECK(lines[5].passage == 1);
  sort_kwic(lines, KwicSort::kRelevance);
  CHECK(lines.front().id == "a");
  CHECK(lines.front().passage == 0);
  CHECK(lines.back().id == "c");
}

TEST_CASE("kwic: sort names") {
  for (const char* name : {"relevance", "left", "right", "date", "speaker"}) {
    auto s = parse_kwic_sort(name);
    REQUIRE(s.has_value());
    CHECK(std::string(kwic_sort_name(*s)) == name);
  }
  CHECK_FALSE(parse_kwic_sort("-date").has_value());
  CHECK_FALSE(parse_kwic_sort("").has_value());
}

TEST_CASE("kwic: parameters of GET /api/kwic") {
  auto ok = parse_kwic_params({{"q", "tariffs"},
                               {"speaker", "Wang Yi"},
                               {"context", "12"},
                               {"sort", "left"},
                               {"page", "2"},
                               {"per_page", "100"}});
  REQUIRE(ok.ok());
  CHECK(ok.value().search.q == "tariffs");
  CHECK(ok.value().search.speakers == std::vector<std::string>{"Wang Yi"});
  CHECK(ok.value().context == 12);
  CHECK(ok.value().sort == KwicSort::kLeft);
  CHECK(ok.value().page == 2);
  CHECK(ok.value().per_page == 100);
  auto defaults = parse_kwic_params({{"q", "tariffs"}});
  REQUIRE(defaults.ok());
  CHECK(defaults.value().context == kKwicDefaultContext);
  CHECK(defaults.value().sort == KwicSort::kRelevance);
  CHECK(defaults.value().per_page == 50);
  for (const Params& bad : std::vector<Params>{{{"q", "a"}, {"context", "31"}},
                                               {{"q", "a"}, {"context", "-1"}},
                                               {{"q", "a"}, {"context", "many"}},
                                               {{"q", "a"}, {"sort", "date-"}},
                                               {{"q", "a"}, {"page", "0"}},
                                               {{"q", "a"}, {"per_page", "501"}},
                                               {{"q", "a"}, {"sort", "left"}, {"sort", "right"}},
                                               {{"q", "  "}},
                                               {{"speaker", "Wang Yi"}},
                                               {{"q", "a"}, {"colour", "red"}},
                                               {{"q", "a"}, {"from", "2025-13"}}}) {
    auto r = parse_kwic_params(bad);
    // from=2025-13 is refused when the search is validated (the library), the rest here.
    if (bad.count("from")) continue;
    CHECK_FALSE(r.ok());
    if (!r.ok()) CHECK(r.error().code == Code::kInvalidArgument);
  }
}
