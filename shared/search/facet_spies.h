// Match spies that count facet values over all matches: multi-valued list slots and dates.
// Library-internal. Not thread-safe (one per Enquire). Not yet serialisable for remote shards.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <unordered_map>

namespace readouts {

// Counts each value of a kListSeparator-joined list slot (speakers, topics) or a plain slot.
class ListValueSpy : public Xapian::MatchSpy {
 public:
  explicit ListValueSpy(Xapian::valueno slot) : slot_(slot) {}
  void operator()(const Xapian::Document& doc, double weight) override;
  Xapian::MatchSpy* clone() const override { return new ListValueSpy(slot_); }
  std::string name() const override { return "readouts.ListValueSpy"; }
  const std::unordered_map<std::string, uint64_t>& counts() const { return counts_; }

 private:
  Xapian::valueno slot_;
  std::unordered_map<std::string, uint64_t> counts_;
};

// Counts matches per year ("2025") and per month ("2025-11") from the date slot.
class DateSpy : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double weight) override;
  Xapian::MatchSpy* clone() const override { return new DateSpy(); }
  std::string name() const override { return "readouts.DateSpy"; }
  const std::unordered_map<std::string, uint64_t>& years() const { return years_; }
  const std::unordered_map<std::string, uint64_t>& months() const { return months_; }
  uint64_t undated() const { return undated_; }

 private:
  std::unordered_map<std::string, uint64_t> years_;
  std::unordered_map<std::string, uint64_t> months_;
  uint64_t undated_ = 0;
};

}  // namespace readouts
