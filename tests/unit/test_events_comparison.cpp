// Comparing the accounts of one event (shared/events/comparison.h), on accounts written for
// these tests in the shapes of real readouts.
#include <doctest/doctest.h>

#include <algorithm>

#include "shared/events/comparison.h"
#include "tests/unit/test_default_knowledge.h"

using namespace readouts;

namespace {

const Knowledge& knowledge() { return readouts::testing::default_knowledge(); }

Article account(const char* id, const char* side, std::vector<std::string> topics,
                std::vector<Passage> passages, const char* title = "") {
  Article a;
  a.id = id;
  a.side = side;
  a.title = title;
  a.topics = std::move(topics);
  a.passages = std::move(passages);
  return a;
}

bool has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

TEST_CASE("topics one government raises and the other does not, with each side's passages") {
  const std::vector<Article> accounts = {
      account("cn", "china_government", {"taiwan", "trade_tariffs"},
              {{"Xi Jinping", "Xi set out China's position on the Taiwan question at length."},
               {"", "The two sides also exchanged views on tariffs and trade."}}),
      account("us", "us_government", {"fentanyl", "trade_tariffs"},
              {{"Donald J. Trump", "Trump said they talked about fentanyl and tariffs."}}),
      account("press", "other_press", {"taiwan"},
              {{"", "Reporters noted Taiwan came up in the Chinese readout."}})};
  const Comparison c = compare_accounts(accounts, knowledge());
  CHECK(c.only_china_government == std::vector<std::string>{"taiwan"});
  CHECK(c.only_us_government == std::vector<std::string>{"fentanyl"});
  const auto taiwan = std::find_if(c.topics.begin(), c.topics.end(),
                                   [](const TopicComparison& t) { return t.topic == "taiwan"; });
  REQUIRE(taiwan != c.topics.end());
  CHECK(taiwan->accounts == std::vector<std::string>{"cn", "press"});
  REQUIRE(!taiwan->passages.empty());
  CHECK(taiwan->passages.front().account == "cn");  // government accounts first
  CHECK(taiwan->passages.front().speaker == "Xi Jinping");
}

TEST_CASE("a statement credited to the other side on a topic its own account never raises") {
  const std::vector<Article> accounts = {
      account("cn", "china_government", {"taiwan"},
              {{"Donald J. Trump",
                "Trump said the United States understands how much the Taiwan question matters "
                "to China."}}),
      account("us", "us_government", {"agriculture"},
              {{"Donald J. Trump", "Trump said the call covered soybeans and farm purchases."}})};
  const Comparison c = compare_accounts(accounts, knowledge());
  REQUIRE(c.credited_only_by_other.size() == 1);
  CHECK(c.credited_only_by_other[0].account == "cn");
  CHECK(c.credited_only_by_other[0].speaker == "Donald J. Trump");
  CHECK(has(c.credited_only_by_other[0].topics, "taiwan"));
  // Once the US account raises Taiwan itself, nothing is credited only by the other side.
  std::vector<Article> both = accounts;
  both[1].topics.push_back("taiwan");
  CHECK(compare_accounts(both, knowledge()).credited_only_by_other.empty());
  // Without both governments' accounts there is nothing to compare.
  CHECK(compare_accounts({accounts[0]}, knowledge()).credited_only_by_other.empty());
}

TEST_CASE("who asked for the call: an answering word, or 'at the request of' a side") {
  Comparison c = compare_accounts(
      {account("cn", "china_government", {}, {{"", "国家主席习近平应约同美国总统通电话。"}},
               "习近平同美国总统通电话")},
      knowledge());
  REQUIRE(c.requested_by.size() == 1);
  CHECK(c.requested_by[0].side == "us");
  CHECK(c.requested_by[0].account == "cn");
  c = compare_accounts({account("wh", "us_government", {},
                                {{"",
                                  "The President spoke by phone with President Xi at the "
                                  "request of the Chinese side."}})},
                       knowledge());
  REQUIRE(c.requested_by.size() == 1);
  CHECK(c.requested_by[0].side == "china");
  // "At the request of" about something else than the call says nothing about who asked for it.
  c = compare_accounts({account("wh", "us_government", {},
                                {{"",
                                  "The President agreed, at the request of President Xi, to "
                                  "keep the policy."}})},
                       knowledge());
  CHECK(c.requested_by.empty());
}
