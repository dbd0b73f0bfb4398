// Undated accounts and the named event they tell of: named anywhere in their text, at a wider
// place than the venue, one of several by their month (shared/events/exchange.h, grouping.h), on
// accounts written for these tests.
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

Article summit(std::string title, std::vector<std::string> paragraphs,
               std::vector<std::string> speakers) {
  Article a;
  a.title = std::move(title);
  for (auto& text : paragraphs) a.passages.push_back(Passage{"", std::move(text)});
  a.speakers = std::move(speakers);
  return a;
}

AccountSignature at(AccountSignature a, const char* place) {
  a.place = place;
  a.place_country = "US";
  return a;
}

}  // namespace

TEST_CASE("an undated account names the one event its whole text names, not one held elsewhere") {
  Article a = summit(
      "The two presidents end their first summit on good terms",
      {"After two days of talks the two leaders said they had found common ground on several "
       "questions that have long divided their governments.",
       "Aides on both sides described the mood of the talks as relaxed and unhurried, a change "
       "from the formal state visits of the past.",
       "The talks were held at the Sunnylands estate, where the leaders also walked in the "
       "gardens between sessions."},
      {"Barack Obama", "Xi Jinping"});
  Exchange e = read_exchange(a, knowledge());
  CHECK(e.named == std::vector<std::string>{"sunnylands-2013"});
  CHECK(e.place == "sunnylands");
  // Dated: only its title and lead name its event; its date places it.
  a.date = ArticleDate{2013, 6, 9, DatePrecision::kDay, ""};
  CHECK(read_exchange(a, knowledge()).named.empty());

  // The lead says San Francisco; Bali, a year before, is only recalled further on.
  Article b = summit(
      "Presidents meet face to face for the first time in a year",
      {"The two presidents held four hours of talks south of San Francisco on Wednesday, trying "
       "to steady a relationship that has been strained for months.",
       "Officials on both sides had prepared the meeting for weeks, aides said afterwards.",
       "They had last sat down together on the island of Bali, on the sidelines of another "
       "summit."},
      {"Joe Biden", "Xi Jinping"});
  e = read_exchange(b, knowledge());
  CHECK(e.named.empty());
  CHECK(e.place == "san-francisco");
  // Further on it names the estate near San Francisco where they met: that event.
  b.passages[1].text += " The venue was the Filoli estate in Woodside.";
  b.passages.erase(b.passages.begin() + 2);
  e = read_exchange(b, knowledge());
  CHECK(e.named == std::vector<std::string>{"woodside-2023"});
}

TEST_CASE("an undated account naming one side at a named event takes its other side") {
  Article a = summit("Treasury chief hails a breakthrough in the Geneva talks",
                     {"Scott Bessent said the weekend of talks in Geneva had produced a deal to "
                      "pause most of the new tariffs for ninety days."},
                     {"Scott Bessent"});
  const Exchange e = read_exchange(a, knowledge());
  CHECK(e.china == std::vector<std::string>{"He Lifeng"});
  CHECK(e.named == std::vector<std::string>{"geneva-2025"});
  // Dated to a month only: not enough to tell.
  a.date = ArticleDate{2025, 5, 0, DatePrecision::kMonth, ""};
  CHECK(read_exchange(a, knowledge()).empty());
}

TEST_CASE("an undated account at a wider place than the venue joins the event held there") {
  const std::vector<NamedEvent> named = named_events(knowledge());
  std::vector<AccountSignature> accounts = {
      at(account("2023-11-15", "summit", {"Xi Jinping"}, {"Joe Biden"}), "filoli"),
      at(account("2022-11-14", "summit", {"Xi Jinping"}, {"Joe Biden"}), "bali"),
      at(account("", "summit", {"Xi Jinping"}, {"Joe Biden"}), "san-francisco"),
      at(account("", "summit", {"Xi Jinping"}, {"Joe Biden"}), "california")};
  accounts[1].place_country = "ID";
  auto ids = group_accounts(accounts, named);
  CHECK(ids[0] == "woodside-2023");
  CHECK(ids[2] == "woodside-2023");
  CHECK(ids[3] == "woodside-2023");
  // Without the places' "within" (no named events): San Francisco is not the Filoli estate.
  ids = group_accounts(accounts, {});
  CHECK(ids[2].empty());
}

TEST_CASE("an account naming several named events joins the one of its month") {
  const std::vector<NamedEvent> named = named_events(knowledge());
  std::vector<AccountSignature> accounts = {
      account("2019-06-29", "meeting", {"Xi Jinping"}, {"Donald J. Trump"}),
      account("2018-12-01", "meeting", {"Xi Jinping"}, {"Donald J. Trump"}),
      account("2019-06", "", {"Xi Jinping"}, {"Donald J. Trump"}),
      account("", "meeting", {"Xi Jinping"}, {"Donald J. Trump"}),
      account("2019-06-18", "call", {"Xi Jinping"}, {"Donald J. Trump"})};
  // Of no stated kind, dated to the month of a summit and of a call: its month alone does not
  // tell, the events it names do.
  accounts[2].named = accounts[3].named = {"osaka-2019", "buenos-aires-2018"};
  const auto ids = group_accounts(accounts, named);
  CHECK(ids[0] == "osaka-2019");
  CHECK(ids[1] == "buenos-aires-2018");
  CHECK(ids[2] == "osaka-2019");
  CHECK(ids[3].empty());  // no month: a recap of both
}

TEST_CASE(
    "of two calls held on the weekday an undated account names, the one told far more often") {
  // Two calls of the same presidents, both on a Monday: one told by four accounts, one by one.
  std::vector<AccountSignature> accounts = {
      account("2016-11-14", "call", {"Xi Jinping"}, {"Donald J. Trump"}),
      account("2025-11-24", "call", {"Xi Jinping"}, {"Donald J. Trump"}),
      account("2025-11-24", "call", {"Xi Jinping"}, {"Donald J. Trump"}),
      account("2025-11-25", "call", {"Xi Jinping"}, {"Donald J. Trump"}),
      account("2025-11-25", "call", {"Xi Jinping"}, {"Donald J. Trump"}),
      account("", "call", {"Xi Jinping"}, {"Donald J. Trump"})};
  accounts[5].weekday = 1;
  auto ids = group_accounts(accounts, {});
  REQUIRE(!ids[1].empty());
  CHECK(ids[5] == ids[1]);
  // Told by two accounts against one: neither is likely enough.
  accounts.erase(accounts.begin() + 3, accounts.begin() + 5);
  ids = group_accounts(accounts, {});
  CHECK(ids[3].empty());
}
