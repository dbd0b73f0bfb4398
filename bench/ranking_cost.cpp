// What the ranking features cost per query: runs queries through readouts' Searcher (in process,
// no HTTP, facets off) with the shipped RankingOptions and with one feature off at a time, and
// prints the mean milliseconds of each (docs/benchmarks.md, "Search").
// Usage: bench_ranking_cost DB [RUNS] QUERY...   (RUNS default 3, after one untimed run)
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "shared/extract/knowledge.h"
#include "shared/search/searcher.h"

using namespace readouts;

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: bench_ranking_cost DB [RUNS] QUERY...\n";
    return 2;
  }
  int first = 2, runs = 3;
  if (std::atoi(argv[2]) > 0) {
    runs = std::atoi(argv[2]);
    first = 3;
  }
  auto knowledge = load_knowledge({std::filesystem::path(READOUTS_SOURCE_DIR) / "data"});
  if (!knowledge.ok()) {
    std::cerr << knowledge.error().message << "\n";
    return 1;
  }
  auto searcher = Searcher::open({argv[1]}, std::make_shared<const Knowledge>(knowledge.value()));
  if (!searcher.ok()) {
    std::cerr << searcher.error().message << "\n";
    return 1;
  }
  struct Variant {
    const char* name;
    RankingOptions options;
  };
  std::vector<Variant> variants = {{"shipped", {}},      {"phrase_boost=0", {}},
                                   {"tiers=off", {}},    {"speaker_boost=0", {}},
                                   {"synonyms=off", {}}, {"event_feedback=off", {}}};
  variants[1].options.phrase_boost = 0;
  variants[2].options.tiers = false;
  variants[3].options.speaker_boost = 0;
  variants[4].options.synonyms = false;
  variants[5].options.event_feedback = false;
  std::cout << "query";
  for (const auto& v : variants) std::cout << "\t" << v.name;
  std::cout << "\n";
  for (int i = first; i < argc; ++i) {
    std::cout << argv[i];
    for (const auto& v : variants) {
      searcher.value()->set_ranking(v.options);
      SearchRequest request;
      request.q = argv[i];
      request.facets = false;
      if (!searcher.value()->search(request, SearchLimits{}).ok()) {
        std::cout << "\terror";
        continue;
      }
      auto t0 = std::chrono::steady_clock::now();
      for (int r = 0; r < runs; ++r) (void)searcher.value()->search(request, SearchLimits{});
      double ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() /
          runs;
      std::cout << "\t" << ms;
    }
    std::cout << "\n";
  }
  return 0;
}
