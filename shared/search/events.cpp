// Reads events and their accounts from a database.
#include "shared/search/events.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "shared/core/schema.h"
#include "shared/events/copies.h"
#include "shared/events/exchange_place.h"
#include "shared/search/stored_article.h"

namespace readouts {

namespace {

void add_unique(std::vector<std::string>& v, const std::string& s) {
  if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

EventDetail summarise(std::string id, std::vector<EventAccount> accounts) {
  EventDetail e;
  e.id = std::move(id);
  std::sort(accounts.begin(), accounts.end(), [](const EventAccount& a, const EventAccount& b) {
    return std::tie(a.article.date.year, a.article.date.month, a.article.date.day, a.article.side,
                    a.article.id) < std::tie(b.article.date.year, b.article.date.month,
                                             b.article.date.day, b.article.side, b.article.id);
  });
  std::map<std::string, int> kinds;
  for (const EventAccount& a : accounts) {
    if (e.date.empty()) e.date = a.article.date.iso();
    if (!a.article.exchange.kind.empty()) ++kinds[a.article.exchange.kind];
    if (!a.article.exchange.china.empty()) add_unique(e.china, a.article.exchange.china.front());
    if (!a.article.exchange.us.empty()) add_unique(e.us, a.article.exchange.us.front());
  }
  for (const EventAccount& a : accounts) {
    for (const auto& n : a.article.exchange.china) add_unique(e.china, n);
    for (const auto& n : a.article.exchange.us) add_unique(e.us, n);
  }
  int best = 0;
  for (const auto& [kind, n] : kinds)
    if (n > best) e.kind = kind, best = n;
  // The place most accounts name (the earliest account's on a tie); a call has none, and an
  // exchange of unknown kind none said.
  if (!e.kind.empty() && e.kind != "call" && e.kind != "video-call") {
    std::map<std::string, int> places;
    for (const EventAccount& a : accounts)
      if (!a.article.exchange.place.empty()) ++places[a.article.exchange.place];
    best = 0;
    for (const EventAccount& a : accounts)
      if (auto it = places.find(a.article.exchange.place); it != places.end() && it->second > best)
        e.place = it->first, best = it->second;
  }
  std::vector<const Article*> articles;
  for (const EventAccount& a : accounts) articles.push_back(&a.article);
  const std::vector<int> originals = find_copies(articles);
  for (size_t i = 0; i < accounts.size(); ++i)
    if (originals[i] >= 0)
      accounts[i].copy_of = accounts[static_cast<size_t>(originals[i])].article.id;
  e.accounts = std::move(accounts);
  return e;
}

}  // namespace

Result<std::vector<EventDetail>> read_events(const Xapian::Database& db, std::string_view only_id) {
  try {
    std::map<std::string, std::vector<EventAccount>> by_event;
    Xapian::docid bad = 0;  // a document whose stored article is not a JSON object
    auto add = [&](Xapian::docid did, const std::string& id) {
      const Xapian::Document doc = db.get_document(did);
      Article a;
      if (!read_stored_article(doc, a)) {
        bad = did;
        return;
      }
      by_event[id].push_back(EventAccount{std::move(a), ""});
    };
    if (!only_id.empty()) {
      const std::string term = schema::event_term(only_id);
      for (auto p = db.postlist_begin(term); p != db.postlist_end(term) && !bad; ++p)
        add(*p, std::string(only_id));
    } else {
      for (auto it = db.valuestream_begin(schema::kSlotEvent);
           it != db.valuestream_end(schema::kSlotEvent) && !bad; ++it)
        add(it.get_docid(), *it);
    }
    if (bad)
      return make_error(Code::kInternal, "reading events: bad article data in document " +
                                             std::to_string(bad) + " (reindex it)");
    std::vector<EventDetail> out;
    for (auto& [id, accounts] : by_event) out.push_back(summarise(id, std::move(accounts)));
    std::sort(out.begin(), out.end(), [](const EventDetail& a, const EventDetail& b) {
      return std::tie(a.date, a.id) < std::tie(b.date, b.id);
    });
    return out;
  } catch (const Xapian::Error& e) {
    return make_error(Code::kUnavailable, "reading events: " + e.get_description());
  }
}

void name_place(EventDetail& e, const Knowledge& knowledge) {
  // A named event (data/events.json) is where the data says, whatever its accounts name.
  for (const SynonymGroup& g : knowledge.synonyms())
    if (g.id.starts_with("place:"))
      for (const EventSpan& span : g.spans)
        if (span.event == e.id) e.place = g.id.substr(6);
  e.place_name = e.place.empty() ? "" : place_label(e.place, knowledge);
}

void compare(EventDetail& e, const Knowledge& knowledge) {
  std::vector<Article> articles;
  for (const EventAccount& a : e.accounts) articles.push_back(a.article);
  e.comparison = compare_accounts(articles, knowledge);
}

namespace {

nlohmann::json passage_json(const SidePassage& p) {
  return {{"account", p.account},
          {"side", p.side},
          {"speaker", p.speaker.empty() ? nlohmann::json() : nlohmann::json(p.speaker)},
          {"text", p.text}};
}

nlohmann::json comparison_json(const Comparison& c) {
  nlohmann::json topics = nlohmann::json::array(), requests = nlohmann::json::array(),
                 credited = nlohmann::json::array();
  for (const TopicComparison& t : c.topics) {
    nlohmann::json passages = nlohmann::json::array();
    for (const SidePassage& p : t.passages) passages.push_back(passage_json(p));
    topics.push_back({{"topic", t.topic}, {"accounts", t.accounts}, {"passages", passages}});
  }
  for (const RequestClaim& r : c.requested_by)
    requests.push_back({{"side", r.side}, {"account", r.account}, {"evidence", r.evidence}});
  for (const SidePassage& p : c.credited_only_by_other) {
    credited.push_back(passage_json(p));
    credited.back()["topics"] = p.topics;
  }
  return {{"topics", topics},
          {"only_china_government", c.only_china_government},
          {"only_us_government", c.only_us_government},
          {"requested_by", requests},
          {"credited_only_by_other", credited}};
}

}  // namespace

void to_json(nlohmann::json& j, const EventDetail& e) {
  nlohmann::json accounts = nlohmann::json::array();
  std::map<std::string, std::vector<std::string>> topics_by_side = {{"china_government", {}},
                                                                    {"us_government", {}}};
  for (const EventAccount& acc : e.accounts) {
    const Article& a = acc.article;
    accounts.push_back(
        {{"id", a.id},
         {"title", a.title},
         {"date", a.date.known() ? nlohmann::json(a.date.iso()) : nlohmann::json()},
         {"source", a.source},
         {"side", a.side},
         {"language", a.language},
         {"url", a.url},
         {"speakers", a.speakers},
         {"topics", a.topics},
         {"copy_of", acc.copy_of.empty() ? nlohmann::json() : nlohmann::json(acc.copy_of)}});
    auto side = topics_by_side.find(a.side);
    if (side != topics_by_side.end())
      for (const auto& t : a.topics) add_unique(side->second, t);
  }
  j = nlohmann::json{
      {"id", e.id},
      {"date", e.date},
      {"kind", e.kind},
      {"place", e.place.empty()
                    ? nlohmann::json()
                    : nlohmann::json{{"id", e.place},
                                     {"name", e.place_name.empty() ? e.place : e.place_name}}},
      {"china", e.china},
      {"us", e.us},
      {"accounts", accounts},
      {"topics_by_side", topics_by_side},
      {"comparison", comparison_json(e.comparison)}};
}

}  // namespace readouts
