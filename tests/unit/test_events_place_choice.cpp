// The place and the day an undated account names, among candidate events, and titles that report
// a call before announcing a meeting (shared/events/grouping.h, exchange.h,
// shared/index/event_index.h), on accounts written for these tests.
#include <doctest/doctest.h>

#include "shared/core/schema.h"
#include "shared/events/exchange.h"
#include "shared/events/grouping.h"
#include "shared/index/event_index.h"
#include "tests/unit/test_default_knowledge.h"
#include "tests/unit/test_event_accounts.h"

using namespace readouts;

namespace {

using readouts::testing::account;

const Knowledge& knowledge() { return readouts::testing::default_knowledge(); }

AccountSignature at(AccountSignature a, const char* place, const char* country,
                    bool stands_for_government = false) {
  a.place = place;
  a.place_country = country;
  a.place_stands_for_government = stands_for_government;
  return a;
}

}  // namespace

TEST_CASE("an undated meeting held abroad does not join a meeting of the same people at home") {
  // A secretary's meeting with the foreign minister in Munich, a Friday; his meeting with the
  // president in Beijing, another Friday. An undated story of the Munich meeting that reads the
  // president as the Chinese lead (he is mentioned, the minister does not speak).
  std::vector<AccountSignature> accounts = {
      at(account("2024-02-16", "meeting", {"Wang Yi"}, {"Antony Blinken"}), "munich", "DE"),
      at(account("2024-04-26", "meeting", {"Xi Jinping"}, {"Antony Blinken"}), "beijing", "CN",
         true),
      at(account("", "meeting", {"Xi Jinping"}, {"Antony Blinken"}), "munich", "DE")};
  accounts[2].weekday = 5;
  const auto ids = group_accounts(accounts, {});
  REQUIRE(!ids[0].empty());
  CHECK(ids[2] == ids[0]);
  CHECK(ids[2] != ids[1]);
}

TEST_CASE("the place an undated account names chooses among meetings held on its weekday") {
  // Two meetings of the same presidents, both on a Friday: one at an estate in California, one
  // in Washington. An undated account of a Friday meeting in Washington.
  std::vector<AccountSignature> accounts = {
      at(account("2013-06-07", "meeting", {"Xi Jinping"}, {"Barack Obama"}), "sunnylands", "US"),
      at(account("2015-09-25", "meeting", {"Xi Jinping"}, {"Barack Obama"}), "washington", "US",
         true),
      at(account("", "meeting", {"Xi Jinping"}, {"Barack Obama"}), "washington", "US", true),
      account("", "meeting", {"Xi Jinping"}, {"Barack Obama"})};
  accounts[2].weekday = accounts[3].weekday = 5;
  const auto ids = group_accounts(accounts, {});
  CHECK(ids[2] == ids[1]);
  CHECK(ids[3].empty());  // no place: the weekday alone does not choose
}

TEST_CASE("an undated account of no stated kind joins the event held at the place it names") {
  // A summit at an estate; the president's secretary of state briefed on it. An undated story
  // naming the estate and the briefing secretary, stating no kind of exchange; another naming
  // Beijing, which often stands for the government: no place that tells.
  std::vector<AccountSignature> accounts = {
      at(account("2017-04-07", "summit", {"Xi Jinping"}, {"Donald J. Trump"}), "mar-a-lago", "US"),
      at(account("2017-11-09", "meeting", {"Xi Jinping"}, {"Donald J. Trump"}), "beijing", "CN",
         true),
      at(account("", "", {"Xi Jinping"}, {"Rex Tillerson"}), "mar-a-lago", "US"),
      at(account("", "", {"Xi Jinping"}, {"Rex Tillerson"}), "beijing", "CN", true)};
  const auto ids = group_accounts(accounts, {});
  CHECK(ids[2] == ids[0]);
  CHECK(ids[3].empty());
}

TEST_CASE("ruling out meetings held elsewhere does not choose one held at no known place") {
  // Three meetings of a secretary and a vice premier: two in China, one whose only account names
  // no place. An undated account of a meeting in San Francisco: none of them.
  std::vector<AccountSignature> accounts = {
      at(account("2023-07-08", "meeting", {"He Lifeng"}, {"Janet Yellen"}), "beijing", "CN", true),
      at(account("2024-04-06", "meeting", {"He Lifeng"}, {"Janet Yellen"}), "guangzhou", "CN"),
      account("2023-07-11", "meeting", {"He Lifeng"}, {"Janet Yellen"}),
      at(account("", "meeting", {"He Lifeng"}, {"Janet Yellen"}), "san-francisco", "US")};
  const auto ids = group_accounts(accounts, {});
  CHECK(ids[3].empty());
}

TEST_CASE(
    "the exchange value keeps the place, its country and whether it stands for a government") {
  const std::string value = schema::exchange_value("20240216", "meeting", {"Wang Yi"},
                                                   {"Antony Blinken"}, {}, "", 5, {"munich", "DE"});
  const AccountSignature sig = account_signature(value);
  CHECK(sig.place == "munich");
  CHECK(sig.place_country == "DE");
  CHECK(!sig.place_stands_for_government);
  CHECK(sig.weekday == 5);
  const AccountSignature home = account_signature(
      schema::exchange_value("20240426", "meeting", {"Xi Jinping"}, {"Antony Blinken"}, {}, "", 0,
                             {"beijing", "CN", "g"}));
  CHECK(home.place_stands_for_government);
  // Read from an article: a city abroad, and a capital that may stand for its government.
  Article a;
  a.speakers = {"Antony Blinken", "Wang Yi"};
  a.title = "The two ministers met in Munich on the sidelines of a security conference";
  Exchange e = read_exchange(a, knowledge());
  CHECK(e.place == "munich");
  CHECK(e.place_country == "DE");
  a.title = "The two ministers met in Beijing";
  e = read_exchange(a, knowledge());
  CHECK(e.place == "beijing");
  CHECK(e.place_stands_for_government);
}

TEST_CASE("an undated Arabic account names its day with a Levantine month name") {
  Article a;
  a.speakers = {"Xi Jinping", "Donald J. Trump"};
  a.title = "اتصال هاتفي بين الرئيسين";
  a.passages = {{"", "قالت وكالة إن الرئيسين أجريا مساء 19 أيلول/سبتمبر اتصالا هاتفيا."}};
  CHECK(read_exchange(a, knowledge()).month_day == "09-19");
}

TEST_CASE("a title reporting a call and then announcing a meeting reports the call") {
  Article a;
  a.speakers = {"Donald J. Trump", "Xi Jinping"};
  a.title = "中美元首通话｜美国总统称将与中方领导人在韩国会面";
  CHECK(read_exchange(a, knowledge()).kind == "call");
  a.title = "Presidents' phone call: leaders to meet in Korea next month";
  CHECK(read_exchange(a, knowledge()).kind == "call");
  // An announcement alone, a call announced in the segment after a colon, or a call word before
  // the announcement in the same segment: a preview.
  a.title = "美国总统将与中方领导人在韩国会面";
  CHECK(read_exchange(a, knowledge()).empty());
  a.title = "Trade: the presidents will speak by phone on Friday";
  CHECK(read_exchange(a, knowledge()).empty());
  a.title = "The presidents' phone call set to meet expectations";
  CHECK(read_exchange(a, knowledge()).empty());
}

TEST_CASE("an undated account naming its day after a quote, a heading and a caption") {
  Article a;
  a.speakers = {"Donald J. Trump", "Xi Jinping"};
  a.title = "The call lasted an hour";
  a.passages = {{"", "The press secretary told reporters the conversation had been very good."},
                {"", "\"It went well,\" she said."},
                {"", "An earlier post"},
                {"", "The president wrote that many subjects came up."},
                {"", "Photo: the two leaders in a file picture"},
                {"", "On November 24 the two presidents spoke by phone for an hour."}};
  CHECK(read_exchange(a, knowledge()).month_day == "11-24");
}
