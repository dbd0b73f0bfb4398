// Reading the JSON data files users extend with --data (people, topics, outlets, attribution):
// the size and UTF-8 checks, parse errors that name the file, and the top-level list. Pure.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "shared/core/status.h"

namespace readouts {

// "origin: what" as an invalid-argument error (a data file the user can fix).
Error data_error(std::string_view origin, const std::string& what);

// Parses a data file's text: over max_bytes, invalid UTF-8 or invalid JSON are errors naming it.
Result<nlohmann::json> parse_data_json(std::string_view text, std::string_view origin,
                                       size_t max_bytes = 16u << 20);

// A list of non-empty strings; `what` names it in the error ("\"endings\"", "Xi: \"initials\"").
Result<std::vector<std::string>> data_strings(const nlohmann::json& list, std::string_view origin,
                                              const std::string& what);

// The list under `key` of an object, or the document itself when it is an array.
Result<nlohmann::json> data_list(const nlohmann::json& doc, const char* key,
                                 std::string_view origin);

}  // namespace readouts
