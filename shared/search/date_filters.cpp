// Date filters of a search: the date slot's ranges, year, month and day terms, event days.
#include "shared/search/date_filters.h"

#include <chrono>
#include <cstdio>

#include "shared/core/article.h"
#include "shared/core/schema.h"
#include "shared/search/search_request.h"

namespace readouts {

// The date slot's range [lo, hi] ("" for open) as a filter.
Xapian::Query value_range(const std::string& lo, const std::string& hi) {
  if (lo.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kSlotDate, hi);
  if (hi.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotDate, lo);
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, lo, hi);
}

// The date slot's bounds for from/to (YYYY, YYYY-MM or YYYY-MM-DD; "" for open). Articles dated
// only to a month or a year ("2025-06" is stored as 20250600, "2025" as 20250000) match when the
// range covers that whole month or year: "2025-01-01".."2025-12-31" takes in "2025", while
// "2025-01-01".."2025-06-30" takes in "2025-06" but not "2025".
std::pair<std::string, std::string> slot_range(const std::string& from, const std::string& to) {
  std::string lo, hi;
  if (auto b = parse_date_bounds(from); b.ok()) lo = b.value().lower;
  if (auto b = parse_date_bounds(to); b.ok()) hi = b.value().upper;
  const std::string lo_day = from.size() == 10 ? from : "", hi_day = to.size() == 10 ? to : "";
  auto last_of_month = [](const std::string& iso) {  // the day after it is no date
    const int day = std::stoi(iso.substr(8, 2));
    return !parse_date_bounds(iso.substr(0, 8) + (day + 1 < 10 ? "0" : "") +
                              std::to_string(day + 1))
                .ok();
  };
  auto covers_through = [&](const std::string& iso) { return hi.empty() || hi >= iso; };
  auto covers_from = [&](const std::string& iso) { return lo.empty() || lo <= iso; };
  if (!hi_day.empty() && !hi.empty() && last_of_month(hi_day) &&
      covers_from(hi.substr(0, 6) + "01")) {
    const bool year = hi.compare(4, 2, "12") == 0 && covers_from(hi.substr(0, 4) + "0101");
    hi.replace(year ? 4 : 6, year ? 4 : 2, year ? "9999" : "99");
  }
  if (!lo_day.empty() && !lo.empty() && lo.compare(6, 2, "01") == 0 &&
      covers_through(lo.substr(0, 6) + "99")) {
    const bool year = lo.compare(4, 2, "01") == 0 && covers_through(lo.substr(0, 4) + "9999");
    lo.replace(year ? 4 : 6, year ? 4 : 2, year ? "0000" : "00");
  }
  return {lo, hi};
}

// The same documents as value_range(lo, hi), found through the year terms: a year that lies
// wholly inside the range is its Y term; the years at either end are their Y terms checked
// against the value range. A value range alone reads the date of every document the rest of
// the query matches (604,000 for "cooperation" at 1M articles); the year terms narrow that to the
// years concerned by skipping through posting lists (docs/benchmarks.md, session 4). Open ends
// stop at the database's first and last years; without a database, or for a span of more than
// kMaxYearTerms years, the value range alone.
constexpr int kMaxYearTerms = 200;
Xapian::Query date_filter(const std::string& lo, const std::string& hi,
                          const Xapian::Database* db) {
  Xapian::Query range = value_range(lo, hi);
  if (!db) return range;
  // A bound's year; an open bound stands for the database's first or last date.
  auto year_of = [&](const std::string& bound, bool upper) {
    const ArticleDate d =
        ArticleDate::from_sortable(!bound.empty() ? bound
                                   : upper        ? db->get_value_upper_bound(schema::kSlotDate)
                                                  : db->get_value_lower_bound(schema::kSlotDate));
    return d.known() ? d.year : -1;
  };
  const int lo_year = year_of(lo, false), hi_year = year_of(hi, true);
  const int db_first = year_of("", false), db_last = year_of("", true);
  if (lo_year < 0 || hi_year < 0 || db_first < 0 || db_last < 0) return range;
  const int first = std::max(lo_year, db_first), last = std::min(hi_year, db_last);
  if (first > last || last - first >= kMaxYearTerms) return range;
  std::vector<Xapian::Query> whole, ends;
  char first_day[16], last_day[16];
  for (int y = first; y <= last; ++y) {
    std::snprintf(first_day, sizeof first_day, "%04d0000", y);
    std::snprintf(last_day, sizeof last_day, "%04d1231", y);
    const bool inside = (lo.empty() || lo <= first_day) && (hi.empty() || hi >= last_day);
    (inside ? whole : ends).emplace_back(schema::year_term(y));
  }
  std::vector<Xapian::Query> parts;
  if (!whole.empty()) parts.emplace_back(Xapian::Query::OP_OR, whole.begin(), whole.end());
  if (!ends.empty())
    parts.emplace_back(Xapian::Query::OP_FILTER,
                       Xapian::Query(Xapian::Query::OP_OR, ends.begin(), ends.end()), range);
  return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

// The ISO day delta days after iso ("2025-11-24", -1 -> "2025-11-23").
std::string shift_day(const std::string& iso, int delta) {
  using namespace std::chrono;
  const year_month_day ymd{year{std::stoi(iso.substr(0, 4))},
                           month{static_cast<unsigned>(std::stoi(iso.substr(5, 2)))},
                           day{static_cast<unsigned>(std::stoi(iso.substr(8, 2)))}};
  const year_month_day shifted{sys_days{ymd} + days{delta}};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(shifted.year()),
                static_cast<unsigned>(shifted.month()), static_cast<unsigned>(shifted.day()));
  return buf;
}

// Articles dated in one of the months (1..12) or on one of the days ("11-24") of any year the
// database holds: their month and day terms. Without a database or a dated article, no filter
// (an empty query).
Xapian::Query month_filter(const std::vector<int>& months, const std::vector<std::string>& days,
                           const Xapian::Database* db) {
  if ((months.empty() && days.empty()) || !db) return {};
  const ArticleDate first =
      ArticleDate::from_sortable(db->get_value_lower_bound(schema::kSlotDate));
  const ArticleDate last = ArticleDate::from_sortable(db->get_value_upper_bound(schema::kSlotDate));
  if (!first.known() || !last.known() || last.year - first.year >= kMaxYearTerms) return {};
  std::vector<Xapian::Query> terms;
  for (int y = first.year; y <= last.year; ++y) {
    for (int m : months) terms.emplace_back(schema::month_term(y, m));
    for (const std::string& d : days)
      terms.emplace_back(schema::day_term(y, std::stoi(d.substr(0, 2)), std::stoi(d.substr(3, 2))));
  }
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

Xapian::Query event_accounts(const SynonymGroup& group, const Xapian::Database* db) {
  std::vector<Xapian::Query> spans;
  for (const EventSpan& span : group.spans) {
    if (span.people.empty()) continue;
    const auto [lo, hi] = slot_range(shift_day(span.from, -1), shift_day(span.to, 1));
    std::vector<Xapian::Query> parts{date_filter(lo, hi, db)};
    for (const std::string& person : span.people)
      parts.emplace_back(Xapian::Query::OP_OR, Xapian::Query(schema::speaker_term(person)),
                         Xapian::Query(schema::mention_term(person)));
    spans.emplace_back(Xapian::Query::OP_AND, parts.begin(), parts.end());
  }
  if (spans.empty()) return {};
  return Xapian::Query(Xapian::Query::OP_OR, spans.begin(), spans.end());
}

}  // namespace readouts
