// Facet counting over matches (see facet_spies.h).
#include "shared/search/facet_spies.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>

#include "shared/core/schema.h"

namespace readouts {

namespace {

template <class Counter>
void bump(Counter& counts, std::string_view value, uint64_t times) {
  if (value.empty()) return;
  auto it = counts.find(value);
  if (it != counts.end())
    it->second += times;
  else
    counts.emplace(std::string(value), times);
}

template <class Counter>
void bump_list(Counter& counts, std::string_view list, uint64_t times) {
  size_t start = 0;
  while (start < list.size()) {
    size_t end = list.find(schema::kListSeparator, start);
    if (end == std::string_view::npos) end = list.size();
    bump(counts, list.substr(start, end - start), times);
    start = end + 1;
  }
}

template <class Counter>
FacetCounts plain(const Counter& counts) {
  return FacetCounts(counts.begin(), counts.end());
}

bool all_digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

}  // namespace

static_assert(schema::kSlotFacets == 8, "FacetSpy::kFacetSlot is schema::kSlotFacets");

void FacetSpy::attach(Xapian::Enquire& enquire) {
  if (remote_)
    enquire.add_matchspy(&values_);
  else
    enquire.add_matchspy(this);
}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
  std::string v = doc.get_value(schema::kSlotFacets);
  if (v.empty()) {  // a database written before kSlotFacets
    v = schema::facet_value(doc.get_value(schema::kSlotDate), doc.get_value(schema::kSlotSpeakers),
                            doc.get_value(schema::kSlotTopics), doc.get_value(schema::kSlotSource),
                            doc.get_value(schema::kSlotLanguage));
  }
  const uint32_t year_month = count_value(v, 1);
  if (count_events_ && year_month % 100 != 0)
    note_event(doc.get_value(schema::kSlotEvent), year_month);
}

uint32_t FacetSpy::count_value(std::string_view v, uint64_t times) {
  std::array<std::string_view, 5> fields{};  // date, speakers, topics, source, language
  std::string_view rest = v;
  for (size_t i = 0; i < fields.size(); ++i) {
    const size_t end = rest.find(schema::kFieldSeparator);
    fields[i] = rest.substr(0, end);
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  const std::string_view date = fields[0];
  uint32_t year_month = 0;  // YYYYMM; MM 00: the year only; 0: undated
  if (date.size() == 8 && all_digits(date)) {
    for (char c : date.substr(0, 6)) year_month = year_month * 10 + static_cast<uint32_t>(c - '0');
    year_months_[year_month] += times;
  } else {
    undated_ += times;
  }
  bump_list(speakers_, fields[1], times);
  bump_list(topics_, fields[2], times);
  bump(sources_, fields[3], times);
  bump(languages_, fields[4], times);
  return year_month;
}

void FacetSpy::note_event(std::string event, uint32_t year_month) {
  if (event.empty()) return;
  auto [it, added] = event_months_.emplace(std::move(event), year_month);
  if (!added && year_month < it->second) it->second = year_month;
}

Facets FacetSpy::facets() const {
  if (remote_) {
    FacetSpy counted;  // the remote matches' values, counted as local matches' are
    for (auto it = values_.values_begin(); it != values_.values_end(); ++it)
      counted.count_value(*it, it.get_termfreq());
    return counted.facets();
  }
  Facets out;
  char buf[16];
  for (const auto& [event, ym] : event_months_) {
    std::snprintf(buf, sizeof buf, "%04u-%02u", ym / 100, ym % 100);
    ++out.event_months[buf];
  }
  for (const auto& [ym, n] : year_months_) {
    std::snprintf(buf, sizeof buf, "%04u", ym / 100);
    out.years[buf] += n;
    if (ym % 100 == 0) continue;  // known to the year only
    std::snprintf(buf, sizeof buf, "%04u-%02u", ym / 100, ym % 100);
    out.months[buf] += n;
  }
  out.undated = undated_;
  out.speakers = plain(speakers_);
  out.topics = plain(topics_);
  out.sources = plain(sources_);
  out.languages = plain(languages_);
  return out;
}

FacetCounts count_event_months(const Xapian::Database& db, const Xapian::Query& q,
                               Xapian::doccount limit) {
  // Accounts of an event (every event id is at least "0") dated to a month (an M term).
  const Xapian::Query dated_accounts(
      Xapian::Query::OP_AND, Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotEvent, "0"),
      Xapian::Query(Xapian::Query::OP_WILDCARD, std::string(schema::kMonthPrefix)));
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, q, dated_accounts));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_sort_by_value(schema::kSlotDate, /*reverse=*/false);  // earliest first
  enquire.set_collapse_key(schema::kSlotEvent);                     // its earliest account
  const Xapian::MSet mset = enquire.get_mset(0, limit);
  FacetCounts out;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const std::string date = it.get_sort_key();  // kSlotDate: "YYYYMMDD"
    if (date.size() != 8 || !all_digits(date) || date.substr(4, 2) == "00") continue;
    ++out[date.substr(0, 4) + "-" + date.substr(4, 2)];
  }
  return out;
}

std::vector<TimelineBucket> month_timeline(const FacetCounts& months) {
  std::vector<TimelineBucket> out;
  out.reserve(months.size());
  for (const auto& [period, count] : months) out.push_back({period, count});
  std::sort(out.begin(), out.end(),
            [](const TimelineBucket& a, const TimelineBucket& b) { return a.period < b.period; });
  return out;
}

}  // namespace readouts
