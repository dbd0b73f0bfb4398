// JSON and JSON Lines readers: an object, an array of objects, or one object per line, with
// fields id, title, date, body or text (or content), source, url, language, speakers, topics.
// Nesting deeper than kMaxJsonDepth is refused before parsing (no recursion on hostile input).
// Thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "shared/core/status.h"
#include "shared/extract/record.h"

namespace readouts {

inline constexpr size_t kMaxJsonDepth = 32;

// One record read from a multi-record input, or why it could not be.
struct JsonRecordResult {
  size_t number = 0;  // 1-based record number (JSON Lines: the line number)
  Result<RawRecord> record;
};

// A JSON document: one object (one record, number 0) or an array of objects (numbers 1..N).
// A document that cannot be parsed at all gives a single error with number 0.
std::vector<JsonRecordResult> read_json(std::string_view text);
// JSON Lines: one object per non-blank line; a bad line fails alone.
std::vector<JsonRecordResult> read_jsonl(std::string_view text);

// Nesting depth of a JSON text (brackets outside strings); stops counting past limit.
size_t json_depth(std::string_view text, size_t limit);

}  // namespace readouts
