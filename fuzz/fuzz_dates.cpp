// libFuzzer target: date parsing of untrusted text: parse_date_value() and find_dates()
// (shared/extract/dates.h), find_day_alone() (day_alone.h), the date lines (date_lines.h);
// parse_date_bounds() reads the API's from/to parameters (YYYY, YYYY-MM, YYYY-MM-DD); extraction's
// date reading is reached through extract_articles() with the input placed in a date field, in a
// dateline and in the url's path, in each format.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_common.h"
#include "shared/extract/date_lines.h"
#include "shared/extract/dates.h"
#include "shared/extract/day_alone.h"
#include "shared/extract/extract.h"
#include "shared/search/search_request.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)readouts::fuzz::knowledge();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;
  std::string text(reinterpret_cast<const char*>(data), size);
  auto bounds = readouts::parse_date_bounds(text);
  if (bounds.ok()) {
    const auto& b = bounds.value();
    if (b.lower.size() != 8 || b.upper.size() != 8 || b.lower > b.upper) __builtin_trap();
  }
  // Extraction's own entry points (shared/extract/dates.h).
  if (auto d = readouts::parse_date_value(text); d && d->known()) {
    if (d->month > 12 || d->day > 31 || d->month < 0 || d->day < 0) __builtin_trap();
  }
  auto mentions = readouts::find_dates(text);
  if (mentions.size() > 64) __builtin_trap();
  const readouts::DayAlone alone = readouts::find_day_alone(text);
  if (alone.day < 0 || alone.day > 31 || alone.month < 0 || alone.month > 12 ||
      (alone.month > 0 && alone.day == 0))
    __builtin_trap();
  // The date lines read near a page's top (shared/extract/date_lines.h): each gives a part of
  // the line it read.
  {
    std::string date_text;
    readouts::DateLine::Kind kind;
    const auto part = [&](bool found) {
      if (found && text.find(date_text) == std::string::npos) __builtin_trap();
      date_text.clear();
    };
    part(readouts::metadata_date_line(text, date_text, kind));
    part(readouts::date_only_line(text, date_text));
    part(readouts::year_first_byline(text, date_text));
    part(readouts::title_bar_date(text, date_text));
    part(readouts::closing_timestamp(text, date_text));
    (void)readouts::masthead_clock(text);
    if (size_t n = readouts::leading_date_prefix(text, date_text); n > text.size())
      __builtin_trap();
  }
  static const readouts::Knowledge& knowledge = readouts::fuzz::knowledge();
  readouts::ExtractOptions options;
  std::string one_line = text;
  for (char& c : one_line)
    if (c == '\n' || c == '\r') c = ' ';
  std::string json_text;
  for (char c : one_line) {
    if (c == '"' || c == '\\') json_text += '\\';
    if (static_cast<unsigned char>(c) < 0x20) continue;
    json_text += c;
  }
  const std::string inputs[][2] = {
      {"md", "---\nid: d\ntitle: t\ndate: " + one_line + "\n---\n\nTalks were held.\n"},
      {"txt", "Beijing, " + one_line + " -- Talks were held.\n\nXi said the talks were candid.\n"},
      {"json", "{\"id\":\"d\",\"title\":\"t\",\"date\":\"" + json_text + "\",\"text\":\"Talks.\"}"},
      {"html", "<html><head><meta property=\"article:published_time\" content=\"" + json_text +
                   "\"><title>t</title></head><body><p>" + json_text + " Talks.</p></body></html>"},
  };
  for (const auto& in : inputs) {
    readouts::SourceInfo source{"fuzz-date", in[0], "seed"};
    // Every other format also gets the input as its url's path (--url): dates in paths.
    options.url = in[0] == "txt" || in[0] == "md" ? "https://example.org/" + one_line : "";
    auto out = readouts::extract_articles(in[1], source, knowledge, options);
    for (const auto& a : out.articles) {
      if (!a.date.known()) continue;
      if (a.date.month < 0 || a.date.month > 12 || a.date.day < 0 || a.date.day > 31)
        __builtin_trap();
      std::string s = a.date.sortable();
      if (s.size() != 8) __builtin_trap();
    }
  }
  return 0;
}
