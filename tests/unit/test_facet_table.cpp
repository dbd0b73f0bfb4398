// FacetTable: facet counts from the in-memory table equal FacetSpy's from value slots, exactly,
// on a generated database (lists with repeats and empty entries, year-only and undated articles,
// events, articles written before the facet slot, deleted articles) for several queries; a
// table shared per revision between threads, replaced after a commit; a stale table refused.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "shared/core/schema.h"
#include "shared/search/facet_spies.h"
#include "shared/search/facet_table.h"

using namespace readouts;

namespace {

const char* const kSpeakers[] = {"Xi Jinping", "Joe Biden", "Wang Yi", "Antony Blinken", ""};
const char* const kTopics[] = {"taiwan", "trade_tariffs", "climate", "fentanyl"};
const char* const kSources[] = {"Xinhua", "Reuters", "", "White House"};
const char* const kLanguages[] = {"en", "zh-Hans", ""};

// Article i of the generated database: its values depend on i only.
Xapian::Document article(unsigned i) {
  Xapian::Document doc;
  doc.add_boolean_term("Tall");
  doc.add_boolean_term("Tmod" + std::to_string(i % 3));
  doc.add_term("word" + std::to_string(i % 7));
  std::string date;
  if (i % 11 == 0)
    date = "";  // undated
  else if (i % 13 == 0)
    date = std::to_string(2010 + i % 15) + "0000";  // the year only
  else if (i % 97 == 0)
    date = "00000015";  // malformed but all digits: counted as year 0000, not undated
  else
    date =
        std::to_string(2010 + i % 15) + (i % 12 < 9 ? "0" : "") + std::to_string(i % 12 + 1) + "15";
  std::string speakers, topics;
  for (unsigned k = 0; k < i % 4; ++k) {
    if (k) speakers += schema::kListSeparator;
    speakers += kSpeakers[(i + k * 3) % 5];  // repeats and empty entries now and then
  }
  for (unsigned k = 0; k < i % 3; ++k) {
    if (k) topics += schema::kListSeparator;
    topics += kTopics[(i * 7 + k) % 4];
  }
  const std::string source = kSources[i % 4], language = kLanguages[i % 3];
  if (!date.empty()) doc.add_value(schema::kSlotDate, date);
  doc.add_value(schema::kSlotSpeakers, speakers);
  doc.add_value(schema::kSlotTopics, topics);
  doc.add_value(schema::kSlotSource, source);
  doc.add_value(schema::kSlotLanguage, language);
  if (i % 17 != 0)  // else as written before kSlotFacets
    doc.add_value(schema::kSlotFacets,
                  schema::facet_value(date, speakers, topics, source, language));
  if (i % 5 != 0) doc.add_value(schema::kSlotEvent, "ev-" + std::to_string(i % 40));
  return doc;
}

Facets count(Xapian::Database& db, const Xapian::Query& q, FacetMatchSpy& spy) {
  Xapian::Enquire enquire(db);
  enquire.set_query(q);
  enquire.add_matchspy(&spy);
  enquire.get_mset(0, 10, db.get_doccount());
  return spy.facets();
}

// A fresh directory under the system's temporary one, removed at the end.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "readouts-facets-XXXXXX").string();
    REQUIRE(mkdtemp(tmpl.data()) != nullptr);
    path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
};

void check_equal(const Facets& a, const Facets& b) {
  CHECK(a.speakers == b.speakers);
  CHECK(a.topics == b.topics);
  CHECK(a.sources == b.sources);
  CHECK(a.languages == b.languages);
  CHECK(a.years == b.years);
  CHECK(a.months == b.months);
  CHECK(a.event_months == b.event_months);
  CHECK(a.undated == b.undated);
  const auto ta = month_timeline(a.months), tb = month_timeline(b.months);
  REQUIRE(ta.size() == tb.size());
  for (size_t i = 0; i < ta.size(); ++i) {
    CHECK(ta[i].period == tb[i].period);
    CHECK(ta[i].count == tb[i].count);
  }
}

}  // namespace

TEST_CASE("facet table: the same counts as the slot-reading spy, for every query and events") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (unsigned i = 1; i <= 600; ++i) db.add_document(article(i));
  for (Xapian::docid d : {5u, 77u, 300u}) db.delete_document(d);
  auto table = FacetTable::build(db, "test");
  CHECK(table->documents() == 597);
  CHECK(table->last_docid() == 600);
  CHECK(table->bytes() > 0);
  const Xapian::Query queries[] = {
      Xapian::Query("Tall"),
      Xapian::Query("Tmod1"),
      Xapian::Query(Xapian::Query::OP_OR, Xapian::Query("word2"), Xapian::Query("word5")),
      Xapian::Query(
          Xapian::Query::OP_FILTER, Xapian::Query("Tall"),
          Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, "20150000", "20191299")),
      Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("word3"),
                    Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotEvent, "0")),
      Xapian::Query("nothing"),
  };
  for (bool events : {false, true}) {
    for (size_t i = 0; i < std::size(queries); ++i) {
      INFO("query " << i << ", events " << events);
      FacetSpy slots(events);
      FacetTableSpy table_spy(table, events);
      const Facets reference = count(db, queries[i], slots);
      const Facets from_table = count(db, queries[i], table_spy);
      check_equal(from_table, reference);
      if (i == 0) {
        CHECK(!reference.speakers.empty());
        CHECK(reference.undated > 0);
        CHECK(events == !reference.event_months.empty());
      }
    }
  }
}

namespace {

// The facets of every document of db counted both ways must agree.
void check_all(Xapian::Database& db, const std::shared_ptr<const FacetTable>& table) {
  for (bool events : {false, true}) {
    FacetSpy slots(events);
    FacetTableSpy table_spy(table, events);
    check_equal(count(db, Xapian::Query("Tall"), table_spy),
                count(db, Xapian::Query("Tall"), slots));
  }
}

}  // namespace

TEST_CASE("facet table: one per revision, shared by threads, replaced after a commit") {
  TempDir tmp;
  const std::filesystem::path path = tmp.path / "db";
  {
    Xapian::WritableDatabase w(path.string(), Xapian::DB_CREATE_OR_OPEN);
    for (unsigned i = 1; i <= 200; ++i) w.add_document(article(i));
    w.commit();
  }
  // Four workers, each with its own Database, ask at once: one table is built for all.
  std::vector<std::shared_ptr<const FacetTable>> got(4);
  {
    std::vector<std::thread> threads;
    for (size_t k = 0; k < got.size(); ++k)
      threads.emplace_back([&, k] {
        Xapian::Database own(path.string());
        got[k] = FacetTable::shared(own, path, nullptr);
      });
    for (auto& th : threads) th.join();
  }
  Xapian::Database db(path.string());
  const std::string first_revision = std::to_string(db.get_revision()) + ":" + db.get_uuid();
  for (const auto& t : got) {
    REQUIRE(t != nullptr);
    CHECK(t == got[0]);
    CHECK(t->revision() == first_revision);
  }
  auto old = FacetTable::shared(db, path, nullptr);
  CHECK(old == got[0]);
  CHECK(FacetTable::shared(db, path, old) == old);
  CHECK(old->documents() == 200);
  check_all(db, old);
  // The indexer adds, replaces and deletes; a reader that reopens gets a new table.
  {
    Xapian::WritableDatabase w(path.string(), Xapian::DB_OPEN);
    for (unsigned i = 201; i <= 260; ++i) w.add_document(article(i));
    w.replace_document(7, article(8));
    w.delete_document(9);
    w.commit();
  }
  // Not reopened: the reader still sees the old revision and keeps its table.
  CHECK(FacetTable::shared(db, path, old) == old);
  db.reopen();
  auto fresh = FacetTable::shared(db, path, old);
  REQUIRE(fresh != nullptr);
  CHECK(fresh != old);
  CHECK(fresh->revision() == std::to_string(db.get_revision()) + ":" + db.get_uuid());
  CHECK(fresh->revision() != first_revision);
  CHECK(fresh->documents() == 259);
  CHECK(fresh->last_docid() == 260);
  CHECK(old->documents() == 200);  // a table never changes; holders of the old one keep it
  check_all(db, fresh);
  // A stale table on the newer database: refused, not read past its end.
  FacetTableSpy stale(old, false);
  CHECK_THROWS_AS(count(db, Xapian::Query("Tall"), stale), Xapian::DatabaseModifiedError);
}

TEST_CASE("facet table: none for a database that cannot tell its revision") {
  Xapian::WritableDatabase mem(std::string(), Xapian::DB_BACKEND_INMEMORY);
  mem.add_document(article(1));
  Xapian::Database db;
  db.add_database(mem);
  db.add_database(mem);
  CHECK(FacetTable::shared(db, "two-shards", nullptr) == nullptr);
}
