// Article: the plain value every reader produces and every writer consumes (no Xapian here).
//
// An Article is what `readouts-index inspect --json` prints and what the document builder turns
// into a Xapian document. Plain data; copyable; thread-compatible.
#pragma once

#include <string>
#include <vector>

#include "nlohmann/json_fwd.hpp"

namespace readouts {

enum class DatePrecision { kUnknown = 0, kYear, kMonth, kDay };

std::string_view precision_name(DatePrecision p);  // "unknown" | "year" | "month" | "day"

struct ArticleDate {
  int year = 0;   // 0 when unknown
  int month = 0;  // 1..12, 0 when unknown
  int day = 0;    // 1..31, 0 when unknown
  DatePrecision precision = DatePrecision::kUnknown;
  std::string
      evidence;  // where the date came from, e.g. "front matter", "metadata line", "dateline"

  bool known() const { return precision != DatePrecision::kUnknown; }
  // "YYYY-MM-DD", "YYYY-MM", "YYYY" by precision; "" when unknown.
  std::string iso() const;
  // "YYYYMMDD" with "00" for unknown month/day; "" when unknown. Sorts and range-filters as text.
  std::string sortable() const;
  static ArticleDate from_sortable(std::string_view yyyymmdd);
};

struct Passage {
  std::string speaker;  // canonical name; empty when no one is speaking (narration)
  std::string text;
};

// The exchange an article gives an account of, as the article itself shows it (shared/events/):
// the kind of exchange and who took part on each side. Grouping accounts into events uses it.
struct Exchange {
  std::string kind;                // "call", "video-call", "meeting", "talks"; "" when unknown
  std::vector<std::string> china;  // canonical names of the Chinese participants, first = lead
  std::vector<std::string> us;     // the same for the United States
  // Named events (data/events.json ids) whose names, or whose place's names, the title or first
  // paragraphs hold, and whose people all take part: places an article of unknown date.
  std::vector<std::string> named;
  std::string place;  // data/places.json id of where it happened; "" for calls and when unsaid
  // The place's country (places.json "CN", "DE"), and whether the place also stands for its
  // government ("Beijing and Washington resumed talks in Geneva"): such a place may not be where
  // the exchange happened. Not shown; the grouping reads them (value slot 9).
  std::string place_country;
  bool place_stands_for_government = false;
  // The day the title or opening paragraphs name without a year ("on Oct. 30", "4月2日"), as
  // "MM-DD", or without a month ("19日", "24일", "今(18)晚") as "--DD", for an article whose own
  // date is not known to the day: places it among the exchanges of its people on that day of
  // some year (of some month). "" when none.
  std::string month_day;
  // The day of the week the title or lead names ("on Wednesday", "周三", "mercredi"), 1 = Monday
  // to 7 = Sunday, for an article whose own date is not known to the day; 0 when none.
  int weekday = 0;

  bool empty() const { return china.empty() || us.empty(); }
};

struct Article {
  std::string id;      // stable id: explicit, else derived (see shared/extract/article_id.h)
  std::string origin;  // path (with #N for the Nth record of a multi-record file) or "-"
  std::string title;
  ArticleDate date;
  std::string source;  // agency or outlet, e.g. "APP", "The White House"
  std::string url;
  std::string language;  // BCP 47: "en", "zh-Hans", "zh-Hant", or another tag; "und" if unknown
  std::vector<std::string>
      speakers;  // canonical names of people who speak, in order of first speech
  std::vector<std::string> mentions;  // canonical names of people named but not speaking
  std::vector<std::string> topics;    // topic ids from the taxonomy
  // Whose account it is, by its source: "china_government", "us_government", "china_press",
  // "us_press", "other_press"; "" when the source is unknown.
  std::string side;
  Exchange exchange;
  // The event it is an account of: set by the database (grouping runs after indexing), "" when
  // none or not from a database (inspect).
  std::string event;
  std::vector<Passage> passages;  // the text, paragraph by paragraph, with speakers
  std::string format;             // reader that produced it: text, markdown, json, jsonl, html
  std::string content_hash;       // hex hash of the record's bytes: detects changed files
  // The UTC day the database stored it ("YYYY-MM-DD"): set by the document builder, "" when
  // not from a database (inspect) or stored before 2026-12-05. Citations' "retrieved".
  std::string indexed;
  std::vector<std::string> warnings;  // non-fatal problems (no date, repaired UTF-8, ...)

  // Passages joined by blank lines.
  std::string body() const;
};

// JSON form used by `inspect --json`, document data and the API. Stable field names (docs/cli.md).
void to_json(nlohmann::json& j, const Article& a);
void from_json(const nlohmann::json& j, Article& a);
// The same mapping from the stored JSON text (a document's data), read with simdjson: what
// from_json(nlohmann::json::parse(data)) gives, several times faster (search hits read it for
// every result). False, and `a` left as it was, when the text is not a JSON object.
bool article_from_stored(std::string_view data, Article& a);

// The passages in their stored form (value slot schema::kSlotPassages, docs/schema.md): for each
// passage its speaker and its text, each a length (7 bits a byte, low first, the high bit set on
// every byte but the last) and its bytes. Hits read them there without the document data.
std::string passages_value(const std::vector<Passage>& passages);
// Appends the passages of a passages_value to `out`. False, with the passages read before the
// fault kept, when the value is cut short or malformed.
bool passages_from_value(std::string_view value, std::vector<Passage>& out);

}  // namespace readouts
