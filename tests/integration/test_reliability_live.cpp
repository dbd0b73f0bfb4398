// Live reads: the server keeps answering a steady stream of queries, with zero failures, while
// `readouts-index add` writes thousands of articles into the database it serves; what each run
// commits becomes searchable without a restart, within a second or two.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <iostream>
#include <mutex>

#include "tests/integration/test_helpers.h"
#include "tests/reliability/article_gen.h"
#include "tests/reliability/process.h"

using namespace readouts::testing;
using namespace std::chrono;
using nlohmann::json;
using readouts::ServerConfig;

namespace {

long long total_for(httplib::Client& c, const std::string& word, int* status) {
  auto res = c.Get(("/api/search?facets=0&q=" + word).c_str());
  if (!res) {
    *status = -1;
    return -1;
  }
  *status = res->status;
  auto j = json::parse(res->body, nullptr, false);
  if (j.is_discarded() || !j.contains("total")) return -1;
  return j["total"].get<long long>();
}

}  // namespace

TEST_CASE("reliability: queries never fail while the indexer adds thousands of articles") {
  const size_t rounds = env_size("READOUTS_LIVE_ROUNDS", 6);
  const size_t per_round = env_size("READOUTS_LIVE_ARTICLES", 500);
  TempDir tmp;
  const auto db = tmp.path() / "db";
  // Start from a small committed database so that the server can open it.
  write_corpus(tmp.path() / "round-seed", 20, 1000, 97, "zs");
  {
    Child c({READOUTS_INDEX_BIN, "add", "--quiet", "--db", db.string(),
             (tmp.path() / "round-seed").string()},
            (tmp.path() / "seed.log").string());
    REQUIRE(c.wait(minutes(2)) == 0);
  }
  TestServer server(db);

  std::atomic<bool> stop{false};
  std::atomic<long long> requests{0}, failures{0}, count_went_down{0};
  std::mutex mu;
  std::vector<std::string> failure_samples;
  const char* kQueries[] = {"/api/search?q=talks",
                            "/api/search?q=Taiwan+trade&sort=date",
                            "/api/search?q=%22export+controls%22",
                            "/api/search?q=tariff*&per_page=50",
                            "/api/search?q=climate&page=3",
                            "/api/search?q=&sort=oldest",
                            "/api/search?q=soybeans+NOT+chips",
                            "/api/stats",
                            "/healthz"};
  auto reader = [&](int which) {
    auto client = server.client();
    client.set_keep_alive(which % 2 == 0);
    size_t i = static_cast<size_t>(which);
    long long my_last = 0;  // what this reader saw last: a later answer may not show fewer
    while (!stop) {
      const char* path = kQueries[i++ % (sizeof kQueries / sizeof *kQueries)];
      auto res = client.Get(path);
      ++requests;
      std::string problem;
      if (!res) {
        problem = std::string(path) + ": no response (" + httplib::to_string(res.error()) + ")";
      } else if (res->status != 200) {
        problem = std::string(path) + ": HTTP " + std::to_string(res->status) + " " +
                  res->body.substr(0, 300);
      } else {
        auto j = json::parse(res->body, nullptr, false);
        if (j.is_discarded())
          problem = std::string(path) + ": body is not JSON";
        else if (std::string(path) == "/healthz") {
          long long n = j["articles"].get<long long>();
          if (n < my_last) ++count_went_down;
          my_last = n;
        }
      }
      if (!problem.empty()) {
        ++failures;
        std::lock_guard<std::mutex> lock(mu);
        if (failure_samples.size() < 10) failure_samples.push_back(problem);
      }
    }
  };
  std::vector<std::thread> readers;
  for (int i = 0; i < 3; ++i) readers.emplace_back(reader, i);

  auto probe = server.client();
  double worst_visible_ms = 0;
  size_t expected = 20;
  for (size_t r = 0; r < rounds; ++r) {
    const std::string prefix = std::string("zr") + static_cast<char>('a' + r) + "x";
    const auto dir = tmp.path() / ("round" + std::to_string(r));
    write_corpus(dir, per_round, 2000 + r, 97, prefix);
    long long before = requests;
    Child c(
        {READOUTS_INDEX_BIN, "add", "--quiet", "--batch", "50", "--db", db.string(), dir.string()},
        (tmp.path() / "round.log").string());
    int rc = c.wait(minutes(5));
    INFO(c.log());
    REQUIRE(rc == 0);
    expected += per_round;
    const auto committed = steady_clock::now();
    // The indexer has exited, so its last commit is done: the articles must become findable.
    for (size_t which : {size_t{0}, per_round / 2, per_round - 1}) {
      const std::string word = marker_word(which, prefix);
      int status = 0;
      long long total = -1;
      while (steady_clock::now() - committed < seconds(2)) {
        total = total_for(probe, word, &status);
        if (total == 1) break;
        std::this_thread::sleep_for(milliseconds(20));
      }
      INFO("round ", r, " marker ", word, " status ", status);
      REQUIRE(total == 1);
    }
    double ms = duration<double, std::milli>(steady_clock::now() - committed).count();
    worst_visible_ms = std::max(worst_visible_ms, ms);
    // Queries kept flowing while this round was indexed.
    CHECK(requests - before > 10);
  }
  stop = true;
  for (auto& t : readers) t.join();

  int status = 0;
  json health = get_json(server, "/healthz", &status);
  CHECK(health["articles"] == expected);
  std::cout << "live reads: " << requests << " requests during " << rounds * per_round
            << " added articles, " << failures << " failed; new articles found " << worst_visible_ms
            << " ms (worst) after the indexer's last commit\n";
  for (const auto& s : failure_samples) std::cout << "  failure: " << s << "\n";
  CHECK(failures == 0);
  CHECK(count_went_down == 0);
}

TEST_CASE("reliability: concurrent stats and browse requests do not crash the server") {
  // Regression: Searcher::stats() and the empty query copied Xapian::Query::MatchAll, a static
  // object whose reference count is not atomic; 64 wrk connections crashed the server in a
  // second. Many threads hitting the match-all paths at once must all get 200s.
  TempDir tmp;
  const auto db = tmp.path() / "db";
  write_corpus(tmp.path() / "c", 200, 9);
  REQUIRE(index_paths(db, quote((tmp.path() / "c").string())).status == 0);
  ServerConfig config;
  config.shards = {db};
  config.port = 0;
  config.threads = 8;
  config.log_requests = false;
  auto app = readouts::App::create(config);
  REQUIRE(app.ok());
  auto port = app.value()->bind();
  REQUIRE(port.ok());
  std::thread serving([&] { app.value()->run(); });
  std::atomic<long long> ok{0}, bad{0};
  std::vector<std::thread> clients;
  const auto until = steady_clock::now() + seconds(4);
  for (int t = 0; t < 8; ++t) {
    clients.emplace_back([&, t] {
      httplib::Client c("127.0.0.1", port.value());
      c.set_read_timeout(10, 0);
      const char* paths[] = {"/api/stats", "/api/search?q=", "/api/search?q=&sort=date&facets=0",
                             "/api/search?q=&speaker=Nobody"};
      for (size_t i = static_cast<size_t>(t); steady_clock::now() < until; ++i) {
        auto res = c.Get(paths[i % 4]);
        (res && res->status == 200 ? ok : bad)++;
      }
    });
  }
  for (auto& c : clients) c.join();
  app.value()->stop();
  serving.join();
  std::cout << "concurrent match-all: " << ok << " ok, " << bad << " failed\n";
  CHECK(bad == 0);
  CHECK(ok > 100);
}
