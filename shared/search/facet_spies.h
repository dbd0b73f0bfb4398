// A match spy that counts facet values over all matches: speakers, topics, sources, languages,
// years and months (and, when asked, events per month). Library-internal. Not thread-safe (one
// per Enquire). Over remote shards (xapian-tcpsrv knows only Xapian's own spies) it counts the
// same through a ValueCountMatchSpy of the facet slot: attach() picks the way.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "shared/search/search_result.h"

namespace readouts {

using FacetCounts = std::unordered_map<std::string, uint64_t>;

// Matches per value of each facet.
struct Facets {
  FacetCounts speakers, topics, sources, languages;
  FacetCounts years;   // "2025"
  FacetCounts months;  // "2025-11" (articles dated to the year only count in years)
  // "2025-11": the events whose earliest matching account dated to a month is of that month,
  // each event once (only when the spy counts events).
  FacetCounts event_months;
  uint64_t undated = 0;
};

// The events of q's matches per month as FacetSpy counts them (Facets::event_months: each event
// once, in the month of its earliest matching account dated to a month), by one more match
// instead of a spy: sorted by date and collapsed on the event, it returns that account of each
// event. For remote shards, where the spy cannot run; costs one match of up to `limit` events.
// Xapian errors propagate (the Searcher's retry handles them).
FacetCounts count_event_months(const Xapian::Database& db, const Xapian::Query& q,
                               Xapian::doccount limit);

// Periods and counts ("2025-11" -> n) as a timeline, oldest first.
std::vector<TimelineBucket> month_timeline(const FacetCounts& months);

// A match spy that counts Facets: FacetSpy (value slots) or FacetTableSpy (facet_table.h).
class FacetMatchSpy : public Xapian::MatchSpy {
 public:
  // Adds the spy that counts to enquire (this one, unless it counts through another).
  virtual void attach(Xapian::Enquire& enquire) { enquire.add_matchspy(this); }
  // Call after the match.
  virtual Facets facets() const = 0;
};

// Per match it reads one value (schema::kSlotFacets, or slots 0-4 in databases written before
// it) and counts each of its fields' values in place (string_view look-ups: no allocation once a
// value has been seen). Memory: one entry per distinct speaker, topic, source, language and
// month, not per match.
class FacetSpy : public FacetMatchSpy {
 public:
  // count_events: also count the events the matches are accounts of (Facets::event_months,
  // GET /api/events); it reads one more value per match.
  // remote: the database has remote shards; events are then not counted (event_months empty:
  // count_event_months counts them).
  explicit FacetSpy(bool count_events = false, bool remote = false)
      : count_events_(count_events && !remote), remote_(remote), values_(kFacetSlot) {}
  // Adds the spy that counts to enquire: this one, or for remote shards the value counter.
  void attach(Xapian::Enquire& enquire) override;
  void operator()(const Xapian::Document& doc, double weight) override;
  Xapian::MatchSpy* clone() const override { return new FacetSpy(count_events_); }
  std::string name() const override { return "readouts.FacetSpy"; }
  Facets facets() const override;

 private:
  struct ViewHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using Counter = std::unordered_map<std::string, uint64_t, ViewHash, std::equal_to<>>;
  Counter speakers_, topics_, sources_, languages_;
  static constexpr Xapian::valueno kFacetSlot = 8;  // schema::kSlotFacets (checked in the .cpp)
  // An event's earliest month among its matching accounts so far.
  void note_event(std::string event, uint32_t year_month);
  // Counts one facet value (schema::facet_value) `times` times; its year and month.
  uint32_t count_value(std::string_view value, uint64_t times);

  std::unordered_map<uint32_t, uint64_t> year_months_;  // YYYYMM (MM 00: the year only) -> matches
  uint64_t undated_ = 0;
  bool count_events_ = false;
  std::unordered_map<std::string, uint32_t> event_months_;  // event id -> its earliest YYYYMM
  bool remote_ = false;
  Xapian::ValueCountMatchSpy values_;  // remote shards: matches per distinct facet value
};

}  // namespace readouts
