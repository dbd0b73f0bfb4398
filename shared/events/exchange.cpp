// Reads which exchange an article gives an account of, and whose account it is. Pure.
#include "shared/events/exchange.h"

#include <algorithm>
#include <cstdio>

#include <xapian.h>

#include "shared/events/exchange_place.h"
#include "shared/events/grouping.h"
#include "shared/extract/dates.h"
#include "shared/extract/day_alone.h"
#include "shared/extract/headline.h"
#include "shared/text/chinese_script.h"
#include "shared/text/utf8.h"

namespace readouts {

namespace {

bool is_word_byte(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
}

// Where `needle` first occurs in `text` (both lower case), npos if nowhere; an ASCII needle only
// as whole words.
size_t position_of(std::string_view text, std::string_view needle) {
  if (needle.empty()) return std::string_view::npos;
  const bool ascii = std::all_of(needle.begin(), needle.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  for (size_t at = text.find(needle); at != std::string_view::npos;
       at = text.find(needle, at + 1)) {
    if (!ascii) return at;
    const size_t end = at + needle.size();
    if ((at == 0 || !is_word_byte(text[at - 1])) &&
        (end >= text.size() || !is_word_byte(text[end])))
      return at;
  }
  return std::string_view::npos;
}

bool occurs(std::string_view text, std::string_view needle) {
  return position_of(text, needle) != std::string_view::npos;
}

// A test of whether a word of the lists occurs in lower-case text, as written or with its Chinese
// folded to simplified ("将於" is "将于"): the lists spell Chinese words either way.
auto occurs_in_either_script(std::string lower) {
  std::string simplified = to_simplified(lower);
  return [lower = std::move(lower), simplified = std::move(simplified)](const std::string& w) {
    return occurs(lower, w) || occurs(simplified, w);
  };
}

const SynonymGroup* group_with(std::string_view member, const Knowledge& knowledge) {
  for (const SynonymGroup& g : knowledge.synonyms())
    if (std::find(g.terms.begin(), g.terms.end(), member) != g.terms.end()) return &g;
  return nullptr;
}

}  // namespace

std::string exchange_kind(std::string_view lower_text, const Knowledge& knowledge) {
  for (const AccountRules::Kind& k : knowledge.account_rules().kinds) {
    for (const std::string& word : k.words)
      if (occurs(lower_text, word)) return k.kind;
    if (const SynonymGroup* g = group_with(ascii_lower(k.group), knowledge))
      for (const std::string& term : g->terms)
        if (occurs(lower_text, term)) return k.kind;
  }
  return "";
}

bool is_government_side(std::string_view side) {
  return side == "china_government" || side == "us_government";
}

namespace {

std::string first_clause(const std::string& role) { return role.substr(0, role.find(';')); }

bool contains_ci(std::string_view text, std::string_view word) {
  return ascii_lower(text).find(ascii_lower(word)) != std::string::npos;
}

std::string lead_text(const Article& article);

// The side's participants: its speakers by rank, else its mention the headline names, else its
// best-ranked mention.
std::vector<std::string> side_participants(const Article& a, const Knowledge& knowledge,
                                           std::string_view country) {
  struct Ranked {
    int rank;
    size_t order;
    std::string name;
  };
  auto collect = [&](const std::vector<std::string>& names) {
    std::vector<Ranked> out;
    for (const std::string& name : names) {
      const Person* p = knowledge.person_by_name(name);
      if (!p || p->country != country) continue;
      const int rank = participant_rank(*p, knowledge.account_rules());
      if (rank >= 0) out.push_back({rank, out.size(), name});
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Ranked& x, const Ranked& y) { return x.rank < y.rank; });
    return out;
  };
  // Where a person of the side is first named in `lower_text`, npos if nowhere.
  auto first_named = [&](const std::string& lower_text, const Ranked& r) {
    size_t first = position_of(lower_text, ascii_lower(r.name));
    if (const Person* p = knowledge.person_by_name(r.name))
      for (const std::string& alias : p->aliases)
        first = std::min(first, position_of(lower_text, ascii_lower(alias)));
    return first;
  };
  std::vector<Ranked> ranked = collect(a.speakers);
  if (!ranked.empty()) {
    // The headline names the side's participant and the text quotes someone else of the side
    // ("王毅外相とルビオ国務長官が電話会談", Trump quoted on the side): the one it names.
    const std::string title = ascii_lower(a.title);
    const bool speaker_in_title = std::any_of(ranked.begin(), ranked.end(), [&](const Ranked& r) {
      return first_named(title, r) != std::string::npos;
    });
    if (!speaker_in_title) {
      std::vector<Ranked> titled;
      for (const Ranked& r : collect(a.mentions))
        if (first_named(title, r) != std::string::npos) titled.push_back(r);
      if (titled.size() == 1) ranked = titled;
    }
  }
  if (ranked.empty()) {
    ranked = collect(a.mentions);
    // The headline names who met ("Xi, Blinken meet in Beijing"): the side's person it names
    // comes before a higher-ranked one only mentioned (Biden, who sent him). Else the one the
    // lead paragraph names first ("Blinken met Wang Yi in Munich ... recalled that Xi met
    // Biden"), else the best-ranked.
    const std::string title = ascii_lower(a.title);
    const std::string lead = ascii_lower(lead_text(a));
    std::vector<std::pair<size_t, size_t>> keys;  // (named in the title ? 0 : 1, lead position)
    for (const Ranked& r : ranked)
      keys.emplace_back(first_named(title, r) == std::string::npos ? 1 : 0, first_named(lead, r));
    std::vector<size_t> order(ranked.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t x, size_t y) { return keys[x] < keys[y]; });
    if (!order.empty()) ranked = {ranked[order[0]]};
  }
  std::vector<std::string> names;
  for (const Ranked& r : ranked) names.push_back(r.name);
  return names;
}

// Events of events.json named in the text, by their own names or, for an exchange that is not a
// call (a call is held from a place, not at it), by their venue's (an estate, a compound, a
// building; not a city at home, where the two sides meet again and again) or their place's in
// neither country; whose people include one of each side's `people` (both leaders of a summit;
// one of each delegation of a round of talks). A call names only an event held by phone or video
// (one that names a summit or a signing talks about it, held on another day), and a meeting only
// one held in a place.
// The spans (events of events.json, with their people and days) whose event a text names by its
// own names or, unless it is a call, by its venue's or its place's abroad.
std::vector<const EventSpan*> named_spans(const std::string& lower_text, bool call,
                                          const Knowledge& knowledge) {
  std::vector<const EventSpan*> out;
  auto named_in_text = [&](const std::vector<std::string>& names) {
    return std::any_of(names.begin(), names.end(), [&](const std::string& t) {
      return t.size() >= 4 && occurs(lower_text, t);
    });
  };
  for (const SynonymGroup& g : knowledge.synonyms()) {
    if (g.spans.empty()) continue;
    if (g.id.starts_with("event:") ? !named_in_text(g.spans.front().names)
                                   : !((g.venue || g.abroad) && !call && named_in_text(g.terms)))
      continue;
    for (const EventSpan& span : g.spans)
      if (!span.event.empty()) out.push_back(&span);
  }
  return out;
}

// Someone of `side` is among the span's people.
bool takes_part(const std::vector<std::string>& side, const EventSpan& span) {
  return std::any_of(side.begin(), side.end(), [&](const std::string& name) {
    return std::find(span.people.begin(), span.people.end(), name) != span.people.end();
  });
}

std::vector<std::string> named_events_in(const std::string& lower_text, const std::string& kind,
                                         const std::vector<std::string>& china,
                                         const std::vector<std::string>& us,
                                         const Knowledge& knowledge) {
  std::vector<std::string> out;
  const bool call = kind == "call" || kind == "video-call";
  for (const EventSpan* span : named_spans(lower_text, call, knowledge))
    if (call == span->remote && takes_part(china, *span) && takes_part(us, *span) &&
        std::find(out.begin(), out.end(), span->event) == out.end())
      out.push_back(span->event);
  return out;
}

// A side's participants and then the other people of that side the article names (who count as
// participants by their role): a delegation's members when the article's lead is someone else
// ("Trump hails the Geneva talks" of Bessent and He Lifeng).
std::vector<std::string> people_named(const std::vector<std::string>& participants,
                                      const Article& article, const Knowledge& knowledge,
                                      std::string_view country) {
  std::vector<std::string> out = participants;
  for (const auto* names : {&article.speakers, &article.mentions})
    for (const std::string& name : *names) {
      const Person* p = knowledge.person_by_name(name);
      if (p && p->country == country && participant_rank(*p, knowledge.account_rules()) >= 0 &&
          std::find(out.begin(), out.end(), name) == out.end())
        out.push_back(name);
    }
  return out;
}

// The date `m` of `text` is a deadline or a day of another year: one of rules.deadline_before
// right before it ("after January 1", "내년 1월 1일"; an ASCII word as a whole word) or one of
// rules.deadline_after right after it ("1月1日之前").
bool is_deadline(std::string_view text, const DateMention& m, const AccountRules& rules) {
  constexpr size_t kBefore = 48;  // bytes before the date: the longest word and its quotes
  const size_t from = m.begin > kBefore ? m.begin - kBefore : 0;
  std::string before = Xapian::Unicode::tolower(std::string(text.substr(from, m.begin - from)));
  // Spaces, commas and opening quotes between (tariffs "after January 1").
  for (bool trimmed = true; trimmed;) {
    trimmed = false;
    while (!before.empty() && (before.back() == ' ' || before.back() == ',' ||
                               before.back() == '"' || before.back() == '\''))
      before.pop_back(), trimmed = true;
    for (std::string_view quote : {"\u201c", "\u201e", "\u00ab", "\u300c", "\u2018"})
      if (before.ends_with(quote)) before.resize(before.size() - quote.size()), trimmed = true;
  }
  for (const std::string& w : rules.deadline_before) {
    if (!before.ends_with(w)) continue;
    const size_t at = before.size() - w.size();
    const bool ascii = static_cast<unsigned char>(w.front()) < 0x80;
    const char prev = at > 0 ? before[at - 1] : from > 0 ? text[from - 1] : ' ';
    if (!ascii || !std::isalnum(static_cast<unsigned char>(prev))) return true;
  }
  std::string_view after = text.substr(std::min(m.end, text.size()));
  while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
  const std::string lower_after = Xapian::Unicode::tolower(std::string(after.substr(0, 24)));
  for (const std::string& w : rules.deadline_after)
    if (lower_after.starts_with(w)) {
      const bool ascii = static_cast<unsigned char>(w.back()) < 0x80;
      if (!ascii || lower_after.size() == w.size() || !is_word_byte(lower_after[w.size()]))
        return true;
    }
  return false;
}

// The first day the title or opening paragraphs (the first six, 2000 bytes: a page's captions
// and chrome may come first) name without a year ("on Oct. 30", a dateline's
// "4月2日"), as "MM-DD"; else the first day they name alone ("19日", "Jumat (17/1)"), as "--DD"
// or "MM-DD"; "" when none. A date with its year is not one: it was weighed as the
// article's own date, and any left is another day's (a caption's, "since June 2, 2024"). A
// deadline ("no tariffs after January 1", "1월 1일까지") is not the exchange's day.
std::string month_day_named(const Article& article, const AccountRules& rules) {
  constexpr size_t kScanBytes = 2000;
  std::vector<std::string_view> texts = {article.title};
  for (size_t i = 0; i < article.passages.size() && i < 6; ++i)
    texts.push_back(article.passages[i].text);
  size_t scanned = 0;
  for (std::string_view text : texts) {
    if (scanned >= kScanBytes) break;
    text = text.substr(0, kScanBytes - scanned);
    scanned += text.size();
    for (const DateMention& m : find_dates(text, 16))
      if (!m.year && m.month && m.day && !is_deadline(text, m, rules)) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "%02d-%02d", m.month, m.day);
        return buf;
      }
  }
  scanned = 0;
  for (std::string_view text : texts) {  // no month named with a day: a day alone ("19日")
    if (scanned >= kScanBytes) break;
    text = text.substr(0, kScanBytes - scanned);
    scanned += text.size();
    const DayAlone d = find_day_alone(text);
    if (d.day == 0) continue;
    char buf[8];
    if (d.month)
      std::snprintf(buf, sizeof buf, "%02d-%02d", d.month, d.day);
    else
      std::snprintf(buf, sizeof buf, "--%02d", d.day);
    return buf;
  }
  return "";
}

// The day of the week the title, else the lead, names first (1 = Monday .. 7 = Sunday), 0 when
// none. Lower-case texts; ASCII words only as whole words.
int weekday_named(const std::vector<std::string>& lower_texts, const AccountRules& rules) {
  for (const std::string& text : lower_texts) {
    size_t best_at = std::string::npos;
    int best = 0;
    for (size_t d = 0; d < rules.weekdays.size(); ++d)
      for (const std::string& w : rules.weekdays[d]) {
        const bool ascii = std::all_of(w.begin(), w.end(),
                                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
        for (size_t at = text.find(w); at != std::string::npos && at < best_at;
             at = text.find(w, at + 1)) {
          const size_t end = at + w.size();
          if (ascii && ((at > 0 && is_word_byte(text[at - 1])) ||
                        (end < text.size() && is_word_byte(text[end]))))
            continue;
          best_at = at, best = static_cast<int>(d) + 1;
          break;
        }
      }
    if (best) return best;
  }
  return 0;
}

// The title calls the article a commentary ("... : Global Times editorial", "社评").
bool comments(const std::string& lower_title, const AccountRules& rules) {
  return std::any_of(rules.commentary_words.begin(), rules.commentary_words.end(),
                     [&](const std::string& w) { return occurs(lower_title, w); });
}

// A title segment before `at` (ended by "|", ":", ";" or a spaced dash) says a call took place:
// "Leaders' call | the president will meet his counterpart in Korea" reports the call and then
// announces the next exchange.
bool call_reported_before(const std::string& lower_title, size_t at, const Knowledge& knowledge) {
  size_t end = std::string::npos;
  for (std::string_view sep : {"|", "｜", ":", "：", ";", "；", " - ", " – ", " — "}) {
    const size_t found = lower_title.rfind(sep, at);
    if (found != std::string::npos && found < at && (end == std::string::npos || found > end))
      end = found;
  }
  if (end == std::string::npos) return false;
  const std::string kind =
      exchange_kind(Xapian::Unicode::tolower(lower_title.substr(0, end)), knowledge);
  return kind == "call" || kind == "video-call";
}

// "Wang Yi and Rubio speak ahead of Busan meeting": a preview word relating two exchanges, after
// a title that reports the first one.
bool reports_before(const std::string& lower_title, size_t at, const std::string& preview_word,
                    const AccountRules& rules) {
  if (std::find(rules.preview_after_exchange.begin(), rules.preview_after_exchange.end(),
                preview_word) == rules.preview_after_exchange.end())
    return false;
  const std::string before = lower_title.substr(0, at);
  return std::any_of(rules.title_report_words.begin(), rules.title_report_words.end(),
                     [&](const std::string& w) { return occurs(before, w); });
}

// The title announces the exchange rather than reports it ("Trump to meet Xi", "即将通话"), not
// after a segment reporting a call.
bool announces(const std::string& lower_title, const Knowledge& knowledge) {
  const AccountRules& rules = knowledge.account_rules();
  for (const std::string& w : rules.preview_words) {
    for (size_t at = lower_title.find(w); at != std::string::npos;
         at = lower_title.find(w, at + 1)) {
      const bool ascii = static_cast<unsigned char>(w[0]) < 0x80;
      const size_t end = at + w.size();
      if (ascii && ((at > 0 && is_word_byte(lower_title[at - 1])) ||
                    (end < lower_title.size() && is_word_byte(lower_title[end]))))
        continue;
      // "agreed to meet": the word before the preview word.
      size_t b = at;
      while (b > 0 && lower_title[b - 1] == ' ') --b;
      size_t a = b;
      while (a > 0 && is_word_byte(lower_title[a - 1])) --a;
      const std::string before = lower_title.substr(a, b - a);
      if (std::find(rules.preview_not_after.begin(), rules.preview_not_after.end(), before) !=
          rules.preview_not_after.end())
        continue;
      if (call_reported_before(lower_title, at, knowledge)) continue;
      if (reports_before(lower_title, at, w, rules)) continue;
      return true;
    }
  }
  return false;
}

// The article's lead announces the exchange ("will meet today at a California retreat"): its
// first paragraph of text holds a lead preview word and no word of a report ("met", "said").
bool lead_announces(const Article& article, const AccountRules& rules) {
  constexpr size_t kLeadBytes = 80;  // shorter paragraphs are chrome, captions, time stamps
  for (size_t i = 0; i < article.passages.size() && i < 4; ++i) {
    const std::string& text = article.passages[i].text;
    if (text.size() < kLeadBytes) continue;
    const auto in_lead = occurs_in_either_script(Xapian::Unicode::tolower(text));
    return std::any_of(rules.lead_preview_words.begin(), rules.lead_preview_words.end(), in_lead) &&
           std::none_of(rules.lead_report_words.begin(), rules.lead_report_words.end(), in_lead);
  }
  return false;
}

// The title or the first paragraph of text tells an arrival ("Xi arrives in San Francisco",
// "抵达"), before any talk, and no state visit that the arrival opens ("国事访问": the host
// receives the guest on arrival), nor a meeting held on arrival that it reports.
bool tells_arrival(const Article& article, const AccountRules& rules) {
  constexpr size_t kLeadBytes = 80;  // shorter paragraphs are chrome, captions, time stamps
  std::string text = Xapian::Unicode::tolower(article.title) + "\n";
  for (size_t i = 0; i < article.passages.size() && i < 4; ++i)
    if (article.passages[i].text.size() >= kLeadBytes) {
      text += Xapian::Unicode::tolower(article.passages[i].text);
      break;
    }
  const auto in_text = occurs_in_either_script(std::move(text));
  if (std::none_of(rules.arrival_words.begin(), rules.arrival_words.end(), in_text) ||
      std::any_of(rules.state_visit_words.begin(), rules.state_visit_words.end(), in_text))
    return false;
  // "抵達釜山後，與特朗普舉行會面": the meeting held on arrival is told, not announced.
  const bool meeting_told =
      std::any_of(rules.arrival_meeting_words.begin(), rules.arrival_meeting_words.end(),
                  in_text) &&
      std::none_of(rules.lead_preview_words.begin(), rules.lead_preview_words.end(), in_text);
  return !meeting_told;
}

// Days since 1970-01-01 (proleptic Gregorian).
long civil_days(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

// The title names a day two to ten days after the article's own date ("meet in Bali on
// November 14" in an article of November 10): it announces the exchange (a day further ahead is
// rather a deadline the exchange set). A day without a year is
// taken in the article's year, or the next when that puts it within a few weeks (a December
// article on a January meeting).
bool names_later_day(const Article& article) {
  const ArticleDate& d = article.date;
  if (d.precision != DatePrecision::kDay) return false;
  const long today = civil_days(d.year, d.month, d.day);
  for (const DateMention& m : find_dates(article.title, 4)) {
    if (!m.month || !m.day) continue;
    long day = civil_days(m.year ? m.year : d.year, m.month, m.day);
    if (!m.year && day < today - 300) day = civil_days(d.year + 1, m.month, m.day);
    if (day - today >= 2 && day - today <= 10) return true;
  }
  return false;
}

// The lead: the first two paragraphs, and further on until two paragraphs of text are in it (a
// page's chrome, captions and time stamps come first: "Sign up now", "Google Preferred Source
// badge"; summary bullets are not its text).
std::string lead_text(const Article& article) {
  constexpr size_t kTextBytes = 80;  // shorter paragraphs are chrome, captions, time stamps
  constexpr size_t kLookAt = 6;      // a lead comes early or not at all
  std::string lead;
  int long_ones = 0;
  for (size_t i = 0; i < article.passages.size() && i < kLookAt; ++i) {
    const std::string& text = article.passages[i].text;
    const bool is_long = text.size() >= kTextBytes;
    if (i >= 2 && (long_ones >= 2 || !is_long)) continue;
    lead += text + "\n";
    long_ones += is_long && !bulleted(text);  // summary bullets
  }
  return lead;
}

// Every paragraph of the article, one per line.
std::string whole_text(const Article& article) {
  std::string out;
  for (const Passage& p : article.passages) out += p.text + "\n";
  return out;
}

// An account that names only one side's people ("Bessent and Greer in Stockholm: ...") of a
// named event (events.json) it names by its name, venue or place abroad in its title or lead,
// dated within the event's days (or the two after): the other side is the event's own people of
// that side (its best-ranked). Otherwise `e` unchanged.
Exchange one_side_at_named_event(const Article& article, Exchange e, const Knowledge& knowledge) {
  if (e.china.empty() == e.us.empty()) return e;
  // Dated to a day: within the event's days; undated: the one event it names (a month or a year
  // alone is not enough to tell).
  const bool undated = article.date.precision == DatePrecision::kUnknown;
  if (article.date.precision != DatePrecision::kDay && !undated) return e;
  const int day = undated ? -1 : day_number(article.date.iso());
  const bool china_named = !e.china.empty();
  const std::vector<std::string>& named_side = china_named ? e.china : e.us;
  const std::string text =
      Xapian::Unicode::tolower(article.title) + "\n" + Xapian::Unicode::tolower(lead_text(article));
  std::vector<const EventSpan*> spans;
  for (const EventSpan* span : named_spans(text, /*call=*/false, knowledge))
    if (!span->remote && takes_part(named_side, *span) &&
        (undated || (day >= day_number(span->from) && day <= day_number(span->to) + 2)))
      spans.push_back(span);
  if (undated && spans.size() != 1) return e;
  for (const EventSpan* span : spans) {
    std::vector<std::string> other;
    int best = 1 << 30;
    for (const std::string& n : span->people) {
      const Person* p = knowledge.person_by_name(n);
      if (!p || p->country != (china_named ? "US" : "CN")) continue;
      const int rank = participant_rank(*p, knowledge.account_rules());
      if (rank >= 0 && rank < best) best = rank, other = {n};
    }
    if (other.empty()) continue;
    (china_named ? e.us : e.china) = std::move(other);
    return e;
  }
  return e;
}

}  // namespace

int participant_rank(const Person& person, const AccountRules& rules) {
  const std::string role = first_clause(person.role);
  for (const std::string& w : rules.not_participants)
    if (contains_ci(role, w)) return -1;
  for (const AccountRules::Rank& r : rules.ranks)
    for (const std::string& w : r.role_words)
      if (contains_ci(role, w)) return r.rank;
  return rules.default_rank;
}

Exchange read_exchange(const Article& article, const Knowledge& knowledge) {
  const std::string lower_title = ascii_lower(article.title);
  if (announces(lower_title, knowledge) || comments(lower_title, knowledge.account_rules()) ||
      names_later_day(article) || lead_announces(article, knowledge.account_rules()) ||
      tells_arrival(article, knowledge.account_rules()))
    return Exchange{};
  Exchange e;
  e.china = side_participants(article, knowledge, "CN");
  e.us = side_participants(article, knowledge, "US");
  if (e.empty()) e = one_side_at_named_event(article, std::move(e), knowledge);
  if (e.empty()) return Exchange{};
  // Unicode lower case: a capital of any script ("Переговоры в Женеве") matches the lists.
  // The part of the title that tells this exchange: before "ahead of" the next one.
  std::string lower_title_all = Xapian::Unicode::tolower(article.title);
  for (const std::string& w : knowledge.account_rules().preview_after_exchange)
    if (size_t at = position_of(lower_title_all, w);
        at != std::string_view::npos &&
        reports_before(lower_title_all, at, w, knowledge.account_rules()))
      lower_title_all.resize(at);
  e.kind = exchange_kind(lower_title_all, knowledge);
  const std::string lower_lead = Xapian::Unicode::tolower(lead_text(article));
  if (e.kind.empty()) e.kind = exchange_kind(lower_lead, knowledge);
  // The title names the event of the article: any person of each side it names will do; an event
  // the lead names (perhaps in passing, "after the leaders met in Busan") takes its participants.
  e.named =
      named_events_in(lower_title_all, e.kind, people_named(e.china, article, knowledge, "CN"),
                      people_named(e.us, article, knowledge, "US"), knowledge);
  for (const std::string& id : named_events_in(lower_lead, e.kind, e.china, e.us, knowledge))
    if (std::find(e.named.begin(), e.named.end(), id) == e.named.end()) e.named.push_back(id);
  e.place = exchange_place(article, e, lower_lead, knowledge);
  // An account with no date to go by, naming no event in its title or lead: the one named event
  // its whole text names ("... at the Sunnylands estate" in the fifth paragraph), none if several
  // (a recap of past summits), nor one held elsewhere than where its title or lead says it was
  // ("in San Francisco ... a year after Bali").
  if (e.named.empty() && article.date.precision < DatePrecision::kMonth) {
    std::vector<std::string> in_text = named_events_in(
        Xapian::Unicode::tolower(whole_text(article)), e.kind, e.china, e.us, knowledge);
    if (in_text.size() == 1) {
      Exchange named = e;
      named.named = std::move(in_text);
      const std::string held = exchange_place(article, named, lower_lead, knowledge);
      const SynonymGroup* g = place_group(held, knowledge);
      if (e.place.empty() || held.empty() || held == e.place ||
          (g && std::find(g->within.begin(), g->within.end(), e.place) != g->within.end()))
        e = std::move(named), e.place = held.empty() ? e.place : held;
    }
  }
  if (const SynonymGroup* g = place_group(e.place, knowledge)) {
    e.place_country = g->country;
    e.place_stands_for_government = g->stands_for_government;
  }
  if (article.date.precision != DatePrecision::kDay) {
    e.month_day = month_day_named(article, knowledge.account_rules());
    std::string opening;  // the first three paragraphs
    for (size_t i = 0; i < article.passages.size() && i < 3; ++i)
      opening += article.passages[i].text + "\n";
    e.weekday = weekday_named({lower_title_all, lower_lead, Xapian::Unicode::tolower(opening)},
                              knowledge.account_rules());
  }
  return e;
}

std::string account_side(std::string_view source, const Knowledge& knowledge) {
  const Outlet* outlet = knowledge.outlets().find(source);
  if (!outlet) return "";
  const auto& carriers = knowledge.account_rules().government_carriers;
  const bool government = outlet->kind == "official" ||
                          std::find(carriers.begin(), carriers.end(), outlet->id) != carriers.end();
  if (outlet->country == "CN") return government ? "china_government" : "china_press";
  if (outlet->country == "US") return government ? "us_government" : "us_press";
  return "other_press";
}

}  // namespace readouts
