// JSON / JSON Lines readers over nlohmann::json, with depth checks and strict field types.
#include "shared/extract/json_reader.h"

#include <nlohmann/json.hpp>

#include "shared/text/utf8.h"

namespace readouts {

namespace {

using nlohmann::json;

Error parse_error(const std::string& what) { return make_error(Code::kParseError, what); }

// nlohmann messages can quote megabytes of input ("last read: ..."): keep them short and valid.
std::string short_message(const char* what) {
  std::string m = what;
  if (size_t p = m.find("] "); p != std::string::npos && m.starts_with("[json.exception"))
    m = m.substr(p + 2);
  if (m.size() > 160) m = truncate_text(m, 160);
  return check_utf8(m).text;
}

Result<std::string> string_field(const json& o, const char* key) {
  auto it = o.find(key);
  if (it == o.end() || it->is_null()) return std::string();
  if (!it->is_string())
    return parse_error(std::string("field \"") + key + "\" must be a string, not " +
                       it->type_name());
  return it->get<std::string>();
}

Result<std::optional<std::vector<std::string>>> list_field(const json& o, const char* key) {
  auto it = o.find(key);
  if (it == o.end() || it->is_null()) return std::optional<std::vector<std::string>>();
  std::vector<std::string> out;
  if (it->is_string()) {
    out.push_back(it->get<std::string>());
    return std::optional<std::vector<std::string>>(std::move(out));
  }
  if (!it->is_array())
    return parse_error(std::string("field \"") + key + "\" must be a list of strings");
  for (const json& v : *it) {
    if (!v.is_string())
      return parse_error(std::string("field \"") + key + "\" must be a list of strings");
    out.push_back(v.get<std::string>());
  }
  return std::optional<std::vector<std::string>>(std::move(out));
}

Result<RawRecord> record_from(const json& o, std::string_view format) {
  if (!o.is_object())
    return parse_error(std::string("a record must be a JSON object, not ") + o.type_name());
  RawRecord r;
  r.format = std::string(format);
  struct {
    const char* key;
    std::string* dst;
  } scalars[] = {{"id", &r.id},         {"title", &r.title}, {"date", &r.date},
                 {"source", &r.source}, {"url", &r.url},     {"language", &r.language}};
  for (auto& s : scalars) {
    auto v = string_field(o, s.key);
    if (!v.ok()) return v.error();
    *s.dst = std::move(v.value());
  }
  if (r.date.empty()) {
    for (const char* alt : {"published", "published_at", "datePublished"}) {
      auto v = string_field(o, alt);
      if (v.ok() && !v.value().empty()) {
        r.date = v.value();
        break;
      }
    }
  }
  if (!r.date.empty()) r.date_evidence = "json field";
  bool has_body = false;
  for (const char* key : {"body", "text", "content"}) {
    auto it = o.find(key);
    if (it == o.end()) continue;
    auto v = string_field(o, key);
    if (!v.ok()) return v.error();
    if (it->is_null())
      return parse_error(std::string("field \"") + key + "\" must be a string, not null");
    r.body = std::move(v.value());
    has_body = true;
    break;
  }
  if (!has_body) return parse_error("record has no \"body\" or \"text\" field (string)");
  auto speakers = list_field(o, "speakers");
  if (!speakers.ok()) return speakers.error();
  r.speakers = std::move(speakers.value());
  auto topics = list_field(o, "topics");
  if (!topics.ok()) return topics.error();
  r.topics = std::move(topics.value());
  return r;
}

Result<json> parse_checked(std::string_view text) {
  if (json_depth(text, kMaxJsonDepth + 1) > kMaxJsonDepth)
    return parse_error("JSON nested too deep (more than " + std::to_string(kMaxJsonDepth) +
                       " levels): not an article record");
  try {
    return json::parse(text.begin(), text.end());
  } catch (const json::exception& e) {
    return parse_error("invalid JSON: " + short_message(e.what()));
  }
}

}  // namespace

size_t json_depth(std::string_view text, size_t limit) {
  size_t depth = 0, max_depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) {
        max_depth = depth;
        if (max_depth > limit) return max_depth;
      }
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return max_depth;
}

std::vector<JsonRecordResult> read_json(std::string_view text) {
  std::vector<JsonRecordResult> out;
  auto doc = parse_checked(text);
  if (!doc.ok()) {
    out.push_back({0, doc.error()});
    return out;
  }
  const json& j = doc.value();
  if (j.is_array()) {
    if (j.empty()) out.push_back({0, parse_error("empty JSON array: no article records")});
    size_t n = 0;
    for (const json& item : j) out.push_back({++n, record_from(item, "json")});
    return out;
  }
  if (j.is_object() && j.contains("articles") && j["articles"].is_array()) {
    size_t n = 0;
    for (const json& item : j["articles"]) out.push_back({++n, record_from(item, "json")});
    if (n == 0) out.push_back({0, parse_error("empty \"articles\" array: no article records")});
    return out;
  }
  out.push_back({0, record_from(j, "json")});
  return out;
}

std::vector<JsonRecordResult> read_jsonl(std::string_view text) {
  std::vector<JsonRecordResult> out;
  size_t pos = 0, line_no = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = trim(text.substr(pos, eol - pos));
    pos = eol + 1;
    ++line_no;
    if (line.empty()) continue;
    auto doc = parse_checked(line);
    if (!doc.ok()) {
      Error e = doc.error();
      if (line.size() > (1u << 20))
        e.message += " (line of " + std::to_string(line.size()) + " bytes)";
      out.push_back({line_no, std::move(e)});
      continue;
    }
    out.push_back({line_no, record_from(doc.value(), "jsonl")});
  }
  return out;
}

}  // namespace readouts
