// Searches with facets counted from the in-memory FacetTable answer exactly as those counted
// from value slots (FacetSpy): totals, results, every facet, the timeline and the event
// timeline, on the default corpus and after articles are added, removed and changed under an
// open Searcher.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "shared/extract/knowledge.h"
#include "shared/search/searcher.h"
#include "tests/integration/test_helpers.h"

using namespace readouts;
using namespace readouts::testing;

namespace {

std::unique_ptr<Searcher> open_searcher(const std::filesystem::path& db, bool table) {
  auto knowledge = load_knowledge({default_data_dir()});
  REQUIRE(knowledge.ok());
  auto s = Searcher::open({db}, std::make_shared<const Knowledge>(std::move(knowledge.value())));
  REQUIRE(s.ok());
  s.value()->use_facet_table(table);
  return std::move(s.value());
}

std::vector<SearchRequest> requests() {
  std::vector<SearchRequest> out;
  auto add = [&](std::string q, auto&& tweak) {
    SearchRequest r;
    r.q = std::move(q);
    tweak(r);
    out.push_back(std::move(r));
  };
  auto none = [](SearchRequest&) {};
  add("", none);
  add("Taiwan", none);
  add("trade talks", none);
  add("climate change cooperation", none);
  add("\"one China\"", none);
  add("fentanyl OR tariffs", none);
  add("Xi Jinping said", [](SearchRequest& r) { r.speakers = {"Xi Jinping"}; });
  add("", [](SearchRequest& r) { r.topics = {"taiwan"}; });
  add("call", [](SearchRequest& r) {
    r.from = "2021";
    r.to = "2023-06";
  });
  add("", [](SearchRequest& r) { r.languages = {"zh-Hans"}; });
  add("meeting", [](SearchRequest& r) { r.events_only = true; });
  add("", [](SearchRequest& r) { r.events_only = true; });
  add("Biden Xi", [](SearchRequest& r) { r.one_per_event = true; });
  add("tariffs", [](SearchRequest& r) { r.sort = SortOrder::kDateDesc; });
  add("Blinken Wang Yi", [](SearchRequest& r) { r.page = 2; });
  add("soybeens", none);  // misspelt: loosened, suggestions
  return out;
}

void check_same(Searcher& table, Searcher& slots, const SearchRequest& req) {
  INFO("q=" << req.q << " events_only=" << req.events_only);
  const SearchLimits limits;
  auto a = table.search(req, limits);
  auto b = slots.search(req, limits);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  const SearchResponse& x = a.value();
  const SearchResponse& y = b.value();
  CHECK(x.total == y.total);
  REQUIRE(x.results.size() == y.results.size());
  for (size_t i = 0; i < x.results.size(); ++i) CHECK(x.results[i].id == y.results[i].id);
  REQUIRE(x.facets.size() == y.facets.size());
  for (const auto& [name, values] : y.facets) {
    INFO("facet " << name);
    REQUIRE(x.facets.count(name));
    const auto& mine = x.facets.at(name);
    REQUIRE(mine.size() == values.size());
    for (size_t i = 0; i < values.size(); ++i) {
      CHECK(mine[i].value == values[i].value);
      CHECK(mine[i].label == values[i].label);
      CHECK(mine[i].count == values[i].count);
    }
  }
  auto same_timeline = [](const std::vector<TimelineBucket>& p,
                          const std::vector<TimelineBucket>& q) {
    REQUIRE(p.size() == q.size());
    for (size_t i = 0; i < p.size(); ++i) {
      CHECK(p[i].period == q[i].period);
      CHECK(p[i].count == q[i].count);
    }
  };
  same_timeline(x.timeline, y.timeline);
  same_timeline(x.event_timeline, y.event_timeline);
}

}  // namespace

TEST_CASE("facets from the in-memory table equal facets read from value slots") {
  auto table = open_searcher(corpus_db(), true);
  auto slots = open_searcher(corpus_db(), false);
  size_t with_events = 0;
  for (const SearchRequest& req : requests()) {
    check_same(*table, *slots, req);
    if (req.events_only) {
      auto r = slots->search(req, SearchLimits());
      REQUIRE(r.ok());
      with_events += !r.value().event_timeline.empty();
    }
  }
  CHECK(with_events > 0);  // the event timeline was compared with something in it
  auto sa = table->stats();
  auto sb = slots->stats();
  REQUIRE(sa.ok());
  REQUIRE(sb.ok());
  CHECK(sa.value().speakers.size() == sb.value().speakers.size());
  for (size_t i = 0; i < sb.value().speakers.size(); ++i)
    CHECK(sa.value().speakers[i].count == sb.value().speakers[i].count);
  CHECK(sa.value().years.size() == sb.value().years.size());
}

TEST_CASE("facets from the table follow the database when articles are added under it") {
  TempDir tmp;
  const std::filesystem::path corpus = std::filesystem::path(READOUTS_TEST_DIR) / "../corpus/md";
  std::vector<std::filesystem::path> files;
  for (const auto& f : std::filesystem::directory_iterator(corpus))
    if (f.path().extension() == ".md") files.push_back(f.path());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() > 10);
  const std::filesystem::path first = tmp.path() / "first", second = tmp.path() / "second";
  std::filesystem::create_directories(first);
  std::filesystem::create_directories(second);
  for (size_t i = 0; i < files.size(); ++i)
    std::filesystem::copy_file(files[i], (i % 2 ? second : first) / files[i].filename());
  const std::filesystem::path db = tmp.path() / "db";
  auto indexed = index_paths(db, quote(first.string()));
  INFO(indexed.output);
  REQUIRE(indexed.status == 0);
  auto table = open_searcher(db, true);
  auto slots = open_searcher(db, false);
  SearchRequest all;
  auto before = table->search(all, SearchLimits());
  REQUIRE(before.ok());
  for (const SearchRequest& req : requests()) check_same(*table, *slots, req);
  indexed = index_paths(db, quote(second.string()));
  INFO(indexed.output);
  REQUIRE(indexed.status == 0);
  auto after = table->search(all, SearchLimits());
  REQUIRE(after.ok());
  CHECK(after.value().total > before.value().total);
  for (const SearchRequest& req : requests()) check_same(*table, *slots, req);
  // One article changed in place (re-added: replaced, same docid), then one removed.
  std::filesystem::path changed;
  for (const auto& f : std::filesystem::directory_iterator(first)) changed = f.path();
  std::ofstream(changed, std::ios::app)
      << "\n\nWang Yi said both sides discussed Taiwan, fentanyl and climate change.\n";
  indexed = index_paths(db, quote(first.string()));
  INFO(indexed.output);
  REQUIRE(indexed.status == 0);
  REQUIRE(after.value().results.size() >= 2);
  const std::string gone = after.value().results[1].id;
  auto removed = run_command(std::string(READOUTS_INDEX_BIN) + " remove --db " +
                             quote(db.string()) + " " + quote(gone));
  INFO(removed.output);
  REQUIRE(removed.status == 0);
  auto last = table->search(all, SearchLimits());
  REQUIRE(last.ok());
  CHECK(last.value().total + 1 == after.value().total);
  for (const SearchRequest& req : requests()) check_same(*table, *slots, req);
}
