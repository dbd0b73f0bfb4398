// The indexer writing a set of shards (shared/index/shard_layout.h): locally and through
// `xapian-tcpsrv --writable`, the same search answers and events as one database holding the same
// articles; re-adding never duplicates; remove, list, stats, compact on a set; bad sets refused.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "shared/core/schema.h"
#include "shared/index/maintenance.h"
#include "shared/index/shard_layout.h"
#include "shared/search/events.h"
#include "shared/search/searcher.h"
#include "tests/integration/test_helpers.h"
#include "tests/reliability/process.h"

using namespace readouts;
using namespace readouts::testing;
namespace fs = std::filesystem;

namespace {

constexpr const char* kTcpsrv = "/usr/bin/xapian-tcpsrv";

std::string corpus_dir() { return (fs::path(READOUTS_TEST_DIR) / ".." / "corpus").string(); }

CommandResult indexer(const std::string& args) {
  return run_command(std::string(READOUTS_INDEX_BIN) + " " + args);
}

// The ids each shard folder holds.
std::vector<std::set<std::string>> ids_by_shard(const std::vector<fs::path>& shards) {
  std::vector<std::set<std::string>> out;
  const std::string prefix(schema::kIdPrefix);
  for (const fs::path& p : shards) {
    Xapian::Database db(p.string());
    std::set<std::string> ids;
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
      CHECK(db.get_termfreq(*t) == 1);  // an id once in its shard
      ids.insert((*t).substr(prefix.size()));
    }
    CHECK(ids.size() == db.get_doccount());
    out.push_back(std::move(ids));
  }
  return out;
}

// Every id in the shard shard_of(id, N) says, and in no other; all ids of `whole` present.
void check_placement(const std::vector<fs::path>& shards, const fs::path& whole) {
  const auto by_shard = ids_by_shard(shards);
  std::set<std::string> all;
  for (size_t i = 0; i < by_shard.size(); ++i) {
    CHECK(!by_shard[i].empty());
    for (const std::string& id : by_shard[i]) {
      INFO(id);
      CHECK(shard_of(id, shards.size()) == i);
      CHECK(all.insert(id).second);
    }
  }
  CHECK(all == ids_by_shard({whole}).front());
}

std::vector<fs::path> shard_folders(const fs::path& dir, size_t n) {
  std::vector<fs::path> out;
  for (size_t i = 0; i < n; ++i) out.push_back(shard_folder(dir, i));
  return out;
}

std::unique_ptr<Searcher> open_searcher(const std::vector<fs::path>& shards) {
  auto s = Searcher::open(shards, shared_knowledge());
  INFO((s.ok() ? "" : s.error().message));
  REQUIRE(s.ok());
  return std::move(s.value());
}

std::vector<std::string> sorted_ids(const SearchResponse& r) {
  std::vector<std::string> out;
  for (const SearchHit& h : r.results) out.push_back(h.id + " event=" + h.event);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> facet_counts(const SearchResponse& r) {
  std::vector<std::string> out;
  for (const auto& [field, values] : r.facets)
    for (const FacetValue& v : values)
      out.push_back(field + " " + v.value + " " + std::to_string(v.count));
  std::sort(out.begin(), out.end());
  return out;
}

// Each event as "id date: account(copy_of) ...", in id order: the grouping and the reposts.
std::vector<std::string> event_groups(const std::vector<std::string>& specs) {
  auto db = open_for_reading(specs);
  REQUIRE(db.ok());
  auto events = read_events(db.value());
  REQUIRE(events.ok());
  std::vector<std::string> out;
  for (const EventDetail& e : events.value()) {
    std::vector<std::string> accounts;
    for (const EventAccount& a : e.accounts)
      accounts.push_back(a.article.id + (a.copy_of.empty() ? "" : "(copy of " + a.copy_of + ")"));
    std::sort(accounts.begin(), accounts.end());
    std::string line = e.id + " " + e.date + ":";
    for (const auto& a : accounts) line += " " + a;
    out.push_back(line);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Search answers of `shards` equal those of `whole`, through the Searcher.
void check_same_answers(const std::vector<fs::path>& shards, const fs::path& whole) {
  auto set = open_searcher(shards);
  auto one = open_searcher({whole});
  for (const char* q : {"Taiwan", "Xi Biden call", "tariffs trade talks", "习近平 特朗普",
                        "\"one China\"", "Sunnylands summit 2013"}) {
    for (bool literal : {true, false}) {
      INFO(q << (literal ? " (literal)" : ""));
      const SearchResponse a = search_with_facets(*set, q, literal),
                           b = search_with_facets(*one, q, literal);
      CHECK(b.total > 0);
      CHECK(a.total == b.total);
      CHECK(sorted_ids(a) == sorted_ids(b));
      CHECK(facet_counts(a) == facet_counts(b));
      CHECK(a.event_first == b.event_first);
    }
  }
  auto stats_a = set->stats(), stats_b = one->stats();
  REQUIRE(stats_a.ok());
  REQUIRE(stats_b.ok());
  CHECK(stats_a.value().articles == stats_b.value().articles);
}

// The database at p, its article count (0 when it cannot be opened).
size_t count_of(const fs::path& p) {
  try {
    return Xapian::Database(p.string()).get_doccount();
  } catch (const Xapian::Error&) {
    return 0;
  }
}

// xapian-tcpsrv --writable serving one database on a free loopback port, ready when constructed.
class WritableShard {
 public:
  WritableShard(const fs::path& db, const fs::path& log) : port_(free_port()) {
    Xapian::WritableDatabase(db.string(), Xapian::DB_CREATE_OR_OPEN).commit();
    child_ = std::make_unique<Child>(
        std::vector<std::string>{kTcpsrv, "--writable", "--port", std::to_string(port_),
                                 "--interface", "127.0.0.1", db.string()},
        log.string(), /*own_group=*/true);
    for (int i = 0; i < 250; ++i) {  // up to 5 s: a plain TCP connect (no database session)
      const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
      sockaddr_in addr{};
      addr.sin_family = AF_INET;
      addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
      addr.sin_port = htons(static_cast<uint16_t>(port_));
      const bool up = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
      ::close(fd);
      if (up) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    FAIL("xapian-tcpsrv --writable did not start: " << child_->log());
  }
  std::string spec() const { return "tcp://127.0.0.1:" + std::to_string(port_); }

 private:
  int port_;
  std::unique_ptr<Child> child_;
};

}  // namespace

TEST_CASE("shard_of: stable, spread, and 0 for one shard") {
  CHECK(shard_of("anything", 1) == 0);
  CHECK(shard_of("2025-11-24-call", 3) == shard_of("2025-11-24-call", 3));
  // fnv1a64 of the id (shared/core/hash.h), modulo N: fixed values (it must never change).
  CHECK(shard_of("a", 3) == 0x44bd8ad473cd9906ull % 3);
  CHECK(shard_of("a", 7) == 0x44bd8ad473cd9906ull % 7);
  std::vector<size_t> seen(4, 0);
  for (int i = 0; i < 400; ++i) ++seen[shard_of("article-" + std::to_string(i), 4)];
  for (size_t n : seen) CHECK(n > 60);
  size_t i = 9, n = 9;
  CHECK(parse_shard_meta("2/3", i, n));
  CHECK((i == 2 && n == 3));
  CHECK_FALSE(parse_shard_meta("3/3", i, n));
  CHECK_FALSE(parse_shard_meta("x/3", i, n));
}

TEST_CASE("resolve_shards: what --db and --shards name, and what is refused") {
  TempDir tmp;
  // Several --db: the set in that order; --shards must count them.
  auto t = resolve_shards({"a", "tcp://h:1"}, 0, false);
  REQUIRE(t.ok());
  CHECK(t.value().specs == std::vector<std::string>{"a", "tcp://h:1"});
  auto bad = resolve_shards({"a", "b"}, 3, true);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message.find("--shards 3 but 2 databases") != std::string::npos);
  // A new folder with --shards: the set to create, refused where it is only read.
  const fs::path dir = tmp.path() / "set";
  t = resolve_shards({dir.string()}, 4, true);
  REQUIRE(t.ok());
  CHECK(t.value().new_set);
  CHECK(t.value().specs.size() == 4);
  CHECK(t.value().specs[3] == (dir / "shard-3").string());
  CHECK_FALSE(resolve_shards({dir.string()}, 4, false).ok());
  // A folder holding something else is not made a set.
  fs::create_directories(dir);
  std::ofstream(dir / "notes.txt") << "mine";
  bad = resolve_shards({dir.string()}, 2, true);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message.find("notes.txt") != std::string::npos);
  // A manifest read back; a Xapian stub not written by us is refused.
  fs::remove(dir / "notes.txt");
  REQUIRE(write_manifest(dir, 2).ok());
  t = resolve_shards({dir.string()}, 0, false);
  REQUIRE(t.ok());
  CHECK_FALSE(t.value().new_set);
  CHECK(t.value().specs.size() == 2);
  CHECK(t.value().describe() == dir.string() + " (2 shards)");
  std::ofstream(dir / "XAPIANDB") << "auto /elsewhere/db\n";
  bad = resolve_shards({dir.string()}, 0, false);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message.find("not written by readouts-index") != std::string::npos);
}

TEST_CASE("a local set of 3 shards answers and groups events as one database") {
  TempDir tmp;
  const fs::path set = tmp.path() / "set";
  const fs::path& whole = corpus_db();
  auto r =
      indexer("add --quiet --shards 3 --db " + quote(set.string()) + " " + quote(corpus_dir()));
  INFO(r.output);
  REQUIRE(r.status == 0);
  CHECK(r.output.find("(3 shards)") != std::string::npos);
  CHECK(fs::exists(set / "XAPIANDB"));
  auto n = read_manifest(set);
  REQUIRE(n.ok());
  CHECK(n.value() == 3);
  const auto shards = shard_folders(set, 3);
  check_placement(shards, whole);
  // The set's folder (the manifest is a Xapian stub) and its shards one by one.
  check_same_answers({set}, whole);
  check_same_answers(shards, whole);
  const auto groups = event_groups({whole.string()});
  CHECK(groups.size() > 3);
  CHECK(event_groups({set.string()}) == groups);
  // An event through the Searcher, with all its accounts from every shard.
  auto searcher = open_searcher({set});
  auto one = open_searcher({whole});
  size_t checked = 0;
  for (const std::string& line : groups) {
    const std::string id = line.substr(0, line.find(' '));
    auto a = searcher->event(id, false), b = one->event(id, false);
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(a.value().accounts.size() == b.value().accounts.size());
    checked += a.value().accounts.size() > 1;
  }
  CHECK(checked > 0);
  // list and stats of the set: those of one database.
  auto list_set = indexer("list --db " + quote(set.string()));
  auto list_one = indexer("list --db " + quote(whole.string()));
  REQUIRE(list_set.status == 0);
  CHECK(list_set.output == list_one.output);
  auto stats = indexer("stats --json --db " + quote(set.string()));
  REQUIRE(stats.status == 0);
  auto j = nlohmann::json::parse(stats.output);
  CHECK(j["articles"] == count_of(whole));
  CHECK(j["shards"] == 3);
}

TEST_CASE("a set: re-adding never duplicates, remove finds the shard, bad N is refused") {
  TempDir tmp;
  const fs::path set = tmp.path() / "set", files = tmp.path() / "files";
  fs::create_directories(files);
  for (const char* name :
       {"2021-11-16-virtual-mfa.md", "2023-11-15-woodside-wh.md", "2025-06-05-call-zh.md"})
    fs::copy_file(fs::path(fixtures("integration")) / name, files / name);
  auto r =
      indexer("add --quiet --shards 3 --db " + quote(set.string()) + " " + quote(files.string()));
  INFO(r.output);
  REQUIRE(r.status == 0);
  const auto shards = shard_folders(set, 3);
  const auto before = ids_by_shard(shards);
  size_t total = 0;
  for (const auto& s : before) total += s.size();
  REQUIRE(total >= 3);

  // The same files again, forced, and a copy from another folder (the same ids): replaced in
  // their shards, never added to another.
  r = indexer("add --quiet --force --db " + quote(set.string()) + " " + quote(files.string()));
  CHECK(r.status == 0);
  CHECK(r.output.find("added 0,") != std::string::npos);
  fs::create_directories(tmp.path() / "copy");
  fs::copy_file(files / "2023-11-15-woodside-wh.md", tmp.path() / "copy" / "w.md");
  r = indexer("add --quiet --db " + quote(set.string()) + " " +
              quote((tmp.path() / "copy").string()));
  CHECK(r.status == 0);
  CHECK(r.output.find("added 0, replaced 1") != std::string::npos);
  CHECK(ids_by_shard(shards) == before);

  // remove: from whichever shard holds it; an unknown id is named.
  std::string victim;
  size_t victim_shard = 0;
  for (size_t i = 0; i < before.size(); ++i)
    if (!before[i].empty()) victim = *before[i].begin(), victim_shard = i;
  REQUIRE(!victim.empty());
  r = indexer("remove --db " + quote(set.string()) + " " + quote(victim) + " no-such-id");
  CHECK(r.status == 1);
  CHECK(r.output.find("removed 1, not found 1") != std::string::npos);
  CHECK(r.output.find("no-such-id") != std::string::npos);
  auto after = ids_by_shard(shards);
  CHECK(after[victim_shard].count(victim) == 0);
  CHECK(after[victim_shard].size() + 1 == before[victim_shard].size());

  // Another N, a shard alone, a set's shard given at another place, a single database as a set:
  // refused, with what to do, and nothing written.
  r = indexer("add --quiet --shards 2 --db " + quote(set.string()) + " " + quote(files.string()));
  CHECK(r.status == 2);
  CHECK(r.output.find("is a set of 3 shards, not 2") != std::string::npos);
  CHECK(r.output.find("--shards 3") != std::string::npos);
  r = indexer("add --quiet --db " + quote(shards[1].string()) + " " + quote(files.string()));
  CHECK(r.status == 3);
  CHECK(r.output.find("is shard 1 of a set of 3") != std::string::npos);
  r = indexer("add --quiet --db " + quote(shards[1].string()) + " --db " +
              quote(shards[0].string()) + " --db " + quote(shards[2].string()) + " " +
              quote(files.string()));
  CHECK(r.status == 3);
  CHECK(r.output.find("but was given as shard 0 of 3") != std::string::npos);
  CHECK(ids_by_shard(shards) == after);
  const fs::path single = tmp.path() / "single";
  REQUIRE(
      indexer("add --quiet --db " + quote(single.string()) + " " + quote(files.string())).status ==
      0);
  r = indexer("add --quiet --shards 3 --db " + quote(single.string()) + " " +
              quote(files.string()));
  CHECK(r.status == 2);
  CHECK(r.output.find("is one database, not a set of shards") != std::string::npos);
  r = indexer("add --quiet --db " + quote(single.string()) + " --db " +
              quote((tmp.path() / "new").string()) + " " + quote(files.string()));
  CHECK(r.status == 3);
  CHECK(r.output.find("is not a shard of a set") != std::string::npos);

  // compact: each shard in place, and into a new folder as a set.
  r = indexer("compact --db " + quote(set.string()));
  INFO(r.output);
  CHECK(r.status == 0);
  CHECK(ids_by_shard(shards) == after);
  r = indexer("compact --db " + quote(set.string()) + " --out " +
              quote((tmp.path() / "compacted").string()));
  CHECK(r.status == 0);
  CHECK(ids_by_shard(shard_folders(tmp.path() / "compacted", 3)) == after);
  auto listed = indexer("list --db " + quote((tmp.path() / "compacted").string()));
  CHECK(listed.status == 0);
  CHECK(listed.output == indexer("list --db " + quote(set.string())).output);
}

TEST_CASE("shards written through xapian-tcpsrv --writable equal one database") {
  if (!fs::exists(kTcpsrv)) {
    MESSAGE("xapian-tcpsrv not installed (apt-get install xapian-tools): skipped");
    return;
  }
  TempDir tmp;
  const fs::path a = tmp.path() / "a", b = tmp.path() / "b";
  const fs::path& whole = corpus_db();
  std::vector<std::string> specs;
  {
    WritableShard ra(a, tmp.path() / "a.log"), rb(b, tmp.path() / "b.log");
    specs = {ra.spec(), rb.spec()};
    const std::string dbs = " --db " + ra.spec() + " --db " + rb.spec() + " ";
    auto r = indexer("add --quiet" + dbs + quote(corpus_dir()));
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK(r.output.find(std::to_string(count_of(whole)) + " articles in 2 shards") !=
          std::string::npos);
    // Read back through the servers.
    auto listed = indexer("list" + dbs);
    CHECK(listed.status == 0);
    CHECK(listed.output == indexer("list --db " + quote(whole.string())).output);
    CHECK(event_groups(specs) == event_groups({whole.string()}));
    // In another order: refused before anything is written.
    r = indexer("add --quiet --db " + rb.spec() + " --db " + ra.spec() + " " + quote(corpus_dir()));
    CHECK(r.status == 3);
    CHECK(r.output.find("but was given as shard 0 of 2") != std::string::npos);
    // One of them unreachable: a clear error naming it; the other is left as it was.
    const std::string nobody = "tcp://127.0.0.1:" + std::to_string(free_port());
    r = indexer("add --quiet --force --db " + ra.spec() + " --db " + nobody + " " +
                quote(corpus_dir()));
    CHECK(r.status == 3);
    CHECK(r.output.find(nobody + " does not answer") != std::string::npos);
    CHECK(r.output.find("xapian-tcpsrv --writable") != std::string::npos);
    // Compaction is refused over tcpsrv, with what to do instead.
    r = indexer("compact" + dbs);
    CHECK(r.status == 3);
    CHECK(r.output.find("is a remote shard") != std::string::npos);
  }
  // The servers are gone: the shard folders hold the articles of their shard, as one database.
  check_placement({a, b}, whole);
  check_same_answers({a, b}, whole);
  CHECK(event_groups({a.string(), b.string()}) == event_groups({whole.string()}));
}

TEST_CASE("a new set commits in large batches unless --batch says otherwise") {
  // 600 small records: a new set written with the default commits far fewer times than with
  // --batch 250 (docs/cli.md, --batch); each commit is one revision of each shard.
  TempDir tmp;
  const fs::path records = tmp.path() / "many.jsonl";
  {
    std::ofstream out(records);
    for (int i = 0; i < 600; ++i)
      out << "{\"id\": \"batch-" << i << "\", \"title\": \"Talks number " << i
          << "\", \"date\": \"2024-03-" << (10 + i % 18)
          << "\", \"body\": \"The two sides held working-level talks, round " << i
          << ", on trade and climate.\"}\n";
  }
  auto revisions = [&](const fs::path& set) {
    Xapian::rev total = 0;
    for (const fs::path& shard : shard_folders(set, 2))
      total += Xapian::Database(shard.string()).get_revision();
    return total;
  };
  const fs::path by_default = tmp.path() / "default", small = tmp.path() / "small";
  auto r = indexer("add --quiet --shards 2 --db " + quote(by_default.string()) + " " +
                   quote(records.string()));
  INFO(r.output);
  REQUIRE(r.status == 0);
  r = indexer("add --quiet --shards 2 --batch 250 --db " + quote(small.string()) + " " +
              quote(records.string()));
  REQUIRE(r.status == 0);
  CHECK(ids_by_shard(shard_folders(by_default, 2)) == ids_by_shard(shard_folders(small, 2)));
  CHECK(revisions(by_default) + 2 <= revisions(small));
}

TEST_CASE("split copies a database into a set that answers as the database, and refuses bad use") {
  TempDir tmp;
  const fs::path& whole = corpus_db();
  const fs::path set = tmp.path() / "set";
  auto r =
      indexer("split --db " + quote(whole.string()) + " --shards 3 --out " + quote(set.string()));
  INFO(r.output);
  REQUIRE(r.status == 0);
  CHECK(r.output.find("(3 shards): " + std::to_string(count_of(whole)) + " articles") !=
        std::string::npos);
  const auto shards = shard_folders(set, 3);
  check_placement(shards, whole);
  // Each document as it was: terms with their frequencies and positions, values, stored data.
  {
    Xapian::Database one(whole.string()), all(set.string());
    size_t compared = 0;
    for (auto p = one.postlist_begin(""); p != one.postlist_end(""); ++p, ++compared) {
      const Xapian::Document a = one.get_document(*p);
      auto t = a.termlist_begin();
      t.skip_to(std::string(schema::kIdPrefix));
      REQUIRE(t != a.termlist_end());
      auto q = all.postlist_begin(*t);
      REQUIRE(q != all.postlist_end(*t));
      const Xapian::Document b = all.get_document(*q);
      INFO(*t);
      CHECK(b.get_data() == a.get_data());
      auto ta = a.termlist_begin(), tb = b.termlist_begin();
      for (; ta != a.termlist_end() && tb != b.termlist_end(); ++ta, ++tb) {
        REQUIRE(*ta == *tb);
        CHECK(ta.get_wdf() == tb.get_wdf());
        CHECK(std::vector<Xapian::termpos>(ta.positionlist_begin(), ta.positionlist_end()) ==
              std::vector<Xapian::termpos>(tb.positionlist_begin(), tb.positionlist_end()));
      }
      CHECK((ta == a.termlist_end() && tb == b.termlist_end()));
      auto va = a.values_begin(), vb = b.values_begin();
      for (; va != a.values_end() && vb != b.values_end(); ++va, ++vb) {
        CHECK(va.get_valueno() == vb.get_valueno());
        CHECK(*va == *vb);
      }
      CHECK((va == a.values_end() && vb == b.values_end()));
    }
    CHECK(compared == count_of(whole));
  }
  check_same_answers({set}, whole);
  CHECK(event_groups({set.string()}) == event_groups({whole.string()}));
  // The files' fingerprints came along: adding the corpus again reads nothing new.
  r = indexer("add --quiet --db " + quote(set.string()) + " " + quote(corpus_dir()));
  CHECK(r.status == 0);
  CHECK(r.output.find("added 0, replaced 0") != std::string::npos);
  // A set split again into another number of shards.
  const fs::path two = tmp.path() / "two";
  r = indexer("split --db " + quote(set.string()) + " --shards 2 --out " + quote(two.string()));
  REQUIRE(r.status == 0);
  check_placement(shard_folders(two, 2), whole);
  // Refused, with nothing written: an existing folder, one shard, an unreadable source.
  r = indexer("split --db " + quote(whole.string()) + " --shards 2 --out " + quote(set.string()));
  CHECK(r.status == 2);
  CHECK(r.output.find("already exists") != std::string::npos);
  check_placement(shards, whole);
  r = indexer("split --db " + quote(whole.string()) + " --shards 1 --out " +
              quote((tmp.path() / "one").string()));
  CHECK(r.status == 2);
  CHECK(!fs::exists(tmp.path() / "one"));
  r = indexer("split --db " + quote((tmp.path() / "missing").string()) + " --shards 2 --out " +
              quote((tmp.path() / "out").string()));
  CHECK(r.status == 3);
  CHECK(!fs::exists(tmp.path() / "out"));
}
