// The day of the month a lead names alone (shared/extract/day_alone.h), in the forms news writes.
#include <doctest/doctest.h>

#include "shared/extract/day_alone.h"

using namespace readouts;

namespace {
int day_of(std::string_view text) { return find_day_alone(text).day; }
}  // namespace

TEST_CASE("Japanese, Chinese and Korean days written alone") {
  CHECK(day_of("\xE5\xA4\xA7\xE7\xB5\xB1\xE9\xA0\x98\xE3\x81\xAF"
               "19\xE6\x97\xA5\xE3\x80\x81") == 19);  // 大統領は19日、
  CHECK(day_of("\xEB\x8C\x80\xED\x86\xB5\xEB\xA0\xB9\xEC\x9D\x80 24\xEC\x9D\xBC ") == 24);  // 24일
  CHECK(day_of("\xEC\x98\xA4\xEB\x8A\x98(18\xEC\x9D\xBC)") == 18);  // 오늘(18일)
  CHECK(day_of("\xE4\xBB\x8A(18)\xE6\x99\x9A") == 18);              // 今(18)晚
  CHECK(day_of("\xE6\x98\xA8\xEF\xBC\x88"
               "17\xEF\xBC\x89\xE6\x97\xA5") == 17);            // 昨（17）日
  CHECK(day_of("\xEF\xBC\x92\xEF\xBC\x94\xE6\x97\xA5") == 24);  // full-width ２４日
}

TEST_CASE("a day after a month, a count of days, or another number is not a day alone") {
  CHECK(day_of("11\xE6\x9C\x88"
               "24\xE6\x97\xA5") == 0);                          // 11月24日
  CHECK(day_of("11\xEC\x9B\x94 24\xEC\x9D\xBC") == 0);           // 11월 24일
  CHECK(day_of("3\xE6\x97\xA5\xE9\x96\x93") == 0);               // 3日間
  CHECK(day_of("3\xE6\x97\xA5\xE5\x89\x8D") == 0);               // 3日前
  CHECK(day_of("24\xEC\x9D\xBC\xEA\xB0\x84") == 0);              // 24일간
  CHECK(day_of("3\xEC\x9D\xBC \xEB\x8F\x99\xEC\x95\x88") == 0);  // 3일 동안
  CHECK(day_of("2025-11-24\xE6\x97\xA5") == 0);                  // part of a longer date
  CHECK(day_of("124\xE6\x97\xA5") == 0);                         // three digits
  CHECK(day_of("32\xE6\x97\xA5") == 0);
  CHECK(day_of("Part (2) of the series") == 0);  // a bracket after a word
  CHECK(day_of("Li Ming (24) said") == 0);       // an age after a name
  CHECK(day_of("no numbers at all") == 0);
  CHECK(day_of("") == 0);
}

TEST_CASE("a weekday followed by the day in brackets, with the month in Indonesian") {
  CHECK(day_of("nesta segunda-feira (24), segundo a imprensa") == 24);
  CHECK(day_of("el viernes (19) por la noche") == 19);
  const DayAlone d = find_day_alone("menelepon pada Jumat (17/1), tiga hari");
  CHECK(d.day == 17);
  CHECK(d.month == 1);
  CHECK(find_day_alone("Senin (3/13)").day == 0);  // no thirteenth month
  CHECK(find_day_alone("pada (17/1)").day == 0);   // no weekday before it
}
