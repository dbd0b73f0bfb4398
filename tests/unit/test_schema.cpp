// Unit tests: schema terms are spelled one way, and documents carry them.
#include <doctest/doctest.h>
#include <xapian.h>

#include "shared/core/schema.h"
#include "shared/index/document_builder.h"

using namespace readouts;

TEST_CASE("schema terms normalise their values") {
  CHECK(schema::speaker_term(" Xi Jinping ") == "XSPxi jinping");
  CHECK(schema::topic_term("Taiwan") == "Ktaiwan");
  CHECK(schema::year_term(2025) == "Y2025");
  CHECK(schema::month_term(2025, 6) == "M202506");
  CHECK(schema::day_term(2025, 11, 24) == "D20251124");
  CHECK(schema::spoken_prefix("Donald J. Trump") == "XWdonald_j._trump:");
  // Which TermGenerator terms are kept as spoken words, and how.
  CHECK(schema::spoken_term("XWxi:", "Ztaiwan") == "ZXWxi:taiwan");
  CHECK(schema::spoken_term("XWxi:", "taiwan").empty());
  CHECK(schema::spoken_term("XWxi:", "2025") == "XWxi:2025");
  CHECK(schema::spoken_term("XWxi:", "台湾") == "XWxi:台湾");
  CHECK(schema::spoken_term("XWxi:", "Z台湾").empty());
  CHECK(schema::spoken_term("XWxi:", "").empty());
  CHECK(schema::id_term("abc") == "Qabc");
}

TEST_CASE("article dates keep their precision") {
  ArticleDate d;
  d.year = 2025;
  d.month = 6;
  d.precision = DatePrecision::kMonth;
  CHECK(d.iso() == "2025-06");
  CHECK(d.sortable() == "20250600");
  auto back = ArticleDate::from_sortable("20250600");
  CHECK(back.precision == DatePrecision::kMonth);
  CHECK(back.iso() == "2025-06");
  CHECK(ArticleDate::from_sortable("2025").precision == DatePrecision::kUnknown);
  CHECK(ArticleDate::from_sortable("20251124").iso() == "2025-11-24");
}

TEST_CASE("document builder writes the schema's terms and values") {
  Article a;
  a.id = "t1";
  a.title = "Xi and Trump talk";
  a.date = ArticleDate{2025, 11, 24, DatePrecision::kDay, "test"};
  a.source = "APP";
  a.language = "en";
  a.speakers = {"Xi Jinping", "Donald J. Trump"};
  a.topics = {"taiwan"};
  a.passages = {{"Xi Jinping", "Taiwan's return to China is part of the order."},
                {"Donald J. Trump", "The U.S. understands how important the Taiwan question is."}};
  DocumentBuilder builder;
  Xapian::Document doc = builder.build(a);
  auto has = [&](const std::string& term) {
    auto t = doc.termlist_begin();
    t.skip_to(term);
    return t != doc.termlist_end() && *t == term;
  };
  CHECK(has("Qt1"));
  CHECK(has("XSPxi jinping"));
  CHECK(has("XSPdonald j. trump"));
  CHECK(has("Ktaiwan"));
  CHECK(has("Y2025"));
  CHECK(has("M202511"));
  CHECK(has("D20251124"));
  CHECK(has("XSRCapp"));
  CHECK(has("Len"));
  // Spoken words: stems of Latin words (the form queries ask for), not their unstemmed forms.
  CHECK(has("ZXWxi_jinping:return"));
  CHECK(!has("XWxi_jinping:return"));
  CHECK(has("ZXWdonald_j._trump:understand"));
  CHECK(!has("ZXWxi_jinping:understand"));
  CHECK(!has("XWdonald_j._trump:understands"));
  CHECK(doc.get_value(schema::kSlotDate) == "20251124");
  CHECK(doc.get_value(schema::kSlotSpeakers) == std::string("Xi Jinping\x1f") + "Donald J. Trump");
  // The passages are in their own value, not in the data.
  CHECK(doc.get_value(schema::kSlotPassages) == passages_value(a.passages));
  CHECK(doc.get_data().find("\"passages\"") == std::string::npos);
  CHECK(doc.get_data().find("Taiwan's return") == std::string::npos);
}
