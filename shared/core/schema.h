// The Xapian schema of a readouts database: the ONLY place term prefixes, value slots and the
// schema version are spelled. The document builder and the query builder both read this table.
//
// Changing a prefix, a slot's meaning or the tokenisation means bumping kSchemaVersion: a server
// refuses a database whose recorded version it cannot read (see check_schema_version). The
// reasoning behind each entry is in docs/schema.md. Thread-safe: constants only.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace readouts::schema {

// Written to the database metadata key kVersionKey by the indexer. Bump on any incompatible change.
// 2: Chinese indexed in simplified form; 3: events; 4: passages in slot 10, not in the data.
inline constexpr int kSchemaVersion = 4;
inline constexpr std::string_view kVersionKey = "readouts.schema_version";
// Metadata key prefix for per-origin bookkeeping (content hash of each indexed file).
inline constexpr std::string_view kOriginMetaPrefix = "readouts.origin:";
// Metadata key of a shard of a set (docs/scaling.md): "I/N", this database is shard I of N. Absent
// in a database that is not part of a set.
inline constexpr std::string_view kShardMetaKey = "readouts.shard";

// ---- Term prefixes (docs/schema.md). Boolean values are lower-cased before use. ----
inline constexpr std::string_view kIdPrefix = "Q";          // Q<article id>: unique, boolean
inline constexpr std::string_view kTitlePrefix = "S";       // free text of the title (+ positions)
inline constexpr std::string_view kSpeakerPrefix = "XSP";   // XSP<canonical name, lower case>
inline constexpr std::string_view kMentionPrefix = "XMN";   // XMN<canonical name, lower case>
inline constexpr std::string_view kTopicPrefix = "K";       // K<topic id>
inline constexpr std::string_view kSourcePrefix = "XSRC";   // XSRC<source, lower case>
inline constexpr std::string_view kLanguagePrefix = "L";    // L<language tag, lower case>
inline constexpr std::string_view kYearPrefix = "Y";        // Y2025
inline constexpr std::string_view kMonthPrefix = "M";       // M202511
inline constexpr std::string_view kDayPrefix = "D";         // D20251124
inline constexpr std::string_view kOriginPrefix = "XO";     // XO<hash of origin file>: its records
inline constexpr std::string_view kFormatPrefix = "XF";     // XF<reader name>
inline constexpr std::string_view kNoDateTerm = "XNODATE";  // articles with an unknown date
inline constexpr std::string_view kEventPrefix = "XEV";  // XEV<event id>: the accounts of an event
// XEX<canonical name, lower case>: a participant of the exchange the article reports (its
// Exchange: who talked or met, as opposed to who is named or quoted).
inline constexpr std::string_view kExchangePrefix = "XEX";
// Words a speaker says: XW<speaker key>: + the word's term as TermGenerator makes it, but only
// the forms a query asks for (see spoken_term): a Latin word by its stem, with the Z in front
// ("ZXWxi_jinping:taiwan"), numbers, CJK n-grams and other non-ASCII words as they are
// ("XWxi_jinping:2025", "XWxi_jinping:台湾"). Lets `speaker:xi taiwan` rank articles where Xi
// himself talks about Taiwan. Speaker key: see speaker_key().
inline constexpr std::string_view kSpokenPrefix = "XW";

// ---- Value slots. DO NOT RENUMBER: slot numbers are stored in every database. ----
enum Slot : unsigned {
  kSlotDate = 0,         // "YYYYMMDD", "00" for unknown month/day; absent when no date
  kSlotSpeakers = 1,     // canonical names joined by kListSeparator (facets)
  kSlotTopics = 2,       // topic ids joined by kListSeparator (facets)
  kSlotSource = 3,       // source as written
  kSlotLanguage = 4,     // language tag
  kSlotContentHash = 5,  // hex hash of the record bytes (change detection)
  kSlotEvent = 6,        // event id linking the accounts of one exchange (shared/events/)
  kSlotTitle = 7,        // title as written (result lists without reading document data)
  kSlotFacets = 8,       // slots 0-4 in one value (facet_value): one read per match for facets;
                         // absent in databases written before it (read slots 0-4 then)
  kSlotExchange = 9,     // what grouping reads (exchange_value): absent when no exchange is known
  kSlotPassages = 10,    // the passages (passages_value, article.h), not in the document data:
                         // hits read them without decompressing the data; absent when none
};
inline constexpr char kListSeparator = '\x1f';
inline constexpr char kFieldSeparator = '\x1e';

// kSlotFacets: the values of kSlotDate (or ""), kSlotSpeakers, kSlotTopics, kSlotSource and
// kSlotLanguage, in that order, joined by kFieldSeparator.
std::string facet_value(std::string_view date, std::string_view speakers, std::string_view topics,
                        std::string_view source, std::string_view language);

// kSlotExchange: the date as kSlotDate holds it ("YYYYMMDD", "00" for an unknown month or day;
// "" when unknown), the exchange's kind, the Chinese participants, the US participants, the
// named events it names (each list joined by kListSeparator), the day it names without a year
// ("MM-DD" or "") the day of the week it names ("1" = Monday to "7", or "") and the place it
// was held at (its places.json id, its country, and "g" when it stands for its government, as a
// list; "" when none), joined by kFieldSeparator; "" when a side has no participant. Values written
// before the last three fields existed have five to seven fields.
std::string exchange_value(std::string_view date, std::string_view kind,
                           const std::vector<std::string>& china,
                           const std::vector<std::string>& us,
                           const std::vector<std::string>& named, std::string_view month_day,
                           int weekday, const std::vector<std::string>& place);
std::string event_term(std::string_view event_id);
std::string exchange_term(std::string_view participant);

// User-facing field names of the query language and what they map to.
enum class FieldKind { kFreeText, kBoolean, kDateRange };
struct Field {
  std::string_view name;    // as typed in a query: speaker:, topic: ...
  std::string_view prefix;  // term prefix
  FieldKind kind;
};
inline constexpr std::array<Field, 8> kFields = {{
    {"title", kTitlePrefix, FieldKind::kFreeText},
    {"speaker", kSpeakerPrefix, FieldKind::kBoolean},
    {"mention", kMentionPrefix, FieldKind::kBoolean},
    {"topic", kTopicPrefix, FieldKind::kBoolean},
    {"source", kSourcePrefix, FieldKind::kBoolean},
    {"lang", kLanguagePrefix, FieldKind::kBoolean},
    {"year", kYearPrefix, FieldKind::kBoolean},
    {"date", kDayPrefix, FieldKind::kDateRange},
}};

// Lower-cases ASCII letters and trims; boolean term values are stored this way.
std::string normalize_value(std::string_view value);
// Key of a speaker inside kSpokenPrefix terms: lower case, spaces as '_', ':' removed.
std::string speaker_key(std::string_view canonical_name);

std::string id_term(std::string_view id);
std::string speaker_term(std::string_view name);
std::string mention_term(std::string_view name);
std::string topic_term(std::string_view topic_id);
std::string source_term(std::string_view source);
std::string language_term(std::string_view language);
std::string year_term(int year);
std::string month_term(int year, int month);
std::string day_term(int year, int month, int day);
std::string spoken_prefix(std::string_view canonical_name);  // "XW<key>:"
// The spoken-word term for a term the TermGenerator made from a speaker's passage (no prefix,
// STEM_SOME), under spoken_prefix(speaker); "" when that form is not indexed. Kept: Z stems of
// words starting with a-z ("Ztaiwan" -> "ZXW<key>:taiwan"); unstemmed terms that are not plain
// lower-case ASCII words (numbers, CJK n-grams, "café") -> "XW<key>:<term>". Not kept: the
// unstemmed form of an ASCII word (queries search words by their stems) and Z forms of
// anything else (queries search numbers and n-grams unstemmed).
std::string spoken_term(std::string_view spoken_prefix, std::string_view term);

// Compile-time check: no two fields share a prefix, no prefix is empty.
constexpr bool prefixes_unique() {
  for (size_t i = 0; i < kFields.size(); ++i) {
    if (kFields[i].prefix.empty()) return false;
    for (size_t j = i + 1; j < kFields.size(); ++j)
      if (kFields[i].prefix == kFields[j].prefix) return false;
  }
  return true;
}
static_assert(prefixes_unique(), "schema: duplicate or empty term prefix");

}  // namespace readouts::schema
