// Crash safety: `readouts-index add` killed with SIGKILL at random moments never leaves a
// database that is corrupt, locked or unopenable, and running the same command again ends with
// exactly the expected articles.
//
// Quick in ctest (20 trials on 2,000 generated articles). Even trials kill the bulk load of a fresh
// database (parallel shards merged and swapped in: all or nothing); odd ones use --no-bulk with
// --batch 25, so there are ~80 commits per run for the kills to land between. tools/crash_trials.sh
// runs the same test longer through environment variables:
//   READOUTS_CRASH_TRIALS (20), READOUTS_CRASH_ARTICLES (2000), READOUTS_CRASH_BATCH (25),
//   READOUTS_CRASH_SEED (time-based; printed so a failure can be replayed).
#include <doctest/doctest.h>

#include <chrono>
#include <iostream>
#include <random>

#include "tests/integration/test_helpers.h"
#include "tests/reliability/article_gen.h"
#include "tests/reliability/db_checks.h"
#include "tests/reliability/process.h"

using namespace readouts::testing;
using namespace std::chrono;

namespace {

// bulk: a fresh database is built in parallel shards and swapped in (all or nothing); without
// it (--no-bulk) articles are committed every `batch`, so kills land between commits.
std::vector<std::string> add_argv(const std::filesystem::path& db,
                                  const std::filesystem::path& corpus, size_t batch, bool bulk) {
  std::vector<std::string> argv = {READOUTS_INDEX_BIN,    "add",  "--quiet",   "--batch",
                                   std::to_string(batch), "--db", db.string(), corpus.string()};
  if (!bulk) argv.insert(argv.begin() + 2, "--no-bulk");
  return argv;
}

// One database state after a kill: must pass xapian-check and open with a count <= expected.
void check_after_kill(const std::filesystem::path& db, size_t expected, const std::string& where) {
  if (!std::filesystem::exists(db / "iamglass")) {
    // Killed before Xapian created the database: nothing to check but the rerun.
    return;
  }
  auto check = xapian_check(db);
  INFO(where, "\n", check.output);
  REQUIRE_MESSAGE(check.status == 0, "xapian-check failed after SIGKILL");
  std::string why;
  long long n = stats_articles(db, &why);
  INFO(why);
  // An empty database killed before its schema version was committed cannot be "stats"-ed (no
  // version yet); the rerun must still work. Anything with documents must open.
  if (n < 0) {
    auto probe =
        run_command("xapian-delve " + quote(db.string()) + " | grep -i 'number of documents'");
    INFO(probe.output);
    REQUIRE_MESSAGE(probe.output.find("number of documents = 0") != std::string::npos,
                    "database with documents does not open after SIGKILL");
    return;
  }
  REQUIRE(n <= static_cast<long long>(expected));
}

}  // namespace

TEST_CASE("reliability: SIGKILL during add never corrupts and a rerun completes exactly") {
  REQUIRE_MESSAGE(have_program("xapian-check"),
                  "xapian-check missing: apt-get install xapian-tools");
  const size_t trials = env_size("READOUTS_CRASH_TRIALS", 20);
  const size_t articles = env_size("READOUTS_CRASH_ARTICLES", 2000);
  const size_t batch = env_size("READOUTS_CRASH_BATCH", 25);
  const uint64_t seed =
      env_size("READOUTS_CRASH_SEED",
               static_cast<size_t>(system_clock::now().time_since_epoch().count() % 1000000));
  INFO("READOUTS_CRASH_SEED=", seed, " trials=", trials, " articles=", articles, " batch=", batch);
  TempDir tmp;
  const auto corpus = tmp.path() / "corpus";
  const size_t files = write_corpus(corpus, articles, 7);

  // Calibrate: one uninterrupted run per mode gives the expected count and the run time to aim
  // kills at. Even trials use the bulk load, odd ones the batched commits (--no-bulk).
  milliseconds full_time[2];
  for (int bulk = 0; bulk < 2; ++bulk) {
    auto t0 = steady_clock::now();
    Child c(add_argv(tmp.path() / "calib", corpus, batch, bulk == 1),
            (tmp.path() / "calib.log").string());
    int rc = c.wait(minutes(10));
    INFO(c.log());
    REQUIRE(rc == 0);
    full_time[bulk] = duration_cast<milliseconds>(steady_clock::now() - t0);
    REQUIRE(stats_articles(tmp.path() / "calib") == static_cast<long long>(articles));
    std::filesystem::remove_all(tmp.path() / "calib");
  }

  std::mt19937_64 rng(seed);
  size_t killed_running = 0, double_kills = 0, before_create = 0;
  std::vector<long long> counts_at_kill;
  for (size_t t = 0; t < trials; ++t) {
    const auto db = tmp.path() / ("db" + std::to_string(t));
    const std::string log = (tmp.path() / "run.log").string();
    const bool bulk = t % 2 == 0;
    // The run time to aim at: calibrated once, shortened whenever a first kill comes too late
    // (other tests share the machine under ctest -j, so later runs can be much faster).
    milliseconds& full = full_time[bulk ? 1 : 0];
    // Varied timing: a few very early kills (startup, creation), the rest spread over the run,
    // short of its end. A kill of the resumed run aims within the part of the work that is left.
    auto pick = [&](double lo, double hi, double share) {
      const double f = std::uniform_real_distribution<double>(lo, hi)(rng) * share;
      return milliseconds(static_cast<long long>(f * static_cast<double>(full.count())));
    };
    const int kills = (t % 3 == 2) ? 2 : 1;  // every third trial also kills the resumed run
    double left = 1.0;                       // share of the work not yet committed
    for (int k = 0; k < kills; ++k) {
      bool was_running = false;
      for (int attempt = 0; attempt < 4 && !was_running; ++attempt) {
        if (attempt > 0) {  // the first run ended before its kill: start the trial again, earlier
          std::filesystem::remove_all(db);
          full = milliseconds(full.count() * 6 / 10);
        }
        Child c(add_argv(db, corpus, batch, bulk), log);
        std::this_thread::sleep_for(k == 0
                                        ? (t % 7 == 0 ? pick(0.0, 0.08, 1.0) : pick(0.05, 0.8, 1.0))
                                        : pick(0.0, 0.6, std::max(0.1, left)));
        was_running = c.kill_now();
        if (k == 1) break;  // a resumed run is not started again
      }
      (k == 0 ? killed_running : double_kills) += was_running;
      if (!std::filesystem::exists(db / "iamglass")) ++before_create;
      check_after_kill(db, articles, "trial " + std::to_string(t) + " kill " + std::to_string(k));
      counts_at_kill.push_back(stats_articles(db));
      left = 1.0 - static_cast<double>(std::max(0LL, counts_at_kill.back())) /
                       static_cast<double>(articles);
    }
    // The same command again completes the work: exactly the expected articles.
    Child again(add_argv(db, corpus, batch, bulk), log);
    int rc = again.wait(minutes(10));
    INFO("trial ", t, ": ", again.log());
    REQUIRE(rc == 0);
    auto check = xapian_check(db);
    INFO(check.output);
    REQUIRE(check.status == 0);
    REQUIRE(stats_articles(db) == static_cast<long long>(articles));
    std::filesystem::remove_all(db);
  }
  std::cout << "crash trials: " << trials << " trials, " << articles << " articles in " << files
            << " files, batch " << batch << ", run time aimed at (last) " << full_time[1].count()
            << " ms bulk / " << full_time[0].count() << " ms batched (--no-bulk), "
            << killed_running << " first kills of " << trials << " while running, " << double_kills
            << " second kills during a resumed run, " << before_create
            << " kills before the database existed; "
            << "articles at kill:";
  for (auto n : counts_at_kill) std::cout << " " << n;
  std::cout << "; seed " << seed << "\n";
  // The first kills must actually land while the indexer works, or the test proves nothing.
  CHECK(killed_running >= trials * 3 / 4);
}
