// Article ids and content hashes (docs/extraction.md, "Ids"): an explicit id wins; else a
// 16-hex stable hash of the url; else of SourceInfo::id_seed (single-record inputs) or of
// id_seed + "#N" (the Nth record, N from 1, of a JSON array or JSON Lines file). Stable across
// machines: the hash is FNV-1a 64 (shared/core/hash.h). Pure and thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace readouts {

// record_number: 0 for a single-record input, else the 1-based record (or line) number.
std::string derive_article_id(std::string_view explicit_id, std::string_view url,
                              std::string_view id_seed, size_t record_number);

// origin, or origin + "#N" for record N >= 1 of a multi-record input.
std::string record_origin(std::string_view origin, size_t record_number);

// Hex hash of a record's bytes.
std::string content_hash(std::string_view bytes);

}  // namespace readouts
