// Replicas (docs/scaling.md, "Replicas"): a database indexed with changesets kept, served by
// xapian-replicate-server and copied by xapian-replicate; a Searcher reading the replica answers
// as one reading the master, and follows it as it grows.
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "shared/extract/knowledge.h"
#include "shared/search/searcher.h"
#include "tests/integration/test_helpers.h"
#include "tests/reliability/process.h"

using namespace readouts;
using namespace readouts::testing;
namespace fs = std::filesystem;

namespace {

// Indexes paths into the master with changesets kept (the writer's environment), as
// docs/scaling.md says to.
void index_master(const fs::path& db, const std::string& paths) {
  const CommandResult r =
      run_command("XAPIAN_MAX_CHANGESETS=10 " + std::string(READOUTS_INDEX_BIN) +
                  " add --quiet --no-bulk --db " + quote(db.string()) + " " + paths);
  INFO(r.output);
  REQUIRE(r.status == 0);
}

// One pass of xapian-replicate (-o): the replica catches up with the master.
std::string replicate_once(int port, const fs::path& replica) {
  const CommandResult r =
      run_command("/usr/bin/xapian-replicate -h 127.0.0.1 -p " + std::to_string(port) +
                  " -m db -o -v " + quote(replica.string()));
  INFO(r.output);
  REQUIRE(r.status == 0);
  return r.output;
}

uint64_t total(Searcher& s, const std::string& q) {
  SearchRequest req;
  req.q = q;
  auto r = s.search(req, SearchLimits());
  REQUIRE(r.ok());
  return r.value().total;
}

}  // namespace

TEST_CASE("a replica follows its master, and a Searcher reading it sees each update") {
  TempDir tmp;
  const fs::path master_dir = tmp.path() / "master", master = master_dir / "db";
  const fs::path replica = tmp.path() / "replica" / "db";
  fs::create_directories(master_dir);
  fs::create_directories(replica.parent_path());
  const fs::path corpus = fs::path(READOUTS_TEST_DIR) / ".." / "corpus";
  index_master(master, quote((corpus / "md").string()));

  const int port = free_port();
  Child server({"/usr/bin/xapian-replicate-server", "-I", "127.0.0.1", "-p", std::to_string(port),
                master_dir.string()},
               (tmp.path() / "replicate-server.log").string());
  // The server listens once it answers a replication pass.
  std::string first;
  for (int i = 0; i < 100 && first.empty(); ++i) {
    const CommandResult r =
        run_command("/usr/bin/xapian-replicate -h 127.0.0.1 -p " + std::to_string(port) +
                    " -m db -o -v " + quote(replica.string()));
    if (r.status == 0)
      first = r.output;
    else
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  INFO(server.log());
  REQUIRE_FALSE(first.empty());

  auto from_master = Searcher::open({master}, shared_knowledge());
  auto from_replica = Searcher::open({replica}, shared_knowledge());
  REQUIRE(from_master.ok());
  REQUIRE(from_replica.ok());
  Searcher& m = *from_master.value();
  Searcher& r = *from_replica.value();
  auto count = [](Searcher& s) {
    auto c = s.article_count();
    INFO((c.ok() ? std::string() : c.error().message));
    REQUIRE(c.ok());
    return c.value();
  };
  REQUIRE(count(m) > 50);
  CHECK(count(r) == count(m));
  for (const char* q : {"Taiwan", "Xi Biden", "习近平"}) CHECK(total(r, q) == total(m, q));

  // The master grows; one pass later the same Searcher of the replica sees it (changesets, not
  // a full copy).
  index_master(master, quote((corpus / "text").string()));
  const uint64_t grown = count(m);
  REQUIRE(grown > count(r));
  const std::string second = replicate_once(port, replica);
  CHECK(count(r) == grown);
  CHECK(total(r, "Taiwan") == total(m, "Taiwan"));
  CHECK(second.find("changesets") != std::string::npos);
  // A removal travels too: one of the articles just added.
  SearchRequest recent;
  recent.q = "";
  recent.sort = SortOrder::kDateDesc;
  recent.per_page = 100;
  auto listed = m.search(recent, SearchLimits());
  REQUIRE(listed.ok());
  std::string gone;
  for (const SearchHit& h : listed.value().results)
    if (h.origin.find("/text/") != std::string::npos) gone = h.id;
  REQUIRE_FALSE(gone.empty());
  CHECK(r.article(gone).ok());
  const CommandResult removed =
      run_command("XAPIAN_MAX_CHANGESETS=10 " + std::string(READOUTS_INDEX_BIN) + " remove --db " +
                  quote(master.string()) + " " + quote(gone));
  INFO(removed.output);
  REQUIRE(removed.status == 0);
  replicate_once(port, replica);
  CHECK(count(r) == grown - 1);
  CHECK_FALSE(r.article(gone).ok());
  // The master built again from scratch (another database): a full copy, into the replica's
  // other half; the same Searcher follows it too.
  fs::remove_all(master);
  index_master(master, quote((corpus / "text").string()));
  const std::string third = replicate_once(port, replica);
  CHECK(third.find("1 copies") != std::string::npos);
  CHECK(count(r) == count(m));
  CHECK(count(r) < grown - 1);
}
