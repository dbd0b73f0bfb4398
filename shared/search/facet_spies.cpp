// Facet counting over matches (see facet_spies.h).
#include "shared/search/facet_spies.h"

#include <array>
#include <cstdio>
#include <string_view>

#include "shared/core/schema.h"

namespace readouts {

namespace {

void count_list(std::string_view list, uint64_t n, FacetCounts& out) {
  size_t start = 0;
  while (start < list.size()) {
    size_t end = list.find(schema::kListSeparator, start);
    if (end == std::string_view::npos) end = list.size();
    if (end > start) out[std::string(list.substr(start, end - start))] += n;
    start = end + 1;
  }
}

bool all_digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

}  // namespace

void FacetSpy::operator()(const Xapian::Document& doc, double) {
  std::string v = doc.get_value(schema::kSlotFacets);
  if (v.empty()) {  // a database written before kSlotFacets
    v = schema::facet_value(doc.get_value(schema::kSlotDate), doc.get_value(schema::kSlotSpeakers),
                            doc.get_value(schema::kSlotTopics), doc.get_value(schema::kSlotSource),
                            doc.get_value(schema::kSlotLanguage));
  }
  const size_t end = v.find(schema::kFieldSeparator);
  const std::string_view date = std::string_view(v).substr(0, end);
  if (date.size() == 8 && all_digits(date)) {
    uint32_t year_month = 0;
    for (char c : date.substr(0, 6)) year_month = year_month * 10 + static_cast<uint32_t>(c - '0');
    ++year_months_[year_month];
  } else {
    ++undated_;
  }
  ++rests_[end == std::string::npos ? std::string() : v.substr(end + 1)];
}

Facets FacetSpy::facets() const {
  Facets out;
  char buf[16];
  for (const auto& [ym, n] : year_months_) {
    std::snprintf(buf, sizeof buf, "%04u", ym / 100);
    out.years[buf] += n;
    if (ym % 100 == 0) continue;  // known to the year only
    std::snprintf(buf, sizeof buf, "%04u-%02u", ym / 100, ym % 100);
    out.months[buf] += n;
  }
  out.undated = undated_;
  for (const auto& [rest_value, n] : rests_) {
    std::array<std::string_view, 4> fields{};  // speakers, topics, source, language
    std::string_view rest = rest_value;
    for (size_t i = 0; i < fields.size(); ++i) {
      const size_t end = rest.find(schema::kFieldSeparator);
      fields[i] = rest.substr(0, end);
      if (end == std::string_view::npos) break;
      rest.remove_prefix(end + 1);
    }
    count_list(fields[0], n, out.speakers);
    count_list(fields[1], n, out.topics);
    if (!fields[2].empty()) out.sources[std::string(fields[2])] += n;
    if (!fields[3].empty()) out.languages[std::string(fields[3])] += n;
  }
  return out;
}

}  // namespace readouts
