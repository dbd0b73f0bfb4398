// Date filters of a search (docs/search.md, "Dates"): the date slot's ranges, found through the
// year terms; months and days of every year; the days of an event between its people. Pure
// query construction: the database is only read for its first and last dates.
#pragma once

#include <xapian.h>

#include <string>
#include <utility>
#include <vector>

#include "shared/extract/knowledge.h"

namespace readouts {

// The date slot's range [lo, hi] (slot form "YYYYMMDD", "" for open) as a value range.
Xapian::Query value_range(const std::string& lo, const std::string& hi);

// The date slot's bounds for from/to (ISO "YYYY", "YYYY-MM" or "YYYY-MM-DD"; "" for open),
// taking in articles dated only to a month or a year when the range covers it whole.
std::pair<std::string, std::string> slot_range(const std::string& from, const std::string& to);

// The documents of value_range(lo, hi), found through the year terms when db is given.
Xapian::Query date_filter(const std::string& lo, const std::string& hi, const Xapian::Database* db);

// The ISO day delta days after iso ("2025-11-24", -1 -> "2025-11-23").
std::string shift_day(const std::string& iso, int delta);

// Articles dated in one of the months (1..12) or on one of the days ("MM-DD") of any year the
// database holds; empty without a database or a dated article.
Xapian::Query month_filter(const std::vector<int>& months, const std::vector<std::string>& days,
                           const Xapian::Database* db);

// The articles dated within a day of one of the group's event spans that involve (speak in or
// are mentioned in) every person of that span; empty if the group has no such span.
Xapian::Query event_accounts(const SynonymGroup& group, const Xapian::Database* db);

}  // namespace readouts
