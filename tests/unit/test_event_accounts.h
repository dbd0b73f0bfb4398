// An account's signature for the grouping tests (test_events_grouping.cpp, test_events_recall.cpp).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "shared/events/grouping.h"

namespace readouts::testing {

inline AccountSignature account(const char* date, const char* kind, std::vector<std::string> china,
                                std::vector<std::string> us) {
  AccountSignature s;
  s.day = day_number(date);
  s.month = month_number(date);
  s.kind = kind;
  s.china = std::move(china);
  s.us = std::move(us);
  return s;
}

}  // namespace readouts::testing
