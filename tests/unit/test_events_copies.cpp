// Reposts among the accounts of one event (shared/events/copies.h), on texts written for these
// tests: one release carried by several sites with their own furniture, and a different story.
#include <doctest/doctest.h>

#include "shared/events/copies.h"

using namespace readouts;

namespace {

Article article(const char* id, const char* side, const char* date, std::vector<std::string> paras,
                const char* language = "en") {
  Article a;
  a.id = id;
  a.side = side;
  a.language = language;
  a.date.year = std::atoi(std::string(date).substr(0, 4).c_str());
  a.date.month = std::atoi(std::string(date).substr(5, 2).c_str());
  a.date.day = std::atoi(std::string(date).substr(8, 2).c_str());
  a.date.precision = DatePrecision::kDay;
  for (auto& p : paras) a.passages.push_back({"", std::move(p)});
  return a;
}

const std::vector<std::string> kRelease = {
    "The two heads of state held a telephone conversation on Monday evening and agreed to keep "
    "in close touch on matters of common concern.",
    "The Chinese president set out the position of his government on the question of the "
    "island and asked the other side to handle it with prudence.",
    "The American president said his country valued the relationship and looked forward to "
    "the coming visit, according to the statement released after the call."};

}  // namespace

TEST_CASE("one release on several sites is one account with its copies") {
  std::vector<std::string> repost = kRelease;
  repost.insert(repost.begin(), "Home | World | Asia");  // the site's furniture
  repost.push_back("Share this article. Related: markets close higher.");
  const Article gov = article("gov", "china_government", "2025-11-25", kRelease);
  const Article site1 = article("site1", "other_press", "2025-11-25", repost);
  const Article site2 = article("site2", "china_press", "2025-11-24", kRelease);
  const Article other = article("other", "us_government", "2025-11-24",
                                {"The President spoke with the leader of China today about "
                                 "trade, farm purchases and the war in Europe."});
  CHECK(text_overlap(gov, site1) >= kCopyOverlap);
  CHECK(text_overlap(gov, other) < 0.1);
  const auto originals = find_copies({&site1, &gov, &other, &site2});
  CHECK(originals[1] == -1);  // the government's account is the original
  CHECK(originals[0] == 1);
  CHECK(originals[3] == 1);
  CHECK(originals[2] == -1);  // another account
}

TEST_CASE("a translation or a short text alone is not a copy") {
  const Article en = article("en", "china_government", "2025-11-25", kRelease);
  const Article zh = article("zh", "china_government", "2025-11-25", kRelease, "zh-Hans");
  const Article brief = article("brief", "other_press", "2025-11-25", {"Leaders spoke."});
  const auto originals = find_copies({&en, &zh, &brief});
  CHECK(originals == std::vector<int>{-1, -1, -1});
}
