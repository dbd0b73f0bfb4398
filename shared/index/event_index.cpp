// Keeps a database's events up to date after articles are added or removed.
#include "shared/index/event_index.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>

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

}  // namespace

AccountSignature account_signature(std::string_view value) {
  AccountSignature sig;
  const std::vector<std::string> f = split(value, schema::kFieldSeparator);
  if (f.size() < 5 || f.size() > 8) return sig;  // five to seven: before month_day .. place
  sig.day = day_number(f[0]);
  sig.month = month_number(f[0]);
  sig.kind = f[1];
  if (!f[2].empty()) sig.china = split(f[2], schema::kListSeparator);
  if (!f[3].empty()) sig.us = split(f[3], schema::kListSeparator);
  if (!f[4].empty()) sig.named = split(f[4], schema::kListSeparator);
  if (f.size() >= 6) sig.month_day = month_day_number(f[5]);
  if (f.size() >= 7 && f[6].size() == 1 && f[6][0] >= '1' && f[6][0] <= '7')
    sig.weekday = f[6][0] - '0';
  if (f.size() == 8 && !f[7].empty()) {
    const std::vector<std::string> place = split(f[7], schema::kListSeparator);
    sig.place = place[0];
    if (place.size() >= 2) sig.place_country = place[1];
    sig.place_stands_for_government = place.size() >= 3 && place[2] == "g";
  }
  return sig;
}

void add_event(Xapian::Document& document, const std::string& event) {
  if (event.empty()) return;
  document.add_boolean_term(schema::event_term(event));
  document.add_value(schema::kSlotEvent, event);
}

Result<RegroupCounts> regroup_events(Xapian::WritableDatabase& db,
                                     const std::vector<NamedEvent>& named,
                                     const std::vector<EventCorrection>& corrections) {
  return regroup_events(std::vector<Xapian::WritableDatabase*>{&db}, named, corrections);
}

Result<RegroupCounts> regroup_events(const std::vector<Xapian::WritableDatabase*>& shards,
                                     const std::vector<NamedEvent>& named,
                                     const std::vector<EventCorrection>& corrections) {
  try {
    // An account is a document of a shard: (shard, docid).
    using Key = std::pair<size_t, Xapian::docid>;
    // The articles a user corrected (unknown ids are ignored: not indexed yet). An id is in one
    // shard; the first found counts.
    std::map<Key, std::string> forced;
    for (const EventCorrection& c : corrections) {
      const std::string term = schema::id_term(c.article);
      for (size_t s = 0; s < shards.size(); ++s) {
        auto p = shards[s]->postlist_begin(term);
        if (p == shards[s]->postlist_end(term)) continue;
        forced[{s, *p}] = c.event.empty() ? kNoEvent : c.event;
        break;
      }
    }
    // Accounts of every shard in one list: the grouping does not depend on their order
    // (group_accounts sorts them by what they say).
    std::vector<Key> keys;
    std::vector<AccountSignature> accounts;
    for (size_t s = 0; s < shards.size(); ++s) {
      Xapian::WritableDatabase& db = *shards[s];
      for (auto it = db.valuestream_begin(schema::kSlotExchange);
           it != db.valuestream_end(schema::kSlotExchange); ++it) {
        AccountSignature sig = account_signature(*it);
        if (sig.china.empty() && !forced.count({s, it.get_docid()})) continue;
        keys.emplace_back(s, it.get_docid());
        accounts.push_back(std::move(sig));
      }
    }
    for (const auto& [key, event] : forced)
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
        keys.push_back(key);
        accounts.emplace_back();
      }
    for (size_t i = 0; i < keys.size(); ++i)
      if (auto f = forced.find(keys[i]); f != forced.end()) accounts[i].forced = f->second;
    const std::vector<std::string> ids = group_accounts(accounts, named);
    RegroupCounts counts;
    counts.accounts = accounts.size();
    std::set<std::string> distinct;
    std::set<Key> with_event;
    // The event each document holds now (value slot 6), read as one value stream per shard: a
    // document is read and rewritten only when its event changes (an add that wrote its new
    // documents with their events, shared/index/event_plan.h, rewrites none of them).
    std::map<Key, std::string> current;
    for (size_t s = 0; s < shards.size(); ++s)
      for (auto it = shards[s]->valuestream_begin(schema::kSlotEvent);
           it != shards[s]->valuestream_end(schema::kSlotEvent); ++it)
        current.emplace(Key{s, it.get_docid()}, *it);
    auto write = [&](const Key& key, const std::string& id) {
      const auto held = current.find(key);
      if ((held == current.end() ? std::string() : held->second) == id) return;
      Xapian::WritableDatabase& db = *shards[key.first];
      Xapian::Document doc = db.get_document(key.second);
      std::vector<std::string> old;
      auto t = doc.termlist_begin();
      t.skip_to(std::string(schema::kEventPrefix));
      for (; t != doc.termlist_end() && (*t).starts_with(schema::kEventPrefix); ++t)
        old.push_back(*t);
      for (const auto& term : old) doc.remove_term(term);
      if (id.empty())
        doc.remove_value(schema::kSlotEvent);
      else
        add_event(doc, id);
      db.replace_document(key.second, doc);
      ++counts.changed;
    };
    for (size_t i = 0; i < ids.size(); ++i) {
      if (!ids[i].empty()) distinct.insert(ids[i]);
      with_event.insert(keys[i]);
      write(keys[i], ids[i]);
    }
    // Articles that lost their exchange (replaced by a new version) lose their event.
    for (const auto& [key, held] : current)
      if (!with_event.count(key)) write(key, "");
    counts.events = distinct.size();
    return counts;
  } catch (const Xapian::Error& e) {
    return make_error(Code::kInternal, "grouping events: " + e.get_description());
  }
}

}  // namespace readouts
