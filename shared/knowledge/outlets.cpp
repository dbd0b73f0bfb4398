// Outlets: parsing outlets.json and looking up credits and hosts.
#include "shared/knowledge/outlets.h"

#include <libpsl.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "shared/knowledge/data_json.h"
#include "shared/knowledge/name_fold.h"

namespace readouts {

namespace {

using nlohmann::json;

std::string ascii_lower_copy(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string without_spaces(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ') out += c;
  return out;
}

// Reads an optional list of strings; the error names the entry and the key.
Status read_strings(const json& o, const char* key, std::vector<std::string>& out,
                    std::string_view origin, const std::string& where) {
  auto it = o.find(key);
  if (it == o.end() || it->is_null()) return Status::Ok();
  if (!it->is_array())
    return data_error(origin, where + ": \"" + key + "\" must be a list of strings");
  for (const json& v : *it) {
    if (!v.is_string())
      return data_error(origin, where + ": \"" + key + "\" must be a list of strings");
    out.push_back(v.get<std::string>());
  }
  return Status::Ok();
}

Status read_string(const json& o, const char* key, bool required, std::string& out,
                   std::string_view origin, const std::string& where) {
  auto it = o.find(key);
  if (it == o.end() || it->is_null()) {
    if (required) return data_error(origin, where + ": missing \"" + key + "\"");
    return Status::Ok();
  }
  if (!it->is_string()) return data_error(origin, where + ": \"" + key + "\" must be a string");
  out = it->get<std::string>();
  return Status::Ok();
}

}  // namespace

Status Outlets::add_json(std::string_view json_text, std::string_view origin) {
  if (json_text.find_first_not_of(" \t\r\n") == std::string_view::npos) return Status::Ok();
  auto doc = parse_data_json(json_text, origin);
  if (!doc.ok()) return doc.error();
  auto listed = data_list(doc.value(), "outlets", origin);
  if (!listed.ok()) return listed.error();
  const json* list = &listed.value();
  std::vector<Outlet> parsed;
  for (size_t n = 0; n < list->size(); ++n) {
    const json& o = (*list)[n];
    const std::string where = "outlet #" + std::to_string(n + 1);
    if (!o.is_object()) return data_error(origin, where + ": must be an object");
    Outlet out;
    for (Status s : {read_string(o, "id", true, out.id, origin, where),
                     read_string(o, "name", true, out.name, origin, where),
                     read_string(o, "kind", false, out.kind, origin, where),
                     read_string(o, "country", false, out.country, origin, where),
                     read_strings(o, "aliases", out.aliases, origin, where),
                     read_strings(o, "hosts", out.hosts, origin, where)})
      if (!s.ok()) return s;
    if (out.id.empty() || out.name.empty())
      return data_error(origin, where + ": \"id\" and \"name\" must not be empty");
    for (std::string& h : out.hosts) {
      h = ascii_lower_copy(h);
      if (h.empty() || h.find_first_of("/: ") != std::string::npos)
        return data_error(origin, where + " (" + out.id + "): host '" + h +
                                      "' must be a bare host such as news.cn");
    }
    parsed.push_back(std::move(out));
  }
  for (Outlet& o : parsed) {
    bool replaced = false;
    for (Outlet& existing : outlets_) {
      if (existing.id == o.id) {
        existing = o;
        replaced = true;
        break;
      }
    }
    if (!replaced) outlets_.push_back(std::move(o));
  }
  reindex();
  return Status::Ok();
}

void Outlets::reindex() {
  by_name_.clear();
  by_host_.clear();
  by_length_.clear();
  by_squeezed_.clear();
  by_label_.clear();
  // Canonical names first, so that one outlet's alias never hides another's name ("CNA").
  for (size_t i = 0; i < outlets_.size(); ++i) by_name_.try_emplace(fold_name(outlets_[i].name), i);
  for (size_t i = 0; i < outlets_.size(); ++i) {
    for (const std::string& a : outlets_[i].aliases) by_name_.try_emplace(fold_name(a), i);
    for (const std::string& h : outlets_[i].hosts) by_host_.try_emplace(h, i);
  }
  // The same names written without their spaces ("WhiteHouse", "GlobalTimes"), when long
  // enough not to be an acronym; a name already taken stays with its outlet.
  for (const auto& [name, index] : by_name_) {
    if (name.find(' ') == std::string::npos) continue;
    std::string squeezed = without_spaces(name);
    if (squeezed.size() >= 8) by_squeezed_.try_emplace(std::move(squeezed), index);
  }
  // Registrable labels of outlets that run sites under several public suffixes (epochtimes.com,
  // .jp, .fr): a label one outlet uses under one suffix may be another paper's elsewhere
  // (guardian.ng, guardian.co.tt). The outlet with the most suffixes owns the label; a tie, none.
  std::map<std::string, std::map<size_t, std::set<std::string>>> suffixes_of_label;
  for (size_t i = 0; i < outlets_.size(); ++i) {
    for (const std::string& h : outlets_[i].hosts) {
      const std::string domain = registrable_domain(h);
      const size_t dot = domain.find('.');
      if (dot != std::string::npos && dot >= 6)
        suffixes_of_label[domain.substr(0, dot)][i].insert(domain.substr(dot));
    }
  }
  for (const auto& [label, outlets] : suffixes_of_label) {
    size_t best = 0, most = 0;
    bool tie = false;
    for (const auto& [index, suffixes] : outlets) {
      if (suffixes.size() > most) {
        best = index;
        most = suffixes.size();
        tie = false;
      } else if (suffixes.size() == most) {
        tie = true;
      }
    }
    if (most >= 2 && !tie) by_label_.emplace(label, best);
  }
  by_length_.assign(by_name_.begin(), by_name_.end());
  std::sort(by_length_.begin(), by_length_.end(), [](const auto& a, const auto& b) {
    return a.first.size() != b.first.size() ? a.first.size() > b.first.size() : a.first < b.first;
  });
}

const Outlet* Outlets::find(std::string_view name) const {
  const std::string folded = fold_name(name);
  if (auto it = by_name_.find(folded); it != by_name_.end()) return &outlets_[it->second];
  if (folded.find(' ') != std::string::npos) return nullptr;
  auto it = by_squeezed_.find(folded);
  return it == by_squeezed_.end() ? nullptr : &outlets_[it->second];
}

const Outlet* Outlets::for_host(std::string_view host) const {
  std::string h = ascii_lower_copy(host);
  if (h.starts_with("www.")) h.erase(0, 4);
  for (size_t start = 0; start < h.size();) {
    if (auto it = by_host_.find(h.substr(start)); it != by_host_.end())
      return &outlets_[it->second];
    size_t dot = h.find('.', start);
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  if (auto it = by_label_.find(registrable_label(h)); it != by_label_.end())
    return &outlets_[it->second];
  return nullptr;
}

std::string registrable_domain(std::string_view host) {
  const std::string h = ascii_lower_copy(host);
  if (h.empty() || h.find_first_not_of("0123456789.") == std::string::npos) return "";
  const psl_ctx_t* list = psl_builtin();
  if (list == nullptr) return h;
  // The longest suffix the ICANN section lists, with one label more. The list's private section
  // (cloudfront.net, blogspot.com) is left out: a CDN's or a platform's customer host
  // ("d1234.cloudfront.net") names no site.
  size_t label_start = 0;
  for (size_t start = 0; start < h.size();) {
    const size_t dot = h.find('.', start);
    if (dot == std::string::npos) break;
    if (psl_is_public_suffix2(list, h.c_str() + dot + 1, PSL_TYPE_ICANN | PSL_TYPE_NO_STAR_RULE))
      return h.substr(label_start);
    label_start = start = dot + 1;
  }
  // A top-level domain the list lacks (".example") is a public suffix of its own.
  const size_t last_dot = h.rfind('.');
  if (last_dot == std::string::npos || last_dot == 0) return h;
  const size_t before = h.rfind('.', last_dot - 1);
  return before == std::string::npos ? h : h.substr(before + 1);
}

std::string registrable_label(std::string_view host) {
  std::string domain = registrable_domain(host);
  return domain.substr(0, domain.find('.'));
}

namespace {
// A name written without spaces whose last character begins a word with what follows it: "中国报道"
// (the magazine 中国报道, "China Report") is not 中国报 (China Press) and a report: 报道 is
// "report".
bool splits_word(std::string_view folded, size_t name_end) {
  static constexpr std::string_view kWords[] = {"报道", "報道"};
  for (std::string_view w : kWords) {
    const std::string_view first = w.substr(0, w.size() / 2);
    if (name_end >= first.size() && folded.substr(name_end - first.size(), w.size()) == w)
      return true;
  }
  return false;
}
}  // namespace

const Outlet* Outlets::find_in(std::string_view credit) const {
  if (const Outlet* o = find(credit)) return o;
  const std::string folded = fold_name(credit);
  auto is_word_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           static_cast<unsigned char>(c) >= 0x80;
  };
  // A name written without its spaces as the credit's first word ("WhiteHouse 点击次数").
  if (auto it = by_squeezed_.find(folded.substr(0, folded.find(' '))); it != by_squeezed_.end())
    return &outlets_[it->second];
  for (const auto& [name, index] : by_length_) {
    if (name.size() >= folded.size() || name.size() < 2) continue;
    const bool spaced = static_cast<unsigned char>(name.back()) < 0x80;
    // At the start: a Latin name must end at a word's end ("Reuters staff", not "APEC").
    if (folded.starts_with(name) && (!spaced || !is_word_char(folded[name.size()])) &&
        !splits_word(folded, name.size()))
      return &outlets_[index];
    // At the end, in scripts without spaces: "北京共同" ends with 共同.
    if (!spaced && static_cast<unsigned char>(name.front()) >= 0x80 && folded.ends_with(name))
      return &outlets_[index];
  }
  return nullptr;
}

std::string Outlets::canonical(std::string_view credit) const {
  const Outlet* o = find_in(credit);
  return o ? o->name : std::string(credit);
}

bool is_web_address(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return false;
  const std::string s = ascii_lower_copy(url.substr(0, scheme));
  if (s != "http" && s != "https") return false;
  std::string_view authority = url.substr(scheme + 3);
  authority = authority.substr(0, authority.find_first_of("/?#"));
  if (size_t at = authority.rfind('@'); at != std::string_view::npos)
    authority.remove_prefix(at + 1);
  authority = authority.substr(0, authority.find(':'));
  // A fully qualified host ends with a dot ("blog.example.ne.jp."): the same host.
  if (authority.size() > 1 && authority.back() == '.') authority.remove_suffix(1);
  if (authority.empty() || authority.front() == '.' || authority.back() == '.') return false;
  return !url_host(url).empty() || authority.find_first_not_of("0123456789.") == std::string::npos;
}

std::string url_host(std::string_view url) {
  size_t scheme = url.find("://");
  std::string_view rest = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
  if (scheme != std::string_view::npos) {
    std::string s = ascii_lower_copy(url.substr(0, scheme));
    if (s != "http" && s != "https") return "";
  }
  size_t end = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, end);
  if (size_t at = authority.rfind('@'); at != std::string_view::npos)
    authority.remove_prefix(at + 1);
  if (size_t colon = authority.find(':'); colon != std::string_view::npos)
    authority = authority.substr(0, colon);
  std::string host = ascii_lower_copy(authority);
  if (host.size() > 1 && host.back() == '.') host.pop_back();  // fully qualified: "example.jp."
  if (host.starts_with("www.")) host.erase(0, 4);
  if (host.find('.') == std::string::npos || host.size() > 253 || host.front() == '.' ||
      host.back() == '.')
    return "";
  for (char c : host)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
          static_cast<unsigned char>(c) >= 0x80))
      return "";
  if (host.find_first_not_of("0123456789.") == std::string::npos) {
    // An address names no outlet; a web proxy on one carries the page's own address in its
    // path ("http://203.0.113.7:8011/https/www.dw.com/zh/...").
    std::string_view path = end == std::string_view::npos ? "" : rest.substr(end);
    for (std::string_view scheme_dir : {"/https://", "/http://", "/https/", "/http/"})
      if (path.starts_with(scheme_dir))
        return url_host("https://" + std::string(path.substr(scheme_dir.size())));
    return "";
  }
  return host;
}

}  // namespace readouts
