// Helpers shared by the benchmark programs (raw Xapian, SQLite FTS5): reading the generated
// JSON Lines corpus, the query list, and latency statistics. Benchmark code only.
#pragma once

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

namespace bench {

struct Record {
  std::string id, title, date, body;
};

// Expands files and folders (recursively, sorted) into the list of .jsonl files to read.
inline std::vector<std::string> input_files(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const auto& p : paths) {
    if (std::filesystem::is_directory(p)) {
      std::vector<std::string> found;
      for (const auto& e : std::filesystem::recursive_directory_iterator(p))
        if (e.is_regular_file() && e.path().extension() == ".jsonl") found.push_back(e.path());
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else {
      out.push_back(p);
    }
  }
  return out;
}

// Calls fn for each record of each JSON Lines file; returns the bytes read.
inline uint64_t for_each_record(const std::vector<std::string>& files,
                                const std::function<void(const Record&)>& fn) {
  uint64_t bytes = 0;
  std::string line;
  Record r;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + f);
    while (std::getline(in, line)) {
      bytes += line.size() + 1;
      if (line.empty()) continue;
      auto j = nlohmann::json::parse(line);
      r.id = j.value("id", "");
      r.title = j.value("title", "");
      r.date = j.value("date", "");
      r.body = j.value("body", "");
      fn(r);
    }
  }
  return bytes;
}

// One benchmark query: bench/queries.tsv columns kind, q, speaker, from, to, facets.
struct Query {
  std::string kind, q, speaker, from, to;
  bool facets = false;
};

inline std::vector<Query> read_queries(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<Query> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    size_t start = 0;
    for (;;) {
      size_t tab = line.find('\t', start);
      cols.push_back(
          line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    cols.resize(6);
    out.push_back({cols[0], cols[1], cols[2], cols[3], cols[4], cols[5] == "1"});
  }
  return out;
}

// "2021" -> "20210101" (lo) / "20211231" (hi); "2021-06" -> "20210601" / "20210631".
inline std::string date_bound(const std::string& d, bool hi) {
  std::string digits;
  for (char c : d)
    if (c >= '0' && c <= '9') digits += c;
  if (digits.empty()) return "";
  if (digits.size() == 4) digits += hi ? "12" : "01";
  if (digits.size() == 6) digits += hi ? "31" : "01";
  return digits.substr(0, 8);
}

inline double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(p / 100.0 * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

using Clock = std::chrono::steady_clock;
inline double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// Runs every query `iterations` times (after one warm-up run) and prints a JSON report:
// per query p50/p95/p99 and hits, and overall percentiles over every timed run.
// run(q, warmup) returns the number of matches (estimated for Xapian, exact for FTS5); only the
// untimed warm-up run (warmup=true) has to count them when counting is extra work.
// extra: more fields for a query's entry, asked after its timed runs (per-part costs).
inline int run_query_bench(const std::string& engine, const std::vector<Query>& queries,
                           int iterations, double max_ms_per_query,
                           const std::function<long long(const Query&, bool)>& run,
                           const std::function<nlohmann::json(const Query&)>& extra = nullptr) {
  nlohmann::json report;
  report["engine"] = engine;
  report["iterations"] = iterations;
  std::vector<double> all;
  nlohmann::json per = nlohmann::json::array();
  int failures = 0;
  auto t_all = Clock::now();
  for (const auto& q : queries) {
    std::vector<double> times;
    long long hits = -1;
    std::string error;
    try {
      hits = run(q, true);  // warm-up, untimed
      auto t_q = Clock::now();
      for (int i = 0; i < iterations; ++i) {
        auto t0 = Clock::now();
        run(q, false);
        times.push_back(ms_since(t0));
        if (ms_since(t_q) > max_ms_per_query && times.size() >= 3) break;
      }
    } catch (const std::exception& e) {
      error = e.what();
      ++failures;
    }
    all.insert(all.end(), times.begin(), times.end());
    nlohmann::json j = {{"kind", q.kind},
                        {"q", q.q},
                        {"speaker", q.speaker},
                        {"from", q.from},
                        {"to", q.to},
                        {"facets", q.facets},
                        {"hits", hits},
                        {"runs", times.size()},
                        {"p50_ms", percentile(times, 50)},
                        {"p95_ms", percentile(times, 95)},
                        {"p99_ms", percentile(times, 99)}};
    if (!error.empty()) j["error"] = error;
    if (extra) j.update(extra(q));
    per.push_back(j);
  }
  report["queries"] = per;
  report["query_count"] = queries.size();
  report["failures"] = failures;
  report["runs"] = all.size();
  report["total_ms"] = ms_since(t_all);
  report["p50_ms"] = percentile(all, 50);
  report["p95_ms"] = percentile(all, 95);
  report["p99_ms"] = percentile(all, 99);
  double sum = 0;
  for (double t : all) sum += t;
  report["mean_ms"] = all.empty() ? 0 : sum / static_cast<double>(all.size());
  long long zero = 0;
  for (const auto& j : per)
    if (j["hits"].get<long long>() <= 0) ++zero;
  report["queries_without_hits"] = zero;
  std::cout << report.dump(1) << "\n";
  return failures == 0 ? 0 : 1;
}

// The command line both baselines share: `NAME index DB PATH...` and `NAME query DB QUERIES.tsv
// [ITERATIONS]` (default 20). Usage errors exit 2; a std::exception is reported and exits 1
// (engine-specific exceptions are caught by the caller).
template <class IndexFn, class QueryFn>
int bench_main(const char* name, int argc, char** argv, IndexFn index, QueryFn query) {
  try {
    const std::string cmd = argc > 1 ? argv[1] : "";
    if (cmd == "index" && argc >= 4)
      return index(argv[2], std::vector<std::string>(argv + 3, argv + argc));
    if (cmd == "query" && argc >= 4)
      return query(argv[2], argv[3], argc > 4 ? std::atoi(argv[4]) : 20);
    std::cerr << "usage: " << name << " index DB PATH... | " << name
              << " query DB QUERIES.tsv [ITERATIONS]\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << name << ": " << e.what() << "\n";
  }
  return 1;
}

}  // namespace bench
