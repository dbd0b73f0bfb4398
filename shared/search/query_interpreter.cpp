// Recognises people, dates and topics in free-text queries; leaves the rest as query text.
#include "shared/search/query_interpreter.h"

#include <xapian.h>

#include <algorithm>
#include <cstdio>

#include "shared/search/query_cjk.h"
#include "shared/search/query_reader.h"
#include "shared/search/query_request.h"
#include "shared/search/query_topics.h"
#include "shared/text/cjk_dates.h"
#include "shared/text/month_names.h"
#include "shared/text/tokenize.h"
#include "shared/text/utf8.h"

namespace readouts {

namespace {

// Distinct words searched from pasted text (a 20,000-byte paragraph has ~3,000 words).
constexpr size_t kMaxLongTextWords = 200;

std::string strip_possessive(std::string s) {
  if (s.size() > 2 && (s.ends_with("'s") || s.ends_with("’s")))
    s.resize(s.size() - (s.ends_with("'s") ? 2 : 4));
  while (!s.empty() && (s.back() == '.' || s.back() == '?' || s.back() == '!' || s.back() == ';'))
    s.pop_back();
  return s;
}

bool is_year(const std::string& s) {
  if (s.size() != 4 ||
      !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return false;
  int y = std::stoi(s);
  return y >= 1900 && y <= 2100;
}

// "2025-06" or "2025-06-05" as a token.
bool is_iso_month_or_day(const std::string& s) {
  auto digits = [&](size_t a, size_t n) {
    for (size_t k = a; k < a + n; ++k)
      if (s[k] < '0' || s[k] > '9') return false;
    return true;
  };
  if (s.size() == 7) return digits(0, 4) && s[4] == '-' && digits(5, 2);
  if (s.size() == 10)
    return digits(0, 4) && s[4] == '-' && digits(5, 2) && s[7] == '-' && digits(8, 2);
  return false;
}

int month_number(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const char* kMonths[] = {"january",   "february", "march",    "april",
                                  "may",       "june",     "july",     "august",
                                  "september", "october",  "november", "december"};
  for (int m = 0; m < 12; ++m) {
    std::string full = kMonths[m];
    if (s == full || (s.size() >= 3 && s.size() <= full.size() && full.starts_with(s) && m != 4))
      return m + 1;
  }
  return 0;
}

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

void add_unique(std::vector<std::string>& v, const std::string& s) {
  if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

std::string iso(int y, int m, int d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

int last_day(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return kDays[m - 1];
}

std::string lower_ascii(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// Words that ask for what a person said; they are dropped from the words when a person is named.
bool is_speech_cue(const std::string& lower) {
  static const char* kCues[] = {
      "say",      "says",      "said",       "saying", "tell",    "tells",   "told",
      "describe", "describes", "described",  "remark", "remarks", "comment", "comments",
      "stance",   "position",  "positions",  "view",   "views",   "think",   "thinks",
      "thought",  "statement", "statements", "words",  "表示",    "说",      "指出",
      "强调",     "認為",      "认为",       "強調",   "說"};
  for (const char* c : kCues)
    if (lower == c) return true;
  return false;
}

// ISO bounds of "YYYY", "YYYY-MM" or "YYYY-MM-DD"; false if s is none of them or invalid.
bool iso_bounds(const std::string& s, std::string& lo, std::string& hi) {
  if (is_year(s)) {
    const int y = std::stoi(s);
    lo = iso(y, 1, 1);
    hi = iso(y, 12, 31);
    return true;
  }
  if (!is_iso_month_or_day(s)) return false;
  const int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2));
  if (y < 1900 || y > 2100 || m < 1 || m > 12) return false;
  if (s.size() == 7) {
    lo = iso(y, m, 1);
    hi = iso(y, m, last_day(y, m));
    return true;
  }
  const int d = std::stoi(s.substr(8, 2));
  if (d < 1 || d > last_day(y, m)) return false;
  lo = hi = s;
  return true;
}

// "A..B" with both ends dates: the ISO bounds of the whole range.
bool iso_range(const std::string& s, std::string& lo, std::string& hi) {
  const size_t dots = s.find("..");
  if (dots == std::string::npos) return false;
  std::string lo_a, hi_a, lo_b, hi_b;
  if (!iso_bounds(s.substr(0, dots), lo_a, hi_a) || !iso_bounds(s.substr(dots + 2), lo_b, hi_b))
    return false;
  if (lo_b < lo_a) return false;
  lo = lo_a;
  hi = hi_b;
  return true;
}

std::string unquote(std::string v) {
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
  return v;
}

// One Chinese, Japanese or Korean character left alone between words ("和", "在", "的", "會"):
// a function word or the end of a cut name, too short to search on its own.
bool is_lone_cjk_character(const std::string& word) {
  uint32_t cp = 0;
  return !word.empty() && utf8_decode(word, 0, cp) == word.size() && cp >= 0x2E80;
}

// "11-24": a day of every year.
std::string month_day(int month, int day) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d-%02d", month, day);
  return buf;
}

// A month named by a word next to a day number: English names and abbreviations ("Nov",
// "Sept"; not "may", a verb) or another language's ("noviembre", "февраля", "Juni").
int month_word(const std::string& word) {
  if (lower_ascii(word) == "may") return 0;
  if (int m = month_number(word)) return m;
  return month_from_name(word);
}

// A day of the month as a query token: "24", "24,", "19." (1..31).
int day_number(std::string t) {
  while (!t.empty() && (t.back() == ',' || t.back() == '.')) t.pop_back();
  if (t.empty() || t.size() > 2 ||
      !std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return 0;
  const int d = std::stoi(t);
  return d >= 1 && d <= 31 ? d : 0;
}

void add_speaker(Interpretation& out, const std::string& name, const std::string& alias) {
  if (std::find(out.speakers.begin(), out.speakers.end(), name) != out.speakers.end()) return;
  out.speakers.push_back(name);
  out.aliases.push_back(alias);
}

// Two leaders named by one character each before an ending ("川習會", "拜习会晤", "习奥会"):
// both people, the two characters cut out of the run (the ending stays: "通话" is a word).
void cut_out_pair_names(std::string& run, const Knowledge& knowledge, Interpretation& out) {
  const auto& initials = knowledge.pair_initials();
  for (size_t pos = 0; pos < run.size(); ++pos) {
    for (const PairInitial& a : initials) {
      if (run.compare(pos, a.initial.size(), a.initial) != 0) continue;
      for (const PairInitial& b : initials) {
        const size_t at_b = pos + a.initial.size();
        if (a.person == b.person || run.compare(at_b, b.initial.size(), b.initial) != 0) continue;
        const size_t at_end = at_b + b.initial.size();
        const bool ends = std::any_of(
            knowledge.pair_endings().begin(), knowledge.pair_endings().end(),
            [&](const std::string& e) { return run.compare(at_end, e.size(), e) == 0; });
        if (!ends) continue;
        add_speaker(out, a.person, run.substr(pos, at_end - pos));
        add_speaker(out, b.person, run.substr(pos, at_end - pos));
        run.replace(pos, at_end - pos, " ");
        goto next_position;
      }
    }
  next_position:;
  }
}

// People, dates, topics, fields and speech words in the tokens; what is recognised is marked used.
void recognise(std::vector<QueryToken>& tokens, std::vector<bool>& used, const Knowledge& knowledge,
               Interpretation& out) {
  std::string lo, hi;  // ISO bounds
  auto widen = [&](const std::string& a, const std::string& b) {
    if (lo.empty() || a < lo) lo = a;
    if (hi.empty() || b > hi) hi = b;
  };

  // "+Xi", "+2025": required anyway, so recognised like the plain word.
  auto bare = [&](size_t k) -> std::string {
    return tokens[k].plus ? tokens[k].text.substr(1) : tokens[k].text;
  };
  auto usable = [&](size_t k) { return !used[k] && (tokens[k].plain || tokens[k].plus); };

  bool date_field = false;  // a year:, date: or a..b range was typed
  // Field filters and date ranges typed with Xapian's field syntax become structure, so that the
  // rest of the query is still read as free text (synonyms, fallback, tiers).
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& t = tokens[i].text;
    if (tokens[i].plain || tokens[i].operand || t.front() == '+' || t.front() == '-') continue;
    if (t.find('*') != std::string::npos) continue;
    std::string lo_t, hi_t;
    if (t.find(':') == std::string::npos) {
      if (iso_range(t, lo_t, hi_t)) widen(lo_t, hi_t), used[i] = date_field = true;
      continue;
    }
    const size_t colon = t.find(':');
    const std::string field = lower_ascii(t.substr(0, colon));
    const std::string value = unquote(t.substr(colon + 1));
    if (value.empty() || value.find('"') != std::string::npos) continue;
    if (field == "speaker" || field == "mention") {
      const Person* p = knowledge.find_person(value);
      add_unique(field == "speaker" ? out.speaker_filters : out.mention_filters,
                 p ? p->name : value);
    } else if (field == "topic") {
      const Topic* topic = knowledge.find_topic(value);
      add_unique(out.topic_filters, topic ? topic->id : value);
    } else if (field == "source") {
      add_unique(out.source_filters, value);
    } else if (field == "lang") {
      add_unique(out.language_filters, value);
    } else if (field == "year" || field == "date") {
      if (!(field == "year" ? is_year(value) && iso_bounds(value, lo_t, hi_t)
                            : iso_bounds(value, lo_t, hi_t) || iso_range(value, lo_t, hi_t)))
        continue;  // left to the query parser, which reports what is wrong
      widen(lo_t, hi_t);
      date_field = true;
    } else {
      continue;
    }
    used[i] = true;
  }

  // People: longest run of plain tokens (up to 4) that names a person.
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!usable(i)) continue;
    for (size_t n = std::min<size_t>(4, tokens.size() - i); n >= 1; --n) {
      std::string joined;
      bool ok = true;
      for (size_t k = i; k < i + n; ++k) {
        if (!usable(k) || (k > i && tokens[k].plus)) {
          ok = false;
          break;
        }
        if (!joined.empty()) joined += ' ';
        joined += (k + 1 == i + n) ? strip_possessive(bare(k)) : bare(k);
      }
      if (!ok) continue;
      if (const Person* p = knowledge.find_person(joined)) {
        if (std::find(out.speakers.begin(), out.speakers.end(), p->name) == out.speakers.end()) {
          out.speakers.push_back(p->name);
          out.aliases.push_back(joined);
        }
        for (size_t k = i; k < i + n; ++k) used[k] = true;
        break;
      }
    }
  }

  // People and dates inside unspaced CJK text ("习近平特朗普通电话", "2025年6月"): cut them out.
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (used[i] || !tokens[i].plain || is_ascii(tokens[i].text)) continue;
    // A date written in parts ("2025년 11월 24일", "2025年 11月"): one token.
    for (size_t next = i + 1; next < tokens.size() && usable(next); ++next) {
      CjkDate d;
      const std::string joined = tokens[i].text + " " + tokens[next].text;
      if (!find_cjk_date(joined, d) || d.end <= tokens[i].text.size() + 1) break;
      tokens[i].text = joined;
      used[next] = true;
    }
    std::string rest = tokens[i].text;
    CjkDate d;
    if (!out.long_text && find_cjk_date(rest, d)) {
      // Searched as words if the date finds nothing.
      out.date_words.push_back(rest.substr(d.begin, d.end - d.begin));
      if (d.year && d.day)
        widen(iso(d.year, d.month, d.day), iso(d.year, d.month, d.day));
      else if (d.year && d.month)
        widen(iso(d.year, d.month, 1), iso(d.year, d.month, last_day(d.year, d.month)));
      else if (d.year)
        widen(iso(d.year, 1, 1), iso(d.year, 12, 31));
      else if (d.day)
        add_unique(out.days, month_day(d.month, d.day));
      else if (std::find(out.months.begin(), out.months.end(), d.month) == out.months.end())
        out.months.push_back(d.month);
      rest.replace(d.begin, d.end - d.begin, " ");
    }
    cut_out_pair_names(rest, knowledge, out);
    for (const Person& p : knowledge.people()) {
      for (const std::string& alias : p.aliases) {
        if (is_ascii(alias) || alias.size() < 6) continue;  // two CJK characters at least
        size_t pos;
        while ((pos = rest.find(alias)) != std::string::npos) {
          if (std::find(out.speakers.begin(), out.speakers.end(), p.name) == out.speakers.end()) {
            out.speakers.push_back(p.name);
            out.aliases.push_back(alias);
          }
          rest.replace(pos, alias.size(), " ");
        }
      }
    }
    // Places, events and other synonym terms written without spaces ("釜山会晤特朗普"): cut out
    // too, the longest first, so that the query builder finds their groups.
    rest = cut_out_terms(rest, knowledge);
    cut_out_question_words(rest);
    if (rest != tokens[i].text) {
      tokens[i].text.clear();
      for (const std::string& t : split_query(rest))
        tokens[i].text += (tokens[i].text.empty() ? "" : " ") + t;
      if (tokens[i].text.empty()) used[i] = true;
    }
  }

  // Days written with a month's name: "November 24", "24 November", "Nov. 24, 2025",
  // "4 февраля", "19. September 2025" (not in pasted text).
  for (size_t i = 0; i + 1 < tokens.size() && !out.long_text; ++i) {
    if (!usable(i) || !usable(i + 1)) continue;
    int month = month_word(strip_possessive(bare(i)));
    int day = day_number(bare(i + 1));
    if (!(month && day)) {
      day = day_number(bare(i));
      month = month_word(strip_possessive(bare(i + 1)));
    }
    if (!(month && day) || day > last_day(2024, month)) continue;  // any year: 29 February too
    out.date_words.push_back(tokens[i].text);
    out.date_words.push_back(tokens[i + 1].text);
    used[i] = used[i + 1] = true;
    const std::string year = i + 2 < tokens.size() && usable(i + 2) ? bare(i + 2) : "";
    if (is_year(year) && day <= last_day(std::stoi(year), month)) {
      const std::string date = iso(std::stoi(year), month, day);
      widen(date, date);
      out.date_words.push_back(year);
      used[i + 2] = true;
    } else {
      add_unique(out.days, month_day(month, day));
    }
  }

  // Dates: years, "June 2025", ISO months and days (not in pasted text: there they are words).
  for (size_t i = 0; i < tokens.size() && !out.long_text; ++i) {
    if (!usable(i)) continue;
    const std::string t = strip_possessive(bare(i));
    if (is_year(t)) {
      int y = std::stoi(t);
      int m = 0;
      if (i > 0 && !used[i - 1] && tokens[i - 1].plain) {
        const std::string name = strip_possessive(tokens[i - 1].text);
        m = month_number(name);
        if (!m) m = month_from_name(name);  // "noviembre 2025", "ноября 2025"
      }
      if (m) {
        used[i - 1] = true;
        out.date_words.push_back(tokens[i - 1].text);
        widen(iso(y, m, 1), iso(y, m, last_day(y, m)));
      } else {
        widen(iso(y, 1, 1), iso(y, 12, 31));
      }
      out.date_words.push_back(t);
      used[i] = true;
    } else if (is_iso_month_or_day(t)) {
      int y = std::stoi(t.substr(0, 4)), m = std::stoi(t.substr(5, 2));
      if (m < 1 || m > 12) continue;
      if (t.size() == 7) {
        widen(iso(y, m, 1), iso(y, m, last_day(y, m)));
      } else {
        int d = std::stoi(t.substr(8, 2));
        if (d < 1 || d > last_day(y, m)) continue;
        widen(t, t);
      }
      out.date_words.push_back(t);
      used[i] = true;
    }
  }
  if (date_field) out.date_words.clear();
  // A year and a month of no year ("2025 11月"): that month of that year.
  if (out.months.size() == 1 && !lo.empty() && lo.ends_with("-01-01") && hi.ends_with("-12-31") &&
      lo.substr(0, 4) == hi.substr(0, 4)) {
    const int y = std::stoi(lo.substr(0, 4)), m = out.months.front();
    lo = iso(y, m, 1);
    hi = iso(y, m, last_day(y, m));
    out.months.clear();
  }
  if (out.days.size() == 1 && out.months.empty() && !lo.empty() && lo.ends_with("-01-01") &&
      hi.ends_with("-12-31") && lo.substr(0, 4) == hi.substr(0, 4)) {
    const int y = std::stoi(lo.substr(0, 4)), m = std::stoi(out.days.front().substr(0, 2)),
              d = std::stoi(out.days.front().substr(3, 2));
    if (d <= last_day(y, m)) {
      lo = hi = iso(y, m, d);
      out.days.clear();
    }
  }
  out.from = lo;
  out.to = hi;

  // Topics named by the words boost those topics; the words stay.
  std::vector<std::string> plain_words(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i)
    if (!used[i] && tokens[i].plain) plain_words[i] = strip_possessive(tokens[i].text);
  for (const std::string& topic : topics_named(plain_words, knowledge))
    add_unique(out.topics, topic);

  // "What did X say about Y", "X's remarks on Y", "习近平 表示 台湾": the words are X's.
  if (!out.speakers.empty()) {
    for (size_t i = 0; i < tokens.size(); ++i)
      if (!used[i] && tokens[i].plain &&
          is_speech_cue(lower_ascii(strip_possessive(tokens[i].text))))
        out.said = true;
  }
}

}  // namespace

bool is_stop_word(std::string_view w) {
  // string_views: a comparison checks the length first, with no strlen.
  static constexpr std::string_view kStop[] = {
      "a",     "an",   "the",      "and",       "or",        "but",       "of",         "on",
      "in",    "at",   "to",       "for",       "from",      "with",      "about",      "by",
      "as",    "is",   "are",      "was",       "were",      "be",        "been",       "being",
      "did",   "do",   "does",     "done",      "what",      "which",     "who",        "whom",
      "whose", "when", "where",    "why",       "how",       "that",      "this",       "these",
      "those", "it",   "its",      "his",       "her",       "their",     "they",       "he",
      "she",   "we",   "i",        "you",       "me",        "my",        "has",        "have",
      "had",   "any",  "there",    "into",      "over",      "regarding", "concerning", "not",
      "no",    "will", "would",    "can",       "could",     "should",    "than",       "then",
      "so",    "if",   "whether",  "say",       "says",      "said",      "saying",     "tell",
      "tells", "told", "describe", "describes", "described", "ever",      "anything",   "something",
      "other", "each", "both",     "between"};
  for (std::string_view s : kStop)
    if (w == s) return true;
  // Function and question words of the other languages queries come in (lower case, folded as
  // fold_word() folds: ё as е, Arabic without harakat).
  static constexpr std::string_view kOtherStop[] = {
      // German
      "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "und", "oder", "mit", "im",
      "in", "zu", "zum", "zur", "von", "vom", "über", "ueber", "zwischen", "wer", "was", "wie",
      "wann", "warum", "hat", "haben", "ist", "sind", "wurde", "bei", "auf", "für", "nach",
      // Spanish, Portuguese, Italian
      "el", "la", "los", "las", "del", "de", "en", "y", "con", "sobre", "qué", "que", "quién",
      "cuándo", "cómo", "por", "para", "un", "una", "se", "su", "o", "entre", "al", "da", "do",
      "dos", "das", "e", "em", "com", "il", "lo", "di", "della", "sul", "chi", "cosa",
      // French
      "le", "les", "du", "des", "et", "avec", "sur", "à", "au", "aux", "qui", "quoi", "quand",
      "comment", "pourquoi", "est", "ont", "a", "une", "pour", "dans", "entre",
      // Russian
      "и", "в", "во", "на", "о", "об", "с", "со", "по", "к", "что", "кто", "как", "когда", "почему",
      "ли", "за", "от", "для", "между", "сказал", "сказала",
      // Arabic
      "في", "من", "على", "عن", "الى", "إلى", "ماذا", "ما", "هل", "متى", "كيف", "لماذا", "و", "ل",
      "مع", "بين", "قال",
      // Japanese and Korean particles written apart
      "は", "の", "が", "を", "に", "で", "と", "について", "何", "은", "는", "이", "가", "을",
      "를", "의", "와", "과"};
  for (std::string_view s : kOtherStop)
    if (w == s) return true;
  return false;
}

Interpretation interpret_query(std::string_view q, const Knowledge& knowledge, bool literal) {
  Interpretation out;
  out.literal = literal;
  ReadQuery read = read_query(q);
  std::vector<QueryToken> tokens = std::move(read.tokens);
  out.long_text = read.long_text;
  out.punctuation = std::move(read.punctuation);
  std::vector<bool> used(tokens.size(), false);

  // literal=1: the words as typed, no people, dates, topics or fields recognised.
  if (!literal) recognise(tokens, used, knowledge, out);
  const auto& request_questions = knowledge.account_rules().request_questions;
  out.asks_request = !literal && !out.long_text && asks_who_requested(q, request_questions);

  for (size_t i = 0; i < tokens.size(); ++i) {
    if (used[i]) continue;
    if (!out.text.empty()) out.text += ' ';
    out.text += tokens[i].text;
    if (!tokens[i].plain) {
      out.syntax = true;
      continue;
    }
    // A CJK token cut around a name ("通电话") may now hold several words.
    for (const std::string& piece : split_query(tokens[i].text)) {
      std::string word = strip_possessive(piece);
      if (word.empty()) continue;
      const std::string lower = is_ascii(word) ? lower_ascii(word) : fold_word(word);
      if (is_stop_word(lower) || is_lone_cjk_character(word) ||
          (out.said && is_speech_cue(lower)) ||
          (out.asks_request &&
           only_asks_who_requested(Xapian::Unicode::tolower(word), request_questions)))
        out.ignored.push_back(word);
      else
        out.words.push_back(word);
    }
  }
  // Pasted text: each word once (BM25 over any of them; repeats would only cost time), and at
  // most kMaxLongTextWords of them, the first ones.
  if (out.long_text) {
    std::vector<std::string> distinct;
    for (const std::string& w : out.words) {
      const std::string lower = lower_ascii(w);
      if (std::none_of(distinct.begin(), distinct.end(),
                       [&](const std::string& d) { return lower_ascii(d) == lower; }))
        distinct.push_back(w);
      if (distinct.size() >= kMaxLongTextWords) break;
    }
    out.words = std::move(distinct);
  }
  // A query of stop words only ("the who") searches them after all.
  if (out.words.empty() && !out.syntax && out.speakers.empty() && out.from.empty()) {
    out.words = out.ignored;
    out.ignored.clear();
  }
  return out;
}

}  // namespace readouts
