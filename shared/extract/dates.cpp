// The date scanner: numeric forms, month names in many languages, Chinese, Japanese and Korean
// forms; validated.
#include "shared/extract/dates.h"

#include <unicode/uchar.h>

#include <array>
#include <initializer_list>

#include "shared/text/month_names.h"
#include "shared/text/utf8.h"

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

// "M月D日" (Chinese, Japanese) or "M월 D일" (Korean) at i, digits first: the month and its mark,
// optional spaces, the day and one of the day marks. Returns the end (day 0 when only the month is
// written) or 0.
size_t read_month_day(std::string_view s, size_t i, std::string_view month_mark,
                      std::initializer_list<std::string_view> day_marks, int& month, int& day) {
  size_t n = read_number(s, i, 2, month);
  if (!n || !starts(s, i + n, month_mark)) return 0;
  const size_t after_month = i + n + month_mark.size();
  const size_t k = skip_spaces(s, after_month);
  if (size_t d = read_number(s, k, 2, day))
    for (std::string_view mark : day_marks)
      if (starts(s, k + d, mark)) return k + d + mark.size();
  day = 0;
  return after_month;  // month only
}

size_t read_cjk_month_day(std::string_view s, size_t i, int& month, int& day) {
  return read_month_day(s, i, kYue, {kRi, kHao, kHao2}, month, day);
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

// ", 2025" / " 2025" / " , 2025" (a scraped page's stray space) after a day: returns end or 0.
size_t read_trailing_year(std::string_view s, size_t i, int& year) {
  size_t k = i;
  if (k + 1 < s.size() && s[k] == ' ' && s[k + 1] == ',') ++k;
  if (k < s.size() && s[k] == ',') ++k;
  k = skip_spaces(s, k);
  size_t n = read_number(s, k, 4, year);
  if (n != 4) return 0;
  if (k + n < s.size() && (is_digit(s[k + n]) || is_alpha(s[k + n]))) return 0;
  return k + n;
}

// True when the character before i is a letter (ASCII, or of another alphabet; not CJK).
bool letter_before(std::string_view s, size_t i) {
  if (i == 0) return false;
  if (is_alpha(s[i - 1])) return true;
  if (static_cast<unsigned char>(s[i - 1]) < 0x80) return false;
  size_t lead = i - 1;
  while (lead > 0 && i - lead < 4 && (static_cast<unsigned char>(s[lead]) & 0xC0) == 0x80) --lead;
  uint32_t cp = 0;
  utf8_decode(s, lead, cp);
  return u_isalpha(static_cast<UChar32>(cp)) && !is_cjk_char(cp);
}

// A byte that continues a word: an ASCII letter or any byte of a non-ASCII character (the
// character itself is checked by word_end()).
bool is_word_byte(char c) { return is_alpha(c) || static_cast<unsigned char>(c) >= 0x80; }

// End of the letters starting at i (ASCII letters, and letters of other alphabets: accented
// Latin, Cyrillic, Arabic, Greek ...; not CJK, which is written without spaces). i when none.
size_t word_end(std::string_view s, size_t i) {
  size_t k = i;
  while (k < s.size()) {
    if (is_alpha(s[k])) {
      ++k;
      continue;
    }
    if (static_cast<unsigned char>(s[k]) < 0x80) break;
    uint32_t cp = 0;
    size_t n = utf8_decode(s, k, cp);
    // Letters and the marks written on them (Thai vowels and tones: "พฤศจิกายน").
    if (!(U_GET_GC_MASK(static_cast<UChar32>(cp)) & (U_GC_L_MASK | U_GC_M_MASK)) || is_cjk_char(cp))
      break;
    k += n;
  }
  return k;
}

// A month word at i ("June", "juin", "Juni.", "июня", "Hunyo"): its end (after an abbreviation's
// dot) or 0.
size_t read_month_word(std::string_view s, size_t i, int& month) {
  size_t we = word_end(s, i);
  if (we == i) return 0;
  month = month_from_name(s.substr(i, we - i));
  if (!month) return 0;
  if (we < s.size() && s[we] == '.') ++we;
  // The same month in a second calendar's name, after a slash: Arabic "سبتمبر/أيلول" (the
  // Egyptian and the Levantine names side by side).
  if (we < s.size() && s[we] == '/') {
    const size_t second = word_end(s, we + 1);
    if (second > we + 1 && month_from_name(s.substr(we + 1, second - we - 1)) == month) we = second;
  }
  return we;
}

// Whether the character at i is in the Thai block (U+0E00-U+0E7F: bytes E0 B8 or E0 B9).
bool thai_byte(std::string_view s, size_t i) {
  return i + 1 < s.size() && static_cast<unsigned char>(s[i]) == 0xE0 &&
         (static_cast<unsigned char>(s[i + 1]) == 0xB8 ||
          static_cast<unsigned char>(s[i + 1]) == 0xB9);
}

// After a day, the end of a range of days it opens ("26-27", "26–27", "26 to 27", "26 and 27"):
// the position after the last day, else `end` (the range's first day is the exchange's first).
size_t skip_day_range(std::string_view s, size_t end, int first_day) {
  size_t k = end;
  if (s.compare(k, 1, "-") == 0) {
    ++k;
  } else if (s.compare(k, 3, "\xE2\x80\x93") == 0) {  // en dash
    k += 3;
  } else {
    bool word = false;
    for (std::string_view w :
         {" to ", " and ", " - ", " \xE2\x80\x93 ", " et ", " al ", " y ", " e ", " und ", " bis "})
      if (s.compare(k, w.size(), w) == 0) {
        k += w.size();
        word = true;
        break;
      }
    if (!word) return end;
  }
  int last = 0;
  const size_t n = read_number(s, k, 2, last);
  if (!n || last <= first_day || last > 31) return end;
  if (k + n < s.size() && (is_alpha(s[k + n]) || is_digit(s[k + n]))) return end;
  return k + n;
}

// Skips a connecting word between date parts: Spanish and Portuguese "de", "del", Italian "di".
size_t skip_connector(std::string_view s, size_t i) {
  size_t k = skip_spaces(s, i);
  for (std::string_view w : {"de", "del", "di"}) {
    if (s.compare(k, w.size(), w) == 0 && k + w.size() < s.size() &&
        !is_word_byte(s[k + w.size()]) && !is_digit(s[k + w.size()]))
      return skip_spaces(s, k + w.size());
  }
  return k;
}

constexpr std::string_view kKoYear = "\xEB\x85\x84";   // 년
constexpr std::string_view kKoMonth = "\xEC\x9B\x94";  // 월
constexpr std::string_view kKoDay = "\xEC\x9D\xBC";    // 일

size_t read_korean_month_day(std::string_view s, size_t i, int& month, int& day) {
  return read_month_day(s, i, kKoMonth, {kKoDay}, month, day);
}

// A date that starts with a number at i. Returns its end (m filled) or 0.
size_t read_from_number(std::string_view s, size_t i, NumericOrder order, DateMention& m) {
  int n1 = 0;
  size_t l1 = read_number(s, i, 4, n1);
  if (!l1) return 0;
  size_t k = i + l1;
  if (l1 == 4 && k + 1 < s.size() && (s[k] == '-' || s[k] == '/' || s[k] == '.') &&
      is_digit(s[k + 1])) {
    // "2025-11-24", "2025/11/24", "2025.11.24", "2025-06".
    const char sep = s[k];
    int mo = 0, d = 0;
    size_t l2 = read_number(s, k + 1, 2, mo);
    if (!l2) return 0;
    size_t k2 = k + 1 + l2;
    if (k2 + 1 < s.size() && s[k2] == sep && is_digit(s[k2 + 1])) {
      size_t l3 = read_number(s, k2 + 1, 2, d);
      if (!l3) return 0;
      m.year = n1, m.month = mo, m.day = d;
      return k2 + 1 + l3;
    }
    if (sep == '-' && !(k2 < s.size() && is_digit(s[k2]))) {
      m.year = n1, m.month = mo;  // "2025-06": month precision
      return k2;
    }
    return 0;
  }
  // 2025年11月24日 (Chinese, Japanese), 2025년 6월 5일 (Korean).
  for (auto [year_mark, read] :
       {std::pair{kNian, &read_cjk_month_day}, std::pair{kKoYear, &read_korean_month_day}}) {
    if (l1 != 4 || !starts(s, k, year_mark)) continue;
    int mo = 0, d = 0;
    size_t e = read(s, skip_spaces(s, k + year_mark.size()), mo, d);
    if (!e) return 0;
    m.year = n1, m.month = mo, m.day = d;
    return e;
  }
  if (l1 == 4 && k + 2 < s.size() && s[k] == '.' && s[k + 1] == ' ' && is_digit(s[k + 2])) {
    // Korean "2021. 11. 16.": year, month and day, each closed by a dot and a space.
    int mo = 0, d = 0;
    const size_t l2 = read_number(s, k + 2, 2, mo);
    const size_t k2 = k + 2 + l2;
    if (l2 && k2 + 2 < s.size() && s[k2] == '.' && s[k2 + 1] == ' ' && is_digit(s[k2 + 2])) {
      const size_t l3 = read_number(s, k2 + 2, 2, d);
      const size_t e = k2 + 2 + l3;
      if (l3 && !(e < s.size() && is_digit(s[e]))) {
        m.year = n1, m.month = mo, m.day = d;
        return e;
      }
    }
    return 0;
  }
  if (l1 == 4 && k + 1 < s.size() && s[k] == '.') {  // Hungarian "2025. június 5."
    int mo = 0;
    size_t we = read_month_word(s, skip_spaces(s, k + 1), mo);
    if (!we) return 0;
    size_t ds = skip_spaces(s, we);
    int d = 0;
    size_t de = read_number(s, ds, 2, d);
    m.year = n1, m.month = mo;
    if (de && !(ds + de < s.size() && is_digit(s[ds + de]))) {
      m.day = d;
      return ds + de;
    }
    return we;
  }
  if (l1 > 2) return 0;
  if (starts(s, k, kYue)) {  // 11月24日
    int mo = 0, d = 0;
    size_t e = read_cjk_month_day(s, i, mo, d);
    if (!e || !d) return 0;
    m.month = mo, m.day = d;
    return e;
  }
  if (starts(s, k, kKoMonth)) {  // 6월 5일
    int mo = 0, d = 0;
    size_t e = read_korean_month_day(s, i, mo, d);
    if (!e || !d) return 0;
    m.month = mo, m.day = d;
    return e;
  }
  if (l1 <= 2 && n1 >= 1 && n1 <= 31) {
    // "26-27 January 2024", "26 to 27 January": a range of days before a month's name.
    if (const size_t re = skip_day_range(s, k, n1); re != k && re < s.size() && s[re] == ' ') {
      int mo = 0;
      if (const size_t we = read_month_word(s, skip_connector(s, re), mo)) {
        m.month = mo, m.day = n1;
        int y = 0;
        if (size_t ye = read_trailing_year(s, skip_connector(s, we), y)) {
          m.year = y;
          return ye;
        }
        return we;
      }
    }
  }
  if (k + 1 < s.size() && (s[k] == '.' || s[k] == '/' || s[k] == '-') && is_digit(s[k + 1])) {
    // "26.10.2025", "06/05/2025", "26-01-2025": the order is decided by the numbers, then by
    // the separator (dots and dashes put the day first), then by the caller's hint.
    const char sep = s[k];
    int n2 = 0, y = 0;
    size_t l2 = read_number(s, k + 1, 2, n2);
    size_t k2 = k + 1 + l2;
    if (!l2 || k2 + 4 >= s.size() || s[k2] != sep) return 0;
    size_t l3 = read_number(s, k2 + 1, 4, y);
    if (l3 != 4) return 0;
    if (k2 + 5 < s.size() && (is_digit(s[k2 + 5]) || is_alpha(s[k2 + 5]))) return 0;
    bool day_first;
    if (n1 > 12 && n2 <= 12)
      day_first = true;
    else if (n2 > 12 && n1 <= 12)
      day_first = false;
    else if (sep == '.' || sep == '-')
      day_first = true;
    else if (order == NumericOrder::kUnknown)
      return 0;
    else
      day_first = order == NumericOrder::kDayFirst;
    m.year = y;
    m.month = day_first ? n2 : n1;
    m.day = day_first ? n1 : n2;
    return k2 + 5;
  }
  // "24 November 2025", "24 Nov", "5 de junio de 2025", "5. Juni 2025", "1er juin",
  // "5 июня 2025", "5 tháng 6 năm 2025".
  int day = 0;
  size_t ds = read_day(s, i, day);
  if (!ds) {
    // French "1er", Spanish and Portuguese "1º": an ordinal day.
    if (l1 <= 2 && (s.compare(k, 2, "er") == 0 || s.compare(k, 2, "\xC2\xBA") == 0 ||
                    s.compare(k, 2, "\xC2\xAA") == 0)) {
      day = n1;
      ds = k + 2;
    } else {
      return 0;
    }
  }
  size_t w = ds;
  if (w < s.size() && s[w] == '.') ++w;  // German "5. Juni"
  // "5th, June 2025": a comma after an ordinal day (English suffix only).
  if (w < s.size() && s[w] == ',' && ds > i && is_alpha(s[ds - 1])) ++w;
  w = skip_connector(s, w);
  // A space is needed ("5Juni" is not a date), except before a month in Arabic script, which
  // the press glues to the day ("11مايو 2025").
  const bool arabic_next = w < s.size() && (static_cast<unsigned char>(s[w]) == 0xD8 ||
                                            static_cast<unsigned char>(s[w]) == 0xD9);
  if (w == ds && !arabic_next) return 0;
  int mo = 0;
  size_t we = read_month_word(s, w, mo);
  if (!we) {
    // Vietnamese "5 tháng 6 năm 2025".
    constexpr std::string_view kThang = "th\xC3\xA1ng";
    if (!starts(s, w, kThang)) return 0;
    size_t ms = skip_spaces(s, w + kThang.size());
    size_t ml = read_number(s, ms, 2, mo);
    if (!ml) return 0;
    we = ms + ml;
    constexpr std::string_view kNam = "n\xC4\x83m";
    size_t ys = skip_spaces(s, we);
    int y = 0;
    if (starts(s, ys, kNam) && read_number(s, skip_spaces(s, ys + kNam.size()), 4, y) == 4) {
      m.year = y;
      we = skip_spaces(s, ys + kNam.size()) + 4;
    }
    m.month = mo, m.day = day;
    return we;
  }
  m.month = mo, m.day = day;
  int y = 0;
  // Thai "15 พฤศจิกายน 2566": the year of the Buddhist era, 543 years ahead.
  constexpr int kBuddhistEra = 543;
  if (thai_byte(s, w)) {
    const size_t ys = skip_spaces(s, we);
    if (read_number(s, ys, 4, y) == 4 && !(ys + 4 < s.size() && is_digit(s[ys + 4])) &&
        valid_date(y - kBuddhistEra, mo, day)) {
      m.year = y - kBuddhistEra;
      return ys + 4;
    }
  }
  if (size_t ye = read_trailing_year(s, skip_connector(s, we), y)) {
    m.year = y;
    return ye;
  }
  return we;
}

// A date that starts with a month word at i: "Nov. 24, 2025", "Hunyo 18, 2019", "June 2025",
// "junio de 2025". English "May" needs a day or a year after it (it is a common word); so does
// every other month word. Returns its end (m filled) or 0.
size_t read_from_word(std::string_view s, size_t i, DateMention& m) {
  int mo = 0;
  size_t we = read_month_word(s, i, mo);
  if (!we) return 0;
  size_t k2 = skip_spaces(s, we);
  int d = 0, y = 0;
  size_t de = read_day(s, k2, d);
  if (de && d >= 1 && d <= 31) {
    m.month = mo, m.day = d;
    // "January 26-27, 2024", "January 26 to 27, 2024": the first day, the year after the last.
    if (const size_t re = skip_day_range(s, de, d); re != de)
      if (size_t ye = read_trailing_year(s, re, y)) {
        m.year = y;
        return ye;
      }
    if (size_t ye = read_trailing_year(s, de, y)) {
      m.year = y;
      return ye;
    }
    return de;
  }
  size_t ys = skip_connector(s, we);
  if (ys > we && read_number(s, ys, 4, y) == 4 &&
      !(ys + 4 < s.size() && (is_digit(s[ys + 4]) || is_alpha(s[ys + 4])))) {
    m.month = mo, m.year = y;
    return ys + 4;
  }
  return 0;
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

std::vector<DateMention> find_dates(std::string_view s, size_t max_results, NumericOrder order) {
  std::vector<DateMention> out;
  size_t i = 0;
  while (i < s.size() && out.size() < max_results) {
    // A number after an ASCII letter or digit, or a word after a letter, starts nothing ("A380",
    // "x2025"); a number right after a Chinese character does ("北京6月5日电").
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const bool digit = is_digit(s[i]);
    const bool word_start =
        digit ? i == 0 || !(is_alpha(s[i - 1]) || is_digit(s[i - 1]))
              : (is_alpha(s[i]) || c >= 0xC0) && !letter_before(s, i) && !(i && is_digit(s[i - 1]));
    size_t letters = digit || !word_start ? 0 : word_end(s, i) - i;
    if (!word_start || (!digit && letters == 0)) {
      ++i;
      continue;
    }
    DateMention m;
    m.begin = i;
    size_t end = is_digit(s[i]) ? read_from_number(s, i, order, m) : read_from_word(s, i, m);
    if (end && (m.month || m.year) && valid_date(m.year, m.month, m.day)) {
      m.end = end;
      out.push_back(m);
      i = end;
      continue;
    }
    // Skip the rest of this word or number.
    size_t k = is_digit(s[i]) ? i : i + letters;
    while (k < s.size() && is_digit(s[k])) ++k;
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

NumericOrder numeric_order_for(std::string_view language, std::string_view publisher_country) {
  if (language != "en") return NumericOrder::kDayFirst;
  // Where English is written month first: the United States and the Philippines (and the
  // American territories and compact states under their own codes).
  static constexpr std::string_view kMonthFirst[] = {"",   "US", "PH", "PR", "GU", "AS",
                                                     "VI", "MP", "FM", "MH", "PW", "CA"};
  for (std::string_view c : kMonthFirst)
    if (publisher_country == c) return NumericOrder::kMonthFirst;
  return NumericOrder::kDayFirst;
}

std::string host_country(std::string_view host) {
  const size_t dot = host.rfind('.');
  if (dot == std::string_view::npos || host.size() - dot != 3) return "";
  const std::string_view tld = host.substr(dot + 1);
  // Country codes that sites take for their letters, not for a country.
  static constexpr std::string_view kGeneric[] = {
      "io", "co", "tv", "me", "ai", "fm", "ly", "cc", "ws", "to", "la", "gg", "is",
      "nu", "sh", "ac", "so", "vc", "gl", "ms", "im", "re", "ag", "am", "bz", "cx",
      "tk", "ml", "ga", "cf", "gq", "st", "su", "ps", "gd", "lc", "mu", "ax", "eu"};
  for (std::string_view g : kGeneric)
    if (tld == g) return "";
  std::string code;
  for (char c : tld) {
    if (c < 'a' || c > 'z') return "";
    code += static_cast<char>(c - 'a' + 'A');
  }
  return code == "UK" ? "GB" : code;
}

}  // namespace readouts
