// Export formats of a result set (CSV, JSON Lines, BibTeX, RIS, CSL-JSON): one record per hit,
// rendered piece by piece so that the server can stream them (docs/api.md, GET /api/export). Pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "shared/search/search_result.h"

namespace readouts {

enum class ExportFormat { kCsv, kJsonl, kBibtex, kRis, kCsl };

// "csv" | "jsonl" | "bibtex" | "ris" | "csl"; nullopt for anything else.
std::optional<ExportFormat> parse_export_format(std::string_view text);
const char* export_mime(ExportFormat format);
const char* export_extension(ExportFormat format);  // "csv", "jsonl", "bib", "ris", "json"

struct ExportContext {
  std::string base_url;  // "http://host:port": each record's link to its article page
  // "YYYY-MM-DD" the export was made: citations' "retrieved" for articles without
  // SearchHit::indexed (stored before the database recorded the day).
  std::string retrieved;
};

// What comes before the first record (CSV's header row, CSL-JSON's "["), after the last, and
// between two records (CSL-JSON's ",").
std::string export_begin(ExportFormat format, bool csv_bom);
std::string export_separator(ExportFormat format);
std::string export_end(ExportFormat format);
std::string export_record(ExportFormat format, const SearchHit& hit, const ExportContext& context);

// One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF.
std::string csv_field(std::string_view text);
// Text safe inside a braced BibTeX field: LaTeX specials escaped, braces as \textbrace...{}.
std::string bibtex_escape(std::string_view text);

}  // namespace readouts
