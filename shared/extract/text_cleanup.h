// Cleaning scraped text: junk lines (ads, share/navigation lines, photo captions), the leading
// metadata line (" date 2025-11-24 - Advertisement -", "Source: Xinhua"), bylines, paragraphs,
// and the dateline ("BEIJING, Nov 24 (APP):", "新华社北京11月24日电"). Pure and thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "shared/extract/date_lines.h"

namespace readouts {

struct CleanText {
  std::vector<std::string> paragraphs;       // junk removed, lines joined, spaces collapsed
  std::vector<DateLine> date_lines;          // near the top, in order (at most kMaxDateLines)
  std::string metadata_source;               // "Source: X" line, if any
  std::vector<std::string> credit_lines;     // what credit lines name: "Fuente: EFE" -> "EFE"
  std::vector<std::string> bare_credits;     // a name alone on a line: "* AFP", "(Reuters)"
  std::vector<std::string> top_lines;        // short lines above the first long one (masthead)
  std::vector<std::string> copyright_lines;  // "Copyright © 2024 Example News", "X版权所有"
  std::string headline;                      // set by the caller (headline.h), if any
  size_t junk_lines = 0;                     // lines dropped as junk
};

constexpr size_t kMaxDateLines = 8;
constexpr size_t kMaxTopLines = 12;
constexpr size_t kMaxTopLine = 160;  // bytes

// Splits text into paragraphs: blank lines separate paragraphs; when the text has no blank line
// at all, every line is a paragraph. Drops junk and metadata lines; date, source and byline
// lines are read "near the top": before the third line of 120 bytes or more (page chrome above an
// article is short lines). The headline is not chosen here (headline.h: it needs the URL).
CleanText clean_text(std::string_view text);

// Words: runs of letters or digits; a CJK character counts as a word of its own.
size_t count_words(std::string_view s);

// True for a line that is page furniture rather than article text.
bool is_junk_line(std::string_view line);
// A photo's credit on a line of its own ("Jane Doe / EPA-EFE / Shutterstock"); the caption line
// above it goes with it.
bool photo_credit_line(std::string_view line);

struct Dateline {
  size_t length = 0;      // bytes of the paragraph the dateline occupies (0 = none)
  std::string date_text;  // "Nov 24", "11月24日"
  std::string source;     // "APP", "Xinhua", "新华社"
};

// Reads a dateline at the start of a paragraph.
Dateline read_dateline(std::string_view paragraph);

}  // namespace readouts
