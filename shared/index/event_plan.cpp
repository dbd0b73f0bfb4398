// Plans the events of an add's new articles before their documents are written (event_plan.h).
#include "shared/index/event_plan.h"

#include <map>
#include <set>
#include <utility>

#include "shared/core/schema.h"
#include "shared/index/event_index.h"

namespace readouts {

const std::string& EventPlan::event_of(std::string_view id) const {
  static const std::string kNone;
  const auto it = events_.find(std::string(id));
  return it == events_.end() ? kNone : it->second;
}

void EventPlan::set(std::string id, std::string event) {
  events_.insert_or_assign(std::move(id), std::move(event));
}

Result<EventPlan> plan_events(const std::vector<Xapian::Database*>& shards,
                              const std::vector<PlannedArticle>& articles,
                              const std::vector<std::string>& reread_origins,
                              const std::vector<NamedEvent>& named,
                              const std::vector<EventCorrection>& corrections) {
  try {
    // The new article that will hold each id: the later one.
    std::unordered_map<std::string, size_t> latest;
    for (size_t i = 0; i < articles.size(); ++i) latest[articles[i].id] = i;

    // Documents of the shards that the add replaces or removes: they leave the grouping.
    using Key = std::pair<size_t, Xapian::docid>;
    std::set<Key> leaving;
    auto leave_all = [&](const std::string& term) {
      for (size_t s = 0; s < shards.size(); ++s)
        for (auto p = shards[s]->postlist_begin(term); p != shards[s]->postlist_end(term); ++p)
          leaving.emplace(s, *p);
    };
    for (const auto& [id, i] : latest) leave_all(schema::id_term(id));
    for (const std::string& origin : reread_origins) leave_all(origin);

    // Corrections, as regroup_events applies them: by article id, the later correction of an id
    // winning; a new article's by its id, a staying document's by the document holding the id.
    std::unordered_map<std::string, std::string> forced_id;
    for (const EventCorrection& c : corrections)
      forced_id[c.article] = c.event.empty() ? kNoEvent : c.event;
    std::map<Key, std::string> forced_doc;
    for (const auto& [id, event] : forced_id) {
      if (latest.count(id)) continue;
      const std::string term = schema::id_term(id);
      for (size_t s = 0; s < shards.size(); ++s) {
        auto p = shards[s]->postlist_begin(term);
        if (p == shards[s]->postlist_end(term)) continue;
        if (!leaving.count({s, *p})) forced_doc[{s, *p}] = event;
        break;
      }
    }

    // The accounts after the add: the staying documents', then the new articles' (in input
    // order; group_accounts does not depend on the order).
    std::vector<AccountSignature> accounts;
    std::vector<long> new_index;  // per account: its index in articles, -1 for a staying one
    std::set<Key> seen;
    for (size_t s = 0; s < shards.size(); ++s) {
      for (auto it = shards[s]->valuestream_begin(schema::kSlotExchange);
           it != shards[s]->valuestream_end(schema::kSlotExchange); ++it) {
        const Key key{s, it.get_docid()};
        if (leaving.count(key)) continue;
        AccountSignature sig = account_signature(*it);
        const auto f = forced_doc.find(key);
        if (sig.china.empty() && f == forced_doc.end()) continue;
        if (f != forced_doc.end()) sig.forced = f->second;
        seen.insert(key);
        accounts.push_back(std::move(sig));
        new_index.push_back(-1);
      }
    }
    for (const auto& [key, event] : forced_doc) {
      if (seen.count(key)) continue;
      accounts.emplace_back();
      accounts.back().forced = event;
      new_index.push_back(-1);
    }
    for (size_t i = 0; i < articles.size(); ++i) {
      if (latest[articles[i].id] != i) continue;
      AccountSignature sig;
      if (!articles[i].exchange.empty()) sig = account_signature(articles[i].exchange);
      const auto f = forced_id.find(articles[i].id);
      if (sig.china.empty() && f == forced_id.end()) continue;
      if (f != forced_id.end()) sig.forced = f->second;
      accounts.push_back(std::move(sig));
      new_index.push_back(static_cast<long>(i));
    }

    const std::vector<std::string> ids = group_accounts(accounts, named);
    EventPlan plan;
    for (size_t k = 0; k < ids.size(); ++k)
      if (new_index[k] >= 0 && !ids[k].empty())
        plan.set(articles[static_cast<size_t>(new_index[k])].id, ids[k]);
    return plan;
  } catch (const Xapian::Error& e) {
    return make_error(Code::kInternal, "planning events: " + e.get_description());
  }
}

}  // namespace readouts
