// Bulk loads: an empty database is built in parallel shards, merged and swapped in
// (indexer/add_pipeline.h, run_bulk_add). The result must be what a sequential run gives.
#include <doctest/doctest.h>
#include <xapian.h>

#include <fstream>

#include "tests/integration/test_helpers.h"

using namespace readouts::testing;

namespace {

void write_article(const std::filesystem::path& file, const std::string& id,
                   const std::string& title, const std::string& body) {
  std::ofstream(file) << "---\nid: " << id << "\ntitle: " << title << "\ndate: 2024-04-26\n---\n\n"
                      << body << "\n";
}

CommandResult add(const std::filesystem::path& db, const std::string& extra,
                  const std::filesystem::path& dir) {
  return run_command(std::string(READOUTS_INDEX_BIN) + " add --db " + quote(db.string()) + " " +
                     extra + " " + quote(dir.string()));
}

}  // namespace

TEST_CASE("a bulk load equals a sequential one: same ids, later file wins, idempotent") {
  TempDir tmp;
  const auto dir = tmp.path() / "in";
  std::filesystem::create_directories(dir);
  for (int i = 0; i < 12; ++i)
    write_article(dir / ("a" + std::to_string(10 + i) + ".md"), "art" + std::to_string(i),
                  "Title " + std::to_string(i), "Wang Yi said the talks were candid.");
  // The same id in two files (sorted by name: a10.md comes first, z.md last): z.md's wins.
  write_article(dir / "z.md", "art0", "Replacement title", "Blinken said it was constructive.");

  const auto bulk = tmp.path() / "bulk";
  const auto seq = tmp.path() / "seq";
  auto b = add(bulk, "--quiet --jobs 2", dir);
  INFO(b.output);
  REQUIRE(b.status == 0);
  CHECK(b.output.find("added 12, replaced 1") != std::string::npos);
  auto s = add(seq, "--quiet --no-bulk", dir);
  INFO(s.output);
  REQUIRE(s.status == 0);
  CHECK(s.output.find("added 12, replaced 1") != std::string::npos);

  CHECK_FALSE(std::filesystem::exists(tmp.path() / "bulk.bulk"));  // work folder removed
  Xapian::Database xb(bulk.string()), xs(seq.string());
  CHECK(xb.get_doccount() == 12);
  CHECK(xs.get_doccount() == 12);
  CHECK(xb.get_termfreq("Qart0") == 1);
  // art0 came from z.md in both.
  auto title_of = [](Xapian::Database& x) {
    auto p = x.postlist_begin("Qart0");
    return x.get_document(*p).get_data().find("Replacement title") != std::string::npos;
  };
  CHECK(title_of(xb));
  CHECK(title_of(xs));
  // File fingerprints and the schema version made it into the merged database.
  CHECK_FALSE(xb.get_metadata("readouts.schema_version").empty());
  size_t origins = 0;
  for (auto k = xb.metadata_keys_begin("readouts.origin:"); k != xb.metadata_keys_end(); ++k)
    ++origins;
  CHECK(origins == 13);
  // Spelling data was merged.
  CHECK(xb.get_spelling_suggestion("canidd") == "candid");

  // A second run finds every file unchanged.
  auto again = add(bulk, "--quiet", dir);
  INFO(again.output);
  CHECK(again.output.find("added 0, replaced 0, unchanged 13") != std::string::npos);
}

TEST_CASE("a bulk load into a path with a trailing slash works and leaves no work folder") {
  TempDir tmp;
  const auto dir = tmp.path() / "in";
  std::filesystem::create_directories(dir);
  write_article(dir / "a.md", "one", "One", "Xi Jinping said the talks were useful.");
  write_article(dir / "b.md", "two", "Two", "Joe Biden said the talks were frank.");
  auto r = run_command(std::string(READOUTS_INDEX_BIN) + " add --quiet --db " +
                       quote((tmp.path() / "db").string() + "/") + " " + quote(dir.string()));
  INFO(r.output);
  REQUIRE(r.status == 0);
  Xapian::Database x((tmp.path() / "db").string());
  CHECK(x.get_doccount() == 2);
  CHECK_FALSE(std::filesystem::exists(tmp.path() / "db.bulk"));
}

TEST_CASE("a bulk load of one big JSON Lines file, split in chunks across threads, stays exact") {
  TempDir tmp;
  const auto file = tmp.path() / "all.jsonl";
  {
    std::ofstream out(file);
    // 700 records (three chunks), then a second record with an id already used: it wins.
    for (int i = 0; i < 700; ++i)
      out << "{\"id\":\"r" << i << "\",\"title\":\"Talks " << i
          << "\",\"date\":\"2024-01-02\",\"body\":\"Wang Yi said the talks were candid.\"}\n";
    out << "{\"id\":\"r5\",\"title\":\"Second r5\",\"date\":\"2024-01-03\","
           "\"body\":\"Blinken said the talks were constructive.\"}\n";
  }
  const auto bulk = tmp.path() / "bulk";
  const auto seq = tmp.path() / "seq";
  auto b = add(bulk, "--quiet --jobs 2", file);
  INFO(b.output);
  REQUIRE(b.status == 0);
  auto s = add(seq, "--quiet --no-bulk", file);
  INFO(s.output);
  REQUIRE(s.status == 0);
  CHECK(b.output.find("added 700, replaced 1") != std::string::npos);
  CHECK(s.output.find("added 700, replaced 1") != std::string::npos);
  Xapian::Database xb(bulk.string());
  CHECK(xb.get_doccount() == 700);
  CHECK(xb.get_termfreq("Qr5") == 1);
  auto p = xb.postlist_begin("Qr5");
  CHECK(xb.get_document(*p).get_data().find("Second r5") != std::string::npos);
  auto again = add(bulk, "--quiet", file);
  INFO(again.output);
  CHECK(again.output.find("added 0, replaced 0, unchanged 701") != std::string::npos);
}
