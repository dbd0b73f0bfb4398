// Match spies that count facet values over all matches: multi-valued list slots and dates.
// Library-internal. Not thread-safe (one per Enquire). Not yet serialisable for remote shards.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <unordered_map>

namespace readouts {

// Counts each value of a kListSeparator-joined list slot (speakers, topics) or a plain slot.
// Per match it counts the slot's whole value (many articles share the same list of speakers);
// counts() splits the lists once, at the end.
class ListValueSpy : public Xapian::MatchSpy {
 public:
  explicit ListValueSpy(Xapian::valueno slot) : slot_(slot) {}
  void operator()(const Xapian::Document& doc, double weight) override;
  Xapian::MatchSpy* clone() const override { return new ListValueSpy(slot_); }
  std::string name() const override { return "readouts.ListValueSpy"; }
  // Matches per single value. Call after the match.
  std::unordered_map<std::string, uint64_t> counts() const;

 private:
  Xapian::valueno slot_;
  std::unordered_map<std::string, uint64_t> lists_;  // whole slot value -> matches
};

// Counts matches per year ("2025") and per month ("2025-11") from the date slot.
class DateSpy : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double weight) override;
  Xapian::MatchSpy* clone() const override { return new DateSpy(); }
  std::string name() const override { return "readouts.DateSpy"; }
  // Call after the match.
  std::unordered_map<std::string, uint64_t> years() const;
  std::unordered_map<std::string, uint64_t> months() const;
  uint64_t undated() const { return undated_; }

 private:
  std::unordered_map<uint32_t, uint64_t> year_months_;  // YYYYMM (MM = 00: year only) -> matches
  uint64_t undated_ = 0;
};

}  // namespace readouts
