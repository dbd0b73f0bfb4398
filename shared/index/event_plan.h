// The events of articles about to be written, grouped before their documents are written, so that
// an add writes each new document once, with its event (an XEV term and value slot 6), instead
// of rewriting it when the events are regrouped afterwards (replacing a document makes Xapian
// read all its terms and positions: docs/notes/bulk-events.md).
//
// A plan is a forecast, not the truth: regroup_events (event_index.h) still runs after every add
// and remains the one that decides; it rewrites only the documents whose event it finds
// different, so a wrong forecast (a file changed between the two reads, standard input, which
// is read once) costs time, never a different grouping. Plans are plain values, safe to read from
// several threads; plan_events reads the database, and its Xapian errors come back as kInternal
// errors.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "shared/core/status.h"
#include "shared/events/grouping.h"
#include "shared/extract/knowledge.h"

namespace readouts {

// An article an add is about to write: its id and the exchange value its document will hold
// (value slot 9, exchange_value_of in document_builder.h; "" when it reports no exchange). Its
// document gets its planned event from add_event (event_index.h) before it is written.
struct PlannedArticle {
  std::string id;
  std::string exchange;
};

class EventPlan {
 public:
  // The event planned for the article with this id; "" when none (no event, or not planned).
  const std::string& event_of(std::string_view id) const;
  // Number of articles planned into an event.
  size_t size() const { return events_.size(); }
  void set(std::string id, std::string event);

 private:
  std::unordered_map<std::string, std::string> events_;
};

// Groups the accounts the database will hold once the add is written: those of the shards as
// they are, except the documents the add replaces or removes (an id among `articles`, or an
// origin term among `reread_origins`, the files read again), and `articles` (for an id given
// twice, the later one, as a sequential add keeps it). Corrections and named events as in
// regroup_events. Only the new articles' events are planned.
Result<EventPlan> plan_events(const std::vector<Xapian::Database*>& shards,
                              const std::vector<PlannedArticle>& articles,
                              const std::vector<std::string>& reread_origins,
                              const std::vector<NamedEvent>& named,
                              const std::vector<EventCorrection>& corrections);

}  // namespace readouts
