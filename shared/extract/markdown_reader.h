// Markdown reader: optional front matter (front_matter.h) and a body with Markdown syntax removed
// (headings, emphasis, links, images, lists, quotes, code fences, HTML comments). The first
// "# Heading" becomes the title when the front matter has none. Pure and thread-safe.
#pragma once

#include <string_view>

#include "shared/core/status.h"
#include "shared/extract/record.h"

namespace readouts {

// Errors: kParseError for broken front matter (the message starts with "front matter").
Result<RawRecord> read_markdown(std::string_view text);

// Markdown body -> plain text with blank lines between blocks; sets *title from the first H1
// when title is non-null and empty.
std::string markdown_to_text(std::string_view body, std::string* title);

}  // namespace readouts
