// Unit tests: dates written the Chinese, Japanese and Korean way, found inside text.
#include <doctest/doctest.h>

#include <string>

#include "shared/text/cjk_dates.h"

using namespace readouts;

namespace {

// "Y-M-D@begin-end" for the first date in text, "none" when there is none.
std::string read(std::string_view text) {
  CjkDate d;
  if (!find_cjk_date(text, d)) return "none";
  return std::to_string(d.year) + "-" + std::to_string(d.month) + "-" + std::to_string(d.day) +
         "@" + std::string(text.substr(d.begin, d.end - d.begin));
}

}  // namespace

TEST_CASE("CJK dates: years, months and days in each script") {
  CHECK(read("2025年11月24日") == "2025-11-24@2025年11月24日");
  CHECK(read("2025年11月") == "2025-11-0@2025年11月");
  CHECK(read("2025年") == "2025-0-0@2025年");
  CHECK(read("2025년 11월 24일") == "2025-11-24@2025년 11월 24일");
  CHECK(read("2025년 11월") == "2025-11-0@2025년 11월");
  CHECK(read("11월") == "0-11-0@11월");
  CHECK(read("11月") == "0-11-0@11月");
  CHECK(read("11月份") == "0-11-0@11月份");
  CHECK(read("十一月") == "0-11-0@十一月");
  CHECK(read("十月") == "0-10-0@十月");
  CHECK(read("2019年十二月") == "2019-12-0@2019年十二月");
  CHECK(read("3月5日") == "0-3-5@3月5日");
}

TEST_CASE("CJK dates: found inside a run of words") {
  CHECK(read("习近平2025年11月通电话") == "2025-11-0@2025年11月");
  CHECK(read("双方于6月5日通话") == "0-6-5@6月5日");
  CHECK(read("今年十一月") == "none");  // Chinese numerals only at the start or after a year
}

TEST_CASE("CJK dates: what is not a date") {
  CHECK(read("") == "none");
  CHECK(read("台湾") == "none");
  CHECK(read("13月") == "none");
  CHECK(read("0月") == "none");
  CHECK(read("123月") == "none");                        // three digits are no month
  CHECK(read("1850年") == "none");                       // outside 1900..2100, and no month follows
  CHECK(read("20251年") == "none");                      // five digits
  CHECK(read("2025") == "none");                         // a year without its mark is not read here
  CHECK(read("2025年2月30日") == "2025-2-0@2025年2月");  // no such day: the month stands
  CHECK(read("2024年2月29日") == "2024-2-29@2024年2月29日");  // leap year
  CHECK(read("2025年11月2") == "2025-11-0@2025年11月");       // a day needs its mark
}
