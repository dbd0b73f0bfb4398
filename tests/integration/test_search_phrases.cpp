// HTTP tests: a quoted phrase that finds few articles ranks its matches first and then the
// articles with its words; syntax that excludes stays strict (docs/api.md, query reader).
#include <doctest/doctest.h>

#include "tests/integration/test_helpers.h"

using namespace readouts::testing;
using nlohmann::json;

namespace {

// One account with the exact phrase, two that word the same warning differently.
struct PhraseCorpus {
  TempDir tmp;
  std::filesystem::path db;
  PhraseCorpus() {
    std::string output;
    db = index_articles(
        tmp.path(),
        {{"exact.md",
          "---\nid: exact\ntitle: A warning over the strait\ndate: 2022-07-28\n---\n\n"
          "The leader gave a warning that whoever plays with fire will get burned.\n"},
         {"other-1.md",
          "---\nid: other-1\ntitle: Another account of the warning\ndate: 2022-07-28\n---\n\n"
          "In a stern warning, he said those playing with fire would be burned by it.\n"},
         {"other-2.md",
          "---\nid: other-2\ntitle: The warning, reported abroad\ndate: 2022-07-29\n---\n\n"
          "The warning was that anyone who played with fire would perish by it.\n"},
         {"unrelated.md",
          "---\nid: unrelated\ntitle: Trade talks\ndate: 2022-07-30\n---\n\n"
          "The ministers discussed tariffs and soybeans.\n"}},
        &output);
    INFO(output);
    REQUIRE(!db.empty());
  }
};

}  // namespace

TEST_CASE("a phrase that finds few articles ranks them first, then its words") {
  PhraseCorpus corpus;
  TestServer server(corpus.db);
  const json r = search_api(server, "q=%22plays%20with%20fire%22%20warning");
  REQUIRE(r["results"].size() == 3);
  CHECK(r["results"][0]["id"] == "exact");
  CHECK(r["interpreted"]["match"] == "any");
  CHECK(r["interpreted"]["syntax"] == true);
  CHECK(r["interpreted"]["syntax_ignored"] == false);
  // Sorted by date, the phrase is what was asked for: no words added.
  const json by_date = search_api(server, "q=%22plays%20with%20fire%22%20warning&sort=date");
  CHECK(by_date["results"].size() == 1);
  // An exclusion stays strict: nothing is added to what the user narrowed.
  const json excluded = search_api(server, "q=%22plays%20with%20fire%22%20-soybeans");
  CHECK(excluded["results"].size() == 1);
  CHECK(excluded["interpreted"]["match"] == "all");
}

TEST_CASE("a long question's rare word outranks the boosts of the people and topic it names") {
  // Three accounts about Taiwan (the topic the question names, with both leaders speaking) and
  // one that holds the question's rare word and never says "Taiwan". The question has more
  // concepts than the tiers take: ranked as "more like this", its boosts at a fraction.
  TempDir tmp;
  std::vector<std::pair<std::string, std::string>> files;
  for (int i = 1; i <= 3; ++i)
    files.push_back(
        {"taiwan-" + std::to_string(i) + ".md",
         "---\nid: taiwan-" + std::to_string(i) +
             "\ntitle: Biden and Xi speak about Taiwan\ndate: 2022-07-2" + std::to_string(i) +
             "\n---\n\nPresident Joe Biden said the United States opposes any change to the "
             "status quo over Taiwan. Xi Jinping said Taiwan is part of China and warned "
             "against Taiwan independence. Biden said the talks on Taiwan were frank.\n"});
  files.push_back({"rare.md",
                   "---\nid: rare\ntitle: The two presidents talk by phone\ndate: 2022-07-28\n"
                   "---\n\nXi Jinping told Joe Biden in the phone call that the situation "
                   "around the island was a tinderbox. Biden said he heard the warning.\n"});
  // Other articles, so that a word in one article weighs more than a topic in three.
  for (int i = 1; i <= 20; ++i)
    files.push_back({"trade-" + std::to_string(i) + ".md",
                     "---\nid: trade-" + std::to_string(i) +
                         "\ntitle: Ministers meet on trade\ndate: 2021-05-1" +
                         std::to_string(i % 9) +
                         "\n---\n\nThe ministers discussed tariffs, soybeans and market access in "
                         "session " +
                         std::to_string(i) + ".\n"});
  std::string output;
  const auto db = index_articles(tmp.path(), files, &output);
  INFO(output);
  REQUIRE(!db.empty());
  TestServer server(db);
  const json r = search_api(server, "q=Biden%20Xi%20Taiwan%20phone%20call%20tinderbox%20warning");
  REQUIRE(r["results"].size() >= 4);
  CHECK(r["results"][0]["id"] == "rare");
}
