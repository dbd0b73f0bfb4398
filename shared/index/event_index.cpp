// Keeps a database's events up to date after articles are added or removed.
#include "shared/index/event_index.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "shared/core/schema.h"

namespace readouts {

namespace {

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    const size_t at = s.find(sep, start);
    out.emplace_back(s.substr(start, at == std::string_view::npos ? at : at - start));
    if (at == std::string_view::npos) break;
    start = at + 1;
  }
  return out;
}

AccountSignature signature_of(std::string_view value) {
  AccountSignature sig;
  const std::vector<std::string> f = split(value, schema::kFieldSeparator);
  if (f.size() != 5 && f.size() != 6) return sig;  // five: written before month_day
  sig.day = day_number(f[0]);
  sig.month = month_number(f[0]);
  sig.kind = f[1];
  if (!f[2].empty()) sig.china = split(f[2], schema::kListSeparator);
  if (!f[3].empty()) sig.us = split(f[3], schema::kListSeparator);
  if (!f[4].empty()) sig.named = split(f[4], schema::kListSeparator);
  if (f.size() == 6) sig.month_day = month_day_number(f[5]);
  return sig;
}

}  // namespace

Result<RegroupCounts> regroup_events(Xapian::WritableDatabase& db,
                                     const std::vector<NamedEvent>& named,
                                     const std::vector<EventCorrection>& corrections) {
  try {
    // The articles a user corrected, by docid (unknown ids are ignored: not indexed yet).
    std::map<Xapian::docid, std::string> forced;
    for (const EventCorrection& c : corrections) {
      const std::string term = schema::id_term(c.article);
      auto p = db.postlist_begin(term);
      if (p != db.postlist_end(term)) forced[*p] = c.event.empty() ? kNoEvent : c.event;
    }
    std::vector<Xapian::docid> docids;
    std::vector<AccountSignature> accounts;
    for (auto it = db.valuestream_begin(schema::kSlotExchange);
         it != db.valuestream_end(schema::kSlotExchange); ++it) {
      AccountSignature sig = signature_of(*it);
      if (sig.china.empty() && !forced.count(it.get_docid())) continue;
      docids.push_back(it.get_docid());
      accounts.push_back(std::move(sig));
    }
    for (const auto& [did, event] : forced)
      if (std::find(docids.begin(), docids.end(), did) == docids.end()) {
        docids.push_back(did);
        accounts.emplace_back();
      }
    for (size_t i = 0; i < docids.size(); ++i)
      if (auto f = forced.find(docids[i]); f != forced.end()) accounts[i].forced = f->second;
    const std::vector<std::string> ids = group_accounts(accounts, named);
    RegroupCounts counts;
    counts.accounts = accounts.size();
    std::set<std::string> distinct;
    std::set<Xapian::docid> with_event;
    auto write = [&](Xapian::docid did, const std::string& id) {
      Xapian::Document doc = db.get_document(did);
      if (doc.get_value(schema::kSlotEvent) == id) return;
      std::vector<std::string> old;
      auto t = doc.termlist_begin();
      t.skip_to(std::string(schema::kEventPrefix));
      for (; t != doc.termlist_end() && (*t).starts_with(schema::kEventPrefix); ++t)
        old.push_back(*t);
      for (const auto& term : old) doc.remove_term(term);
      if (id.empty()) {
        doc.remove_value(schema::kSlotEvent);
      } else {
        doc.add_boolean_term(schema::event_term(id));
        doc.add_value(schema::kSlotEvent, id);
      }
      db.replace_document(did, doc);
      ++counts.changed;
    };
    for (size_t i = 0; i < ids.size(); ++i) {
      if (!ids[i].empty()) distinct.insert(ids[i]);
      with_event.insert(docids[i]);
      write(docids[i], ids[i]);
    }
    // Articles that lost their exchange (replaced by a new version) lose their event.
    std::vector<Xapian::docid> stale;
    for (auto it = db.valuestream_begin(schema::kSlotEvent);
         it != db.valuestream_end(schema::kSlotEvent); ++it)
      if (!with_event.count(it.get_docid())) stale.push_back(it.get_docid());
    for (Xapian::docid did : stale) write(did, "");
    counts.events = distinct.size();
    return counts;
  } catch (const Xapian::Error& e) {
    return make_error(Code::kInternal, "grouping events: " + e.get_description());
  }
}

}  // namespace readouts
