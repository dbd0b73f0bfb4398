// Article helpers: date forms and the JSON mapping shared by inspect, the index and the API.
#include "shared/core/article.h"

#include <cstdio>

#include "nlohmann/json.hpp"
#include "shared/core/article_date_parts.h"

namespace readouts {

std::string_view precision_name(DatePrecision p) {
  switch (p) {
    case DatePrecision::kYear:
      return "year";
    case DatePrecision::kMonth:
      return "month";
    case DatePrecision::kDay:
      return "day";
    case DatePrecision::kUnknown:
      break;
  }
  return "unknown";
}

DatePrecision precision_from_name(std::string_view s) {
  if (s == "year") return DatePrecision::kYear;
  if (s == "month") return DatePrecision::kMonth;
  if (s == "day") return DatePrecision::kDay;
  return DatePrecision::kUnknown;
}

std::string ArticleDate::iso() const {
  char buf[32];
  switch (precision) {
    case DatePrecision::kDay:
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
      return buf;
    case DatePrecision::kMonth:
      std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
      return buf;
    case DatePrecision::kYear:
      std::snprintf(buf, sizeof buf, "%04d", year);
      return buf;
    case DatePrecision::kUnknown:
      break;
  }
  return "";
}

std::string ArticleDate::sortable() const {
  if (!known()) return "";
  char buf[32];
  int m = precision >= DatePrecision::kMonth ? month : 0;
  int d = precision >= DatePrecision::kDay ? day : 0;
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", year, m, d);
  return buf;
}

ArticleDate ArticleDate::from_sortable(std::string_view s) {
  ArticleDate d;
  if (s.size() != 8) return d;
  for (char c : s)
    if (c < '0' || c > '9') return d;
  auto num = [&](size_t pos, size_t len) {
    int v = 0;
    for (size_t i = pos; i < pos + len; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  d.year = num(0, 4);
  d.month = num(4, 2);
  d.day = num(6, 2);
  d.precision = d.day     ? DatePrecision::kDay
                : d.month ? DatePrecision::kMonth
                          : DatePrecision::kYear;
  return d;
}

std::string Article::body() const {
  std::string out;
  for (const auto& p : passages) {
    if (!out.empty()) out += "\n\n";
    out += p.text;
  }
  return out;
}

void to_json(nlohmann::json& j, const Article& a) {
  nlohmann::json passages = nlohmann::json::array();
  for (const auto& p : a.passages) {
    passages.push_back(
        {{"speaker", p.speaker.empty() ? nlohmann::json(nullptr) : nlohmann::json(p.speaker)},
         {"text", p.text}});
  }
  j = nlohmann::json{
      {"id", a.id},
      {"origin", a.origin},
      {"title", a.title},
      {"date", a.date.known() ? nlohmann::json(a.date.iso()) : nlohmann::json(nullptr)},
      {"date_precision", precision_name(a.date.precision)},
      {"date_evidence", a.date.evidence},
      {"source", a.source},
      {"url", a.url},
      {"language", a.language},
      {"format", a.format},
      {"speakers", a.speakers},
      {"mentions", a.mentions},
      {"topics", a.topics},
      {"side", a.side},
      {"event", a.event.empty() ? nlohmann::json(nullptr) : nlohmann::json(a.event)},
      {"exchange", a.exchange.empty() ? nlohmann::json(nullptr)
                                      : nlohmann::json{{"kind", a.exchange.kind},
                                                       {"china", a.exchange.china},
                                                       {"us", a.exchange.us},
                                                       {"named", a.exchange.named},
                                                       {"place", a.exchange.place},
                                                       {"month_day", a.exchange.month_day},
                                                       {"weekday", a.exchange.weekday}}},
      {"passages", passages},
      {"content_hash", a.content_hash},
      {"warnings", a.warnings}};
  if (!a.indexed.empty()) j["indexed"] = a.indexed;
}

static std::string str_or_empty(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

void from_json(const nlohmann::json& j, Article& a) {
  a.id = str_or_empty(j, "id");
  a.origin = str_or_empty(j, "origin");
  a.title = str_or_empty(j, "title");
  a.source = str_or_empty(j, "source");
  a.url = str_or_empty(j, "url");
  a.language = str_or_empty(j, "language");
  a.format = str_or_empty(j, "format");
  a.content_hash = str_or_empty(j, "content_hash");
  a.indexed = str_or_empty(j, "indexed");
  a.date = stored_date(str_or_empty(j, "date"), str_or_empty(j, "date_precision"),
                       str_or_empty(j, "date_evidence"));
  auto list = [&](const char* key) {
    std::vector<std::string> out;
    auto it = j.find(key);
    if (it != j.end() && it->is_array())
      for (const auto& v : *it)
        if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
  };
  a.speakers = list("speakers");
  a.mentions = list("mentions");
  a.topics = list("topics");
  a.warnings = list("warnings");
  a.side = str_or_empty(j, "side");
  a.event = str_or_empty(j, "event");
  a.exchange = Exchange{};
  if (auto it = j.find("exchange"); it != j.end() && it->is_object()) {
    const nlohmann::json& e = *it;
    a.exchange.kind = str_or_empty(e, "kind");
    a.exchange.place = str_or_empty(e, "place");
    a.exchange.month_day = str_or_empty(e, "month_day");
    if (auto w = e.find("weekday"); w != e.end() && w->is_number_integer())
      a.exchange.weekday = w->get<int>();
    for (const char* key : {"china", "us", "named"}) {
      auto& names = key[0] == 'c'   ? a.exchange.china
                    : key[0] == 'u' ? a.exchange.us
                                    : a.exchange.named;
      if (auto n = e.find(key); n != e.end() && n->is_array())
        for (const auto& v : *n)
          if (v.is_string()) names.push_back(v.get<std::string>());
    }
  }
  a.passages.clear();
  if (auto it = j.find("passages"); it != j.end() && it->is_array()) {
    for (const auto& p : *it) {
      Passage passage;
      if (p.contains("speaker") && p["speaker"].is_string()) passage.speaker = p["speaker"];
      passage.text = str_or_empty(p, "text");
      a.passages.push_back(std::move(passage));
    }
  }
}

ArticleDate stored_date(const std::string& iso, std::string_view precision, std::string evidence) {
  ArticleDate d;
  d.precision = precision_from_name(precision);
  d.evidence = std::move(evidence);
  if (iso.size() >= 4) d.year = std::atoi(iso.substr(0, 4).c_str());
  if (iso.size() >= 7) d.month = std::atoi(iso.substr(5, 2).c_str());
  if (iso.size() >= 10) d.day = std::atoi(iso.substr(8, 2).c_str());
  return d;
}

}  // namespace readouts
