// Recognises people, dates and topics in free-text queries; leaves the rest as query text.
#include "shared/search/query_interpreter.h"

#include <algorithm>
#include <cstdio>

namespace readouts {

namespace {

struct Token {
  std::string text;
  bool plain = true;  // false for quoted phrases, field:value, operators, +/- prefixed words
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ','; }

// Splits on whitespace and commas; keeps "quoted phrases" and field:"quoted" whole.
std::vector<Token> tokenize(std::string_view q) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < q.size()) {
    while (i < q.size() && is_space(q[i])) ++i;
    if (i >= q.size()) break;
    size_t start = i;
    bool quoted = false;
    while (i < q.size() && (!is_space(q[i]) || quoted)) {
      if (q[i] == '"') quoted = !quoted;
      ++i;
    }
    Token t;
    t.text = std::string(q.substr(start, i - start));
    const std::string& s = t.text;
    if (s.find('"') != std::string::npos || s.find(':') != std::string::npos || s.front() == '+' ||
        s.front() == '-' || s.front() == '(' || s.back() == ')' ||
        s.find('*') != std::string::npos || s == "AND" || s == "OR" || s == "NOT" || s == "XOR" ||
        s.starts_with("NEAR") || s.starts_with("ADJ") || s.find("..") != std::string::npos)
      t.plain = false;
    out.push_back(std::move(t));
  }
  return out;
}

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

}  // namespace

Interpretation interpret_query(std::string_view q, const Knowledge& knowledge, bool literal) {
  Interpretation out;
  out.literal = literal;
  if (literal) {
    out.text = std::string(q);
    return out;
  }
  std::vector<Token> tokens = tokenize(q);
  std::vector<bool> used(tokens.size(), false);
  std::string lo, hi;  // ISO bounds
  auto widen = [&](const std::string& a, const std::string& b) {
    if (lo.empty() || a < lo) lo = a;
    if (hi.empty() || b > hi) hi = b;
  };

  // People: longest run of plain tokens (up to 4) that names a person.
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (used[i] || !tokens[i].plain) continue;
    for (size_t n = std::min<size_t>(4, tokens.size() - i); n >= 1; --n) {
      std::string joined;
      bool ok = true;
      for (size_t k = i; k < i + n; ++k) {
        if (used[k] || !tokens[k].plain) {
          ok = false;
          break;
        }
        if (!joined.empty()) joined += ' ';
        joined += (k + 1 == i + n) ? strip_possessive(tokens[k].text) : tokens[k].text;
      }
      if (!ok) continue;
      if (const Person* p = knowledge.find_person(joined)) {
        add_unique(out.speakers, p->name);
        for (size_t k = i; k < i + n; ++k) used[k] = true;
        break;
      }
    }
  }

  // People inside unspaced CJK text ("习近平特朗普通电话"): cut out known aliases.
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (used[i] || !tokens[i].plain || is_ascii(tokens[i].text)) continue;
    std::string rest = tokens[i].text;
    for (const Person& p : knowledge.people()) {
      for (const std::string& alias : p.aliases) {
        if (is_ascii(alias) || alias.size() < 6) continue;  // two CJK characters at least
        size_t pos;
        while ((pos = rest.find(alias)) != std::string::npos) {
          add_unique(out.speakers, p.name);
          rest.replace(pos, alias.size(), " ");
        }
      }
    }
    if (rest != tokens[i].text) {
      std::vector<Token> sub = tokenize(rest);
      tokens[i].text.clear();
      for (auto& t : sub) tokens[i].text += (tokens[i].text.empty() ? "" : " ") + t.text;
      if (tokens[i].text.empty()) used[i] = true;
    }
  }

  // Dates: years, "June 2025", ISO months and days.
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (used[i] || !tokens[i].plain) continue;
    const std::string t = strip_possessive(tokens[i].text);
    if (is_year(t)) {
      int y = std::stoi(t);
      int m = (i > 0 && !used[i - 1] && tokens[i - 1].plain) ? month_number(tokens[i - 1].text) : 0;
      if (m) {
        used[i - 1] = true;
        widen(iso(y, m, 1), iso(y, m, last_day(y, m)));
      } else {
        widen(iso(y, 1, 1), iso(y, 12, 31));
      }
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
      used[i] = true;
    }
  }
  out.from = lo;
  out.to = hi;

  // Topics: a token (or two) naming a topic by id or label boosts that topic; the words stay.
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (used[i] || !tokens[i].plain) continue;
    const std::string t = strip_possessive(tokens[i].text);
    if (i + 1 < tokens.size() && !used[i + 1] && tokens[i + 1].plain) {
      if (const Topic* topic =
              knowledge.find_topic(t + " " + strip_possessive(tokens[i + 1].text))) {
        add_unique(out.topics, topic->id);
        continue;
      }
    }
    if (const Topic* topic = knowledge.find_topic(t)) add_unique(out.topics, topic->id);
  }

  for (size_t i = 0; i < tokens.size(); ++i) {
    if (used[i]) continue;
    if (!out.text.empty()) out.text += ' ';
    out.text += tokens[i].text;
  }
  return out;
}

}  // namespace readouts
