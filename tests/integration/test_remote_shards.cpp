// Shards served by xapian-tcpsrv (shared/search/shard_set.h): the same answers as one database
// holding the same articles, and, when a shard is stopped or killed, the others' answers within
// the timeout with the missing shard named, until it comes back.
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>

#include "shared/extract/knowledge.h"
#include "shared/index/shard_layout.h"
#include "shared/search/searcher.h"
#include "tests/integration/test_helpers.h"
#include "tests/reliability/process.h"

using namespace readouts;
using namespace readouts::testing;
namespace fs = std::filesystem;

namespace {

constexpr const char* kTcpsrv = "/usr/bin/xapian-tcpsrv";

// xapian-tcpsrv serving one database on a free port, ready when constructed.
class RemoteShard {
 public:
  RemoteShard(const fs::path& db, const fs::path& log) : db_(db), log_(log), port_(free_port()) {
    start();
  }
  void start() {
    child_ =
        std::make_unique<Child>(std::vector<std::string>{kTcpsrv, "--port", std::to_string(port_),
                                                         "--interface", "127.0.0.1", db_.string()},
                                log_.string(), /*own_group=*/true);
    for (int i = 0; i < 250; ++i) {  // up to 5 s
      try {
        Xapian::Remote::open("127.0.0.1", static_cast<unsigned>(port_), 1000, 1000);
        return;
      } catch (const Xapian::Error&) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
    }
    FAIL("xapian-tcpsrv did not start: " << child_->log());
  }
  // The listener and the processes serving each connection.
  void stop_signal() { child_->signal_group(SIGSTOP); }
  void continue_signal() { child_->signal_group(SIGCONT); }
  void kill_now() {
    child_->signal_group(SIGKILL);
    child_->kill_now();
  }
  std::string spec() const { return "tcp://127.0.0.1:" + std::to_string(port_); }

 private:
  fs::path db_, log_;
  int port_;
  std::unique_ptr<Child> child_;
};

// The corpus indexed into one database, and its documents dealt into two shard databases (odd
// and even document ids), metadata copied: the same articles with the same derived data (events
// and reposts are grouped over the whole corpus at indexing).
struct SplitCorpus {
  TempDir tmp;
  fs::path a, b, whole;
  SplitCorpus() {
    a = tmp.path() / "a", b = tmp.path() / "b", whole = tmp.path() / "whole";
    auto r = index_paths(whole, quote((fs::path(READOUTS_TEST_DIR) / ".." / "corpus").string()));
    INFO(r.output);
    REQUIRE(r.status == 0);
    Xapian::Database all(whole.string());
    Xapian::WritableDatabase sa(a.string(), Xapian::DB_CREATE), sb(b.string(), Xapian::DB_CREATE);
    for (auto it = all.postlist_begin(""); it != all.postlist_end(""); ++it)
      (*it % 2 ? sa : sb).add_document(all.get_document(*it));
    for (auto k = all.metadata_keys_begin(); k != all.metadata_keys_end(); ++k) {
      sa.set_metadata(*k, all.get_metadata(*k));
      sb.set_metadata(*k, all.get_metadata(*k));
    }
    sa.commit();
    sb.commit();
    REQUIRE(sa.get_doccount() > 20);
    REQUIRE(sb.get_doccount() > 20);
  }
};

std::unique_ptr<Searcher> open_searcher(const std::vector<fs::path>& shards,
                                        const ShardOptions& options = ShardOptions()) {
  auto s = Searcher::open(shards, shared_knowledge(), options);
  INFO((s.ok() ? "" : s.error().message));
  REQUIRE(s.ok());
  RankingOptions ranking;
  ranking.event_feedback = false;  // events are grouped per database by the indexer
  s.value()->set_ranking(ranking);
  return std::move(s.value());
}

// Result ids best first, equal scores in id order (document ids, which break ties, differ
// between one database and several).
std::string ranked(const SearchResponse& r) {
  std::vector<SearchHit> hits = r.results;
  std::sort(hits.begin(), hits.end(), [](const SearchHit& x, const SearchHit& y) {
    return x.score != y.score ? x.score > y.score : x.id < y.id;
  });
  std::string out;
  for (const SearchHit& h : hits) out += h.id + "\n";
  return out;
}

// The largest relative difference between the scores of the same ids. Xapian estimates an
// OR_SYNONYM's term frequency per database (cross-script names, synonym groups), so scores of
// several shards may differ from one database's a little.
double score_gap(const SearchResponse& x, const SearchResponse& y) {
  double gap = 0;
  for (const SearchHit& a : x.results)
    for (const SearchHit& b : y.results)
      if (a.id == b.id) gap = std::max(gap, std::abs(a.score - b.score) / std::max(b.score, 1e-9));
  return gap;
}

bool same_ids(const SearchResponse& x, const SearchResponse& y) {
  std::vector<std::string> a, b;
  for (const SearchHit& h : x.results) a.push_back(h.id);
  for (const SearchHit& h : y.results) b.push_back(h.id);
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  return a == b;
}

// Every facet as "field value count", sorted.
std::vector<std::string> facet_counts(const SearchResponse& r) {
  std::vector<std::string> out;
  for (const auto& [field, values] : r.facets)
    for (const FacetValue& v : values)
      out.push_back(field + " " + v.value + " " + std::to_string(v.count));
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("remote shards answer as one database holding the same articles") {
  SplitCorpus corpus;
  RemoteShard ra(corpus.a, corpus.tmp.path() / "a.log"), rb(corpus.b, corpus.tmp.path() / "b.log");
  auto remote = open_searcher({ra.spec(), rb.spec()});
  auto local_shards = open_searcher({corpus.a, corpus.b});
  auto whole = open_searcher({corpus.whole});
  for (const char* q : {"Taiwan", "Xi Biden call", "tariffs trade talks", "习近平 特朗普",
                        "\"one China\"", "Sunnylands summit 2013"}) {
    for (bool literal : {true, false}) {
      const SearchResponse one = search_with_facets(*whole, q, literal),
                           r = search_with_facets(*remote, q, literal),
                           l = search_with_facets(*local_shards, q, literal);
      INFO(q << (literal ? " (literal)" : ""));
      CHECK(one.total > 0);
      CHECK(r.total == one.total);
      CHECK(l.total == one.total);
      CHECK(facet_counts(r) == facet_counts(one));
      CHECK(r.timeline.size() == one.timeline.size());
      CHECK_FALSE(r.partial);
      CHECK(score_gap(r, l) < 1e-9);  // remote or local shards: the same
      CHECK(ranked(r) == ranked(l));
      if (literal) {  // the words alone: the same ranking as one database
        CHECK(ranked(r) == ranked(one));
        CHECK(score_gap(r, one) < 1e-9);
      } else {
        // Synonyms and names in several scripts are OP_SYNONYM groups, whose term frequency
        // Xapian 1.4 estimates per database: the same matches, scores may differ.
        CHECK(same_ids(r, one));
      }
    }
  }
  // An article by id, from whichever shard holds it.
  const SearchResponse any = search_with_facets(*whole, "Taiwan");
  REQUIRE(!any.results.empty());
  for (const SearchHit& h : any.results) {
    auto a = remote->article(h.id);
    REQUIRE(a.ok());
    CHECK(a.value().title == h.title);
  }
}

TEST_CASE("a stopped or killed shard is left out within the timeout, named, and taken back") {
  SplitCorpus corpus;
  RemoteShard ra(corpus.a, corpus.tmp.path() / "a.log"), rb(corpus.b, corpus.tmp.path() / "b.log");
  ShardOptions options;
  options.timeout_ms = 700;
  options.connect_timeout_ms = 700;
  options.retry_after_ms = 300;
  auto remote = open_searcher({ra.spec(), rb.spec()}, options);
  auto only_a = open_searcher({corpus.a});
  auto whole = open_searcher({corpus.whole});
  const std::string q = "Taiwan";
  REQUIRE(search_with_facets(*remote, q).total == search_with_facets(*whole, q).total);

  rb.stop_signal();  // SIGSTOP: connected, never answers
  auto started = std::chrono::steady_clock::now();
  SearchResponse r = search_with_facets(*remote, q);
  auto took = std::chrono::steady_clock::now() - started;
  CHECK(took < std::chrono::milliseconds(4 * options.timeout_ms));
  CHECK(r.partial);
  CHECK(r.missing_shards == std::vector<std::string>{rb.spec()});
  CHECK(ranked(r) == ranked(search_with_facets(*only_a, q)));
  // Later requests do not wait for it again before its retry time.
  started = std::chrono::steady_clock::now();
  r = search_with_facets(*remote, q);
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::milliseconds(options.timeout_ms));
  CHECK(r.partial);

  rb.continue_signal();
  std::this_thread::sleep_for(std::chrono::milliseconds(options.retry_after_ms + 100));
  r = search_with_facets(*remote, q);
  CHECK_FALSE(r.partial);
  CHECK(r.missing_shards.empty());
  CHECK(ranked(r) == ranked(search_with_facets(*whole, q)));

  rb.kill_now();  // down: the connection is refused
  r = search_with_facets(*remote, q);
  CHECK(r.partial);
  CHECK(r.missing_shards == std::vector<std::string>{rb.spec()});
  rb.start();  // back on the same port
  std::this_thread::sleep_for(std::chrono::milliseconds(options.retry_after_ms + 100));
  r = search_with_facets(*remote, q);
  CHECK_FALSE(r.partial);
  CHECK(r.total == search_with_facets(*whole, q).total);
}

TEST_CASE("remote shard specs: a bad one is refused, one that does not answer is left out") {
  SplitCorpus corpus;
  RemoteShard ra(corpus.a, corpus.tmp.path() / "a.log");
  for (const char* bad : {"tcp://", "tcp://host", "tcp://host:0", "tcp://host:70000", "tcp://:7101",
                          "tcp://host:12ab"}) {
    auto s = Searcher::open({ra.spec(), bad}, shared_knowledge());
    INFO(bad);
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().code == Code::kInvalidArgument);
    CHECK(s.error().message.find("tcp://HOST:PORT") != std::string::npos);
  }
  ShardOptions options;
  options.timeout_ms = options.connect_timeout_ms = 500;
  const std::string nobody = "tcp://127.0.0.1:" + std::to_string(free_port());
  // Started with a shard down: the others answer, and it is named.
  auto s = open_searcher({ra.spec(), nobody}, options);
  const SearchResponse r = search_with_facets(*s, "Taiwan");
  CHECK(r.partial);
  CHECK(r.missing_shards == std::vector<std::string>{nobody});
  // None answers: the database cannot be opened, and the error says which and what to do.
  auto none = Searcher::open({nobody}, shared_knowledge(), options);
  REQUIRE_FALSE(none.ok());
  CHECK(none.error().code == Code::kUnavailable);
  CHECK(none.error().message.find(nobody) != std::string::npos);
  CHECK(none.error().message.find("xapian-tcpsrv") != std::string::npos);
}

TEST_CASE("event_timeline over remote shards: that of one database") {
  SplitCorpus corpus;
  RemoteShard ra(corpus.a, corpus.tmp.path() / "a.log"), rb(corpus.b, corpus.tmp.path() / "b.log");
  auto remote = open_searcher({ra.spec(), rb.spec()});
  auto whole = open_searcher({corpus.whole});
  auto timeline = [](Searcher& s, const std::string& q) {
    SearchRequest req;
    req.q = q;
    req.events_only = true;
    req.facets = true;
    auto r = s.search(req, SearchLimits());
    INFO(q << ": " << (r.ok() ? "" : r.error().message));
    REQUIRE(r.ok());
    std::vector<std::string> out;
    for (const TimelineBucket& b : r.value().event_timeline)
      out.push_back(b.period + " " + std::to_string(b.count));
    return out;
  };
  for (const char* q : {"", "Taiwan", "Xi Biden call", "trade"}) {
    INFO(q);
    const auto one = timeline(*whole, q);
    CHECK(!one.empty());
    CHECK(timeline(*remote, q) == one);
  }
}

TEST_CASE(
    "under load, one shard killed and another stopped: no request hangs, partial names both, "
    "later requests do not wait") {
  SplitCorpus corpus;
  const fs::path set = corpus.tmp.path() / "set3";
  auto r = run_command(std::string(READOUTS_INDEX_BIN) + " split --quiet --db " +
                       quote(corpus.whole.string()) + " --shards 3 --out " + quote(set.string()));
  INFO(r.output);
  REQUIRE(r.status == 0);
  std::vector<std::unique_ptr<RemoteShard>> shards;
  for (size_t i = 0; i < 3; ++i)
    shards.push_back(std::make_unique<RemoteShard>(
        shard_folder(set, i), corpus.tmp.path() / ("s" + std::to_string(i) + ".log")));
  ServerConfig config;
  for (const auto& s : shards) config.shards.emplace_back(s->spec());
  config.port = 0;
  config.threads = 4;
  config.log_requests = false;
  config.shard_options.timeout_ms = 700;
  config.shard_options.connect_timeout_ms = 700;
  config.shard_options.retry_after_ms = 300;
  auto app = App::create(config);
  REQUIRE(app.ok());
  auto port = app.value()->bind();
  REQUIRE(port.ok());
  std::thread serving([&] { app.value()->run(); });

  // Four clients asking in turn while the faults happen; each answer's status and time kept.
  std::atomic<bool> done{false};
  std::mutex mutex;
  std::vector<int> statuses;
  std::vector<std::string> failures;  // the first bodies of answers other than 200
  std::chrono::milliseconds slowest{0};
  // Requests that started once the workers had met both faults, and the slowest of them.
  const auto test_start = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point settled = test_start + std::chrono::hours(1);
  size_t after_settled = 0;
  std::chrono::milliseconds slowest_after{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < 4; ++c)
    clients.emplace_back([&, c] {
      httplib::Client client("127.0.0.1", port.value());
      client.set_read_timeout(20, 0);
      const char* queries[] = {"/api/search?q=Taiwan", "/api/search?q=tariffs&per_page=20",
                               "/api/search?q=%E5%8F%B0%E6%B9%BE", "/api/search?q=Xi+Biden+call"};
      while (!done) {
        const auto started = std::chrono::steady_clock::now();
        auto res = client.Get(queries[c]);
        const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::steady_clock::now() - started);
        std::lock_guard lock(mutex);
        statuses.push_back(res ? res->status : -1);
        if (res && res->status != 200 && failures.size() < 5) failures.push_back(res->body);
        slowest = std::max(slowest, took);
        if (started >= settled) {
          ++after_settled;
          slowest_after = std::max(slowest_after, took);
        }
      }
    });
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  shards[0]->kill_now();  // down: connections refused
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  shards[1]->stop_signal();  // stopped: connected, never answers
  // Every worker meets the faults within two timeouts and a connection's; from then on, through
  // several retry periods, no request waits for a missing shard again: the workers share what
  // they learn and only the background prober tries the shards (shared/search/shard_health.h).
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  {
    std::lock_guard lock(mutex);
    settled = std::chrono::steady_clock::now();
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(2000));
  done = true;
  for (auto& t : clients) t.join();

  CHECK(statuses.size() > 8);
  std::map<int, int> by_status;
  for (int st : statuses) ++by_status[st];
  std::string seen;
  for (const auto& [st, n] : by_status) seen += std::to_string(st) + ":" + std::to_string(n) + " ";
  INFO("statuses " << seen);
  std::string bodies;
  for (const std::string& body : failures) bodies += body + "\n";
  INFO("first failures " << bodies);
  CHECK(std::count(statuses.begin(), statuses.end(), 200) == static_cast<long>(statuses.size()));
  // No request waited much beyond the timeout of its shards (both may cost one timeout).
  CHECK(slowest < std::chrono::milliseconds(5 * config.shard_options.timeout_ms));
  CHECK(after_settled > 8);
  CHECK(slowest_after < std::chrono::milliseconds(config.shard_options.connect_timeout_ms / 2));
  httplib::Client client("127.0.0.1", port.value());
  client.set_read_timeout(20, 0);
  auto res = client.Get("/api/search?q=Taiwan");
  REQUIRE(res);
  CHECK(res->status == 200);
  const auto answer = nlohmann::json::parse(res->body);
  CHECK(answer["partial"] == true);
  std::vector<std::string> missing = answer["missing_shards"];
  std::sort(missing.begin(), missing.end());
  std::vector<std::string> expected{shards[0]->spec(), shards[1]->spec()};
  std::sort(expected.begin(), expected.end());
  CHECK(missing == expected);
  CHECK(answer["total"].get<int>() > 0);

  // The stopped shard answers again: the prober sees it, and the answers take it back.
  shards[1]->continue_signal();
  std::vector<std::string> missing_later;
  for (int i = 0; i < 30 && missing_later != std::vector<std::string>{shards[0]->spec()}; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(config.shard_options.retry_after_ms));
    auto later = client.Get("/api/search?q=Taiwan");
    REQUIRE(later);
    missing_later =
        nlohmann::json::parse(later->body)["missing_shards"].get<std::vector<std::string>>();
  }
  CHECK(missing_later == std::vector<std::string>{shards[0]->spec()});
  app.value()->stop();
  serving.join();
}
