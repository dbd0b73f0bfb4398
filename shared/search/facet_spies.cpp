// Facet counting over matches (see facet_spies.h).
#include "shared/search/facet_spies.h"

#include "shared/core/schema.h"

namespace readouts {

void ListValueSpy::operator()(const Xapian::Document& doc, double) {
  const std::string v = doc.get_value(slot_);
  size_t start = 0;
  while (start < v.size()) {
    size_t end = v.find(schema::kListSeparator, start);
    if (end == std::string::npos) end = v.size();
    if (end > start) ++counts_[v.substr(start, end - start)];
    start = end + 1;
  }
}

void DateSpy::operator()(const Xapian::Document& doc, double) {
  const std::string v = doc.get_value(schema::kSlotDate);
  if (v.size() != 8) {
    ++undated_;
    return;
  }
  ++years_[v.substr(0, 4)];
  if (v[4] != '0' || v[5] != '0') ++months_[v.substr(0, 4) + "-" + v.substr(4, 2)];
}

}  // namespace readouts
