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

namespace {

// The parameters other than `names`, and the values of those (in `taken`).
Params without(const Params& params, std::initializer_list<std::string_view> names, Params& taken) {
  Params rest;
  for (const auto& [name, value] : params) {
    bool is_taken = false;
    for (std::string_view n : names) is_taken = is_taken || name == n;
    (is_taken ? taken : rest).emplace(name, value);
  }
  return rest;
}

}  // namespace

Result<SearchRequest> parse_feed_params(const Params& params) {
  auto r = parse_search_params(params);
  if (!r.ok()) return r;
  if (params.count("sort") && r.value().sort != SortOrder::kDateDesc)
    return make_error(Code::kInvalidArgument,
                      "a feed is newest first: leave out sort (or give sort=date)");
  if (!params.count("per_page")) r.value().per_page = 20;
  r.value().sort = SortOrder::kDateDesc;
  r.value().facets = false;
  return r;
}

Result<ExportRequest> parse_export_params(const Params& params) {
  Params extra;
  const Params search = without(params, {"format", "bom"}, extra);
  if (search.count("page") || search.count("per_page"))
    return make_error(Code::kInvalidArgument,
                      "an export holds every page of the search: leave out page and per_page");
  auto r = parse_search_params(search);
  if (!r.ok()) return r.error();
  ExportRequest out;
  out.search = std::move(r.value());
  const char* kFormats = "format takes csv, jsonl, bibtex, ris or csl";
  if (extra.count("format") != 1) return make_error(Code::kInvalidArgument, kFormats);
  auto format = parse_export_format(extra.find("format")->second);
  if (!format) return make_error(Code::kInvalidArgument, kFormats);
  out.format = *format;
  if (auto it = extra.find("bom"); it != extra.end()) {
    auto v = parse_bool("bom", it->second);
    if (!v.ok()) return v.error();
    if (v.value() && out.format != ExportFormat::kCsv)
      return make_error(Code::kInvalidArgument, "bom=1 is for format=csv only");
    out.bom = v.value();
  }
  return out;
}

Result<TrendsRequest> parse_trends_params(const Params& params) {
  Params extra;
  const Params search = without(params, {"q", "by", "split", "normalize"}, extra);
  if (search.count("page") || search.count("per_page"))
    return make_error(Code::kInvalidArgument,
                      "trends count every match: leave out page and per_page");
  auto r = parse_search_params(search);
  if (!r.ok()) return r.error();
  TrendsRequest out;
  out.base = std::move(r.value());
  for (auto [it, end] = extra.equal_range("q"); it != end; ++it) out.queries.push_back(it->second);
  if (out.queries.empty()) out.queries.push_back("");
  if (out.queries.size() > kMaxTrendQueries)
    return make_error(Code::kInvalidArgument, "at most " + std::to_string(kMaxTrendQueries) +
                                                  " series: give q at most that many times");
  for (const auto& q : out.queries)
    if (!is_valid_utf8(q)) return make_error(Code::kInvalidArgument, "q is not valid UTF-8 text");
  if (extra.count("by") > 1 || extra.count("split") > 1 || extra.count("normalize") > 1)
    return make_error(Code::kInvalidArgument, "by, split and normalize are given once each");
  if (auto it = extra.find("by"); it != extra.end()) {
    if (it->second != "month" && it->second != "year")
      return make_error(Code::kInvalidArgument, "by takes month or year");
    out.by_year = it->second == "year";
  }
  if (auto it = extra.find("split"); it != extra.end()) {
    const std::string& v = it->second;
    out.split = v == "speaker"    ? TrendSplit::kSpeaker
                : v == "topic"    ? TrendSplit::kTopic
                : v == "source"   ? TrendSplit::kSource
                : v == "language" ? TrendSplit::kLanguage
                : v == "side"     ? TrendSplit::kSide
                                  : TrendSplit::kNone;
    if (out.split == TrendSplit::kNone && v != "none")
      return make_error(Code::kInvalidArgument,
                        "split takes speaker, side, topic, source, language or none");
  }
  if (auto it = extra.find("normalize"); it != extra.end()) {
    auto v = parse_bool("normalize", it->second);
    if (!v.ok()) return v.error();
    out.normalize = v.value();
  }
  return out;
}

Result<KwicRequest> parse_kwic_params(const Params& params) {
  Params extra;
  const Params search = without(params, {"context", "sort", "page", "per_page"}, extra);
  auto r = parse_search_params(search);
  if (!r.ok()) return r.error();
  KwicRequest out;
  out.search = std::move(r.value());
  for (const char* name : {"context", "sort", "page", "per_page"})
    if (extra.count(name) > 1)
      return make_error(Code::kInvalidArgument, std::string(name) + " is given once");
  if (auto it = extra.find("context"); it != extra.end()) {
    auto v = parse_int("context", it->second, 0, kKwicMaxContext);
    if (!v.ok()) return v.error();
    out.context = v.value();
  }
  if (auto it = extra.find("sort"); it != extra.end()) {
    auto sort = parse_kwic_sort(it->second);
    if (!sort)
      return make_error(Code::kInvalidArgument,
                        "sort takes relevance, left, right, date or speaker (of the lines)");
    out.sort = *sort;
  }
  if (auto it = extra.find("page"); it != extra.end()) {
    auto v = parse_int("page", it->second, 1, 100000);
    if (!v.ok()) return v.error();
    out.page = v.value();
  }
  if (auto it = extra.find("per_page"); it != extra.end()) {
    auto v = parse_int("per_page", it->second, 1, kKwicMaxPerPage);
    if (!v.ok()) return v.error();
    out.per_page = v.value();
  }
  if (out.search.q.find_first_not_of(" \t\r\n") == std::string::npos)
    return make_error(Code::kInvalidArgument,
                      "keyword in context lists the occurrences of words: give q");
  return out;
}

std::string base_url_of(std::string_view host_header) {
  const bool plain = !host_header.empty() && host_header.size() <= 255 &&
                     host_header.find_first_not_of(
                         "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]") ==
                         std::string_view::npos;
  return "http://" + std::string(plain ? host_header : "localhost");
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
