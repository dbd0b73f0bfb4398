// Finds the day of the month a lead names alone ("19日", "24일", "今(18)晚", "sexta-feira (24)").
#include "shared/extract/day_alone.h"

#include <algorithm>
#include <array>
#include <string>

namespace readouts {

namespace {

constexpr std::string_view kRi = "\xE6\x97\xA5";         // 日
constexpr std::string_view kIl = "\xEC\x9D\xBC";         // 일
constexpr std::string_view kYue = "\xE6\x9C\x88";        // 月
constexpr std::string_view kWol = "\xEC\x9B\x94";        // 월
constexpr std::string_view kFullOpen = "\xEF\xBC\x88";   // （
constexpr std::string_view kFullClose = "\xEF\xBC\x89";  // ）

// After "N日": a count of days or another word, not a day ("3日間", "3日前", "日本", "2日目").
constexpr std::array<std::string_view, 7> kNotAfterRi = {
    "\xE9\x96\x93", "\xE9\x97\xB4", "\xE5\x89\x8D", "\xE5\xBE\x8C",
    "\xE5\x90\x8E", "\xE6\x9C\xAC", "\xE7\x9B\xAE"};  // 間 间 前 後 后 本 目
// After "N일": a count of days ("24일간", "3일째", "3일 동안").
constexpr std::array<std::string_view, 3> kNotAfterIl = {
    "\xEA\xB0\x84", "\xEC\xA7\xB8", " \xEB\x8F\x99\xEC\x95\x88"};  // 간 째 동안
// Before "(N)": today, yesterday, the day before, this (month) in Taiwanese and Hong Kong news
// ("今(18)日", "昨(17)晚").
constexpr std::array<std::string_view, 4> kDayWordsBeforeParen = {
    "\xE4\xBB\x8A", "\xE6\x98\xA8", "\xE5\x89\x8D", "\xE6\x9C\xAC"};  // 今 昨 前 本
// Weekdays before "(24)" (Portuguese, Spanish) or "(17/1)" (Indonesian, Malay), lower case; a
// word ending so counts ("segunda-feira", "Sábado").
constexpr std::array<std::string_view, 19> kWeekdayEndings = {
    "feira",   "bado",  "domingo", "lunes",  "martes", "rcoles", "jueves",
    "viernes", "senin", "selasa",  "rabu",   "kamis",  "jumat",  "sabtu",
    "minggu",  "isnin", "khamis",  "jumaat", "ahad"};

bool starts(std::string_view s, size_t i, std::string_view what) {
  return s.compare(i, what.size(), what) == 0;
}

// One digit at i (ASCII or full width): its value and byte length, or length 0.
size_t read_digit(std::string_view s, size_t i, int& value) {
  if (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    value = s[i] - '0';
    return 1;
  }
  if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xEF &&
      static_cast<unsigned char>(s[i + 1]) == 0xBC) {
    const unsigned char c = static_cast<unsigned char>(s[i + 2]);
    if (c >= 0x90 && c <= 0x99) {
      value = c - 0x90;
      return 3;
    }
  }
  return 0;
}

// A run of digits at i: its value, its digit count and its end.
struct Number {
  int value = 0, digits = 0;
  size_t end = 0;
};
Number read_number(std::string_view s, size_t i) {
  Number n;
  n.end = i;
  int d = 0;
  for (size_t len; (len = read_digit(s, n.end, d)) > 0; n.end += len) {
    n.value = std::min(n.value * 10 + d, 1000);
    ++n.digits;
  }
  return n;
}

// The byte before i is part of a number, a word or a date written with separators.
bool glued_before(std::string_view s, size_t i) {
  if (i == 0) return false;
  const char c = s[i - 1];
  if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  if (c == '/' || c == '-' || c == '.' || c == ':' || c == ',') return true;
  int unused = 0;
  return i >= 3 && read_digit(s, i - 3, unused) == 3;  // a full-width digit
}

// The text before i, spaces skipped, ends with what.
bool preceded_by(std::string_view s, size_t i, std::string_view what) {
  while (i > 0 && s[i - 1] == ' ') --i;
  return i >= what.size() && s.substr(i - what.size(), what.size()) == what;
}

// The opening bracket ends right before i: its start, or npos.
size_t open_bracket_before(std::string_view s, size_t i) {
  if (i >= 1 && s[i - 1] == '(') return i - 1;
  if (i >= kFullOpen.size() && s.substr(i - kFullOpen.size(), kFullOpen.size()) == kFullOpen)
    return i - kFullOpen.size();
  return std::string_view::npos;
}

// The closing bracket at i: its length, or 0.
size_t close_bracket_at(std::string_view s, size_t i) {
  if (i < s.size() && s[i] == ')') return 1;
  return starts(s, i, kFullClose) ? kFullClose.size() : 0;
}

// The word before a bracket at `open` (one space allowed) is a weekday.
bool weekday_before(std::string_view s, size_t open) {
  size_t end = open;
  if (end > 0 && s[end - 1] == ' ') --end;
  size_t begin = end;
  while (begin > 0 && s[begin - 1] != ' ' && s[begin - 1] != '\n' && s[begin - 1] != ',') --begin;
  std::string word(s.substr(begin, end - begin));
  std::transform(word.begin(), word.end(), word.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
  return std::any_of(kWeekdayEndings.begin(), kWeekdayEndings.end(), [&](std::string_view w) {
    return word.size() >= w.size() && word.compare(word.size() - w.size(), w.size(), w) == 0;
  });
}

bool day_word_before(std::string_view s, size_t open) {
  return std::any_of(kDayWordsBeforeParen.begin(), kDayWordsBeforeParen.end(),
                     [&](std::string_view w) { return preceded_by(s, open, w); });
}

template <size_t N>
bool any_starts(std::string_view s, size_t i, const std::array<std::string_view, N>& words) {
  return std::any_of(words.begin(), words.end(),
                     [&](std::string_view w) { return starts(s, i, w); });
}

// The day of a number at [i, n.end), or none.
DayAlone day_at(std::string_view s, size_t i, const Number& n) {
  DayAlone none;
  if (n.digits > 2 || n.value < 1 || n.value > 31 || glued_before(s, i)) return none;
  const DayAlone day{0, n.value};
  if (starts(s, n.end, kRi)) {
    if (preceded_by(s, i, kYue) || any_starts(s, n.end + kRi.size(), kNotAfterRi)) return none;
    return day;
  }
  if (starts(s, n.end, kIl)) {
    if (preceded_by(s, i, kWol) || any_starts(s, n.end + kIl.size(), kNotAfterIl)) return none;
    return day;
  }
  const size_t open = open_bracket_before(s, i);
  if (open == std::string_view::npos) return none;
  if (close_bracket_at(s, n.end) > 0)
    return day_word_before(s, open) || weekday_before(s, open) ? day : none;
  if (n.end < s.size() && s[n.end] == '/') {  // "(17/1)": day and month
    const Number month = read_number(s, n.end + 1);
    if (month.digits == 0 || month.digits > 2 || month.value < 1 || month.value > 12) return none;
    if (close_bracket_at(s, month.end) == 0 || !weekday_before(s, open)) return none;
    return DayAlone{month.value, n.value};
  }
  return none;
}

}  // namespace

DayAlone find_day_alone(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    int unused = 0;
    if (read_digit(text, i, unused) == 0) {
      ++i;
      continue;
    }
    const Number n = read_number(text, i);
    const DayAlone day = day_at(text, i, n);
    if (day.day > 0) return day;
    i = n.end;
  }
  return DayAlone{};
}

}  // namespace readouts
