// Knowledge: pair_names.json, the one-character initials of leaders in names like 川習會.
#include "shared/extract/knowledge.h"
#include "shared/knowledge/data_json.h"
#include "shared/text/utf8.h"

namespace readouts {

Status Knowledge::add_pair_names_json(std::string_view json_text, std::string_view origin) {
  if (trim(json_text).empty()) return Status::Ok();
  auto doc = parse_data_json(json_text, origin);
  if (!doc.ok()) return doc.error();
  if (!doc.value().is_object()) return data_error(origin, "expected an object");
  const nlohmann::json& root = doc.value();
  std::vector<PairInitial> initials;
  if (root.contains("people")) {
    if (!root["people"].is_array()) return data_error(origin, "\"people\" must be a list");
    for (const auto& entry : root["people"]) {
      if (!entry.is_object() || !entry.contains("name") || !entry["name"].is_string())
        return data_error(origin, "every entry of \"people\" needs a string \"name\"");
      const std::string name = entry["name"].get<std::string>();
      const Person* p = person_by_name(name);
      if (!p) return data_error(origin, "\"" + name + "\" is not a canonical name of people.json");
      auto list = data_strings(entry.value("initials", nlohmann::json::array()), origin,
                               name + ": \"initials\"");
      if (!list.ok()) return list.error();
      for (std::string& s : list.value()) initials.push_back({std::move(s), p->name});
    }
  }
  std::vector<std::string> endings;
  if (root.contains("endings")) {
    auto list = data_strings(root["endings"], origin, "\"endings\"");
    if (!list.ok()) return list.error();
    endings = std::move(list.value());
  }
  pair_initials_.insert(pair_initials_.end(), initials.begin(), initials.end());
  pair_endings_.insert(pair_endings_.end(), endings.begin(), endings.end());
  return Status::Ok();
}

}  // namespace readouts
