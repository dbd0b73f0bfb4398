// Outlets: who publishes articles (agencies, ministries, newspapers, broadcasters), with their
// names in every script and their web hosts; maps a credit or a url's host to one canonical name.
//
// Parsed from data/outlets.json (and extension folders: an entry with an earlier id replaces it).
// Pure: no I/O. Immutable after loading; safe to share between threads for reading.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "shared/core/status.h"

namespace readouts {

struct Outlet {
  std::string id;                    // stable slug, e.g. "xinhua"
  std::string name;                  // canonical name, e.g. "Xinhua"
  std::string kind;                  // "official", "state-media", "wire", "newspaper", ...
  std::string country;               // ISO code of the publisher, "" if none
  std::vector<std::string> aliases;  // other names in every script: "新华社", "Xinhua News Agency"
  std::vector<std::string> hosts;    // web hosts, e.g. "news.cn" (subdomains match too)
};

class Outlets {
 public:
  // Parses and merges one outlets.json; errors name the file and entry, and nothing is merged.
  Status add_json(std::string_view json_text, std::string_view origin);

  const std::vector<Outlet>& all() const { return outlets_; }
  // The outlet a name or alias names (ASCII case and dots ignored: "xinhua", "U.S. Dept ..."),
  // also written without its spaces ("WhiteHouse"); nullptr if none.
  const Outlet* find(std::string_view name) const;
  // The outlet of a host or of any of its parent domains ("english.news.cn" -> news.cn), the
  // longest registered match first; else the outlet whose sites carry the host's site name under
  // another public suffix ("nextapple.com.sg" -> nextapple.com, "epochtimes.it" -> epochtimes.com;
  // a registrable label of 6 letters or more that its outlet uses under two public suffixes or
  // more, and more than any other outlet);
  // nullptr if none.
  const Outlet* for_host(std::string_view host) const;
  // The outlet a credit names, exactly or at its start ("新华社 2025-10-28 00:15",
  // "德国之声中文网", "Reuters staff"), or, for a credit in a script written without spaces, at its
  // end
  // ("ワシントン、北京共同"); the longest name wins. nullptr if none.
  const Outlet* find_in(std::string_view credit) const;
  // The canonical name for a credit: the outlet's name when known (find_in), else the credit.
  std::string canonical(std::string_view credit) const;

 private:
  void reindex();
  std::vector<Outlet> outlets_;
  std::unordered_map<std::string, size_t> by_name_;        // folded name/alias -> index
  std::unordered_map<std::string, size_t> by_squeezed_;    // the same without spaces -> index
  std::unordered_map<std::string, size_t> by_host_;        // lower-case host -> index
  std::unordered_map<std::string, size_t> by_label_;       // registrable label -> index (for_host)
  std::vector<std::pair<std::string, size_t>> by_length_;  // folded names, longest first
};

// The host of a web address, lower case and without a leading "www." ("https://www.fmprc.gov.cn/
// eng/" -> "fmprc.gov.cn"); "" when the text is not an http(s) or schemeless address with a dotted
// host, or its host is an IP address, except that a web proxy's address carrying the page's own
// ("http://203.0.113.7:8011/https/www.dw.com/...") gives the carried host.
std::string url_host(std::string_view url);

// A host's registrable domain: one label more than its public suffix ("news.bbc.co.uk" ->
// "bbc.co.uk", "anoticia.clicrbs.com.br" -> "clicrbs.com.br"), from the Public Suffix List
// (libpsl's built-in copy); "" for an IP address, the host itself when it is a public suffix.
std::string registrable_domain(std::string_view host);

// The label of a host's registrable domain, before its public suffix ("news.bbc.co.uk" -> "bbc",
// "feature.nextapple.com" -> "nextapple"), from the Public Suffix List (libpsl's built-in copy);
// "" for an IP address or a bare public suffix.
std::string registrable_label(std::string_view host);

// An http(s) address with a host: a dotted name or an IP address ("http://203.0.113.7/a").
bool is_web_address(std::string_view url);

}  // namespace readouts
