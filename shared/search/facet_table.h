// FacetTable: every document's facet values as small integer ids in memory, and the match spy
// that counts facets from it instead of reading value slots. Library-internal.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "shared/search/facet_spies.h"

namespace readouts {

// The facet values of one database at one revision, by docid: speakers and topics as lists of
// ids, source, language, date (year and month) and event as one id each; a dictionary per facet
// turns ids back into strings. Immutable once built: shared read-only between threads (each
// thread's Searcher holds a shared_ptr<const FacetTable>; no Xapian object is shared).
// Memory: 24 bytes per document plus 4 per speaker and topic it names (docs/benchmarks.md).
class FacetTable {
 public:
  // Reads schema::kSlotFacets (slots 0-4 for documents written before it) and
  // schema::kSlotEvent of every document of db, a single local shard at `revision`.
  static std::shared_ptr<const FacetTable> build(const Xapian::Database& db, std::string revision);
  // The table of db (a single shard at path) at its current revision: `current` when it is of
  // that revision, else the one any thread built for it, else a new one (built under a
  // process-wide lock, so that a server's workers share one). nullptr when the database cannot
  // tell its revision (not a local glass database).
  static std::shared_ptr<const FacetTable> shared(const Xapian::Database& db,
                                                  const std::filesystem::path& path,
                                                  const std::shared_ptr<const FacetTable>& current);

  // "<revision>:<uuid>" as Searcher::revision() reports it.
  const std::string& revision() const { return revision_; }
  Xapian::docid last_docid() const { return static_cast<Xapian::docid>(source_.size()) - 1; }
  size_t documents() const { return documents_; }
  size_t bytes() const;  // the arrays and dictionaries, approximately

 private:
  friend class FacetTableSpy;
  using Id = uint32_t;
  // By docid (index 0 unused): [speaker_begin_[d], speaker_begin_[d + 1]) in speaker_ids_, and
  // likewise topics.
  std::vector<Id> speaker_begin_, speaker_ids_, topic_begin_, topic_ids_;
  std::vector<Id> source_, language_, event_;  // 0: none
  std::vector<uint32_t> date_;                 // index into year_months_; 0: undated
  std::vector<std::string> speakers_, topics_, sources_, languages_, events_;  // id -> value
  std::vector<uint32_t> year_months_;  // YYYYMM (MM 00: the year only); [0] = 0: undated
  std::string revision_;
  size_t documents_ = 0;
};

// Counts what FacetSpy counts, the same way, from a FacetTable: per match one docid look-up and
// integer increments; strings only for the values found, after the match. Not thread-safe (one
// per Enquire). Use it only on the database at the table's revision: a docid past the table's
// last throws Xapian::DatabaseModifiedError (the Searcher then reopens and retries).
class FacetTableSpy : public FacetMatchSpy {
 public:
  FacetTableSpy(std::shared_ptr<const FacetTable> table, bool count_events);
  void operator()(const Xapian::Document& doc, double weight) override;
  Xapian::MatchSpy* clone() const override { return new FacetTableSpy(table_, count_events_); }
  std::string name() const override { return "readouts.FacetTableSpy"; }
  Facets facets() const override;

 private:
  std::shared_ptr<const FacetTable> table_;
  bool count_events_;
  std::vector<uint32_t> speakers_, topics_, sources_, languages_, dates_;
  std::vector<uint32_t> event_first_;  // event id -> earliest YYYYMM; UINT32_MAX: not seen
};

// The spy for a search: from the table when there is one, else reading slots (FacetSpy).
std::unique_ptr<FacetMatchSpy> make_facet_spy(const std::shared_ptr<const FacetTable>& table,
                                              bool count_events);

}  // namespace readouts
