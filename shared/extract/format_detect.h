// Input format detection: by file extension first, then by content (front matter, JSON, JSON
// Lines, HTML, otherwise plain text). Pure and thread-safe.
#pragma once

#include <string_view>

namespace readouts {

enum class InputFormat { kText, kMarkdown, kJson, kJsonLines, kHtml };

std::string_view format_name(InputFormat f);  // "text", "markdown", "json", "jsonl", "html"

InputFormat detect_format(std::string_view extension, std::string_view text);

}  // namespace readouts
