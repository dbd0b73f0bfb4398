// Grouping accounts into events (shared/events/grouping.h) and reading an article's exchange
// (shared/events/exchange.h), on accounts written for these tests.
#include <doctest/doctest.h>

#include <algorithm>

#include "shared/events/exchange.h"
#include "shared/events/grouping.h"
#include "tests/unit/test_default_knowledge.h"
#include "tests/unit/test_event_accounts.h"

using namespace readouts;

namespace {

using readouts::testing::account;

const Knowledge& knowledge() { return readouts::testing::default_knowledge(); }

}  // namespace

TEST_CASE("day numbers round-trip and count days across months and years") {
  CHECK(day_number("1970-01-01") == 0);
  CHECK(day_number("20251124") - day_number("2025-11-20") == 4);
  CHECK(day_number("2025-03-01") - day_number("2025-02-28") == 1);
  CHECK(day_number("2024-03-01") - day_number("2024-02-28") == 2);  // leap year
  CHECK(iso_of_day(day_number("2016-12-31")) == "2016-12-31");
  CHECK(day_number("2025-11") == -1);
  CHECK(day_number("") == -1);
}

TEST_CASE("both governments' accounts of one call a day apart are one event") {
  const auto ids = group_accounts(
      {account("2025-11-24", "call", {"Xi Jinping"}, {"Donald J. Trump"}),
       account("2025-11-25", "call", {"Xi Jinping"}, {"Donald J. Trump"}),
       account("2025-11-24", "", {"Xi Jinping"}, {"Donald J. Trump", "Marco Rubio"})},
      {});
  CHECK(ids[0] == "2025-11-24-call-donald-j-trump-xi-jinping");
  CHECK(ids[1] == ids[0]);
  CHECK(ids[2] == ids[0]);  // an account that does not say the kind joins
}

TEST_CASE("a call is not a meeting, other people are another event, far dates are apart") {
  const auto ids =
      group_accounts({account("2025-10-30", "meeting", {"Xi Jinping"}, {"Donald J. Trump"}),
                      account("2025-10-31", "call", {"Xi Jinping"}, {"Donald J. Trump"}),
                      account("2025-10-30", "talks", {"He Lifeng"}, {"Scott Bessent"}),
                      account("2025-11-05", "meeting", {"Xi Jinping"}, {"Donald J. Trump"})},
                     {});
  CHECK(ids[0] != ids[1]);
  CHECK(ids[0] != ids[2]);
  CHECK(ids[0] != ids[3]);
  CHECK(ids[2] == "2025-10-30-talks-scott-bessent-he-lifeng");
}

TEST_CASE("a shared lead on one side is enough, and chains stop at the longest span") {
  // The US account names the Chinese side's lead differently (a mention), the US lead agrees.
  const auto ids = group_accounts({account("2025-01-24", "call", {"Wang Yi"}, {"Marco Rubio"}),
                                   account("2025-01-24", "call", {"Xi Jinping"}, {"Marco Rubio"})},
                                  {});
  CHECK(ids[0] == ids[1]);
  // Daily accounts of the same pair do not chain into one event of a week.
  std::vector<AccountSignature> daily;
  for (const char* d : {"2025-06-01", "2025-06-03", "2025-06-05", "2025-06-07"})
    daily.push_back(account(d, "", {"He Lifeng"}, {"Scott Bessent"}));
  const auto chained = group_accounts(daily, {});
  CHECK(chained[0] != chained[3]);
}

TEST_CASE("a named event takes its accounts over all its days and names them") {
  const std::vector<NamedEvent> named = {{"state-visit-2015",
                                          day_number("2015-09-22"),
                                          day_number("2015-09-25"),
                                          {"Xi Jinping", "Barack Obama"},
                                          {}}};
  const auto ids =
      group_accounts({account("2015-09-22", "meeting", {"Xi Jinping"}, {"Barack Obama"}),
                      account("2015-09-26", "meeting", {"Xi Jinping"}, {"Barack Obama"}),
                      account("2015-09-25", "call", {"Xi Jinping"}, {"Joe Biden"}),
                      account("2015-10-10", "meeting", {"Xi Jinping"}, {"Barack Obama"})},
                     named);
  CHECK(ids[0] == "state-visit-2015");
  CHECK(ids[1] == "state-visit-2015");
  CHECK(ids[2] != "state-visit-2015");  // none of its US people
  CHECK(ids[3] != "state-visit-2015");  // outside its days
  // A round of talks: one of each delegation is enough.
  const std::vector<NamedEvent> talks = {
      {"geneva-talks",
       day_number("2025-05-10"),
       day_number("2025-05-11"),
       {"He Lifeng", "Scott Bessent", "Jamieson Greer", "Li Chenggang"},
       {}}};
  const auto rounds =
      group_accounts({account("2025-05-10", "talks", {"He Lifeng"}, {"Scott Bessent"}),
                      account("2025-05-12", "", {"Li Chenggang"}, {"Jamieson Greer"}),
                      account("2025-05-11", "talks", {"Wang Yi"}, {"Marco Rubio"})},
                     talks);
  CHECK(rounds[0] == "geneva-talks");
  CHECK(rounds[1] == "geneva-talks");
  CHECK(rounds[2] != "geneva-talks");  // neither delegation takes part
}

TEST_CASE("accounts without a full date or a side's participant are in no event") {
  const auto ids = group_accounts({account("2025-11", "call", {"Xi Jinping"}, {"Donald J. Trump"}),
                                   account("2025-11-24", "call", {}, {"Donald J. Trump"})},
                                  {});
  CHECK(ids[0].empty());
  CHECK(ids[1].empty());
}

TEST_CASE("a user's correction puts an account into an event or out of every event") {
  std::vector<AccountSignature> accounts = {
      account("2025-11-24", "call", {"Xi Jinping"}, {"Donald J. Trump"}),
      account("2025-11-25", "call", {"Xi Jinping"}, {"Donald J. Trump"}),
      account("2025-12-20", "", {}, {})};
  accounts[1].forced = kNoEvent;
  accounts[2].forced = "2025-11-24-call-donald-j-trump-xi-jinping";
  const auto ids = group_accounts(accounts, {});
  CHECK(ids[0] == "2025-11-24-call-donald-j-trump-xi-jinping");
  CHECK(ids[1].empty());
  CHECK(ids[2] == ids[0]);  // an account without exchange or date, put there by hand
}

TEST_CASE(
    "accounts of unknown day join by a named event's name, or by the one event of the month") {
  std::vector<AccountSignature> accounts = {
      account("2013-06-08", "meeting", {"Xi Jinping"}, {"Barack Obama"}),
      account("", "", {"Xi Jinping"}, {"Barack Obama"}),
      account("2013-06", "meeting", {"Xi Jinping"}, {"Barack Obama"}),
      account("2025-06-05", "call", {"Xi Jinping"}, {"Donald J. Trump"}),
      account("2025-06-20", "call", {"Xi Jinping"}, {"Donald J. Trump"}),
      account("2025-06", "call", {"Xi Jinping"}, {"Donald J. Trump"}),
      account("", "call", {"Xi Jinping"}, {"Donald J. Trump"})};
  accounts[1].named = {"sunnylands-2013"};
  const std::vector<NamedEvent> named = {{"sunnylands-2013",
                                          day_number("2013-06-07"),
                                          day_number("2013-06-08"),
                                          {"Xi Jinping", "Barack Obama"},
                                          {}}};
  const auto ids = group_accounts(accounts, named);
  CHECK(ids[0] == "sunnylands-2013");
  CHECK(ids[1] == "sunnylands-2013");  // no date, names Sunnylands
  CHECK(ids[2] == "sunnylands-2013");  // June 2013: the one event of the month
  CHECK(ids[3] != ids[4]);
  CHECK(ids[5].empty());  // June 2025 held two calls: which one is unknown
  CHECK(ids[6].empty());  // no date, no name, two such calls: no event
  // The one meeting ever of two leads, of the kind stated: an undated account joins it.
  const auto once =
      group_accounts({account("2023-07-08", "meeting", {"He Lifeng"}, {"Janet Yellen"}),
                      account("", "meeting", {"He Lifeng"}, {"Janet Yellen"}),
                      account("", "", {"He Lifeng"}, {"Janet Yellen"})},
                     {});
  CHECK(once[1] == once[0]);
  CHECK(once[2].empty());  // no kind stated: not placed
}

TEST_CASE("two events with the same day, kind and leads get distinct ids") {
  const auto ids =
      group_accounts({account("2025-06-05", "call", {"Xi Jinping"}, {"Donald J. Trump"}),
                      account("2025-06-05", "meeting", {"Xi Jinping"}, {"Donald J. Trump"}),
                      account("2025-06-05", "meeting", {"Xi Jinping"}, {"Donald J. Trump"})},
                     {});
  CHECK(ids[1] == ids[2]);
  CHECK(ids[0] != ids[1]);
}

TEST_CASE("an article's exchange: speakers by rank, spokespersons left out, kind from title") {
  Article a;
  a.title = "Leaders speak by phone about trade";
  a.speakers = {"Mao Ning", "Wang Yi", "Xi Jinping", "Donald J. Trump"};
  a.mentions = {"Marco Rubio"};
  const Exchange e = read_exchange(a, knowledge());
  CHECK(e.kind == "call");
  CHECK(e.china == std::vector<std::string>{"Xi Jinping", "Wang Yi"});
  CHECK(e.us == std::vector<std::string>{"Donald J. Trump"});
  // A side nobody speaks for takes its highest-ranked person mentioned.
  Article b;
  b.title = "Talks in Madrid";
  b.speakers = {"He Lifeng"};
  b.mentions = {"Karoline Leavitt", "Jamieson Greer", "Scott Bessent"};
  const Exchange f = read_exchange(b, knowledge());
  CHECK(f.us.size() == 1);
  CHECK(f.us.front() != "Karoline Leavitt");
  // Nobody of one side: no exchange.
  Article c;
  c.speakers = {"Mao Ning"};
  c.mentions = {"Donald J. Trump"};
  CHECK(read_exchange(c, knowledge()).empty());
}

TEST_CASE("a title announcing the exchange reports none, and an agreement to meet again does") {
  Article a;
  a.speakers = {"Xi Jinping", "Donald J. Trump"};
  a.title = "Trump to meet Xi in Beijing next week";
  CHECK(read_exchange(a, knowledge()).empty());
  a.title = "习近平将与特朗普通电话";
  CHECK(read_exchange(a, knowledge()).empty());
  a.title = "미중 정상 부산서 회동…관세 문제 논의할 듯";  // "will likely discuss"
  CHECK(read_exchange(a, knowledge()).empty());
  a.title = "Xi and Trump agreed to meet again after a long call";
  CHECK(!read_exchange(a, knowledge()).empty());
  // "ahead of" after a title reporting one exchange relates it to the next: a report.
  a.title = "Xi and Trump speak by phone ahead of the harbor summit";
  CHECK(read_exchange(a, knowledge()).kind == "call");  // the summit is the next exchange
  a.title = "Trump heads out ahead of the harbor summit";
  CHECK(read_exchange(a, knowledge()).empty());
  // An opinion piece on the exchange is no account of it.
  a.title = "What the long call tells us: an editorial";
  CHECK(read_exchange(a, knowledge()).empty());
  a.title = "中美元首通话释放积极信号（社评）";
  CHECK(read_exchange(a, knowledge()).empty());
  a.title = "Editorials praise the long call";  // "editorials": not the word itself
  CHECK(!read_exchange(a, knowledge()).empty());
}

TEST_CASE("a lead announcing the exchange reports none, unless it also reports what was said") {
  Article a;
  a.speakers = {"Xi Jinping", "Joe Biden"};
  a.title = "A summit at the seaside";
  a.passages = {{"", "Updated 5 min ago"},  // too short to be the lead
                {"",
                 "The two presidents will meet today at a seaside resort for two days of "
                 "talks on trade, the strait and the climate."}};
  CHECK(read_exchange(a, knowledge()).empty());
  a.passages[1].text =
      "The two presidents met today at a seaside resort and will meet again next spring, "
      "officials of both sides said after the talks.";
  CHECK(!read_exchange(a, knowledge()).empty());
  // Cyrillic at the start of a sentence is compared in lower case too.
  a.passages[1].text = "Встретятся лидеры двух стран в субботу на курорте у моря для переговоров.";
  CHECK(read_exchange(a, knowledge()).empty());
  // Korean writes a planned meeting in the plain present: "만난다" (they meet), not "만났다".
  a.passages[1].text =
      "두 정상이 오늘부터 이틀간 해변 휴양지에서 만난다고 양측 정부가 보도자료에서 전했습니다.";
  CHECK(read_exchange(a, knowledge()).empty());
  // "a meeting" in a lead that reports is no preview.
  a.passages[1].text =
      "The meeting of the two presidents at the resort lasted four hours, and both called it "
      "candid and constructive.";
  CHECK(!read_exchange(a, knowledge()).empty());
}

TEST_CASE("whose account: the government, its carriers, the press of each side") {
  CHECK(account_side("The White House", knowledge()) == "us_government");
  CHECK(account_side("外交部", knowledge()) == "china_government");
  CHECK(account_side("Xinhua", knowledge()) == "china_government");
  CHECK(account_side("Global Times", knowledge()) == "china_press");
  CHECK(account_side("Central News Agency", knowledge()) == "other_press");
  CHECK(account_side("no such outlet", knowledge()) == "");
}

TEST_CASE("the grouping and its ids do not depend on the order the accounts come in") {
  // Two accounts call the exchange a summit and two a meeting; a chain of accounts a day apart
  // could join differently from either end; two same-day exchanges of the same leads share an id.
  const std::vector<AccountSignature> accounts = {
      account("2016-03-31", "summit", {"Xi Jinping"}, {"Barack Obama"}),
      account("2016-03-31", "meeting", {"Xi Jinping"}, {"Barack Obama"}),
      account("2016-04-01", "summit", {"Xi Jinping"}, {"Barack Obama"}),
      account("2016-04-01", "meeting", {"Xi Jinping"}, {"Barack Obama", "John Kerry"}),
      account("2016-04-02", "", {"Wang Yi"}, {"Barack Obama"}),
      account("2016-04-03", "", {"Wang Yi"}, {"John Kerry"}),
      account("2016-04-04", "", {"Wang Yi"}, {"John Kerry"}),
      account("2016-04-05", "", {"Wang Yi"}, {"John Kerry"}),
      account("2016-04-06", "", {"Wang Yi"}, {"John Kerry"}),
  };
  const auto ids = group_accounts(accounts, {});
  CHECK(ids[0] == "2016-03-31-meeting-barack-obama-xi-jinping");  // a tie: in name order
  std::vector<size_t> perm(accounts.size());
  for (size_t i = 0; i < perm.size(); ++i) perm[i] = i;
  for (int round = 0; round < 20; ++round) {
    std::next_permutation(perm.begin(), perm.end());
    if (round % 3 == 0) std::reverse(perm.begin(), perm.end());
    std::vector<AccountSignature> shuffled;
    for (size_t i : perm) shuffled.push_back(accounts[i]);
    const auto again = group_accounts(shuffled, {});
    for (size_t k = 0; k < perm.size(); ++k) CHECK(again[k] == ids[perm[k]]);
  }
}

TEST_CASE("an account of unknown date naming a day without a year joins that day's event") {
  std::vector<AccountSignature> accounts = {
      account("2024-04-02", "call", {"Xi Jinping"}, {"Joe Biden"}),
      account("2022-07-28", "call", {"Xi Jinping"}, {"Joe Biden"}),
      account("", "call", {"Xi Jinping"}, {"Joe Biden"}),      // "on April 2", no year
      account("", "", {"Xi Jinping"}, {"Joe Biden"}),          // "on July 29": a day after the call
      account("", "call", {"Xi Jinping"}, {"Joe Biden"}),      // a day of no call of theirs
      account("", "meeting", {"Xi Jinping"}, {"Joe Biden"})};  // a meeting, not that call
  accounts[2].month_day = month_day_number("04-02");
  accounts[3].month_day = month_day_number("07-29");
  accounts[4].month_day = month_day_number("01-15");
  accounts[5].month_day = month_day_number("04-02");
  const auto ids = group_accounts(accounts, {});
  CHECK(ids[2] == ids[0]);
  CHECK(ids[3] == ids[1]);
  CHECK(ids[4].empty());  // two calls ever between them: the kind alone does not choose
  CHECK(ids[5].empty());
  // The same day in two years: which one is unknown.
  std::vector<AccountSignature> twice = {
      account("2019-06-18", "call", {"Xi Jinping"}, {"Donald J. Trump"}),
      account("2025-06-18", "call", {"Xi Jinping"}, {"Donald J. Trump"}),
      account("", "call", {"Xi Jinping"}, {"Donald J. Trump"})};
  twice[2].month_day = month_day_number("06-18");
  CHECK(group_accounts(twice, {})[2].empty());
  // Its own two leads' event first, else the nearest to the day.
  std::vector<AccountSignature> near = {
      account("2025-01-17", "call", {"Xi Jinping"}, {"Donald J. Trump"}),
      account("2020-01-15", "talks", {"Liu He"}, {"Donald J. Trump"}),
      account("", "", {"Xi Jinping"}, {"Donald J. Trump"}),
      account("", "", {"Wang Yi"}, {"Donald J. Trump"})};
  near[2].month_day = month_day_number("01-15");
  near[3].month_day = month_day_number("01-15");
  const auto near_ids = group_accounts(near, {});
  CHECK(near_ids[2] == near_ids[0]);  // Trump and Xi's call, two days from the day named
  CHECK(near_ids[3] == near_ids[1]);  // neither is Trump and Wang Yi's: the talks of that day
  CHECK(month_day_number("02-30") == 0);
  CHECK(month_day_number("11-24") == 1124);
  CHECK(month_day_number("1124") == 0);
}

TEST_CASE("an account of unknown date naming a day alone joins its own leads' event of that day") {
  std::vector<AccountSignature> accounts = {
      account("2025-09-19", "call", {"Xi Jinping"}, {"Donald J. Trump"}),
      account("2025-09-20", "call", {"Xi Jinping"}, {"Donald J. Trump"}),  // Beijing's account
      account("2025-06-05", "call", {"Xi Jinping"}, {"Donald J. Trump"}),
      account("2025-11-24", "call", {"Xi Jinping"}, {"Donald J. Trump"}),
      account("2025-10-30", "meeting", {"Xi Jinping"}, {"Donald J. Trump"}),
      account("", "call", {"Xi Jinping"}, {"Donald J. Trump"}),   // "19日": the September call
      account("", "call", {"Xi Jinping"}, {"Donald J. Trump"}),   // "25일": a day after one
      account("", "", {"Xi Jinping"}, {"Donald J. Trump"}),       // no kind: not placed
      account("", "call", {"Xi Jinping"}, {"Donald J. Trump"}),   // "30日": a meeting's day
      account("", "call", {"Wang Yi"}, {"Marco Rubio"}),          // not their leads
      account("", "call", {"Xi Jinping"}, {"Donald J. Trump"})};  // "12日": nothing near
  accounts[5].month_day = month_day_number("--19");
  accounts[6].month_day = month_day_number("--25");
  accounts[7].month_day = month_day_number("--19");
  accounts[8].month_day = month_day_number("--30");
  accounts[9].month_day = month_day_number("--19");
  accounts[10].month_day = month_day_number("--12");
  const auto ids = group_accounts(accounts, {});
  CHECK(ids[5] == ids[0]);
  CHECK(ids[6] == ids[3]);
  CHECK(ids[7].empty());
  CHECK(ids[8].empty());
  CHECK(ids[9].empty());
  CHECK(ids[10].empty());
  // Two of their calls on that day of different months: which one is unknown.
  std::vector<AccountSignature> twice = {
      account("2025-01-17", "call", {"Xi Jinping"}, {"Donald J. Trump"}),
      account("2025-03-17", "call", {"Xi Jinping"}, {"Donald J. Trump"}),
      account("", "call", {"Xi Jinping"}, {"Donald J. Trump"})};
  twice[2].month_day = month_day_number("--17");
  CHECK(group_accounts(twice, {})[2].empty());
  CHECK(month_day_number("--07") == 7);
  CHECK(month_day_number("--32") == 0);
  CHECK(month_day_number("--00") == 0);
  CHECK(month_day_number("-7") == 0);
}

TEST_CASE("an account dated to a month prefers the one event of its own two leads") {
  const auto ids =
      group_accounts({account("2023-11-15", "meeting", {"Xi Jinping"}, {"Joe Biden"}),
                      account("2023-11-22", "meeting", {"Xi Jinping"}, {"Antony Blinken"}),
                      account("2023-11", "meeting", {"Xi Jinping"}, {"Joe Biden"}),
                      account("2023-11", "meeting", {"Xi Jinping"}, {"Gina Raimondo"})},
                     {});
  CHECK(ids[0] != ids[1]);
  CHECK(ids[2] == ids[0]);  // Biden's own meeting with Xi, not Blinken's
  CHECK(ids[3].empty());    // two events share only Xi with it: which one is unknown
}

TEST_CASE("an article's yearless day, for an article not dated to the day") {
  Article a;
  a.title = "Leaders agree on a trade truce";
  a.speakers = {"Xi Jinping", "Donald J. Trump"};
  a.passages = {{"", "The presidents met in the port city on Oct. 30 for less than two hours."}};
  CHECK(read_exchange(a, knowledge()).month_day == "10-30");
  a.passages = {{"", "新华社北京4月2日电 两国元首通电话。"}};
  CHECK(read_exchange(a, knowledge()).month_day == "04-02");
  // A date with its year is not one; an article dated to the day needs none.
  a.passages = {{"", "The presidents last met on November 15, 2023 near San Francisco."}};
  CHECK(read_exchange(a, knowledge()).month_day.empty());
  a.passages = {{"", "The presidents met in the port city on Oct. 30."}};
  a.date = ArticleDate{2025, 10, 30, DatePrecision::kDay, "url"};
  CHECK(read_exchange(a, knowledge()).month_day.empty());
}

TEST_CASE("an article's day named alone, when no month is named with a day") {
  Article a;
  a.title = "Leaders speak by phone";
  a.speakers = {"Xi Jinping", "Donald J. Trump"};
  a.passages = {{"",
                 "\xE4\xB8\xA4\xE5\x9B\xBD\xE5\x85\x83\xE9\xA6\x96 19\xE6\x97\xA5 "
                 "\xE9\x80\x9A\xE7\x94\xB5\xE8\xAF\x9D"}};  // 两国元首 19日 通电话
  CHECK(read_exchange(a, knowledge()).month_day == "--19");
  a.passages = {{"", "Trump called Xi on Friday (17/1), his spokesman said."},
                {"", "He called it a Jumat (17/1) call."}};
  CHECK(read_exchange(a, knowledge()).month_day == "01-17");
  // A month named with a day elsewhere in the lead wins over a day alone.
  a.passages = {{"", "19\xE6\x97\xA5, the call of Sept. 19 was long."}};
  CHECK(read_exchange(a, knowledge()).month_day == "09-19");
}

TEST_CASE("a place abroad names the meeting held there, and a call or a home city names none") {
  Article a;
  a.title = "Presidents reach a deal after their meeting in Busan";
  a.speakers = {"Donald J. Trump", "Xi Jinping"};
  CHECK(read_exchange(a, knowledge()).named == std::vector<std::string>{"busan-2025"});
  a.title = "Presidents speak by phone a month after Busan";
  CHECK(read_exchange(a, knowledge()).named.empty());
  a.title = "Presidents speak by phone as Trump stays at Mar-a-Lago";
  CHECK(read_exchange(a, knowledge()).named.empty());
  // Beijing, a home city, names none of the meetings held in it.
  a.title = "Presidents hold talks in Beijing";
  CHECK(read_exchange(a, knowledge()).named.empty());
  // An event's own names in another language: the leaders' virtual summit, in Arabic.
  Article v;
  v.title = "قمة افتراضية للرئيسين";  // "a virtual summit of the two presidents"
  v.speakers = {"Joe Biden", "Xi Jinping"};
  CHECK(read_exchange(v, knowledge()).named == std::vector<std::string>{"virtual-summit-2021"});
  // Geneva's talks: one of each delegation takes part.
  Article g;
  g.title = "Trade talks in Geneva end with a joint statement";
  g.speakers = {"He Lifeng", "Scott Bessent"};
  CHECK(read_exchange(g, knowledge()).named == std::vector<std::string>{"geneva-2025"});
  // Busan's meeting was the presidents': an account of ministers' talks there does not name it.
  Article b;
  b.title = "Ministers hold talks in Busan";
  b.speakers = {"Wang Yi", "Marco Rubio"};
  CHECK(read_exchange(b, knowledge()).named.empty());
}

TEST_CASE("a title naming a day a few days after the article's own date announces the exchange") {
  Article a;
  a.speakers = {"Xi Jinping", "Joe Biden"};
  a.date = ArticleDate{2022, 11, 10, DatePrecision::kDay, "url"};
  a.title = "Biden and Xi meet in person on November 14";
  CHECK(read_exchange(a, knowledge()).empty());
  a.date = ArticleDate{2022, 11, 14, DatePrecision::kDay, "url"};
  CHECK(!read_exchange(a, knowledge()).empty());  // the day itself: a report
  // A day further ahead is a deadline the exchange set, not the exchange.
  a.date = ArticleDate{2022, 8, 1, DatePrecision::kDay, "url"};
  CHECK(!read_exchange(a, knowledge()).empty());
  // A December article on a meeting of January 3.
  a.date = ArticleDate{2022, 12, 30, DatePrecision::kDay, "url"};
  a.title = "Biden and Xi talk trade on January 3";
  CHECK(read_exchange(a, knowledge()).empty());
}
