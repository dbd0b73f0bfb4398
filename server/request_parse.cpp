// Parses and checks search parameters from the query string.
#include "server/request_parse.h"

#include <nlohmann/json.hpp>
#include <set>

namespace readouts {

namespace {

Result<int> parse_int(const std::string& name, const std::string& value, int lo, int hi) {
  if (value.empty() || value.size() > 9)
    return make_error(Code::kInvalidArgument, name + " must be a whole number between " +
                                                  std::to_string(lo) + " and " +
                                                  std::to_string(hi));
  int v = 0;
  for (char c : value) {
    if (c < '0' || c > '9')
      return make_error(Code::kInvalidArgument, name + " must be a whole number between " +
                                                    std::to_string(lo) + " and " +
                                                    std::to_string(hi));
    v = v * 10 + (c - '0');
  }
  if (v < lo || v > hi)
    return make_error(Code::kInvalidArgument, name + " must be between " + std::to_string(lo) +
                                                  " and " + std::to_string(hi));
  return v;
}

Result<bool> parse_bool(const std::string& name, const std::string& value) {
  if (value == "1" || value == "true" || value == "yes" || value == "on") return true;
  if (value == "0" || value == "false" || value == "no" || value == "off" || value.empty())
    return false;
  return make_error(Code::kInvalidArgument, name + " must be 1 or 0");
}

}  // namespace

Status validate_article_id(std::string_view id) {
  if (id.empty() || id.size() > 128)
    return make_error(Code::kInvalidArgument, "article ids are 1 to 128 characters long");
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || c == '.' || c == ':';
    if (!ok)
      return make_error(Code::kInvalidArgument,
                        "article ids contain only letters, digits and . _ : -");
  }
  return Status::Ok();
}

Result<SearchRequest> parse_search_params(const Params& params) {
  static const std::set<std::string> kKnown = {"q",       "from",   "to",   "speaker", "topic",
                                               "source",  "lang",   "sort", "page",    "per_page",
                                               "literal", "facets", "group"};
  SearchRequest r;
  for (const auto& [name, value] : params) {
    if (!kKnown.count(name))
      return make_error(Code::kInvalidArgument,
                        "unknown parameter '" + name.substr(0, 40) +
                            "': use q, from, to, speaker, topic, source, lang, sort, page, "
                            "per_page, literal, facets, group");
    if (!is_valid_utf8(value))
      return make_error(Code::kInvalidArgument, name + " is not valid UTF-8 text");
    if (name == "q") {
      r.q = value;
    } else if (name == "from") {
      r.from = value;
    } else if (name == "to") {
      r.to = value;
    } else if (name == "speaker") {
      r.speakers.push_back(value);
    } else if (name == "topic") {
      r.topics.push_back(value);
    } else if (name == "source") {
      r.sources.push_back(value);
    } else if (name == "lang") {
      r.languages.push_back(value);
    } else if (name == "sort") {
      auto s = parse_sort(value);
      if (!s.ok()) return s.error();
      r.sort = s.value();
    } else if (name == "page") {
      auto v = parse_int("page", value, 0, 1000000);
      if (!v.ok()) return v.error();
      r.page = v.value();
    } else if (name == "per_page") {
      auto v = parse_int("per_page", value, 0, 1000000);  // the limits say how many (validate)
      if (!v.ok()) return v.error();
      r.per_page = v.value();
    } else if (name == "literal") {
      auto v = parse_bool("literal", value);
      if (!v.ok()) return v.error();
      r.literal = v.value();
    } else if (name == "group") {
      if (value != "event" && value != "none")
        return make_error(Code::kInvalidArgument,
                          "group takes 'event' (one result per event) or 'none'");
      r.one_per_event = value == "event";
    } else if (name == "facets") {
      auto v = parse_bool("facets", value);
      if (!v.ok()) return v.error();
      r.facets = v.value();
    }
  }
  return r;
}

Result<Params> params_from_json(std::string_view body) {
  const nlohmann::json j = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object())
    return make_error(Code::kInvalidArgument,
                      "the body must be a JSON object of search parameters, e.g. "
                      "{\"q\": \"...\", \"per_page\": 20}");
  Params out;
  auto scalar = [](const nlohmann::json& v, std::string& text) {
    if (v.is_string())
      text = v.get<std::string>();
    else if (v.is_number_integer())
      text = std::to_string(v.get<long long>());
    else if (v.is_boolean())
      text = v.get<bool>() ? "1" : "0";
    else
      return false;
    return true;
  };
  for (const auto& [name, value] : j.items()) {
    std::string text;
    if (value.is_array()) {
      for (const auto& item : value) {
        if (!scalar(item, text))
          return make_error(Code::kInvalidArgument,
                            "parameter '" + name.substr(0, 40) + "' must be a list of strings");
        out.emplace(name, text);
      }
    } else if (scalar(value, text)) {
      out.emplace(name, text);
    } else {
      return make_error(Code::kInvalidArgument, "parameter '" + name.substr(0, 40) +
                                                    "' must be a string, number or boolean");
    }
  }
  return out;
}

}  // namespace readouts
