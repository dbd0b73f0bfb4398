// Facet values by docid in memory, and counting facets from them (see facet_table.h).
#include "shared/search/facet_table.h"

#include <array>
#include <cstdio>
#include <limits>
#include <map>
#include <mutex>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "shared/core/schema.h"

namespace readouts {

namespace {

constexpr uint32_t kNotSeen = std::numeric_limits<uint32_t>::max();

// Ids for the distinct values of one facet while a table is built; id 0 is "none".
class Interner {
 public:
  explicit Interner(std::vector<std::string>& names) : names_(names) { names_.assign(1, ""); }
  uint32_t id(std::string_view value) {
    if (value.empty()) return 0;
    auto it = ids_.find(std::string(value));
    if (it != ids_.end()) return it->second;
    const auto id = static_cast<uint32_t>(names_.size());
    names_.emplace_back(value);
    ids_.emplace(names_.back(), id);
    return id;
  }

 private:
  std::vector<std::string>& names_;
  std::unordered_map<std::string, uint32_t> ids_;
};

// Appends the ids of a kListSeparator-joined list's non-empty entries, as FacetSpy counts them
// (an entry named twice counts twice).
void append_list(Interner& interner, std::string_view list, std::vector<uint32_t>& out) {
  size_t start = 0;
  while (start < list.size()) {
    size_t end = list.find(schema::kListSeparator, start);
    if (end == std::string_view::npos) end = list.size();
    const std::string_view entry = list.substr(start, end - start);
    if (!entry.empty()) out.push_back(interner.id(entry));
    start = end + 1;
  }
}

// YYYYMM of a "YYYYMMDD" date (MM 00: the year only) in ym; false when undated, as FacetSpy
// reads it.
bool year_month(std::string_view date, uint32_t& ym) {
  if (date.size() != 8) return false;
  for (char c : date)
    if (c < '0' || c > '9') return false;
  ym = 0;
  for (char c : date.substr(0, 6)) ym = ym * 10 + static_cast<uint32_t>(c - '0');
  return true;
}

template <class T>
size_t vector_bytes(const std::vector<T>& v) {
  return v.capacity() * sizeof(T);
}

size_t names_bytes(const std::vector<std::string>& names) {
  size_t n = vector_bytes(names);
  for (const auto& s : names)
    if (s.size() >= sizeof(std::string)) n += s.capacity() + 1;  // beyond the inline buffer
  return n;
}

}  // namespace

std::shared_ptr<const FacetTable> FacetTable::build(const Xapian::Database& db,
                                                    std::string revision) {
  auto t = std::make_shared<FacetTable>();
  t->revision_ = std::move(revision);
  const size_t size = static_cast<size_t>(db.get_lastdocid()) + 1;  // docid 0 unused
  Interner speakers(t->speakers_), topics(t->topics_), sources(t->sources_),
      languages(t->languages_), events(t->events_);
  std::vector<std::string> dates;  // YYYYMM of year_months_ as strings while building
  Interner date_ids(dates);
  t->speaker_begin_.assign(size + 1, 0);
  t->topic_begin_.assign(size + 1, 0);
  t->source_.assign(size, 0);
  t->language_.assign(size, 0);
  t->date_.assign(size, 0);
  t->event_.assign(size, 0);
  // Documents in docid order, each one's facet value read as the spy reads it (slot 8, else
  // slots 0-4), parsed at once: no copy of all values is held.
  Xapian::ValueIterator v = db.valuestream_begin(schema::kSlotFacets);
  const Xapian::ValueIterator v_end = db.valuestream_end(schema::kSlotFacets);
  size_t next = 1;  // the first docid whose list bounds are not yet set
  std::string value;
  for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
    const Xapian::docid d = *p;
    ++t->documents_;
    for (; next <= d; ++next) {  // deleted docids before d: empty lists
      t->speaker_begin_[next] = static_cast<Id>(t->speaker_ids_.size());
      t->topic_begin_[next] = static_cast<Id>(t->topic_ids_.size());
    }
    if (v != v_end && v.get_docid() < d) v.skip_to(d);
    if (v != v_end && v.get_docid() == d) {
      value = *v;
    } else {  // written before kSlotFacets
      const Xapian::Document doc = db.get_document(d);
      value = schema::facet_value(
          doc.get_value(schema::kSlotDate), doc.get_value(schema::kSlotSpeakers),
          doc.get_value(schema::kSlotTopics), doc.get_value(schema::kSlotSource),
          doc.get_value(schema::kSlotLanguage));
    }
    std::array<std::string_view, 5> fields{};  // date, speakers, topics, source, language
    std::string_view rest = value;
    for (size_t i = 0; i < fields.size(); ++i) {
      const size_t end = rest.find(schema::kFieldSeparator);
      fields[i] = rest.substr(0, end);
      if (end == std::string_view::npos) break;
      rest.remove_prefix(end + 1);
    }
    uint32_t ym = 0;
    if (year_month(fields[0], ym)) t->date_[d] = date_ids.id(std::to_string(ym));
    append_list(speakers, fields[1], t->speaker_ids_);
    append_list(topics, fields[2], t->topic_ids_);
    t->source_[d] = sources.id(fields[3]);
    t->language_[d] = languages.id(fields[4]);
  }
  for (; next <= size; ++next) {
    t->speaker_begin_[next] = static_cast<Id>(t->speaker_ids_.size());
    t->topic_begin_[next] = static_cast<Id>(t->topic_ids_.size());
  }
  t->year_months_.assign(1, 0);
  for (size_t i = 1; i < dates.size(); ++i)
    t->year_months_.push_back(static_cast<uint32_t>(std::stoul(dates[i])));
  for (auto e = db.valuestream_begin(schema::kSlotEvent);
       e != db.valuestream_end(schema::kSlotEvent); ++e)
    t->event_[e.get_docid()] = events.id(*e);
  t->speaker_ids_.shrink_to_fit();
  t->topic_ids_.shrink_to_fit();
  return t;
}

std::shared_ptr<const FacetTable> FacetTable::shared(
    const Xapian::Database& db, const std::filesystem::path& path,
    const std::shared_ptr<const FacetTable>& current) {
  std::string revision;
  try {
    revision = std::to_string(db.get_revision()) + ":" + db.get_uuid();
  } catch (const Xapian::InvalidOperationError&) {
    return nullptr;  // not a local glass or chert database
  }
  if (current && current->revision() == revision) return current;
  static std::mutex mu;
  static std::map<std::string, std::weak_ptr<const FacetTable>> tables;  // path -> newest
  std::lock_guard<std::mutex> lock(mu);
  std::weak_ptr<const FacetTable>& slot = tables[path.string()];
  if (auto t = slot.lock(); t && t->revision() == revision) return t;
  auto t = build(db, revision);
  slot = t;
  return t;
}

size_t FacetTable::bytes() const {
  return vector_bytes(speaker_begin_) + vector_bytes(speaker_ids_) + vector_bytes(topic_begin_) +
         vector_bytes(topic_ids_) + vector_bytes(source_) + vector_bytes(language_) +
         vector_bytes(event_) + vector_bytes(date_) + vector_bytes(year_months_) +
         names_bytes(speakers_) + names_bytes(topics_) + names_bytes(sources_) +
         names_bytes(languages_) + names_bytes(events_);
}

FacetTableSpy::FacetTableSpy(std::shared_ptr<const FacetTable> table, bool count_events)
    : table_(std::move(table)),
      count_events_(count_events),
      speakers_(table_->speakers_.size()),
      topics_(table_->topics_.size()),
      sources_(table_->sources_.size()),
      languages_(table_->languages_.size()),
      dates_(table_->year_months_.size()) {
  if (count_events_) event_first_.assign(table_->events_.size(), kNotSeen);
}

void FacetTableSpy::operator()(const Xapian::Document& doc, double) {
  const FacetTable& t = *table_;
  const Xapian::docid d = doc.get_docid();
  // A table is used only with the database at its revision (Searcher: after the reopen); a
  // docid beyond it means it is not: the search is retried on a new table.
  if (d >= t.source_.size())
    throw Xapian::DatabaseModifiedError("facet table older than the database");
  const uint32_t date = t.date_[d];
  ++dates_[date];
  if (count_events_ && t.event_[d]) {
    const uint32_t ym = t.year_months_[date];
    if (ym % 100 != 0 && ym < event_first_[t.event_[d]]) event_first_[t.event_[d]] = ym;
  }
  for (auto i = t.speaker_begin_[d]; i < t.speaker_begin_[d + 1]; ++i)
    ++speakers_[t.speaker_ids_[i]];
  for (auto i = t.topic_begin_[d]; i < t.topic_begin_[d + 1]; ++i) ++topics_[t.topic_ids_[i]];
  ++sources_[t.source_[d]];
  ++languages_[t.language_[d]];
}

namespace {

// Counts by id as strings; id 0 (none) is not a value.
void named(const std::vector<uint32_t>& counts, const std::vector<std::string>& names,
           FacetCounts& out) {
  for (size_t id = 1; id < counts.size(); ++id)
    if (counts[id]) out.emplace(names[id], counts[id]);
}

}  // namespace

Facets FacetTableSpy::facets() const {
  const FacetTable& t = *table_;
  Facets out;
  named(speakers_, t.speakers_, out.speakers);
  named(topics_, t.topics_, out.topics);
  named(sources_, t.sources_, out.sources);
  named(languages_, t.languages_, out.languages);
  out.undated = dates_[0];
  char buf[16];
  for (size_t id = 1; id < dates_.size(); ++id) {
    if (!dates_[id]) continue;
    const uint32_t ym = t.year_months_[id];
    std::snprintf(buf, sizeof buf, "%04u", ym / 100);
    out.years[buf] += dates_[id];
    if (ym % 100 == 0) continue;  // known to the year only
    std::snprintf(buf, sizeof buf, "%04u-%02u", ym / 100, ym % 100);
    out.months[buf] += dates_[id];
  }
  std::map<uint32_t, uint64_t> event_months;  // YYYYMM -> events: one string per month
  for (uint32_t ym : event_first_)
    if (ym != kNotSeen) ++event_months[ym];
  for (const auto& [ym, n] : event_months) {
    std::snprintf(buf, sizeof buf, "%04u-%02u", ym / 100, ym % 100);
    out.event_months.emplace(buf, n);
  }
  return out;
}

std::unique_ptr<FacetMatchSpy> make_facet_spy(const std::shared_ptr<const FacetTable>& table,
                                              bool count_events) {
  if (table) return std::make_unique<FacetTableSpy>(table, count_events);
  return std::make_unique<FacetSpy>(count_events);
}

}  // namespace readouts
