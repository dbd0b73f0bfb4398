// The day of the month a news lead names without its month or year ("19日", "24일", "今(18)晚",
// "segunda-feira (24)", "Jumat (17/1)"), as East Asian, Portuguese and Indonesian news write the
// day of the event they report. Pure; thread-safe.
#pragma once

#include <string_view>

namespace readouts {

struct DayAlone {
  int month = 0;  // 1..12 when the form gives it ("Jumat (17/1)"), else 0
  int day = 0;    // 1..31; 0 when the text names none
};

// The first such day in text. Not read: a day after a month ("11月24日": that is a month and a
// day, for find_dates), a count of days ("3日間", "3日前", "24일간", "3일째"), a number inside a
// longer number, or a parenthesised number after anything but a weekday or 今/昨/前/本.
DayAlone find_day_alone(std::string_view text);

}  // namespace readouts
