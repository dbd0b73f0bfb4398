// Keeps a database's events up to date: reads every article's exchange (kSlotExchange), groups
// the accounts (shared/events/grouping.h) and writes each article's event id (kSlotEvent and an
// XEV term) where it changed. Run after every add and remove, by the database's one writer. A set
// of shards is grouped as one: the accounts of all shards together, each article's event written
// back into its own shard.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "shared/core/status.h"
#include "shared/events/grouping.h"

namespace readouts {

// What grouping reads of an account: its exchange value (value slot 9, schema::exchange_value) as
// an AccountSignature; an empty signature (no participants) for a malformed value.
AccountSignature account_signature(std::string_view exchange_value);

// Gives a document its event: the XEV term and value slot 6 (nothing when event is ""). Used on
// documents built and not yet written (shared/index/event_plan.h: no database read), and by the
// grouping on documents it rewrites (after removing their old XEV terms).
void add_event(Xapian::Document& document, const std::string& event);

struct RegroupCounts {
  size_t accounts = 0;  // articles with an exchange
  size_t events = 0;    // distinct events
  size_t changed = 0;   // articles whose event id was written
};

// Regroups the whole database (the grouping of an account depends on its neighbours in time).
// Does not commit. Xapian errors come back as kInternal errors.
Result<RegroupCounts> regroup_events(Xapian::WritableDatabase& db,
                                     const std::vector<NamedEvent>& named,
                                     const std::vector<EventCorrection>& corrections = {});
// The same over the shards of a set (the caller's, one writer each), grouped together.
Result<RegroupCounts> regroup_events(const std::vector<Xapian::WritableDatabase*>& shards,
                                     const std::vector<NamedEvent>& named,
                                     const std::vector<EventCorrection>& corrections = {});

}  // namespace readouts
