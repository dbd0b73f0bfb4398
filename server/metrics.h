// Request metrics for /metrics (Prometheus text format): counts by route and status, a latency
// histogram, errors, the time each part of a search takes. Thread-safe (atomics and a mutex around
// the route map).
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "shared/search/search_result.h"

namespace readouts {

class Metrics {
 public:
  void record(const std::string& route, int status, double seconds);
  // A search computed (not a cached answer): its parts' costs, and the JSON's making.
  void record_search(const SearchCosts& costs, double render_ms);
  // documents: current article count (or -1 when the database is unavailable).
  std::string render(int64_t documents) const;

  static constexpr std::array<double, 12> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,   0.25,   0.5,   1.0,  2.5,   10.0};

 private:
  mutable std::mutex mu_;
  std::map<std::pair<std::string, int>, uint64_t> requests_;
  std::array<uint64_t, kBuckets.size()> bucket_counts_{};
  uint64_t count_ = 0;
  double sum_ = 0;
  uint64_t errors_ = 0;
  // Seconds spent in each part of computed searches: match, facets, snippets, render.
  std::array<double, 4> stage_seconds_{};
  uint64_t searches_ = 0;
};

}  // namespace readouts
