// RawRecord: what a format reader hands to the common extraction steps (one per article).
//
// Readers fill what their format states explicitly (fields) and the body as plain text; the
// extraction pipeline (extract.cpp) derives everything else. Plain data.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace readouts {

struct RawRecord {
  // Explicit fields (empty = not given). Lists are present when the optional is set.
  std::string id, title, date, source, url, language;
  std::optional<std::vector<std::string>> speakers, topics;
  std::string
      date_evidence;  // where an explicit date came from: "front matter", "json", "html meta"
  std::string body;   // plain text; blank lines separate paragraphs
  bool body_is_paragraphs = false;  // body is already one paragraph per blank-line block (HTML)
  std::string format;               // text, markdown, json, jsonl, html
  std::string_view bytes;           // the record's bytes (for content_hash)
  std::vector<std::string> warnings;
};

}  // namespace readouts
