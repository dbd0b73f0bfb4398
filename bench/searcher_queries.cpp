// The benchmark queries through readouts' own Searcher, in process: the same search the server
// runs (interpretation, ranking, snippets, facets when asked) without HTTP and JSON, so that it
// compares with the raw Xapian loop's in-process queries like for like (docs/benchmarks.md).
// Usage: bench_searcher_queries DB QUERIES.tsv [ITERATIONS]   (prints the report as JSON)
#include <cstdlib>
#include <iostream>
#include <string>

#include "bench/bench_common.h"
#include "shared/extract/knowledge.h"
#include "shared/search/searcher.h"

using namespace readouts;

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: bench_searcher_queries DB QUERIES.tsv [ITERATIONS]\n";
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
  const SearchLimits limits;
  return bench::run_query_bench("readouts", queries, iterations, 2000.0,
                                [&](const bench::Query& q, bool) -> long long {
                                  SearchRequest req;
                                  req.q = q.q;
                                  if (!q.speaker.empty()) req.speakers.push_back(q.speaker);
                                  req.from = q.from;
                                  req.to = q.to;
                                  req.facets = q.facets;
                                  auto r = searcher.value()->search(req, limits);
                                  if (!r.ok()) throw std::runtime_error(r.error().message);
                                  return static_cast<long long>(r.value().total);
                                });
}
