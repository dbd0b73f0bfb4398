// Facet counting over matches (see facet_spies.h).
#include "shared/search/facet_spies.h"

#include <array>
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
  ++values_[v];
}

Facets FacetSpy::facets() const {
  Facets out;
  for (const auto& [value, n] : values_) {
    std::array<std::string_view, 5> fields{};  // date, speakers, topics, source, language
    std::string_view rest = value;
    for (size_t i = 0; i < fields.size(); ++i) {
      const size_t end = rest.find(schema::kFieldSeparator);
      fields[i] = rest.substr(0, end);
      if (end == std::string_view::npos) break;
      rest.remove_prefix(end + 1);
    }
    const std::string_view date = fields[0];
    if (date.size() == 8 && all_digits(date)) {
      out.years[std::string(date.substr(0, 4))] += n;
      if (date.substr(4, 2) != "00")
        out.months[std::string(date.substr(0, 4)) + "-" + std::string(date.substr(4, 2))] += n;
    } else {
      out.undated += n;
    }
    count_list(fields[1], n, out.speakers);
    count_list(fields[2], n, out.topics);
    if (!fields[3].empty()) out.sources[std::string(fields[3])] += n;
    if (!fields[4].empty()) out.languages[std::string(fields[4])] += n;
  }
  return out;
}

}  // namespace readouts
