// Dates written the Chinese, Japanese and Korean way inside a run of text ("2025年11月24日",
// "11月", "十一月份", "2025년 11월 24일"): where they are and what they say. Pure; thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

namespace readouts {

struct CjkDate {
  int year = 0;               // 1900..2100, 0 when not written ("11月")
  int month = 0;              // 1..12, 0 when not written ("2025年")
  int day = 0;                // 1..31, 0 when not written; only read after a month
  size_t begin = 0, end = 0;  // the bytes of text the date takes
};

// The first date in text: a year ("2025年", "2025년"), optionally followed by a month ("11月",
// "11월", "十一月") and a day ("24日", "24일"); or a month without a year, with an optional day.
// Spaces between the parts are allowed ("2025년 11월 24일"). A month in Chinese numerals is read
// only at the start of the text or after a year, and "份" after a month belongs to it ("11月份").
// Returns false when text holds none. A day is checked against its month (no "2月30日").
bool find_cjk_date(std::string_view text, CjkDate& date);

}  // namespace readouts
