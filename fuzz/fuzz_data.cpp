// libFuzzer target: the data-file parsers users extend with --data DIR (people.json, topics.json,
// synonyms.txt, outlets.json, accounts.json, event_corrections.json, places.json, events.json:
// shared/extract/knowledge.h,
// shared/knowledge/outlets.h), and the url readers every crawled page goes through (url_host,
// registrable_domain, date_from_url). Each parser must return a value or a clear error, never
// crash; a parsed outlet must be found again by its name.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

#include "shared/extract/article_date.h"
#include "shared/extract/knowledge.h"
#include "shared/extract/source_credit.h"
#include "shared/knowledge/outlets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 16384) return 0;
  std::string text(reinterpret_cast<const char*>(data), size);
  readouts::Knowledge k;
  (void)k.add_people_json(text, "people.json");
  (void)k.add_topics_json(text, "topics.json");
  (void)k.add_synonyms_text(text, "synonyms.txt");
  // A place's wider places are ids; a group's matched terms are some of its terms.
  if (k.add_places_json(text, "places.json").ok())
    for (const auto& g : k.synonyms())
      for (const auto& w : g.within)
        if (w.empty()) __builtin_trap();
  (void)k.add_events_json(text, "events.json");
  for (const auto& g : k.synonyms())
    for (const auto& m : g.match_terms)
      if (std::find(g.terms.begin(), g.terms.end(), m) == g.terms.end()) __builtin_trap();
  if (k.add_event_corrections_json(text, "event_corrections.json").ok()) {
    for (const auto& c : k.event_corrections())
      if (c.article.empty()) __builtin_trap();
  }
  if (k.add_accounts_json(text, "accounts.json").ok()) {
    for (const auto& kind : k.account_rules().kinds)
      if (kind.kind.empty() || kind.group.empty()) __builtin_trap();
  }
  readouts::Outlets outlets;
  if (outlets.add_json(text, "outlets.json").ok()) {
    for (const auto& o : outlets.all())
      if (!outlets.find(o.name)) __builtin_trap();
  }
  std::string host = readouts::url_host(text);
  if (!host.empty()) {
    std::string domain = readouts::registrable_domain(host);
    if (domain.empty() || !host.ends_with(domain)) __builtin_trap();
  }
  if (auto d = readouts::date_from_url(text)) {
    // A year folder alone gives a year (month and day 0); else a month, perhaps a day.
    if (d->precision == readouts::DatePrecision::kYear) {
      if (d->month != 0 || d->day != 0) __builtin_trap();
    } else if (d->month < 1 || d->month > 12 || d->day < 0 || d->day > 31) {
      __builtin_trap();
    }
  }
  return 0;
}
