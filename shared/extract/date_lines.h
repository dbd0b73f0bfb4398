// Date lines near the top of a page: metadata and publication lines, lines that are only a date,
// title bars, bylines, a masthead's clock and a feed item's closing stamp. Pure and thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace readouts {

// A line near the top of a page that gives a date: a metadata line ("date 2025-11-24",
// "Published: ...", "发布时间：..."), an "updated" stamp, or a line that is only a date (a
// publication line, or a page's render time).
struct DateLine {
  enum class Kind { kPublished, kUpdated, kDateOnly };
  std::string date_text;  // the date as written ("2025-11-24", "26.10.2025")
  Kind kind = Kind::kDateOnly;
};

// "date 2025-11-24 ...", "Published: Nov 24, 2025", "发布时间：2025-11-24", "입력 2025.06.05",
// "Stand: 16.11.2023 08:29 Uhr" -> the date text; "Updated: ..." and its kin are read too, as
// updated stamps (kind).
bool metadata_date_line(std::string_view line, std::string& date_text, DateLine::Kind& kind);

// "date 2025-11-24 ..." or "date 2025-06 ..." opening the text (a crawler's prefix): the length
// of the prefix, with the date in date_text; 0 when the line does not open so.
size_t leading_date_prefix(std::string_view line, std::string& date_text);

// A feed item's stamp ending the text, date and time, glued or not: "...谈判。2022-11-18 08:17:24".
bool closing_timestamp(std::string_view line, std::string& date_text);

// After the date, a credit: "... par La Presse", "... by Jane Doe", "... por EFE", "... von dpa".
bool credited_after_date(std::string_view line, std::string_view date_text);

// A short line that is essentially a date: "November 16, 2021", "2023-11-16 08:12 GMT+8".
bool date_only_line(std::string_view line, std::string& date_text);

// A byline or credit line above the article around a year-first date, with the clock, names,
// the outlet or the dateline beside it: "王小明 · 2014-04-10 · 來源:某报", "2019-02-01 11:45
// 中央社 華盛頓31日專電", "Site | News • 2024-04-24 12:41". Not a sentence, at most 100 bytes,
// one full date only, written year first (2014-04-10, 2014/04/10, 2014.04.10): no day-month
// order to guess. The caller takes it only when it is the one such line above the article (a
// list of related links has several).
bool year_first_byline(std::string_view line, std::string& date_text);

// The day in two calendars with the clock ("الخميس 3 أبريل 2025 12:56 ص 4 شوال 1446 هـ"): an
// Arab portal's masthead clock, the time the page was rendered, not the article's date.
bool masthead_clock(std::string_view line);

// A title bar: segments joined by " | ", the last one a date alone ("... | DW | 09.06.2013").
bool title_bar_date(std::string_view line, std::string& date_text);

// A headline closed by its publication stamp, a numeric date and a clock ("Ông Tập điện đàm với
// ông Trump 05/02/2026 06:10"): the date text.
bool headline_stamp_date(std::string_view line, std::string& date_text);

}  // namespace readouts
