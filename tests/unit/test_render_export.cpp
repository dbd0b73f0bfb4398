// Escaping and record shapes of the Atom feed and the export formats (render_feed, render_export).
#include <doctest/doctest.h>

#include "shared/search/render_export.h"
#include "shared/search/render_feed.h"

using namespace readouts;

TEST_CASE("xml_escape escapes markup and drops characters XML forbids") {
  CHECK(xml_escape("a & b <c> \"d\" 'e'") == "a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;");
  CHECK(xml_escape(std::string("x\x01y\tz\n", 7)) == "xy\tz\n");
  CHECK(xml_escape("台湾") == "台湾");
}

TEST_CASE("atom_time gives RFC 3339 for every date precision") {
  CHECK(atom_time("2025-06-05") == "2025-06-05T00:00:00Z");
  CHECK(atom_time("2025-06") == "2025-06-01T00:00:00Z");
  CHECK(atom_time("2025") == "2025-01-01T00:00:00Z");
  CHECK(atom_time("") == "1970-01-01T00:00:00Z");
}

TEST_CASE("csv_field quotes only what needs it") {
  CHECK(csv_field("plain") == "plain");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
}

TEST_CASE("bibtex_escape keeps braces balanced") {
  CHECK(bibtex_escape("{x} 50% & #1_a") ==
        "\\textbraceleft{}x\\textbraceright{} 50\\% \\& \\#1\\_a");
  CHECK(bibtex_escape("}{") == "\\textbraceright{}\\textbraceleft{}");
}

TEST_CASE("export formats parse and records carry the indexing day") {
  CHECK(parse_export_format("csv") == ExportFormat::kCsv);
  CHECK(!parse_export_format("CSV"));
  SearchHit hit;
  hit.id = "a1";
  hit.title = "Talks";
  hit.date = "2025-06";
  hit.source = "Xinhua";
  hit.indexed = "2026-12-01";
  const ExportContext context{"http://h", "2026-12-05"};
  const std::string ris = export_record(ExportFormat::kRis, hit, context);
  CHECK(ris.find("Y2  - 2026-12-01\r\n") != std::string::npos);
  CHECK(ris.find("DA  - 2025/06//\r\n") != std::string::npos);
  hit.indexed.clear();
  CHECK(export_record(ExportFormat::kBibtex, hit, context).find("urldate = {2026-12-05}") !=
        std::string::npos);
  CHECK(export_begin(ExportFormat::kCsv, true).rfind("\xEF\xBB\xBFid,date,title,", 0) == 0);
}
