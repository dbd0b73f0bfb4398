// Resolving an article's source from its credits and its url.
#include "shared/extract/source_credit.h"

#include <array>

#include "shared/text/utf8.h"

namespace readouts {

namespace {

constexpr size_t kOpeningBytes = 80;  // "PARIS (AFP) -" credits open a paragraph

// The first known outlet among the names of a credit: "ANP/RTR/BLOOMBERG", "AFP, Reuters".
const Outlet* known_outlet(std::string_view credit, const Outlets& outlets) {
  credit = trim(credit);
  if (credit.empty() || credit.size() > 60) return nullptr;
  if (const Outlet* o = outlets.find_in(credit)) return o;
  size_t start = 0;
  for (size_t i = 0; i <= credit.size(); ++i) {
    if (i < credit.size() && credit[i] != '/' && credit[i] != ',' && credit[i] != ';') continue;
    if (const Outlet* o = outlets.find(trim(credit.substr(start, i - start)))) return o;
    start = i + 1;
  }
  return nullptr;
}

// "PEKIN (AFP) -", "(Adnkronos) –", "Washington (ANP/RTR) -": a parenthesized known outlet near
// the start of one of the first three paragraphs; or a wire's name opening one, closed by a full
// stop or a dash ("Reuters. U.S. President ...", "AP — ...").
const Outlet* opening_credit(const std::vector<std::string>& paragraphs, const Outlets& outlets) {
  for (size_t p = 0; p < paragraphs.size() && p < 3; ++p) {
    std::string_view head = std::string_view(paragraphs[p]).substr(0, kOpeningBytes);
    for (std::string_view sep : {". ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {
      size_t at = head.find(sep);
      if (at == std::string_view::npos || at == 0 || at > 30) continue;
      const Outlet* o = outlets.find(head.substr(0, at));
      if (o && o->kind == "wire") return o;
    }
    // Round brackets, or the CJK lenticular ones: 【ワシントン共同】, 【看中国2018年6月15日讯】.
    for (auto [open_mark, close_mark] : {std::pair<std::string_view, std::string_view>{"(", ")"},
                                         {"\xE3\x80\x90", "\xE3\x80\x91"}}) {
      size_t open = head.find(open_mark);
      if (open == std::string_view::npos) continue;
      size_t from = open + open_mark.size();
      size_t close = head.find(close_mark, from);
      if (close == std::string_view::npos) continue;
      if (const Outlet* o = known_outlet(head.substr(from, close - from), outlets)) return o;
    }
  }
  return nullptr;
}

}  // namespace

std::string registrable_domain(std::string_view host) {
  static constexpr std::array<std::string_view, 14> kSecondLevel = {
      "com", "co", "org", "net", "gov", "edu", "ac", "or", "ne", "go", "gob", "nic", "mil", "int"};
  std::vector<std::string_view> labels;
  size_t start = 0;
  for (size_t i = 0; i <= host.size(); ++i) {
    if (i == host.size() || host[i] == '.') {
      labels.push_back(host.substr(start, i - start));
      start = i + 1;
    }
  }
  size_t keep = 2;
  if (labels.size() >= 3 && labels.back().size() == 2) {
    for (std::string_view s : kSecondLevel)
      if (labels[labels.size() - 2] == s) keep = 3;
  }
  if (labels.size() <= keep) return std::string(host);
  size_t skip = 0;
  for (size_t i = 0; i < labels.size() - keep; ++i) skip += labels[i].size() + 1;
  return std::string(host.substr(skip));
}

std::string resolve_source(const SourceEvidence& ev, const Outlets& outlets) {
  for (std::string_view credit : {ev.field, ev.dateline_credit, ev.source_line}) {
    credit = trim(credit);
    if (!credit.empty()) return outlets.canonical(credit);
  }
  if (ev.paragraphs)
    if (const Outlet* o = opening_credit(*ev.paragraphs, outlets)) return o->name;
  if (ev.credit_lines)
    for (const std::string& line : *ev.credit_lines)
      if (const Outlet* o = known_outlet(line, outlets)) return o->name;
  std::string host = url_host(ev.url);
  if (host.empty()) return "";
  if (const Outlet* o = outlets.for_host(host)) {
    // A publishing platform (kind "platform": blogspot.com, substack.com, ...) hosts many
    // publications: the one here is the label before the platform's domain.
    if (o->kind != "platform") return o->name;
    for (const std::string& h : o->hosts) {
      if (host.size() > h.size() + 1 && host.ends_with("." + h)) {
        std::string_view sub = std::string_view(host).substr(0, host.size() - h.size() - 1);
        size_t dot = sub.rfind('.');
        return std::string(dot == std::string_view::npos ? sub : sub.substr(dot + 1));
      }
    }
    return o->name;
  }
  return registrable_domain(host);
}

}  // namespace readouts
