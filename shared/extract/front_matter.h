// A small, strict, safe YAML subset for Markdown front matter: `key: value`, quoted values
// ('single' and "double" with \" \\ \n escapes), inline lists `[a, "b, c"]`, block lists
// (`key:` followed by `- item` lines), `#` comments. Anything else is an error naming the line.
// No anchors, tags, multi-line scalars or nesting: nothing can expand or recurse. Thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "shared/core/status.h"

namespace readouts {

struct FrontMatterEntry {
  std::string key;                 // lower case
  std::string value;               // scalar value ("" for lists)
  std::vector<std::string> items;  // list items
  bool is_list = false;
};

struct FrontMatter {
  std::vector<FrontMatterEntry> entries;
  size_t body_offset = 0;  // where the Markdown body starts in the input
  const FrontMatterEntry* find(std::string_view key) const;
};

// True when text starts with a front matter fence ("---" line).
bool has_front_matter(std::string_view text);

// Parses the front matter at the start of text. Errors (kParseError): unclosed block, a line
// that is not `key: value` or a list item, an unterminated quote, too many entries.
Result<FrontMatter> parse_front_matter(std::string_view text);

}  // namespace readouts
