// Renders a search response as an Atom 1.0 feed (docs/api.md, GET /feed).
#include "shared/search/render_feed.h"

#include <algorithm>

namespace readouts {

namespace {

// Snippets are HTML already (escaped text with <mark>); Atom carries them as type="html".
void append_element(std::string& out, const char* indent, const char* name, std::string_view text,
                    const char* type = nullptr) {
  out += indent;
  out += '<';
  out += name;
  if (type) {
    out += " type=\"";
    out += type;
    out += '"';
  }
  out += '>';
  out += xml_escape(text);
  out += "</";
  out += name;
  out += ">\n";
}

void append_link(std::string& out, const char* indent, const char* rel, const std::string& href,
                 const char* type = nullptr) {
  out += indent;
  out += "<link rel=\"";
  out += rel;
  out += "\" href=\"";
  out += xml_escape(href);
  out += '"';
  if (type) {
    out += " type=\"";
    out += type;
    out += '"';
  }
  out += "/>\n";
}

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        out += c;
    }
  }
  return out;
}

std::string atom_time(std::string_view iso_date) {
  if (iso_date.size() == 4) return std::string(iso_date) + "-01-01T00:00:00Z";
  if (iso_date.size() == 7) return std::string(iso_date) + "-01T00:00:00Z";
  if (iso_date.size() == 10) return std::string(iso_date) + "T00:00:00Z";
  return "1970-01-01T00:00:00Z";
}

std::string render_atom_feed(const SearchResponse& response, const FeedInfo& info) {
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  out += "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
  append_element(out, "  ", "title", info.title);
  append_element(out, "  ", "id", info.base_url + info.self_path);
  // The newest entry's date: the feed changes when a newer article arrives.
  std::string updated = "1970-01-01T00:00:00Z";
  for (const SearchHit& hit : response.results) updated = std::max(updated, atom_time(hit.date));
  append_element(out, "  ", "updated", updated);
  append_link(out, "  ", "self", info.base_url + info.self_path, "application/atom+xml");
  append_link(out, "  ", "alternate", info.base_url + info.page_path, "text/html");
  out += "  <author><name>readouts</name></author>\n";
  out += "  <generator>readouts</generator>\n";
  for (const SearchHit& hit : response.results) {
    out += "  <entry>\n";
    append_element(out, "    ", "title", hit.title.empty() ? hit.id : hit.title);
    append_element(out, "    ", "id", info.base_url + "/article/" + hit.id);
    append_element(out, "    ", "updated", atom_time(hit.date));
    append_link(out, "    ", "alternate", info.base_url + "/article/" + hit.id, "text/html");
    if (!hit.url.empty()) append_link(out, "    ", "via", hit.url);
    if (!hit.source.empty()) {
      out += "    <author><name>";
      out += xml_escape(hit.source);
      out += "</name></author>\n";
    }
    for (const std::string& topic : hit.topics) {
      out += "    <category term=\"";
      out += xml_escape(topic);
      out += "\"/>\n";
    }
    if (!hit.snippet.empty()) append_element(out, "    ", "summary", hit.snippet, "html");
    out += "  </entry>\n";
  }
  out += "</feed>\n";
  return out;
}

}  // namespace readouts
