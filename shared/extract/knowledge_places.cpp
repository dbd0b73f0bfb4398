// Knowledge: places.json and events.json as synonym groups of their names in every language.
#include <xapian.h>

#include <algorithm>

#include "shared/extract/knowledge.h"
#include "shared/knowledge/data_json.h"
#include "shared/text/utf8.h"

namespace readouts {

namespace {

// Every name of an entry's "names" object ({"en": [...], "zh-Hans": [...]}), lower-cased
// (Unicode), spaces collapsed, each once, in file order.
Status add_names(const nlohmann::json& entry, std::vector<std::string>& out,
                 std::string_view origin, const std::string& id) {
  if (!entry.contains("names")) return Status::Ok();
  const nlohmann::json& names = entry["names"];
  if (!names.is_object()) return data_error(origin, id + ": \"names\" must be an object");
  for (const auto& [language, list] : names.items()) {
    if (!list.is_array())
      return data_error(origin, id + ": names." + language + " must be a list of strings");
    for (const auto& name : list) {
      if (!name.is_string())
        return data_error(origin, id + ": names." + language + " must be a list of strings");
      std::string term = Xapian::Unicode::tolower(collapse_spaces(name.get<std::string>()));
      if (!term.empty() && std::find(out.begin(), out.end(), term) == out.end())
        out.push_back(std::move(term));
    }
  }
  return Status::Ok();
}

// Adds or replaces (same id) a group.
void merge_group(std::vector<SynonymGroup>& groups, SynonymGroup g) {
  auto same = [&](const SynonymGroup& existing) { return existing.id == g.id; };
  if (auto it = std::find_if(groups.begin(), groups.end(), same); it != groups.end())
    *it = std::move(g);
  else
    groups.push_back(std::move(g));
}

}  // namespace

Status Knowledge::add_places_json(std::string_view json_text, std::string_view origin) {
  if (trim(json_text).empty()) return Status::Ok();
  auto doc = parse_data_json(json_text, origin);
  if (!doc.ok()) return doc.error();
  auto list = data_list(doc.value(), "places", origin);
  if (!list.ok()) return list.error();
  std::vector<SynonymGroup> parsed;
  for (const auto& entry : list.value()) {
    if (!entry.is_object() || !entry.contains("id") || !entry["id"].is_string())
      return data_error(origin, "every place needs a string \"id\"");
    SynonymGroup g;
    g.id = "place:" + entry["id"].get<std::string>();
    if (Status s = add_names(entry, g.terms, origin, g.id); !s.ok()) return s;
    const std::string kind =
        entry.contains("kind") && entry["kind"].is_string() ? entry["kind"].get<std::string>() : "";
    g.venue = kind == "estate" || kind == "compound" || kind == "building";
    if (entry.contains("names"))  // add_names checked its types
      if (auto en = entry["names"].find("en"); en != entry["names"].end() && !en->empty())
        g.label = en->front().get<std::string>();
    if (auto flag = entry.find("stands_for_government"); flag != entry.end()) {
      if (!flag->is_boolean())
        return data_error(origin, g.id + ": \"stands_for_government\" must be true or false");
      g.stands_for_government = flag->get<bool>();
    }
    const std::string country = entry.contains("country") && entry["country"].is_string()
                                    ? entry["country"].get<std::string>()
                                    : "";
    g.abroad = !country.empty() && country != "CN" && country != "US";
    if (auto within = entry.find("within"); within != entry.end()) {
      if (!within->is_array())
        return data_error(origin, g.id + ": \"within\" must be a list of place ids");
      for (const auto& id : *within) {
        if (!id.is_string() || id.get<std::string>().empty())
          return data_error(origin, g.id + ": \"within\" must be a list of place ids");
        g.within.push_back(id.get<std::string>());
      }
    }
    g.country = country;
    if (g.terms.size() >= 2) parsed.push_back(std::move(g));
  }
  for (SynonymGroup& g : parsed) merge_group(synonyms_, std::move(g));
  index_synonyms();
  return Status::Ok();
}

Status Knowledge::add_events_json(std::string_view json_text, std::string_view origin) {
  if (trim(json_text).empty()) return Status::Ok();
  auto doc = parse_data_json(json_text, origin);
  if (!doc.ok()) return doc.error();
  auto list = data_list(doc.value(), "events", origin);
  if (!list.ok()) return list.error();
  std::vector<SynonymGroup> parsed;
  for (const auto& entry : list.value()) {
    if (!entry.is_object() || !entry.contains("id") || !entry["id"].is_string())
      return data_error(origin, "every event needs a string \"id\"");
    SynonymGroup g;
    g.id = "event:" + entry["id"].get<std::string>();
    if (Status s = add_names(entry, g.terms, origin, g.id); !s.ok()) return s;
    if (g.terms.empty()) continue;  // planned, not yet named
    EventSpan span;
    span.event = entry["id"].get<std::string>();
    if (entry.contains("kind") && entry["kind"].is_string()) span.kind = entry["kind"];
    span.remote = span.kind == "call" || span.kind == "video-call" || !entry.contains("place") ||
                  entry["place"].is_null();
    if (entry.contains("from") && entry["from"].is_string()) span.from = entry["from"];
    span.to = entry.contains("to") && entry["to"].is_string() ? entry["to"].get<std::string>()
                                                              : span.from;
    if (entry.contains("people") && entry["people"].is_array())
      for (const auto& name : entry["people"])
        if (name.is_string()) span.people.push_back(name.get<std::string>());
    span.names = g.terms;  // before the place's names join the group
    if (entry.contains("place") && entry["place"].is_string()) span.place = entry["place"];
    const bool dated = span.from.size() == 10 && span.to.size() == 10 && span.from <= span.to;
    if (dated) g.spans.push_back(span);
    // "Busan summit" also finds the accounts that say where, not what: the place's names. Not a
    // seat of government (Washington, Beijing): most exchanges happen there, so naming it names
    // no one event ("phase one deal" is not every page that says Washington).
    if (!span.place.empty()) {
      const std::string place = "place:" + span.place;
      for (SynonymGroup& p : synonyms_)
        if (p.id == place && !p.stands_for_government) {
          for (const std::string& t : p.terms)
            if (std::find(g.terms.begin(), g.terms.end(), t) == g.terms.end()) g.terms.push_back(t);
          if (dated) p.spans.push_back(span);
        }
    }
    if (g.terms.size() >= 2) parsed.push_back(std::move(g));
  }
  for (SynonymGroup& g : parsed) merge_group(synonyms_, std::move(g));
  index_synonyms();
  return Status::Ok();
}

}  // namespace readouts
