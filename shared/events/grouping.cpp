// Groups accounts into events: the same exchange told by each side. Pure.
#include "shared/events/grouping.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <numeric>
#include <set>
#include <tuple>

#include "shared/events/exchange_place.h"

namespace readouts {

namespace {

// Days from civil date (proleptic Gregorian), H. Hinnant's algorithm.
int days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

bool is_call(const std::string& kind) { return kind == "call" || kind == "video-call"; }

bool kinds_agree(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty() || is_call(a) == is_call(b)) return true;
  // A summit may be held by video link ("the virtual summit"); it is never a phone call.
  return (a == "summit" && b == "video-call") || (a == "video-call" && b == "summit");
}

bool shares_lead(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() || b.empty()) return false;
  return std::find(b.begin(), b.end(), a.front()) != b.end() ||
         std::find(a.begin(), a.end(), b.front()) != a.end();
}

std::string slug(const std::string& name) {
  std::string out;
  for (char c : name) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u))
      out += static_cast<char>(std::tolower(u));
    else if (c == ' ' || c == '-')
      if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "someone" : out;
}

struct Sets {
  std::vector<size_t> parent;
  std::vector<int> lo, hi;
  size_t find(size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void join(size_t a, size_t b) {
    a = find(a), b = find(b);
    if (a == b) return;
    parent[b] = a;
    lo[a] = std::min(lo[a], lo[b]);
    hi[a] = std::max(hi[a], hi[b]);
  }
};

// The most frequent value (ties: the first seen), "" for none.
std::string most_common(const std::vector<std::string>& values) {
  std::map<std::string, int> count;
  std::string best;
  int best_n = 0;
  for (const auto& v : values) {
    if (v.empty()) continue;
    const int n = ++count[v];
    if (n > best_n || (n == best_n && v < best)) best = v, best_n = n;  // ties: in name order
  }
  return best;
}

// The day of the week of a day number: 1 = Monday .. 7 = Sunday (1970-01-01 was a Thursday).
int weekday_of(int day) { return ((day % 7 + 7 + 3) % 7) + 1; }

// The first and last day each event was held.
using EventDays = std::map<std::string, std::pair<int, int>>;
// Where each event was held: the place most of its dated accounts give ("" when none does) and
// its country.
struct EventPlace {
  std::string id, country;
  std::vector<std::string> areas;  // the wider places a named event's place lies in
};
using EventPlaces = std::map<std::string, EventPlace>;
// How many dated accounts each event has.
using EventSizes = std::map<std::string, int>;

// An event told far more often than any other candidate is the likelier one an account of no
// other evidence tells (the call every outlet reported, not one a single readout did).
inline constexpr int kDominance = 4;

// The candidate with kDominance times the accounts of every other, "" when none.
std::string dominant(const std::vector<std::string>& candidates, const EventSizes& sizes) {
  std::string best;
  int first = 0, second = 0;
  for (const std::string& id : candidates) {
    const auto at = sizes.find(id);
    const int n = at == sizes.end() ? 0 : at->second;
    if (n > first)
      second = first, first = n, best = id;
    else
      second = std::max(second, n);
  }
  return first >= kDominance * std::max(second, 1) ? best : "";
}

// The one event of several candidates: "" when none or when several remain after the place and
// the day of the week the account names. An account naming a place keeps the candidates held
// there, else those held at no known place or in its place's country (a meeting in Munich is
// not one in Beijing; a place standing for its government, "Beijing said", rules out none); then
// the event held on the day of the week it names, else one a day before or after it (the other
// side of the date line). An account naming several named events (a recap of past summits) has
// no place that tells.
struct OnlyOne {
  std::set<std::string> ids;
  void add(const std::string& candidate) { ids.insert(candidate); }
  bool none() const { return ids.empty(); }
  // at_place_only: only the candidates held at the account's place (not one standing for its
  // government).
  std::string get(const AccountSignature& a, const EventDays& days, const EventPlaces& places,
                  const EventSizes& sizes, bool at_place_only = false) const {
    std::set<std::string> pool = ids;
    if (!a.place.empty() && a.named.size() <= 1) {
      std::set<std::string> there, kept;
      for (const std::string& id : ids) {
        const auto at = places.find(id);
        const EventPlace held = at == places.end() ? EventPlace{} : at->second;
        if (held.id == a.place ||
            std::find(held.areas.begin(), held.areas.end(), a.place) != held.areas.end())
          there.insert(id);
        else if (held.id.empty() || a.place_stands_for_government || held.country.empty() ||
                 a.place_country.empty() || held.country == a.place_country)
          kept.insert(id);
      }
      // Ruling some out does not choose among the rest held at no known place.
      const bool ruled_out = there.size() + kept.size() < ids.size();
      pool = !there.empty() ? there : at_place_only || ruled_out ? std::set<std::string>{} : kept;
      if (at_place_only && a.place_stands_for_government) return "";
    } else if (at_place_only) {
      return "";
    }
    const int weekday = a.weekday;
    if (pool.size() == 1) return *pool.begin();
    if (pool.empty() || weekday == 0) return "";
    for (int widen = 0; widen <= 1; ++widen) {
      std::vector<std::string> on_day;
      for (const std::string& id : pool) {
        const auto at = days.find(id);
        if (at == days.end()) continue;
        for (int d = at->second.first - widen; d <= at->second.second + widen; ++d)
          if (weekday_of(d) == weekday) {
            on_day.push_back(id);
            break;
          }
      }
      if (on_day.size() == 1) return on_day.front();
      if (on_day.size() > 1) return dominant(on_day, sizes);
    }
    return "";
  }
};

// The day of the month of a day number.
int day_of_month(int day) { return std::stoi(iso_of_day(day).substr(8, 2)); }

// Days between a dated account's day and the nearest day of a year around it that has this
// month and day (month * 100 + day).
int days_to_month_day(int day, int month_day) {
  const int year = std::stoi(iso_of_day(day).substr(0, 4));
  int best = 1 << 30;
  for (int y = year - 1; y <= year + 1; ++y)
    best = std::min(best, std::abs(days_from_civil(y, static_cast<unsigned>(month_day / 100),
                                                   static_cast<unsigned>(month_day % 100)) -
                                   day));
  return best;
}

// Accounts without a full date, in turn:
// - naming one named event (its name or its venue's, with all its people taking part), it joins
//   that event;
// - naming a day alone, without its month ("19日"), its kind stated, it joins the one event of
//   its own two leads and that kind whose first day is that day of a month (or the nearest, a day
//   before or after);
// - naming a day without a year, it joins the event it would link with on that day of a year
//   (kinds agree, a side's lead shared, dates within kLinkDays): of its own two leads' events if
//   there are any, else of the others, the nearest to that day; none if two are as near;
// - dated to a month, it joins the one event of that month it would link with, preferring the
//   events of its own two leads, none if there are several;
// - undated, its kind stated, it joins the one event ever between the same leads of both sides,
//   of that kind, none if there are several.
// Where several remain, the day of the week it names chooses the one held that day (OnlyOne).
void attach_undated(const std::vector<AccountSignature>& accounts,
                    const std::vector<NamedEvent>& named, std::vector<std::string>& ids) {
  auto links = [&](const AccountSignature& a, const AccountSignature& b) {
    return kinds_agree(a.kind, b.kind) &&
           (shares_lead(a.us, b.us) || shares_lead(a.china, b.china));
  };
  auto same_leads = [](const AccountSignature& a, const AccountSignature& b) {
    return a.us.front() == b.us.front() && a.china.front() == b.china.front();
  };
  // The days each event was held: a named event's own, else its first account's day (later
  // accounts report it).
  EventDays days;
  for (size_t j = 0; j < accounts.size(); ++j) {
    if (accounts[j].day <= 0 || ids[j].empty()) continue;
    auto [at, added] = days.emplace(ids[j], std::make_pair(accounts[j].day, accounts[j].day));
    at->second.first = at->second.second = std::min(at->second.first, accounts[j].day);
  }
  for (const NamedEvent& e : named)
    if (auto at = days.find(e.id); at != days.end()) at->second = {e.from_day, e.to_day};
  EventSizes sizes;
  for (size_t j = 0; j < accounts.size(); ++j)
    if (accounts[j].day > 0 && !ids[j].empty()) ++sizes[ids[j]];
  EventPlaces places;
  {
    std::map<std::string, std::vector<std::string>> given;
    std::map<std::string, std::string> country;
    for (size_t j = 0; j < accounts.size(); ++j) {
      if (accounts[j].day <= 0 || ids[j].empty()) continue;
      given[ids[j]].push_back(accounts[j].place);
      if (!accounts[j].place.empty()) country[accounts[j].place] = accounts[j].place_country;
    }
    for (const auto& [id, list] : given) {
      const std::string place = most_common(list);
      places[id] = {place, place.empty() ? "" : country[place], {}};
    }
    for (const NamedEvent& e : named)
      if (auto at = places.find(e.id); at != places.end()) at->second.areas = e.areas;
  }
  for (size_t i = 0; i < accounts.size(); ++i) {
    const AccountSignature& a = accounts[i];
    if (!a.forced.empty() || a.day > 0 || a.china.empty() || a.us.empty()) continue;
    if (!a.named.empty()) {
      // Several: a recap of past summits, not an account of one, unless its month tells which.
      std::vector<std::string> agreeing;
      for (const std::string& id : a.named) {
        const auto ev = std::find_if(named.begin(), named.end(),
                                     [&](const NamedEvent& e) { return e.id == id; });
        const bool month_agrees = ev == named.end() || a.month < 0 ||
                                  (a.month >= month_number(iso_of_day(ev->from_day)) &&
                                   a.month <= month_number(iso_of_day(ev->to_day)));
        if (month_agrees && (a.named.size() == 1 || (a.month >= 0 && ev != named.end())))
          agreeing.push_back(id);
      }
      if (agreeing.size() == 1) ids[i] = agreeing.front();
      continue;
    }
    auto dated = [&](size_t j) { return accounts[j].day > 0 && !ids[j].empty(); };
    if (a.month_day > 0 && a.month_day < 100) {
      // A day alone: the one event of its own two leads and its kind whose first day is that day
      // of a month (or, a day before or after, across a date line), the nearest.
      if (a.kind.empty()) continue;
      std::map<std::string, int> first_day;
      for (size_t j = 0; j < accounts.size(); ++j) {
        const AccountSignature& b = accounts[j];
        if (!dated(j) || !kinds_agree(b.kind, a.kind) || b.kind.empty() || !same_leads(a, b) ||
            (a.month >= 0 && b.month != a.month))
          continue;
        auto [at, added] = first_day.emplace(ids[j], b.day);
        if (!added) at->second = std::min(at->second, b.day);
      }
      std::map<int, OnlyOne> by_apart;
      for (const auto& [id, day] : first_day)
        for (int apart = 0; apart <= 1; ++apart)
          if (day_of_month(day - apart) == a.month_day ||
              day_of_month(day + apart) == a.month_day) {
            by_apart[apart].add(id);
            break;
          }
      if (!by_apart.empty()) ids[i] = by_apart.begin()->second.get(a, days, places, sizes);
      continue;
    }
    if (a.month_day > 0) {
      // The events it would link with on that day, by the distance from their first day (the
      // day an account names is the exchange's, not the day of the reports that followed it),
      // of its own two leads apart.
      struct Candidate {
        int first_day = 1 << 30;
        bool links = false, own = false;
      };
      std::map<std::string, Candidate> candidates;
      for (size_t j = 0; j < accounts.size(); ++j) {
        if (!dated(j)) continue;
        const AccountSignature& b = accounts[j];
        Candidate& c = candidates[ids[j]];
        c.first_day = std::min(c.first_day, b.day);
        if (!links(a, b) || (a.month >= 0 && b.month != a.month)) continue;
        c.links = true;
        c.own |= same_leads(a, b);
      }
      std::map<std::pair<bool, int>, OnlyOne> on_day;
      for (const auto& [id, c] : candidates) {
        if (!c.links) continue;
        const int apart = days_to_month_day(c.first_day, a.month_day);
        if (apart <= kLinkDays) on_day[{!c.own, apart}].add(id);
      }
      if (!on_day.empty()) {
        // The nearest of its own leads' events, else the nearest of the others'.
        ids[i] = on_day.begin()->second.get(a, days, places, sizes);
        continue;
      }
    }
    // Undated and of no stated kind: only by the place it names (below).
    const bool place_only = a.month < 0 && a.kind.empty();
    if (place_only && a.place.empty()) continue;
    OnlyOne any, own;  // own: the events of the account's own two leads
    OnlyOne linked;    // undated: the events of its kind it would link with (a side's lead)
    for (size_t j = 0; j < accounts.size(); ++j) {
      const AccountSignature& b = accounts[j];
      if (!dated(j) || !links(a, b)) continue;
      if (a.month < 0 && (a.kind.empty() || b.kind == a.kind)) linked.add(ids[j]);
      if (place_only) continue;
      if (a.month >= 0 ? b.month != a.month : b.kind != a.kind || !same_leads(a, b)) continue;
      any.add(ids[j]);
      if (same_leads(a, b)) own.add(ids[j]);
    }
    if (!place_only)
      ids[i] = own.none() ? any.get(a, days, places, sizes) : own.get(a, days, places, sizes);
    // None of its own leads' events held where it says: the one it would link with held there
    // (a side's lead misread: a minister's meeting read as with the head of state; a story that
    // states no kind of exchange but its place).
    if (ids[i].empty() && a.month < 0)
      ids[i] = linked.get(a, days, places, sizes, /*at_place_only=*/true);
  }
}

}  // namespace

int day_number(std::string_view date) {
  std::string digits;
  for (char c : date)
    if (c >= '0' && c <= '9') digits += c;
  if (digits.size() != 8) return -1;
  const int y = std::stoi(digits.substr(0, 4));
  const int m = std::stoi(digits.substr(4, 2)), d = std::stoi(digits.substr(6, 2));
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > 31) return -1;
  return days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

int month_number(std::string_view date) {
  std::string digits;
  for (char c : date)
    if (c >= '0' && c <= '9') digits += c;
  if (digits.size() < 6) return -1;
  const int y = std::stoi(digits.substr(0, 4)), m = std::stoi(digits.substr(4, 2));
  if (y < 1900 || m < 1 || m > 12) return -1;
  return y * 12 + m - 1;
}

int month_day_number(std::string_view month_day) {
  if (month_day.size() == 4 && month_day.substr(0, 2) == "--") {  // "--DD": a day alone
    const char t = month_day[2], u = month_day[3];
    if (t < '0' || t > '3' || u < '0' || u > '9') return 0;
    const int d = (t - '0') * 10 + (u - '0');
    return d >= 1 && d <= 31 ? d : 0;
  }
  if (month_day.size() != 5 || month_day[2] != '-') return 0;
  const int m = (month_day[0] - '0') * 10 + (month_day[1] - '0');
  const int d = (month_day[3] - '0') * 10 + (month_day[4] - '0');
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool digits = std::all_of(month_day.begin(), month_day.end(),
                                  [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
  if (!digits || m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return 0;
  return m * 100 + d;
}

std::string iso_of_day(int z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y + (m <= 2), m, d);
  return buf;
}

std::vector<NamedEvent> named_events(const Knowledge& knowledge) {
  std::vector<NamedEvent> out;
  for (const SynonymGroup& g : knowledge.synonyms()) {
    if (!g.id.starts_with("event:") || g.spans.empty()) continue;
    const EventSpan& span = g.spans.front();
    NamedEvent e{g.id.substr(6), day_number(span.from), day_number(span.to), span.people, {}};
    if (const SynonymGroup* place = place_group(span.place, knowledge)) e.areas = place->within;
    if (e.from_day >= 0 && e.to_day >= e.from_day) out.push_back(std::move(e));
  }
  return out;
}

std::vector<std::string> group_accounts(const std::vector<AccountSignature>& accounts,
                                        const std::vector<NamedEvent>& named) {
  const size_t n = accounts.size();
  std::vector<std::string> ids(n);
  std::vector<size_t> order;
  for (size_t i = 0; i < n; ++i) {
    if (!accounts[i].forced.empty()) {
      if (accounts[i].forced != kNoEvent) ids[i] = accounts[i].forced;
      continue;
    }
    if (accounts[i].day > 0 && !accounts[i].china.empty() && !accounts[i].us.empty())
      order.push_back(i);
  }
  // By day, then by what the account says: the grouping and its ids do not depend on the order
  // the accounts come in (the database's document order, which follows indexing).
  std::stable_sort(order.begin(), order.end(), [&](size_t i, size_t j) {
    const AccountSignature &a = accounts[i], &b = accounts[j];
    return std::tie(a.day, a.kind, a.china, a.us, a.named, a.month) <
           std::tie(b.day, b.kind, b.china, b.us, b.named, b.month);
  });
  std::vector<size_t> rank(n, 0);
  for (size_t x = 0; x < order.size(); ++x) rank[order[x]] = x;
  Sets sets;
  sets.parent.resize(n);
  std::iota(sets.parent.begin(), sets.parent.end(), 0);
  sets.lo.resize(n);
  sets.hi.resize(n);
  for (size_t i = 0; i < n; ++i) sets.lo[i] = sets.hi[i] = accounts[i].day;

  // The named event an account falls in (its days, a participant of each side among its
  // people), or -1.
  auto named_of = [&](const AccountSignature& a) {
    for (size_t e = 0; e < named.size(); ++e) {
      const NamedEvent& ev = named[e];
      // An account naming the event may tell it a few days later (a recap of a summit's days).
      const bool names_it = a.named.size() == 1 && a.named.front() == ev.id;
      if (a.day < ev.from_day - 1 || a.day > ev.to_day + (names_it ? kRecapDays : 2)) continue;
      auto among = [&](const std::vector<std::string>& side) {
        return std::any_of(side.begin(), side.end(), [&](const std::string& p) {
          return std::find(ev.people.begin(), ev.people.end(), p) != ev.people.end();
        });
      };
      if (among(a.china) && among(a.us)) return static_cast<int>(e);
    }
    return -1;
  };
  std::vector<int> named_index(n, -1);
  for (size_t i : order) named_index[i] = named_of(accounts[i]);

  for (size_t x = 0; x < order.size(); ++x) {
    const size_t i = order[x];
    for (size_t y = x + 1; y < order.size(); ++y) {
      const size_t j = order[y];
      if (accounts[j].day - accounts[i].day > kLinkDays) break;
      const AccountSignature &a = accounts[i], &b = accounts[j];
      if (named_index[i] != named_index[j] && named_index[i] >= 0 && named_index[j] >= 0) continue;
      if (!kinds_agree(a.kind, b.kind)) continue;
      if (!shares_lead(a.us, b.us) && !shares_lead(a.china, b.china)) continue;
      const size_t ri = sets.find(i), rj = sets.find(j);
      if (ri == rj) continue;
      const int span = std::max(sets.hi[ri], sets.hi[rj]) - std::min(sets.lo[ri], sets.lo[rj]);
      if (span > kMaxSpanDays && (named_index[i] < 0 || named_index[i] != named_index[j])) continue;
      sets.join(ri, rj);
    }
  }
  // Accounts of one named event are one event however many days it lasted.
  std::map<int, size_t> first_of_named;
  for (size_t i : order)
    if (named_index[i] >= 0) {
      auto [it, inserted] = first_of_named.emplace(named_index[i], i);
      if (!inserted) sets.join(it->second, i);
    }

  std::map<size_t, std::vector<size_t>> members;
  for (size_t i : order) members[sets.find(i)].push_back(i);
  std::vector<std::pair<std::string, std::vector<size_t>>> events;
  for (auto& [root, list] : members) {
    int named_id = -1;
    for (size_t i : list)
      if (named_index[i] >= 0) named_id = named_index[i];
    std::string id;
    if (named_id >= 0) {
      id = named[static_cast<size_t>(named_id)].id;
    } else {
      std::vector<std::string> kinds, us, china;
      for (size_t i : list) {
        kinds.push_back(accounts[i].kind);
        us.push_back(accounts[i].us.front());
        china.push_back(accounts[i].china.front());
      }
      std::string kind = most_common(kinds);
      id = iso_of_day(sets.lo[root]) + "-" + (kind.empty() ? "exchange" : kind) + "-" +
           slug(most_common(us)) + "-" + slug(most_common(china));
    }
    events.emplace_back(std::move(id), std::move(list));
  }
  // Same id for two events: "-2", "-3" in order of their first account's day and position.
  std::stable_sort(events.begin(), events.end(), [&](const auto& a, const auto& b) {
    return std::make_pair(a.first, rank[a.second.front()]) <
           std::make_pair(b.first, rank[b.second.front()]);
  });
  std::map<std::string, int> seen;
  for (auto& [id, list] : events) {
    const int k = ++seen[id];
    const std::string unique = k == 1 ? id : id + "-" + std::to_string(k);
    for (size_t i : list) ids[i] = unique;
  }
  attach_undated(accounts, named, ids);
  return ids;
}

}  // namespace readouts
