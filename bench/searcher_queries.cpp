// The benchmark queries through readouts' own Searcher, in process: the same search the server
// runs (interpretation, ranking, snippets, facets when asked) without HTTP and JSON, so that it
// compares with the raw Xapian loop's in-process queries like for like (docs/benchmarks.md).
// Usage: bench_searcher_queries DB QUERIES.tsv [ITERATIONS] [slots]   (prints the report as JSON)
// "slots": facets read from value slots per match (FacetSpy) instead of the in-memory
// FacetTable, to measure the one against the other. A Searcher has no result cache: every run
// is a cache miss. Each query's entry also gives the mean time of each part of its timed runs
// (match, facets, snippets: SearchResponse::costs).
#include <cstdlib>
#include <iostream>
#include <string>

#include "bench/bench_common.h"
#include "shared/extract/knowledge.h"
#include "shared/search/facet_table.h"
#include "shared/search/searcher.h"

using namespace readouts;

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: bench_searcher_queries DB QUERIES.tsv [ITERATIONS] [slots]\n";
    return 2;
  }
  const int iterations = argc > 3 ? std::max(1, std::atoi(argv[3])) : 20;
  auto knowledge = load_knowledge({std::filesystem::path(READOUTS_SOURCE_DIR) / "data"});
  if (!knowledge.ok()) {
    std::cerr << "bench_searcher_queries: " << knowledge.error().message << "\n";
    return 1;
  }
  auto searcher = Searcher::open({argv[1]}, std::make_shared<const Knowledge>(knowledge.value()));
  if (!searcher.ok()) {
    std::cerr << "bench_searcher_queries: " << searcher.error().message << "\n";
    return 1;
  }
  std::vector<bench::Query> queries;
  try {
    queries = bench::read_queries(argv[2]);
  } catch (const std::exception& e) {
    std::cerr << "bench_searcher_queries: " << e.what() << "\n";
    return 1;
  }
  {  // what the Searcher builds at its first faceted search: size and time, on stderr
    const auto t0 = bench::Clock::now();
    auto table = FacetTable::build(Xapian::Database(argv[1]), "");
    std::cerr << "facet table: " << table->documents() << " documents, " << table->bytes()
              << " bytes ("
              << static_cast<double>(table->bytes()) /
                     static_cast<double>(std::max<size_t>(1, table->documents()))
              << " per document), built in " << bench::ms_since(t0) << " ms\n";
  }
  const bool slots = argc > 4 && std::string(argv[4]) == "slots";
  searcher.value()->use_facet_table(!slots);
  const SearchLimits limits;
  SearchCosts sum;  // of the current query's timed runs
  int runs = 0;
  auto costs = [&](const bench::Query&) {
    const double n = std::max(1, runs);
    nlohmann::json j = {{"match_ms", sum.match_ms / n},
                        {"facets_ms", sum.facets_ms / n},
                        {"snippets_ms", sum.snippets_ms / n}};
    sum = SearchCosts();
    runs = 0;
    return j;
  };
  return bench::run_query_bench(
      slots ? "readouts_slots" : "readouts", queries, iterations, 2000.0,
      [&](const bench::Query& q, bool warm_up) -> long long {
        SearchRequest req;
        req.q = q.q;
        if (!q.speaker.empty()) req.speakers.push_back(q.speaker);
        req.from = q.from;
        req.to = q.to;
        req.facets = q.facets;
        auto r = searcher.value()->search(req, limits);
        if (!r.ok()) throw std::runtime_error(r.error().message);
        if (!warm_up) {
          sum.match_ms += r.value().costs.match_ms;
          sum.facets_ms += r.value().costs.facets_ms;
          sum.snippets_ms += r.value().costs.snippets_ms;
          ++runs;
        }
        return static_cast<long long>(r.value().total);
      },
      costs);
}
