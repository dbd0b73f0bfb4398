// Prometheus text rendering of request metrics.
#include "server/metrics.h"

#include <array>
#include <cstdio>

namespace readouts {

void Metrics::record(const std::string& route, int status, double seconds) {
  std::lock_guard<std::mutex> lock(mu_);
  ++requests_[{route, status}];
  for (size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) ++bucket_counts_[i];
  ++count_;
  sum_ += seconds;
  if (status >= 500) ++errors_;
}

void Metrics::record_search(const SearchCosts& costs, double render_ms) {
  std::lock_guard<std::mutex> lock(mu_);
  stage_seconds_[0] += costs.match_ms / 1000;
  stage_seconds_[1] += costs.facets_ms / 1000;
  stage_seconds_[2] += costs.snippets_ms / 1000;
  stage_seconds_[3] += render_ms / 1000;
  ++searches_;
}

std::string Metrics::render(int64_t documents) const {
  std::lock_guard<std::mutex> lock(mu_);
  std::string out;
  char buf[256];
  out += "# HELP readouts_requests_total HTTP requests by route and status.\n";
  out += "# TYPE readouts_requests_total counter\n";
  for (const auto& [key, n] : requests_) {
    std::snprintf(buf, sizeof buf, "readouts_requests_total{route=\"%s\",status=\"%d\"} %llu\n",
                  key.first.c_str(), key.second, static_cast<unsigned long long>(n));
    out += buf;
  }
  out += "# HELP readouts_request_duration_seconds Time to answer a request.\n";
  out += "# TYPE readouts_request_duration_seconds histogram\n";
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    std::snprintf(buf, sizeof buf, "readouts_request_duration_seconds_bucket{le=\"%g\"} %llu\n",
                  kBuckets[i], static_cast<unsigned long long>(bucket_counts_[i]));
    out += buf;
  }
  std::snprintf(buf, sizeof buf,
                "readouts_request_duration_seconds_bucket{le=\"+Inf\"} %llu\n"
                "readouts_request_duration_seconds_sum %.6f\n"
                "readouts_request_duration_seconds_count %llu\n",
                static_cast<unsigned long long>(count_), sum_,
                static_cast<unsigned long long>(count_));
  out += buf;
  out += "# HELP readouts_errors_total Responses with a 5xx status.\n";
  out += "# TYPE readouts_errors_total counter\n";
  std::snprintf(buf, sizeof buf, "readouts_errors_total %llu\n",
                static_cast<unsigned long long>(errors_));
  out += buf;
  out +=
      "# HELP readouts_search_stage_seconds Time computed searches spent in each part (match "
      "includes facet counting; cached answers are not searches).\n";
  out += "# TYPE readouts_search_stage_seconds summary\n";
  static constexpr std::array<const char*, 4> kStages = {"match", "facets", "snippets", "render"};
  for (size_t i = 0; i < kStages.size(); ++i) {
    std::snprintf(buf, sizeof buf,
                  "readouts_search_stage_seconds_sum{stage=\"%s\"} %.6f\n"
                  "readouts_search_stage_seconds_count{stage=\"%s\"} %llu\n",
                  kStages[i], stage_seconds_[i], kStages[i],
                  static_cast<unsigned long long>(searches_));
    out += buf;
  }
  out += "# HELP readouts_documents Articles in the database.\n# TYPE readouts_documents gauge\n";
  std::snprintf(buf, sizeof buf, "readouts_documents %lld\n", static_cast<long long>(documents));
  out += buf;
  return out;
}

}  // namespace readouts
