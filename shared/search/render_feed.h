// Atom feed (RFC 4287) of a search's results: the one definition of GET /feed's XML. Pure.
#pragma once

#include <string>
#include <string_view>

#include "shared/search/search_result.h"

namespace readouts {

struct FeedInfo {
  std::string base_url;   // "http://host:port" (no trailing slash): absolute links and ids
  std::string self_path;  // "/feed?q=..." as requested: the feed's id and rel="self" link
  std::string page_path;  // "/?q=..." the same search on the web page: rel="alternate"
  std::string title;      // e.g. "readouts: taiwan"
};

// The feed: one <entry> per result, in the response's order (the caller sorts newest first).
// Every text is XML-escaped; characters XML 1.0 forbids are dropped.
std::string render_atom_feed(const SearchResponse& response, const FeedInfo& info);

// Text escaped for XML content and attribute values (& < > " '), without the control characters
// XML 1.0 forbids (all below U+0020 except tab, newline, carriage return).
std::string xml_escape(std::string_view text);

// An RFC 3339 timestamp for an ISO date as precise as known ("2025", "2025-06", "2025-06-05"):
// the period's first day at 00:00 UTC; "1970-01-01T00:00:00Z" when unknown ("").
std::string atom_time(std::string_view iso_date);

}  // namespace readouts
