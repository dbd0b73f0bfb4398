// Reading a stored article (a document's JSON data) with simdjson, for search hits.
#include <simdjson.h>

#include <string>
#include <vector>

#include "shared/core/article.h"
#include "shared/core/article_date_parts.h"

namespace readouts {

namespace {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

// The string under `key`, or "" when absent or not a string (as str_or_empty in article.cpp).
std::string string_at(const object& o, const char* key) {
  std::string_view v;
  if (o[key].get_string().get(v) != simdjson::SUCCESS) return {};
  return std::string(v);
}

// The strings of the list under `key` (other values skipped); empty when absent or not a list.
std::vector<std::string> strings_at(const object& o, const char* key) {
  std::vector<std::string> out;
  array list;
  if (o[key].get_array().get(list) != simdjson::SUCCESS) return out;
  for (element v : list) {
    std::string_view s;
    if (v.get_string().get(s) == simdjson::SUCCESS) out.emplace_back(s);
  }
  return out;
}

}  // namespace

bool article_from_stored(std::string_view data, Article& a) {
  // One parser per thread: it keeps its buffers between documents.
  thread_local simdjson::dom::parser parser;
  element root;
  if (parser.parse(data.data(), data.size(), true).get(root) != simdjson::SUCCESS) return false;
  object j;
  if (root.get_object().get(j) != simdjson::SUCCESS) return false;
  a.id = string_at(j, "id");
  a.origin = string_at(j, "origin");
  a.title = string_at(j, "title");
  a.source = string_at(j, "source");
  a.url = string_at(j, "url");
  a.language = string_at(j, "language");
  a.format = string_at(j, "format");
  a.content_hash = string_at(j, "content_hash");
  a.indexed = string_at(j, "indexed");
  a.date = stored_date(string_at(j, "date"), string_at(j, "date_precision"),
                       string_at(j, "date_evidence"));
  a.speakers = strings_at(j, "speakers");
  a.mentions = strings_at(j, "mentions");
  a.topics = strings_at(j, "topics");
  a.warnings = strings_at(j, "warnings");
  a.side = string_at(j, "side");
  a.event = string_at(j, "event");
  a.exchange = Exchange{};
  if (object e; j["exchange"].get_object().get(e) == simdjson::SUCCESS) {
    a.exchange.kind = string_at(e, "kind");
    a.exchange.place = string_at(e, "place");
    a.exchange.month_day = string_at(e, "month_day");
    a.exchange.china = strings_at(e, "china");
    a.exchange.us = strings_at(e, "us");
    a.exchange.named = strings_at(e, "named");
  }
  a.passages.clear();
  if (array passages; j["passages"].get_array().get(passages) == simdjson::SUCCESS) {
    for (element p : passages) {
      Passage passage;
      if (object po; p.get_object().get(po) == simdjson::SUCCESS) {
        passage.speaker = string_at(po, "speaker");
        passage.text = string_at(po, "text");
      }
      a.passages.push_back(std::move(passage));
    }
  }
  return true;
}

}  // namespace readouts
