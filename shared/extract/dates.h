// Date reading for extraction: numeric forms, month names in many languages, and Chinese,
// Japanese and Korean forms, found by a linear hand-written scanner (no regex). Pure and
// thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "shared/core/article.h"

namespace readouts {

// One date written in a text. year == 0 when the text gives none (month and day only).
struct DateMention {
  int year = 0;
  int month = 0;              // 0 for a year alone
  int day = 0;                // 0 when only the month is known
  size_t begin = 0, end = 0;  // byte range in the scanned text
  bool full() const { return year != 0 && month != 0 && day != 0; }
};

// True when year/month/day form a real calendar date (year 1900..2100; day 0 = unknown day,
// month 0 = unknown month).
bool valid_date(int year, int month, int day);

// How to read an all-numeric date whose first two numbers could each be the day or the month
// ("06/05/2025"): day first (most of the world), month first (the United States), or not at all.
enum class NumericOrder { kUnknown, kDayFirst, kMonthFirst };

// The order a page writes "06/05/2025" in: the day first, except on English pages whose
// publisher is American, Filipino or unknown (publisher_country: an ISO code, "" when unknown).
NumericOrder numeric_order_for(std::string_view language, std::string_view publisher_country);

// The country a host's top-level domain names ("astroawani.com.my" -> "MY", "bbc.co.uk" ->
// "GB"), "" for generic domains and for country codes sites use for their letters (.io, .tv, .co).
std::string host_country(std::string_view host);

// Every date in text, in order, at most max_results. Invalid dates (month 13, Feb 30) are skipped.
// Numeric forms: "2025-11-24", "2025/11/24", "2025.11.24", "2025-06" (month), "26.10.2025",
// "26-01-2025" (day first), "06/05/2025" (by `order`, or by a number over 12). Month names in
// the languages of shared/text/month_names.h, before or after the day ("Nov. 24, 2025",
// "24 November 2025", "5 de junio de 2025", "5. Juni 2025", "2025. június 5.", "Hunyo 18,
// 2019", "5 июня 2025"); "June 2025" (month); 2025年11月24日, 11月24日, 2025년 6월 5일.
std::vector<DateMention> find_dates(std::string_view text, size_t max_results = 64,
                                    NumericOrder order = NumericOrder::kUnknown);

// Reads a metadata value (front matter, JSON field, HTML meta): the first date in it, or a bare
// year. Precision is what the value gives. nullopt if no valid date is there or it has no year.
std::optional<ArticleDate> parse_date_value(std::string_view value);

// Converts a mention with a year into an ArticleDate with the precision it carries.
ArticleDate to_article_date(const DateMention& m, std::string_view evidence);

}  // namespace readouts
