// Reading the JSON data files: checks, parse errors naming the file, the top-level list.
#include "shared/knowledge/data_json.h"

#include "shared/text/utf8.h"

namespace readouts {

Error data_error(std::string_view origin, const std::string& what) {
  return make_error(Code::kInvalidArgument, std::string(origin) + ": " + what);
}

Result<nlohmann::json> parse_data_json(std::string_view text, std::string_view origin,
                                       size_t max_bytes) {
  if (text.size() > max_bytes)
    return data_error(origin, "file too large (limit " + std::to_string(max_bytes >> 20) + " MB)");
  Utf8Check u = check_utf8(text);
  if (u.repaired) return data_error(origin, "invalid UTF-8");
  try {
    return nlohmann::json::parse(u.text);
  } catch (const nlohmann::json::exception& e) {
    return data_error(origin, std::string("invalid JSON: ") + e.what());
  }
}

Result<std::vector<std::string>> data_strings(const nlohmann::json& list, std::string_view origin,
                                              const std::string& what) {
  if (!list.is_array()) return data_error(origin, what + " must be a list of strings");
  std::vector<std::string> out;
  for (const auto& s : list) {
    if (!s.is_string() || s.get<std::string>().empty())
      return data_error(origin, what + " must be a list of non-empty strings");
    out.push_back(s.get<std::string>());
  }
  return out;
}

Result<nlohmann::json> data_list(const nlohmann::json& doc, const char* key,
                                 std::string_view origin) {
  if (doc.is_array()) return doc;
  if (doc.is_object() && doc.contains(key) && doc[key].is_array()) return doc[key];
  return data_error(origin,
                    std::string("expected an array or an object with \"") + key + "\": [...]");
}

}  // namespace readouts
