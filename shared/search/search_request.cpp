// Validation of SearchRequest fields and parsing of sort orders and date bounds.
#include "shared/search/search_request.h"

#include <cstdio>

#include "shared/text/utf8.h"

namespace readouts {

namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

int days_in_month(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) return 29;
  return kDays[month - 1];
}

}  // namespace

Result<DateBounds> parse_date_bounds(std::string_view text) {
  auto bad = [&](std::string why) {
    return make_error(Code::kInvalidArgument,
                      "date '" + std::string(text.substr(0, 40)) + "' " + why +
                          ": use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2025-06");
  };
  if (text.size() != 4 && text.size() != 7 && text.size() != 10) return bad("is not a date");
  std::string_view y = text.substr(0, 4);
  if (!all_digits(y)) return bad("has no four-digit year");
  int year = to_int(y);
  if (year < 1000) return bad("is out of range");
  char buf[32];
  if (text.size() == 4) {
    std::snprintf(buf, sizeof buf, "%04d", year);
    return DateBounds{std::string(buf) + "0000", std::string(buf) + "9999"};
  }
  if (text[4] != '-' || !all_digits(text.substr(5, 2))) return bad("has no valid month");
  int month = to_int(text.substr(5, 2));
  if (month < 1 || month > 12) return bad("has a month outside 01..12");
  if (text.size() == 7) {
    std::snprintf(buf, sizeof buf, "%04d%02d", year, month);
    return DateBounds{std::string(buf) + "00", std::string(buf) + "99"};
  }
  if (text[7] != '-' || !all_digits(text.substr(8, 2))) return bad("has no valid day");
  int day = to_int(text.substr(8, 2));
  if (day < 1 || day > days_in_month(year, month)) return bad("has a day outside its month");
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", year, month, day);
  return DateBounds{buf, buf};
}

Result<SortOrder> parse_sort(std::string_view text) {
  if (text.empty() || text == "relevance") return SortOrder::kRelevance;
  if (text == "date" || text == "-date" || text == "newest") return SortOrder::kDateDesc;
  if (text == "+date" || text == "oldest") return SortOrder::kDateAsc;
  return make_error(Code::kInvalidArgument, "sort '" + std::string(text.substr(0, 40)) +
                                                "' is not known: use relevance, date (newest "
                                                "first) or oldest");
}

Status validate(const SearchRequest& r, const SearchLimits& limits) {
  if (r.q.size() > limits.max_query_bytes)
    return make_error(Code::kInvalidArgument,
                      "q is " + std::to_string(r.q.size()) + " bytes long; the limit is " +
                          std::to_string(limits.max_query_bytes) + ": shorten the query");
  // Xapian 1.4.22's QueryParser leaks memory on some invalid UTF-8 (found by fuzz_query), and
  // no valid query needs it.
  if (!is_valid_utf8(r.q))
    return make_error(Code::kInvalidArgument, "q is not valid UTF-8: send the query as UTF-8 text");
  if (r.page < 1) return make_error(Code::kInvalidArgument, "page must be 1 or more");
  if (r.per_page < 1 || r.per_page > limits.max_per_page)
    return make_error(Code::kInvalidArgument,
                      "per_page must be between 1 and " + std::to_string(limits.max_per_page));
  if (static_cast<long>(r.page) * r.per_page > limits.max_result_depth)
    return make_error(Code::kInvalidArgument,
                      "page * per_page may not exceed " + std::to_string(limits.max_result_depth) +
                          ": narrow the search with filters instead of paging this deep");
  for (const auto* list : {&r.speakers, &r.topics, &r.sources, &r.languages}) {
    if (list->size() > limits.max_filter_values)
      return make_error(
          Code::kInvalidArgument,
          "at most " + std::to_string(limits.max_filter_values) + " values per filter");
    for (const auto& v : *list)
      if (v.empty() || v.size() > 200 || !is_valid_utf8(v))
        return make_error(Code::kInvalidArgument,
                          "filter values must be 1 to 200 bytes of UTF-8 text");
  }
  DateBounds from, to;
  if (!r.from.empty()) {
    auto b = parse_date_bounds(r.from);
    if (!b.ok()) return make_error(Code::kInvalidArgument, "from: " + b.error().message);
    from = b.value();
  }
  if (!r.to.empty()) {
    auto b = parse_date_bounds(r.to);
    if (!b.ok()) return make_error(Code::kInvalidArgument, "to: " + b.error().message);
    to = b.value();
  }
  if (!r.from.empty() && !r.to.empty() && from.lower > to.upper)
    return make_error(Code::kInvalidArgument,
                      "from (" + r.from + ") is after to (" + r.to + "): swap them");
  return Status::Ok();
}

}  // namespace readouts
