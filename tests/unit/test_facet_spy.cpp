// FacetSpy: facet counts from the one-value facet slot, and from slots 0-4 in databases written
// before that slot existed; both give the same counts.
#include <doctest/doctest.h>

#include <string>

#include "shared/core/schema.h"
#include "shared/search/facet_spies.h"

using namespace readouts;

namespace {

Xapian::Document article(const std::string& date, const std::string& speakers,
                         const std::string& topics, const std::string& source,
                         const std::string& language, bool facet_slot) {
  Xapian::Document doc;
  doc.add_boolean_term("Tall");
  if (!date.empty()) doc.add_value(schema::kSlotDate, date);
  doc.add_value(schema::kSlotSpeakers, speakers);
  doc.add_value(schema::kSlotTopics, topics);
  doc.add_value(schema::kSlotSource, source);
  doc.add_value(schema::kSlotLanguage, language);
  if (facet_slot)
    doc.add_value(schema::kSlotFacets,
                  schema::facet_value(date, speakers, topics, source, language));
  return doc;
}

Facets count_all(bool facet_slot) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const std::string xi_biden = std::string("Xi Jinping") + schema::kListSeparator + "Joe Biden";
  const std::string taiwan_trade = std::string("taiwan") + schema::kListSeparator + "trade_tariffs";
  db.add_document(article("20231115", xi_biden, taiwan_trade, "Xinhua", "en", facet_slot));
  db.add_document(article("20231115", xi_biden, taiwan_trade, "Xinhua", "en", facet_slot));
  db.add_document(article("20250000", "Xi Jinping", "", "", "zh-Hans", facet_slot));
  db.add_document(article("", "", "taiwan", "Reuters", "en", facet_slot));
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query("Tall"));
  FacetSpy spy;
  enquire.add_matchspy(&spy);
  enquire.get_mset(0, 10, db.get_doccount());
  return spy.facets();
}

}  // namespace

TEST_CASE("facet spy: counts from the facet slot and from the older per-field slots agree") {
  for (bool facet_slot : {true, false}) {
    INFO("facet slot: " << facet_slot);
    const Facets f = count_all(facet_slot);
    CHECK(f.speakers == FacetCounts{{"Xi Jinping", 3}, {"Joe Biden", 2}});
    CHECK(f.topics == FacetCounts{{"taiwan", 3}, {"trade_tariffs", 2}});
    CHECK(f.sources == FacetCounts{{"Xinhua", 2}, {"Reuters", 1}});
    CHECK(f.languages == FacetCounts{{"en", 3}, {"zh-Hans", 1}});
    CHECK(f.years == FacetCounts{{"2023", 2}, {"2025", 1}});
    CHECK(f.months == FacetCounts{{"2023-11", 2}});  // 2025 is known to the year only
    CHECK(f.undated == 1);
  }
}
