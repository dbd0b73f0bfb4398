// Facet counting over matches (see facet_spies.h).
#include "shared/search/facet_spies.h"

#include <cstdio>

#include "shared/core/schema.h"

namespace readouts {

void ListValueSpy::operator()(const Xapian::Document& doc, double) {
  ++lists_[doc.get_value(slot_)];
}

std::unordered_map<std::string, uint64_t> ListValueSpy::counts() const {
  std::unordered_map<std::string, uint64_t> out;
  for (const auto& [v, n] : lists_) {
    size_t start = 0;
    while (start < v.size()) {
      size_t end = v.find(schema::kListSeparator, start);
      if (end == std::string::npos) end = v.size();
      if (end > start) out[v.substr(start, end - start)] += n;
      start = end + 1;
    }
  }
  return out;
}

void DateSpy::operator()(const Xapian::Document& doc, double) {
  const std::string v = doc.get_value(schema::kSlotDate);
  uint32_t year_month = 0;
  bool digits = v.size() == 8;
  for (size_t i = 0; digits && i < 6; ++i) {
    digits = v[i] >= '0' && v[i] <= '9';
    year_month = year_month * 10 + static_cast<uint32_t>(v[i] - '0');
  }
  if (!digits) {
    ++undated_;
    return;
  }
  ++year_months_[year_month];
}

std::unordered_map<std::string, uint64_t> DateSpy::years() const {
  std::unordered_map<std::string, uint64_t> out;
  char buf[16];
  for (const auto& [ym, n] : year_months_) {
    std::snprintf(buf, sizeof buf, "%04u", ym / 100);
    out[buf] += n;
  }
  return out;
}

std::unordered_map<std::string, uint64_t> DateSpy::months() const {
  std::unordered_map<std::string, uint64_t> out;
  char buf[16];
  for (const auto& [ym, n] : year_months_) {
    if (ym % 100 == 0) continue;  // known to the year only
    std::snprintf(buf, sizeof buf, "%04u-%02u", ym / 100, ym % 100);
    out[buf] += n;
  }
  return out;
}

}  // namespace readouts
