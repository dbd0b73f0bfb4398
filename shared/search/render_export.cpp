// Renders search hits as CSV, JSON Lines, BibTeX, RIS and CSL-JSON records.
#include "shared/search/render_export.h"

#include <iterator>
#include <nlohmann/json.hpp>

namespace readouts {

namespace {

const char* kCsvColumns[] = {"id",       "date",   "title", "source", "side", "language",
                             "speakers", "topics", "event", "url",    "page", "indexed"};

std::string joined(const std::vector<std::string>& values, std::string_view separator) {
  std::string out;
  for (const auto& v : values) {
    if (!out.empty()) out += separator;
    out += v;
  }
  return out;
}

// The day the database stored the article; the export's day for articles stored before that
// was recorded.
const std::string& retrieved_of(const SearchHit& hit, const ExportContext& context) {
  return hit.indexed.empty() ? context.retrieved : hit.indexed;
}

std::string page_of(const SearchHit& hit, const ExportContext& context) {
  return context.base_url + "/article/" + hit.id;
}

// RIS and BibTeX lines are one line each: line breaks in a value become spaces.
std::string one_line(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return out;
}

nlohmann::json date_parts(std::string_view iso) {
  nlohmann::json parts = nlohmann::json::array();
  for (size_t at = 0; at < iso.size(); at += 1) {
    size_t end = iso.find('-', at);
    if (end == std::string_view::npos) end = iso.size();
    parts.push_back(std::stoi(std::string(iso.substr(at, end - at))));
    at = end;
  }
  return nlohmann::json::array({parts});
}

nlohmann::json json_record(const SearchHit& hit, const ExportContext& context) {
  auto or_null = [](const std::string& s) {
    return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
  };
  return {{"id", hit.id},
          {"date", or_null(hit.date)},
          {"title", hit.title},
          {"source", or_null(hit.source)},
          {"side", or_null(hit.side)},
          {"language", hit.language},
          {"speakers", hit.speakers},
          {"topics", hit.topics},
          {"event", or_null(hit.event)},
          {"url", or_null(hit.url)},
          {"page", page_of(hit, context)},
          {"indexed", or_null(hit.indexed)}};
}

nlohmann::json csl_record(const SearchHit& hit, const ExportContext& context) {
  nlohmann::json j = {{"id", hit.id},
                      {"type", "article"},
                      {"title", hit.title},
                      {"language", hit.language},
                      {"URL", hit.url.empty() ? page_of(hit, context) : hit.url}};
  if (!hit.source.empty()) {
    j["author"] = nlohmann::json::array({{{"literal", hit.source}}});
    j["publisher"] = hit.source;
  }
  if (!hit.date.empty()) j["issued"] = {{"date-parts", date_parts(hit.date)}};
  if (!retrieved_of(hit, context).empty())
    j["accessed"] = {{"date-parts", date_parts(retrieved_of(hit, context))}};
  return j;
}

std::string bibtex_record(const SearchHit& hit, const ExportContext& context) {
  std::string out = "@misc{" + hit.id + ",\n";
  auto field = [&](const char* name, const std::string& value) {
    if (value.empty()) return;
    out += "  ";
    out += name;
    out += " = {";
    out += bibtex_escape(one_line(value));
    out += "},\n";
  };
  // A corporate author in double braces, so that it is not split into first and last names.
  if (!hit.source.empty()) out += "  author = {{" + bibtex_escape(one_line(hit.source)) + "}},\n";
  field("title", hit.title);
  if (hit.date.size() >= 4) field("year", hit.date.substr(0, 4));
  if (hit.date.size() >= 7) field("month", hit.date.substr(5, 2));
  field("date", hit.date);
  field("howpublished", hit.source);
  field("url", hit.url.empty() ? page_of(hit, context) : hit.url);
  field("urldate", retrieved_of(hit, context));
  field("language", hit.language);
  field("note", "Retrieved " + retrieved_of(hit, context) + " from " + page_of(hit, context));
  out += "}\n\n";
  return out;
}

std::string ris_record(const SearchHit& hit, const ExportContext& context) {
  std::string out;
  auto tag = [&](const char* name, const std::string& value) {
    if (value.empty()) return;
    out += name;
    out += "  - ";
    out += one_line(value);
    out += "\r\n";
  };
  tag("TY", "GEN");
  tag("ID", hit.id);
  tag("TI", hit.title);
  tag("AU", hit.source);
  tag("PB", hit.source);
  if (!hit.date.empty()) {
    tag("PY", hit.date.substr(0, 4));
    // RIS dates are YYYY/MM/DD/ with empty parts for what is unknown.
    std::string da = hit.date.substr(0, 4) + "/";
    da += hit.date.size() >= 7 ? hit.date.substr(5, 2) : "";
    da += "/";
    da += hit.date.size() >= 10 ? hit.date.substr(8, 2) : "";
    da += "/";
    tag("DA", da);
  }
  tag("UR", hit.url.empty() ? page_of(hit, context) : hit.url);
  tag("LA", hit.language);
  for (const auto& speaker : hit.speakers) tag("KW", speaker);
  for (const auto& topic : hit.topics) tag("KW", topic);
  tag("Y2", retrieved_of(hit, context));
  tag("N1", "Retrieved " + retrieved_of(hit, context) + " from " + page_of(hit, context));
  out += "ER  - \r\n\r\n";
  return out;
}

}  // namespace

std::optional<ExportFormat> parse_export_format(std::string_view text) {
  if (text == "csv") return ExportFormat::kCsv;
  if (text == "jsonl") return ExportFormat::kJsonl;
  if (text == "bibtex") return ExportFormat::kBibtex;
  if (text == "ris") return ExportFormat::kRis;
  if (text == "csl") return ExportFormat::kCsl;
  return std::nullopt;
}

const char* export_mime(ExportFormat format) {
  switch (format) {
    case ExportFormat::kCsv:
      return "text/csv; charset=utf-8";
    case ExportFormat::kJsonl:
      return "application/jsonl; charset=utf-8";
    case ExportFormat::kBibtex:
      return "application/x-bibtex; charset=utf-8";
    case ExportFormat::kRis:
      return "application/x-research-info-systems; charset=utf-8";
    case ExportFormat::kCsl:
      return "application/vnd.citationstyles.csl+json; charset=utf-8";
  }
  return "application/octet-stream";
}

const char* export_extension(ExportFormat format) {
  switch (format) {
    case ExportFormat::kCsv:
      return "csv";
    case ExportFormat::kJsonl:
      return "jsonl";
    case ExportFormat::kBibtex:
      return "bib";
    case ExportFormat::kRis:
      return "ris";
    case ExportFormat::kCsl:
      return "json";
  }
  return "txt";
}

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string bibtex_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '{':
        out += "\\textbraceleft{}";
        break;
      case '}':
        out += "\\textbraceright{}";
        break;
      case '\\':
        out += "\\textbackslash{}";
        break;
      case '%':
      case '&':
      case '#':
      case '$':
      case '_':
        out += '\\';
        out += c;
        break;
      case '^':
        out += "\\^{}";
        break;
      case '~':
        out += "\\~{}";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string export_begin(ExportFormat format, bool csv_bom) {
  if (format == ExportFormat::kCsl) return "[\n";
  if (format != ExportFormat::kCsv) return "";
  std::string out = csv_bom ? "\xEF\xBB\xBF" : "";
  bool first = true;
  for (const char* column : kCsvColumns) {
    if (!first) out += ',';
    out += column;
    first = false;
  }
  return out + "\r\n";
}

std::string export_separator(ExportFormat format) {
  return format == ExportFormat::kCsl ? ",\n" : "";
}

std::string export_end(ExportFormat format) { return format == ExportFormat::kCsl ? "\n]\n" : ""; }

std::string export_record(ExportFormat format, const SearchHit& hit, const ExportContext& context) {
  switch (format) {
    case ExportFormat::kCsv: {
      const std::string values[] = {hit.id,
                                    hit.date,
                                    hit.title,
                                    hit.source,
                                    hit.side,
                                    hit.language,
                                    joined(hit.speakers, "; "),
                                    joined(hit.topics, "; "),
                                    hit.event,
                                    hit.url,
                                    page_of(hit, context),
                                    hit.indexed};
      std::string out;
      for (size_t i = 0; i < std::size(values); ++i) {
        if (i > 0) out += ',';
        out += csv_field(values[i]);
      }
      return out + "\r\n";
    }
    case ExportFormat::kJsonl:
      return json_record(hit, context)
                 .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
             "\n";
    case ExportFormat::kCsl:
      return csl_record(hit, context).dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
    case ExportFormat::kBibtex:
      return bibtex_record(hit, context);
    case ExportFormat::kRis:
      return ris_record(hit, context);
  }
  return "";
}

}  // namespace readouts
