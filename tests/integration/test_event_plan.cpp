// Events planned before an add writes its documents (shared/index/event_plan.h,
// indexer/event_prepass.h) against the full grouping: the fixtures of tests/fixtures/event_plan
// (three batches and a folder of corrections) added in one bulk load, in three adds, with
// --no-bulk and into a set of shards hold the same event (value slot 6 and XEV term) for every
// article, the same as a full regroup of their documents stripped of events; each add's plan is
// what the grouping after it leaves on the new documents, and both add paths write the new
// documents with it (before any regroup); a removal regroups as if the article had never been
// added.
#include <doctest/doctest.h>
#include <xapian.h>

#include <filesystem>
#include <initializer_list>
#include <map>
#include <string>
#include <vector>

#include "indexer/add_pipeline.h"
#include "indexer/add_settings.h"
#include "indexer/event_prepass.h"
#include "indexer/input_files.h"
#include "shared/core/schema.h"
#include "shared/events/grouping.h"
#include "shared/extract/knowledge.h"
#include "shared/index/index_writer.h"
#include "tests/integration/test_helpers.h"

using namespace readouts;
using namespace readouts::testing;
namespace fs = std::filesystem;

namespace {

fs::path plan_fixture(const std::string& name) { return fs::path(fixtures("event_plan")) / name; }

std::vector<std::string> fixture_paths(std::initializer_list<const char*> names) {
  std::vector<std::string> out;
  for (const char* n : names) out.push_back(plan_fixture(n).string());
  return out;
}

// `readouts-index COMMAND --db DB --data <the fixtures' corrections> ARGS PATHS...`; it must
// succeed.
void indexer(const std::string& command, const fs::path& db, const std::vector<std::string>& paths,
             const std::string& args = "") {
  std::string line = std::string(READOUTS_INDEX_BIN) + " " + command + " --db " +
                     quote(db.string()) + " --data " + quote(plan_fixture("data").string()) + " " +
                     args;
  for (const std::string& p : paths) line += " " + quote(p);
  const CommandResult r = run_command(line);
  INFO(line << "\n" << r.output);
  REQUIRE(r.status == 0);
}

void add(const fs::path& db, const std::vector<std::string>& paths, const std::string& args = "") {
  indexer("add --quiet", db, paths, args);
}

// The knowledge the indexer runs with: data/ and the fixtures' corrections.
const Knowledge& plan_knowledge() {
  static const Knowledge k = [] {
    auto loaded = load_knowledge({default_data_dir(), plan_fixture("data")});
    REQUIRE(loaded.ok());
    return std::move(loaded.value());
  }();
  return k;
}

// Every article's event as its document holds it, by id: "<value slot 6> |" and its XEV terms
// (" |" for none). A set's folder opens every shard.
std::map<std::string, std::string> events_by_article(const fs::path& db_path) {
  Xapian::Database db(db_path.string());
  std::map<std::string, std::string> out;
  for (auto d = db.postlist_begin(""); d != db.postlist_end(""); ++d) {
    const Xapian::Document doc = db.get_document(*d);
    std::string id, terms;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      const std::string& term = *t;
      if (term.starts_with(schema::kIdPrefix))
        id = term.substr(schema::kIdPrefix.size());
      else if (term.starts_with(schema::kEventPrefix))
        terms += " " + term;
    }
    INFO(id);
    CHECK(out.count(id) == 0);  // one document per id
    out[id] = doc.get_value(schema::kSlotEvent) + " |" + terms;
  }
  return out;
}

// What events_by_article shows for a document holding `event`.
std::string held(const std::string& event) {
  return event.empty() ? " |" : event + " | " + schema::event_term(event);
}

// The plan of adding `paths` to the database at db (created when missing), as `add` makes it.
EventPlan plan_for(const fs::path& db, const std::vector<std::string>& paths) {
  auto writer = IndexWriter::open(db, WriterOptions{});
  REQUIRE(writer.ok());
  const InputListing listing = list_inputs(paths);
  REQUIRE(listing.problems.empty());
  const Knowledge& k = plan_knowledge();
  auto plan = plan_add_events(*writer.value(), listing.files, k, AddSettings{}, named_events(k),
                              k.event_corrections());
  INFO((plan.ok() ? "" : plan.error().message));
  REQUIRE(plan.ok());
  return plan.value();
}

// Removes every document's event (XEV terms and value slot 6).
void strip_events(const fs::path& db_path) {
  Xapian::WritableDatabase db(db_path.string(), Xapian::DB_OPEN);
  const std::string prefix(schema::kEventPrefix);
  for (auto d = db.postlist_begin(""); d != db.postlist_end(""); ++d) {
    Xapian::Document doc = db.get_document(*d);
    std::vector<std::string> terms;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
      if ((*t).starts_with(prefix)) terms.push_back(*t);
    if (terms.empty() && doc.get_value(schema::kSlotEvent).empty()) continue;
    for (const auto& t : terms) doc.remove_term(t);
    if (!doc.get_value(schema::kSlotEvent).empty()) doc.remove_value(schema::kSlotEvent);
    db.replace_document(*d, doc);
  }
  db.commit();
}

// A full regroup of the database, committed.
RegroupCounts regroup(const fs::path& db) {
  WriterOptions options;
  options.create = false;
  auto writer = IndexWriter::open(db, options);
  REQUIRE(writer.ok());
  const Knowledge& k = plan_knowledge();
  auto counts = writer.value()->regroup_events(named_events(k), k.event_corrections());
  REQUIRE(counts.ok());
  REQUIRE(writer.value()->commit().ok());
  return counts.value();
}

size_t with_event(const std::map<std::string, std::string>& events) {
  size_t n = 0;
  for (const auto& [id, e] : events) n += e != held("");
  return n;
}

}  // namespace

TEST_CASE("bulk, step by step, --no-bulk and shards: every article in the same event") {
  TempDir tmp;
  const auto all = fixture_paths({"batch1", "batch2", "batch3"});
  const fs::path bulk = tmp.path() / "bulk", steps = tmp.path() / "steps",
                 direct = tmp.path() / "direct", set = tmp.path() / "set";
  add(bulk, all);
  for (const char* batch : {"batch1", "batch2", "batch3"}) add(steps, fixture_paths({batch}));
  add(direct, all, "--no-bulk");
  add(set, all, "--shards 3");
  const auto events = events_by_article(bulk);
  CHECK(events.size() == 13);  // 14 files, one id in two of them
  CHECK(events_by_article(steps) == events);
  CHECK(events_by_article(direct) == events);
  CHECK(events_by_article(set) == events);

  // What the fixtures hold: an earlier account names the call's event (its accounts of the 12th
  // and 13th were added first), an account dated to the month joins its month's meeting, an
  // undated one the named event its place names, the later file's version of an id counts, and
  // the corrections apply.
  const std::string call = "2024-03-11-call-joe-biden-xi-jinping";
  for (const char* id : {"plan-a0-xinhua", "plan-a1-wh", "plan-a2-mfa"})
    CHECK(events.at(id) == held(call));
  const std::string meeting = "2024-07-27-meeting-antony-blinken-wang-yi";
  for (const char* id : {"plan-b1-state", "plan-b2-mfa", "plan-b3-month"})
    CHECK(events.at(id) == held(meeting));
  CHECK(events.at("plan-d1-busan") == held("busan-2025"));
  CHECK(events.at("plan-d2-busan") == held("busan-2025"));
  CHECK(events.at("plan-dup") == held("2024-06-20-call-antony-blinken-wang-yi"));
  CHECK(events.at("plan-e1-wh") == held("2024-04-02-call-joe-biden-xi-jinping"));
  CHECK(events.at("plan-c1-wh") == held("2024-08-28-meeting-jake-sullivan-wang-yi"));
  CHECK(events.at("plan-c2-mfa") == held(""));
  CHECK(events.at("plan-n1-press") == held("plan-own-event"));

  // The add left nothing for a full regroup to change, and a full regroup of the documents
  // stripped of their events gives every one its event back.
  CHECK(regroup(bulk).changed == 0);
  CHECK(regroup(steps).changed == 0);
  const fs::path stripped = tmp.path() / "stripped";
  fs::copy(bulk, stripped, fs::copy_options::recursive);
  strip_events(stripped);
  CHECK(with_event(events_by_article(stripped)) == 0);
  CHECK(regroup(stripped).changed == with_event(events));
  CHECK(events_by_article(stripped) == events);
}

TEST_CASE("the events an add plans for its new articles are those the grouping leaves") {
  TempDir tmp;
  // A bulk load: every article is new.
  const fs::path bulk = tmp.path() / "bulk";
  const auto all = fixture_paths({"batch1", "batch2", "batch3"});
  const EventPlan whole = plan_for(bulk, all);
  add(bulk, all);
  const auto events = events_by_article(bulk);
  for (const auto& [id, e] : events) {
    INFO(id);
    CHECK(e == held(whole.event_of(id)));
  }
  CHECK(whole.size() == with_event(events));

  // Adds into a database holding articles: the new ones are written as planned; the grouping
  // rewrites the accounts already there whose event the new ones change.
  const fs::path steps = tmp.path() / "steps";
  add(steps, fixture_paths({"batch1"}));
  for (const char* batch : {"batch2", "batch3"}) {
    const auto before = events_by_article(steps);
    const EventPlan plan = plan_for(steps, fixture_paths({batch}));
    add(steps, fixture_paths({batch}));
    const auto after = events_by_article(steps);
    for (const auto& [id, e] : after) {
      INFO(batch << " " << id);
      // New, or (the second file of an id) replacing the version of an earlier add.
      const bool written =
          !before.count(id) || (std::string(batch) == "batch3" && id == "plan-dup");
      if (written) CHECK(e == held(plan.event_of(id)));
    }
  }
  CHECK(events_by_article(steps) == events);
}

TEST_CASE("both add paths write each new document with its planned event") {
  TempDir tmp;
  const fs::path reference = tmp.path() / "reference";
  const auto all = fixture_paths({"batch1", "batch2", "batch3"});
  add(reference, all);
  const auto events = events_by_article(reference);
  const Knowledge& k = plan_knowledge();
  const InputListing listing = list_inputs(all);
  for (const bool bulk : {true, false}) {
    INFO((bulk ? "bulk load" : "add pipeline"));
    const fs::path db = tmp.path() / (bulk ? "bulk" : "pipeline");
    const EventPlan plan = plan_for(db, all);
    AddSettings settings;
    settings.events = &plan;
    auto writer = IndexWriter::open(db, WriterOptions{});
    REQUIRE(writer.ok());
    // No regroup_events here: the events are those the documents were written with.
    if (bulk) {
      auto counts = run_bulk_add(db, WriterOptions{}, listing.files, k, settings, {});
      REQUIRE(counts.ok());
      writer.value().reset();
      fs::remove_all(bulk_work_folder(db));
    } else {
      auto counts = run_add_pipeline(*writer.value(), listing.files, k, settings, {});
      REQUIRE(counts.ok());
      REQUIRE(writer.value()->commit().ok());
      writer.value().reset();
    }
    CHECK(events_by_article(db) == events);
  }
}

TEST_CASE("a removal regroups the rest as if the article had never been added") {
  TempDir tmp;
  const fs::path db = tmp.path() / "db", without = tmp.path() / "without";
  add(db, fixture_paths({"batch1", "batch2", "batch3"}));
  CHECK(events_by_article(db).at("plan-a1-wh") == held("2024-03-11-call-joe-biden-xi-jinping"));
  indexer("remove", db, {"plan-a0-xinhua"});
  add(without, fixture_paths({"batch1", "batch2/b2-mfa-meeting.md", "batch2/d1-busan.md",
                              "batch2/d2-busan-undated.md", "batch3"}));
  const auto events = events_by_article(without);
  CHECK(events.at("plan-a1-wh") == held("2024-03-12-call-joe-biden-xi-jinping"));
  CHECK(events_by_article(db) == events);
}
