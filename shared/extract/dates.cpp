// The date scanner: numeric, English month-name and Chinese forms, validated.
#include "shared/extract/dates.h"

#include <array>

namespace readouts {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Reads 1..max_len digits at i; returns count (0 if none or if more digits follow).
size_t read_number(std::string_view s, size_t i, size_t max_len, int& value) {
  size_t k = i;
  value = 0;
  while (k < s.size() && is_digit(s[k]) && k - i <= max_len) {
    value = value * 10 + (s[k] - '0');
    ++k;
  }
  size_t n = k - i;
  if (n == 0 || n > max_len) return 0;
  return n;
}

int month_from_word(std::string_view w) {
  static constexpr std::array<std::string_view, 12> kFull = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  if (w.size() < 3 || w.size() > 9) return 0;
  char lw[10];
  for (size_t i = 0; i < w.size(); ++i) {
    char c = w[i];
    lw[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  std::string_view l(lw, w.size());
  for (size_t m = 0; m < 12; ++m) {
    if (l == kFull[m]) return static_cast<int>(m + 1);
    if (l.size() == 3 && kFull[m].substr(0, 3) == l) return static_cast<int>(m + 1);
  }
  if (l == "sept") return 9;
  return 0;
}

size_t skip_spaces(std::string_view s, size_t i) {
  while (i < s.size()) {
    if (s[i] == ' ' || s[i] == '\t') {
      ++i;
    } else if (s.compare(i, 2, "\xC2\xA0") == 0) {
      i += 2;
    } else {
      break;
    }
  }
  return i;
}

bool starts(std::string_view s, size_t i, std::string_view what) {
  return s.compare(i, what.size(), what) == 0;
}

constexpr std::string_view kNian = "\xE5\xB9\xB4";  // 年
constexpr std::string_view kYue = "\xE6\x9C\x88";   // 月
constexpr std::string_view kRi = "\xE6\x97\xA5";    // 日
constexpr std::string_view kHao = "\xE5\x8F\xB7";   // 号
constexpr std::string_view kHao2 = "\xE8\x99\x9F";  // 號

// Chinese "M月D日" at i (digits first). Returns end or 0.
size_t read_cjk_month_day(std::string_view s, size_t i, int& month, int& day) {
  size_t n = read_number(s, i, 2, month);
  if (!n || !starts(s, i + n, kYue)) return 0;
  size_t k = i + n + kYue.size();
  size_t d = read_number(s, k, 2, day);
  if (d && (starts(s, k + d, kRi) || starts(s, k + d, kHao) || starts(s, k + d, kHao2)))
    return k + d + 3;
  day = 0;
  return k;  // month only
}

// Day after a month name: "24", "24th", "24," -> returns end or 0.
size_t read_day(std::string_view s, size_t i, int& day) {
  size_t n = read_number(s, i, 2, day);
  if (!n) return 0;
  size_t k = i + n;
  if (k + 1 < s.size() && is_alpha(s[k]) && is_alpha(s[k + 1])) {
    std::string_view suf = s.substr(k, 2);
    if (suf == "st" || suf == "nd" || suf == "rd" || suf == "th") {
      k += 2;
    } else {
      return 0;
    }
  }
  if (k < s.size() && (is_alpha(s[k]) || is_digit(s[k]))) return 0;
  return k;
}

// ", 2025" / " 2025" after a day: returns end or 0.
size_t read_trailing_year(std::string_view s, size_t i, int& year) {
  size_t k = i;
  if (k < s.size() && s[k] == ',') ++k;
  k = skip_spaces(s, k);
  size_t n = read_number(s, k, 4, year);
  if (n != 4) return 0;
  if (k + n < s.size() && (is_digit(s[k + n]) || is_alpha(s[k + n]))) return 0;
  return k + n;
}

}  // namespace

bool valid_date(int year, int month, int day) {
  if (year != 0 && (year < 1900 || year > 2100)) return false;
  if (month < 0 || month > 12 || day < 0 || day > 31) return false;
  if (month == 0) return day == 0;
  if (day == 0) return true;
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (day > kDays[month - 1]) return false;
  if (month == 2 && day == 29 && year != 0) {
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (!leap) return false;
  }
  return true;
}

std::vector<DateMention> find_dates(std::string_view s, size_t max_results) {
  std::vector<DateMention> out;
  size_t i = 0;
  while (i < s.size() && out.size() < max_results) {
    const char c = s[i];
    const bool word_start = i == 0 || !(is_alpha(s[i - 1]) || is_digit(s[i - 1]));
    if (!word_start || !(is_digit(c) || is_alpha(c))) {
      ++i;
      continue;
    }
    DateMention m;
    m.begin = i;
    size_t end = 0;
    if (is_digit(c)) {
      int n1 = 0;
      size_t l1 = read_number(s, i, 4, n1);
      size_t k = i + l1;
      if (l1 == 4 && k + 1 < s.size() && (s[k] == '-' || s[k] == '/' || s[k] == '.') &&
          is_digit(s[k + 1])) {
        const char sep = s[k];
        int mo = 0, d = 0;
        size_t l2 = read_number(s, k + 1, 2, mo);
        if (l2) {
          size_t k2 = k + 1 + l2;
          if (k2 + 1 < s.size() && s[k2] == sep && is_digit(s[k2 + 1])) {
            size_t l3 = read_number(s, k2 + 1, 2, d);
            if (l3) {
              m.year = n1, m.month = mo, m.day = d;
              end = k2 + 1 + l3;
            }
          } else if (sep == '-' && !(k2 < s.size() && is_digit(s[k2]))) {
            m.year = n1, m.month = mo;  // "2025-06": month precision
            end = k2;
          }
        }
      } else if (l1 == 4 && starts(s, k, kNian)) {
        int mo = 0, d = 0;
        size_t e = read_cjk_month_day(s, k + kNian.size(), mo, d);
        if (e) {
          m.year = n1, m.month = mo, m.day = d;
          end = e;
        }
      } else if (l1 >= 1 && l1 <= 2 && starts(s, k, kYue)) {
        int mo = 0, d = 0;
        size_t e = read_cjk_month_day(s, i, mo, d);
        if (e && d) {
          m.month = mo, m.day = d;
          end = e;
        }
      } else if (l1 >= 1 && l1 <= 2) {
        // "24 November 2025", "24 Nov"
        size_t ds = read_day(s, i, n1);
        size_t w = ds ? skip_spaces(s, ds) : 0;
        if (ds && w > ds) {
          size_t we = w;
          while (we < s.size() && is_alpha(s[we])) ++we;
          int mo = month_from_word(s.substr(w, we - w));
          if (mo) {
            if (we < s.size() && s[we] == '.') ++we;
            m.month = mo, m.day = n1;
            end = we;
            int y = 0;
            if (size_t ye = read_trailing_year(s, we, y)) {
              m.year = y;
              end = ye;
            }
          }
        }
      }
    } else {
      size_t we = i;
      while (we < s.size() && is_alpha(s[we])) ++we;
      int mo = month_from_word(s.substr(i, we - i));
      // "May" alone is too common a word: require a day or year after it.
      if (mo) {
        size_t k = we;
        if (k < s.size() && s[k] == '.') ++k;
        size_t k2 = skip_spaces(s, k);
        int d = 0, y = 0;
        {
          size_t de = read_day(s, k2, d);
          if (de && d >= 1 && d <= 31) {
            m.month = mo, m.day = d;
            end = de;
            if (size_t ye = read_trailing_year(s, de, y)) {
              m.year = y;
              end = ye;
            }
          } else if (size_t n = read_number(s, k2, 4, y); n == 4 && k2 > k) {
            if (!(k2 + 4 < s.size() && (is_digit(s[k2 + 4]) || is_alpha(s[k2 + 4])))) {
              m.month = mo, m.year = y;
              end = k2 + 4;
            }
          }
        }
      }
      if (!end) {
        i = we;
        continue;
      }
    }
    if (end && (m.month || m.year) && valid_date(m.year, m.month, m.day)) {
      m.end = end;
      out.push_back(m);
      i = end;
      continue;
    }
    // Skip the rest of this word or number.
    size_t k = i;
    while (k < s.size() && (is_alpha(s[k]) || is_digit(s[k]))) ++k;
    i = k > i ? k : i + 1;
  }
  return out;
}

ArticleDate to_article_date(const DateMention& m, std::string_view evidence) {
  ArticleDate d;
  if (!m.year || !valid_date(m.year, m.month, m.day)) return d;
  d.year = m.year;
  d.month = m.month;
  d.day = m.month ? m.day : 0;
  d.precision = d.day     ? DatePrecision::kDay
                : d.month ? DatePrecision::kMonth
                          : DatePrecision::kYear;
  d.evidence = std::string(evidence);
  return d;
}

std::optional<ArticleDate> parse_date_value(std::string_view value) {
  if (value.size() > 200) value = value.substr(0, 200);
  auto found = find_dates(value, 4);
  for (const DateMention& m : found)
    if (m.year) return to_article_date(m, "");
  // A bare year ("2025").
  size_t i = 0;
  while (i < value.size() && (value[i] == ' ' || value[i] == '"')) ++i;
  int y = 0;
  size_t n = read_number(value, i, 4, y);
  if (n == 4) {
    size_t k = i + 4;
    while (k < value.size() && (value[k] == ' ' || value[k] == '"')) ++k;
    if (k == value.size() && valid_date(y, 0, 0)) {
      DateMention m;
      m.year = y;
      return to_article_date(m, "");
    }
  }
  return std::nullopt;
}

}  // namespace readouts
