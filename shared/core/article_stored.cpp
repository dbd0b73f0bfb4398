// The stored form of an article: its JSON data read with simdjson (search hits, events), its
// passages in their own value (passages_value).
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

void append_length(std::string& out, size_t n) {
  while (n >= 0x80) {
    out += static_cast<char>(0x80 | (n & 0x7F));
    n >>= 7;
  }
  out += static_cast<char>(n);
}

// Reads a length at `at` (advanced past it), then that many bytes; false when cut short.
bool read_piece(std::string_view value, size_t& at, std::string& piece) {
  size_t n = 0;
  for (unsigned shift = 0;; shift += 7) {
    if (at >= value.size() || shift > 56) return false;
    const auto b = static_cast<unsigned char>(value[at++]);
    n |= static_cast<size_t>(b & 0x7F) << shift;
    if (!(b & 0x80)) break;
  }
  if (n > value.size() - at) return false;
  piece.assign(value.substr(at, n));
  at += n;
  return true;
}

}  // namespace

std::string passages_value(const std::vector<Passage>& passages) {
  size_t bytes = 0;
  for (const Passage& p : passages) bytes += p.speaker.size() + p.text.size() + 6;
  std::string out;
  out.reserve(bytes);
  for (const Passage& p : passages) {
    append_length(out, p.speaker.size());
    out += p.speaker;
    append_length(out, p.text.size());
    out += p.text;
  }
  return out;
}

bool passages_from_value(std::string_view value, std::vector<Passage>& out) {
  size_t at = 0;
  while (at < value.size()) {
    Passage p;
    if (!read_piece(value, at, p.speaker) || !read_piece(value, at, p.text)) return false;
    out.push_back(std::move(p));
  }
  return true;
}

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
