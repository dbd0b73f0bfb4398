// Where an exchange took place (shared/events/exchange_place.h), on accounts written for these
// tests, and the place an event takes from its accounts (shared/search/events.h).
#include <doctest/doctest.h>

#include <algorithm>

#include "shared/events/exchange.h"
#include "shared/events/exchange_place.h"
#include "tests/unit/test_default_knowledge.h"

using namespace readouts;

namespace {

const Knowledge& knowledge() { return readouts::testing::default_knowledge(); }

Article meeting(std::string title, std::vector<std::string> lead = {}) {
  Article a;
  a.title = std::move(title);
  for (auto& text : lead) a.passages.push_back(Passage{"", std::move(text)});
  a.speakers = {"Xi Jinping", "Joe Biden"};
  return a;
}

std::string place_of(const Article& a) { return read_exchange(a, knowledge()).place; }

}  // namespace

TEST_CASE("the place of a meeting: named in the title, else in the lead, in any script") {
  CHECK(place_of(meeting("Leaders meet on Bali before the summit opens")) == "bali");
  CHECK(place_of(meeting("Leaders meet", {"The two presidents met in Lima on Saturday."})) ==
        "lima");
  CHECK(place_of(meeting("Встреча лидеров в Женеве")) == "geneva");
  CHECK(place_of(meeting("两国元首在釜山会晤")) == "busan");
  CHECK(place_of(meeting("Leaders meet", {"They talked for three hours."})).empty());
}

TEST_CASE("a capital that stands for its government counts only when no other place is named") {
  // "Beijing and Washington" are the governments; the talks were in Geneva.
  CHECK(place_of(meeting("Beijing and Washington hold talks in Geneva")) == "geneva");
  CHECK(place_of(meeting("Leaders meet in Beijing")) == "beijing");
}

TEST_CASE("a named event gives its own place, and a call has none") {
  Article a = meeting("Leaders meet at the Sunnylands estate");
  a.speakers = {"Xi Jinping", "Barack Obama"};
  CHECK(place_of(a) == "sunnylands");
  Article call = meeting("Leaders speak by phone", {"BEIJING, Nov. 24 -- The two spoke."});
  CHECK(read_exchange(call, knowledge()).kind == "call");
  CHECK(place_of(call).empty());
}

TEST_CASE("a place's name to show is its first English name") {
  CHECK(place_label("kuala-lumpur", knowledge()) == "Kuala Lumpur");
  CHECK(place_label("no-such-place", knowledge()) == "no-such-place");
}

TEST_CASE("a side without a speaker takes the person its headline names before a higher rank") {
  Article a = meeting("Xi and Blinken meet in Beijing",
                      {"The secretary of state met the Chinese president, whom Biden had asked "
                       "for calmer ties."});
  a.speakers = {"Xi Jinping"};
  a.mentions = {"Joe Biden", "Antony Blinken"};
  CHECK(read_exchange(a, knowledge()).us == std::vector<std::string>{"Antony Blinken"});
  // No one of the side in the headline: the highest-ranked mention, as before.
  a.title = "A meeting in Beijing";
  CHECK(read_exchange(a, knowledge()).us == std::vector<std::string>{"Joe Biden"});
}

TEST_CASE("a side without a speaker takes the person its lead names first before a higher rank") {
  Article a = meeting("Talks in Munich",
                      {"Antony Blinken met Wang Yi in Munich on the sidelines of the security "
                       "conference. Blinken said they discussed Ukraine and recalled that Xi "
                       "Jinping had met Joe Biden the year before."});
  a.speakers = {"Antony Blinken"};
  a.mentions = {"Wang Yi", "Xi Jinping", "Joe Biden"};
  CHECK(read_exchange(a, knowledge()).china == std::vector<std::string>{"Wang Yi"});
  // The headline still comes first.
  a.title = "Blinken recalls Xi's meeting";
  CHECK(read_exchange(a, knowledge()).china == std::vector<std::string>{"Xi Jinping"});
}

TEST_CASE("an account naming one side's people at a named event takes the event's other side") {
  Article a = meeting("Treasury chief upbeat after the talks in Stockholm",
                      {"Scott Bessent said the two days of talks in Stockholm had been "
                       "constructive and that a decision on the truce rested with the president."});
  a.speakers = {"Scott Bessent"};
  a.date = ArticleDate{2025, 7, 29, DatePrecision::kDay, ""};
  const Exchange e = read_exchange(a, knowledge());
  CHECK(e.us == std::vector<std::string>{"Scott Bessent"});
  CHECK(e.china == std::vector<std::string>{"He Lifeng"});
  CHECK(std::find(e.named.begin(), e.named.end(), "stockholm-2025") != e.named.end());
  // Another year: no such event; no day: no guess.
  a.date = ArticleDate{2024, 7, 29, DatePrecision::kDay, ""};
  CHECK(read_exchange(a, knowledge()).empty());
  a.date = ArticleDate{2025, 7, 0, DatePrecision::kMonth, ""};
  CHECK(read_exchange(a, knowledge()).empty());
}

TEST_CASE("a side's person the headline names comes before a speaker of that side it does not") {
  Article a = meeting("Wang Yi and Rubio speak by phone",
                      {"The two ministers spoke by phone on Monday. Donald Trump said separately "
                       "that he looked forward to his trip."});
  a.speakers = {"Wang Yi", "Donald J. Trump"};
  a.mentions = {"Marco Rubio"};
  CHECK(read_exchange(a, knowledge()).us == std::vector<std::string>{"Marco Rubio"});
  // A speaker the headline names stays.
  a.title = "Trump and Wang Yi speak by phone";
  CHECK(read_exchange(a, knowledge()).us == std::vector<std::string>{"Donald J. Trump"});
}

TEST_CASE("a Chinese headline announcing a visit to China is a preview, not an exchange") {
  Article a = meeting("布林肯：明年初访华将有助加强两国沟通渠道",
                      {"美国国务卿布林肯在曼谷表示，他明年初访华将有助于两国加强沟通。"});
  a.speakers = {"Antony Blinken"};
  a.mentions = {"Xi Jinping"};
  CHECK(read_exchange(a, knowledge()).empty());
  a.title = "布林肯在北京会见习近平";
  CHECK_FALSE(read_exchange(a, knowledge()).empty());
}

TEST_CASE("the lead past a page's chrome and summary bullets gives the place") {
  // Two short chrome lines (a byline, an empty stamp) come before the lead paragraph.
  CHECK(place_of(meeting("Leaders meet", {"Text: a reporter", "Published: Updated:",
                                          "The two presidents met on the sidelines of a "
                                          "security forum in Munich on Friday afternoon."})) ==
        "munich");
  // Two long summary bullets, then the lead: the bullets are not the lead's text.
  CHECK(place_of(meeting("Leaders agree a truce",
                         {"- The two presidents agree to a pause in their long dispute over a "
                          "dinner meeting on Saturday",
                          "- No new duties are to be raised after the talks, the state press of "
                          "one side says",
                          "The two presidents agreed on a pause over a long dinner at a summit "
                          "in Geneva on Saturday, state media of one side reported."})) ==
        "geneva");
}

TEST_CASE("a day named as a deadline is not the day of the exchange") {
  Article a = meeting("Leaders agree a truce",
                      {"The two presidents agreed that no new duties come into force after "
                       "January 1, state media said of the dinner talks held that evening."});
  a.date = {};
  CHECK(read_exchange(a, knowledge()).month_day.empty());
  a.passages = {Passage{"",
                        "The two presidents met on November 14 and agreed that no new duties "
                        "come into force after January 1, state media said."}};
  CHECK(read_exchange(a, knowledge()).month_day == "11-14");
  a.passages = {Passage{"",
                        "두 정상은 내년 1월 1일부터 관세를 올리지 않기로 합의했다고 국영 매체가 "
                        "전했습니다."}};
  CHECK(read_exchange(a, knowledge()).month_day.empty());
  a.passages = {Passage{"",
                        "두 정상은 1월 1일까지 관세를 올리지 않기로 합의했다고 국영 매체가 "
                        "전했습니다."}};
  CHECK(read_exchange(a, knowledge()).month_day.empty());
}
