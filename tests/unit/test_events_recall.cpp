// Accounts the grouping used to leave apart (shared/events/grouping.h, exchange.h): the day of
// the week, the exchange's first day, recaps of a named event, arrival stories, leads behind a
// page's chrome, on accounts written for these tests.
#include <doctest/doctest.h>

#include "shared/events/exchange.h"
#include "shared/events/grouping.h"
#include "tests/unit/test_default_knowledge.h"
#include "tests/unit/test_event_accounts.h"

using namespace readouts;

namespace {

using readouts::testing::account;

const Knowledge& knowledge() { return readouts::testing::default_knowledge(); }

}  // namespace

TEST_CASE("an undated account naming a day of the week joins the exchange held that day") {
  // Two calls of the same presidents: a Wednesday and a Thursday.
  std::vector<AccountSignature> accounts = {
      account("2021-02-10", "call", {"Xi Jinping"}, {"Joe Biden"}),  // a Wednesday
      account("2022-07-28", "call", {"Xi Jinping"}, {"Joe Biden"}),  // a Thursday
      account("", "call", {"Xi Jinping"}, {"Joe Biden"}),            // "on Wednesday"
      account("", "call", {"Xi Jinping"}, {"Joe Biden"}),            // "on Friday", Beijing's day
      account("", "call", {"Xi Jinping"}, {"Joe Biden"}),            // no day of the week
      account("", "call", {"Xi Jinping"}, {"Joe Biden"})};           // "on Sunday": neither
  accounts[2].weekday = 3;
  accounts[3].weekday = 5;
  accounts[5].weekday = 7;
  const auto ids = group_accounts(accounts, {});
  CHECK(ids[2] == ids[0]);
  CHECK(ids[3] == ids[1]);  // a day after the Thursday call: across the date line
  CHECK(ids[4].empty());    // two calls ever between them: the kind alone does not choose
  CHECK(ids[5].empty());
}

TEST_CASE("a day named without a year is the exchange's first day, not a later report's") {
  // A one-day meeting reported the next day too, and a meeting of another year held on the day
  // after it: the account naming that day is the other year's.
  std::vector<AccountSignature> accounts = {
      account("2022-11-14", "meeting", {"Xi Jinping"}, {"Joe Biden"}),
      account("2022-11-15", "meeting", {"Xi Jinping"}, {"Joe Biden"}),
      account("2023-11-15", "meeting", {"Xi Jinping"}, {"Joe Biden"}),
      account("", "summit", {"Xi Jinping"}, {"Joe Biden"})};
  accounts[3].month_day = month_day_number("11-15");
  const auto ids = group_accounts(accounts, {});
  REQUIRE(ids[0] == ids[1]);
  CHECK(ids[3] == ids[2]);
  // Two exchanges held that day in two years, told apart by the day of the week it names.
  std::vector<AccountSignature> two = {
      account("2021-11-15", "summit", {"Xi Jinping"}, {"Joe Biden"}),  // a Monday
      account("2023-11-15", "summit", {"Xi Jinping"}, {"Joe Biden"}),  // a Wednesday
      account("", "summit", {"Xi Jinping"}, {"Joe Biden"}),
      account("", "summit", {"Xi Jinping"}, {"Joe Biden"})};
  two[2].month_day = two[3].month_day = month_day_number("11-15");
  two[2].weekday = 3;
  const auto two_ids = group_accounts(two, {});
  CHECK(two_ids[2] == two_ids[1]);
  CHECK(two_ids[3].empty());
}

TEST_CASE("a dated recap naming one named event joins it some days after its last day") {
  const std::vector<NamedEvent> named = {{"estate-summit",
                                          day_number("2013-06-07"),
                                          day_number("2013-06-08"),
                                          {"Xi Jinping", "Barack Obama"},
                                          {}}};
  std::vector<AccountSignature> accounts = {
      account("2013-06-08", "summit", {"Xi Jinping"}, {"Barack Obama"}),
      account("2013-06-11", "summit", {"Xi Jinping"}, {"Barack Obama"}),   // names it
      account("2013-06-14", "summit", {"Xi Jinping"}, {"Barack Obama"}),   // names none
      account("2013-06-25", "summit", {"Xi Jinping"}, {"Barack Obama"})};  // too late
  accounts[1].named = accounts[3].named = {"estate-summit"};
  const auto ids = group_accounts(accounts, named);
  CHECK(ids[0] == "estate-summit");
  CHECK(ids[1] == "estate-summit");
  CHECK(ids[2] != "estate-summit");
  CHECK(ids[3] != "estate-summit");
}

TEST_CASE("an undated article's day of the week, from its title or opening paragraphs") {
  Article a;
  a.speakers = {"Xi Jinping", "Joe Biden"};
  a.title = "Les deux présidents se sont retrouvés mercredi près de San Francisco";
  CHECK(read_exchange(a, knowledge()).weekday == 3);
  a.title = "Leaders talk";
  a.passages = {{"", "Short caption"},
                {"", "美國白宮表示,總統在當地星期三與中國國家主席通電話,雙方談了兩個小時。"}};
  CHECK(read_exchange(a, knowledge()).weekday == 3);
  // English words as whole words only; none named: 0.
  a.passages = {{"", "The Fridays of the summer were long, the two presidents said in a call."}};
  CHECK(read_exchange(a, knowledge()).weekday == 0);
  // An article dated to the day needs none.
  a.title = "The presidents spoke on Wednesday";
  a.date = ArticleDate{2021, 2, 11, DatePrecision::kDay, "url"};
  CHECK(read_exchange(a, knowledge()).weekday == 0);
}

TEST_CASE("an arrival story reports no exchange, unless the arrival opens a state visit") {
  Article a;
  a.speakers = {"Xi Jinping", "Joe Biden"};
  a.title = "Xi arrives in San Francisco for his first US trip in six years";
  CHECK(read_exchange(a, knowledge()).empty());
  a.title = "Presidents in California";
  a.passages = {{"", "Updated 3 min ago"},
                {"", "中国国家主席周二抵达旧金山,开始六年来首次访美之行,预计周三与美国总统会面。"}};
  CHECK(read_exchange(a, knowledge()).empty());
  // The host receives a state visitor on arrival: the visit's first account.
  a.passages = {{"", "美国总统周三抵达北京,开始对中国进行国事访问,当晚两国元首在故宫茶叙。"}};
  CHECK(!read_exchange(a, knowledge()).empty());
  a.passages.clear();
  a.title = "Presidents met for four hours";
  CHECK(!read_exchange(a, knowledge()).empty());
}

TEST_CASE("an arrival story that tells the meeting held on arrival reports it") {
  Article a;
  a.speakers = {"Xi Jinping", "Donald J. Trump"};
  a.title = "國家主席上午抵達釜山出席峰會";
  a.passages = {{"", "國家主席上午抵達釜山，隨後在機場與美國總統舉行會面，雙方談了一個多小時。"}};
  CHECK(!read_exchange(a, knowledge()).empty());
  // Announced, not told: the arrival story stays one.
  a.passages = {{"", "國家主席上午抵達釜山，將於周四與美國總統舉行會面，雙方預計談一個多小時。"}};
  CHECK(read_exchange(a, knowledge()).empty());
  a.title = "Xi arrives in Busan";
  a.passages = {{"",
                 "The Chinese president arrived in Busan on Thursday and held talks with the US "
                 "president at the airport for about two hours."}};
  CHECK(!read_exchange(a, knowledge()).empty());
}

TEST_CASE("the kind and named event are read past a page's chrome and in any script's case") {
  Article a;
  a.speakers = {"Donald J. Trump"};
  a.mentions = {"Xi Jinping"};
  a.title = "Deal sealed, the president says";
  a.passages = {{"", "Sign up for our newsletter"},
                {"", "Share this article"},
                {"",
                 "The two presidents held a meeting in Busan on trade, fentanyl and soybeans, "
                 "the first in six years, and both sides called it a success."}};
  const Exchange e = read_exchange(a, knowledge());
  CHECK(e.kind == "meeting");
  CHECK(e.named == std::vector<std::string>{"busan-2025"});
  // A Cyrillic capital: "Переговоры ... в Женеве" (talks in Geneva).
  Article g;
  g.speakers = {"Scott Bessent"};
  g.mentions = {"He Lifeng"};
  g.title = "Переговоры США и Китая в Женеве завершились";
  const Exchange ge = read_exchange(g, knowledge());
  CHECK(ge.kind == "meeting");
  CHECK(ge.named == std::vector<std::string>{"geneva-2025"});
}

TEST_CASE("a title naming a round of talks names it when a delegate is named but not the lead") {
  Article a;
  a.speakers = {"Donald J. Trump", "He Lifeng"};
  a.mentions = {"Scott Bessent"};
  a.title = "Trump hails a total reset after the trade talks in Geneva";
  CHECK(read_exchange(a, knowledge()).named == std::vector<std::string>{"geneva-2025"});
  // Named only in passing in the lead, the event needs a participant of each side.
  a.title = "A reset, the president says";
  a.passages = {{"",
                 "The president praised the weekend's trade talks in Geneva in a long post, "
                 "saying a great deal of progress was made with the Chinese side."}};
  CHECK(read_exchange(a, knowledge()).named.empty());
}

TEST_CASE("a summit by video link and a day named alone: the virtual summit of that day") {
  // The summit, read as a video call by the governments' accounts; a press account calls it a
  // summit and names the day alone (Beijing's day, one after Washington's).
  std::vector<AccountSignature> accounts = {
      account("2021-11-15", "video-call", {"Xi Jinping"}, {"Joe Biden"}),
      account("2022-11-14", "summit", {"Xi Jinping"}, {"Joe Biden"}),
      account("2021-11", "summit", {"Xi Jinping"}, {"Joe Biden"}),
      account("2021-11", "call", {"Xi Jinping"}, {"Joe Biden"})};
  accounts[2].month_day = 16;
  accounts[3].month_day = 16;
  const auto ids = group_accounts(accounts, {});
  CHECK(ids[2] == ids[0]);
  CHECK(ids[2] != ids[1]);
  // A phone call is never a summit, whatever the day: the call joins the video call by its kind.
  CHECK(ids[3] == ids[0]);
}

TEST_CASE("a lead announcing the exchange, in more languages and in mixed Chinese scripts") {
  Article a;
  a.speakers = {"Scott Bessent"};
  a.mentions = {"He Lifeng"};
  a.title = "Bessent and He";
  // Mixed scripts (simplified 将, traditional 於): "will call on Saturday morning".
  a.passages = {{"",
                 "美国财政部长贝森特将於周六上午与中国国务院副总理何立峰通话,双方下周可能在马来西亚"
                 "会面。"}};
  CHECK(read_exchange(a, knowledge()).empty());
  // Russian: "plan to hold talks".
  a.passages = {{"",
                 "Министр финансов США Скотт Бессент и вице-премьер Хэ Лифэн планируют провести "
                 "переговоры в Женеве в ближайшие выходные."}};
  CHECK(read_exchange(a, knowledge()).empty());
  // Portuguese: "will go to Switzerland to meet".
  a.passages = {{"",
                 "O secretário do Tesouro, Scott Bessent, irá à Suíça para se reunir com He "
                 "Lifeng, vice-premiê da China, no fim de semana."}};
  CHECK(read_exchange(a, knowledge()).empty());
  // A report of the same talks is an account.
  a.passages = {{"",
                 "Scott Bessent e He Lifeng discutiram as tarifas durante dois dias em Genebra e "
                 "afirmou que houve progresso."}};
  CHECK(!read_exchange(a, knowledge()).empty());
}
