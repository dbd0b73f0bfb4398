// Reads dates written the Chinese, Japanese and Korean way ("2025年11月24日", "11월") in text.
#include "shared/text/cjk_dates.h"

#include <array>

namespace readouts {

namespace {

constexpr std::string_view kYearMarks[] = {"年", "년"};
constexpr std::string_view kMonthMarks[] = {"月", "월"};
constexpr std::string_view kDayMarks[] = {"日", "일"};
// Months in Chinese numerals, longest first so that 十一月 is not read as 一月.
constexpr std::array<std::string_view, 12> kChineseMonths = {
    "十二", "十一", "十", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
constexpr std::array<int, 12> kChineseMonthNumbers = {12, 11, 10, 1, 2, 3, 4, 5, 6, 7, 8, 9};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The mark of marks that text has at pos, or 0.
template <size_t N>
size_t mark_at(std::string_view text, size_t pos, const std::string_view (&marks)[N]) {
  for (std::string_view m : marks)
    if (text.substr(pos).starts_with(m)) return m.size();
  return 0;
}

size_t skip_spaces(std::string_view text, size_t pos) {
  while (pos < text.size() && text[pos] == ' ') ++pos;
  return pos;
}

// A number of 1..max_digits ASCII digits at pos followed by one of marks: its value and the
// position after the mark; false otherwise (or when more digits precede or follow).
template <size_t N>
bool number_with_mark(std::string_view text, size_t pos, size_t max_digits,
                      const std::string_view (&marks)[N], int& value, size_t& after) {
  size_t d = pos;
  while (d < text.size() && is_digit(text[d])) ++d;
  if (d == pos || d - pos > max_digits) return false;
  const size_t m = mark_at(text, d, marks);
  if (!m) return false;
  value = 0;
  for (size_t k = pos; k < d; ++k) value = value * 10 + (text[k] - '0');
  after = d + m;
  return true;
}

// A month at pos (digits or, when chinese_numerals, Chinese numerals) and its end.
bool month_at(std::string_view text, size_t pos, bool chinese_numerals, int& month, size_t& after) {
  if (number_with_mark(text, pos, 2, kMonthMarks, month, after)) return month >= 1 && month <= 12;
  if (!chinese_numerals) return false;
  for (size_t k = 0; k < kChineseMonths.size(); ++k) {
    const std::string_view numeral = kChineseMonths[k];
    if (text.substr(pos).starts_with(numeral) &&
        text.substr(pos + numeral.size()).starts_with("月")) {
      month = kChineseMonthNumbers[k];
      after = pos + numeral.size() + std::string_view("月").size();
      return true;
    }
  }
  return false;
}

int days_in(int year, int month) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && year && !((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) return 28;
  return kDays[month - 1];
}

// Month (and day) from pos; fills date and returns true when a month is there.
bool month_and_day(std::string_view text, size_t pos, bool chinese_numerals, CjkDate& date) {
  int month = 0;
  size_t after = 0;
  if (!month_at(text, pos, chinese_numerals, month, after)) return false;
  date.month = month;
  date.end = after;
  if (text.substr(after).starts_with("份")) {
    date.end = after + std::string_view("份").size();
    return true;
  }
  int day = 0;
  size_t day_end = 0;
  const size_t d = skip_spaces(text, after);
  if (number_with_mark(text, d, 2, kDayMarks, day, day_end) && day >= 1 &&
      day <= days_in(date.year, month)) {
    date.day = day;
    date.end = day_end;
  }
  return true;
}

}  // namespace

bool find_cjk_date(std::string_view text, CjkDate& date) {
  for (size_t pos = 0; pos < text.size(); ++pos) {
    const bool starts_number = is_digit(text[pos]) && (pos == 0 || !is_digit(text[pos - 1]));
    CjkDate found;
    found.begin = pos;
    int year = 0;
    size_t after = 0;
    if (starts_number && number_with_mark(text, pos, 4, kYearMarks, year, after) && year >= 1900 &&
        year <= 2100) {
      found.year = year;
      found.end = after;
      month_and_day(text, skip_spaces(text, after), true, found);
      date = found;
      return true;
    }
    if ((starts_number || pos == 0) && month_and_day(text, pos, pos == 0, found)) {
      date = found;
      return true;
    }
  }
  return false;
}

}  // namespace readouts
