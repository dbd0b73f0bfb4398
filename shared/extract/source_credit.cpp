// Resolving an article's source from its credits and its url.
#include "shared/extract/source_credit.h"

#include <algorithm>
#include <array>

#include "shared/extract/site_name.h"
#include "shared/text/utf8.h"

namespace readouts {

namespace {

constexpr size_t kOpeningBytes = 80;  // "PARIS (AFP) -" credits open a paragraph

// A letter, a digit or any byte of a non-ASCII character.
bool word_byte(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return u >= 0x80 || (u >= '0' && u <= '9') || ((u | 0x20) >= 'a' && (u | 0x20) <= 'z');
}

// The outlet owning a web address given as a credit: "www.interfax.ru", "https://news.cn/x".
// A publishing platform or a social network hosts others' words, so it credits nobody.
const Outlet* outlet_at_address(std::string_view credit, const Outlets& outlets) {
  if (credit.find('.') == std::string_view::npos || credit.find(' ') != std::string_view::npos)
    return nullptr;
  std::string host = url_host(credit);
  const Outlet* o = host.empty() ? nullptr : outlets.for_host(host);
  return o && o->kind != "platform" && o->kind != "social" ? o : nullptr;
}

// The first known outlet among the names of a credit: "ANP/RTR/BLOOMBERG", "AFP, Reuters"; or
// the owner of an address credited ("Источник: www.interfax.ru").
const Outlet* known_outlet(std::string_view credit, const Outlets& outlets) {
  credit = trim(credit);
  if (credit.empty() || credit.size() > 60) return nullptr;
  if (const Outlet* o = outlets.find_in(credit)) return o;
  if (const Outlet* o = outlet_at_address(credit, outlets)) return o;
  size_t start = 0;
  for (size_t i = 0; i <= credit.size(); ++i) {
    if (i < credit.size() && credit[i] != '/' && credit[i] != ',' && credit[i] != ';') continue;
    if (const Outlet* o = outlets.find(trim(credit.substr(start, i - start)))) return o;
    start = i + 1;
  }
  return nullptr;
}

// Whether `abbreviation` abbreviates the capitalized words ending `before`: their initials, in
// order, are among its capitals and the first of them opens it ("Association of Southeast Asian
// Nations" gives A S A N, all in "ASEAN"; a letter inside a word, the E of "Southeast", may be
// missing). Short lower-case words between ("of") are passed; a word before the name ("The")
// may stand outside it.
bool abbreviates(std::string_view before, std::string_view abbreviation) {
  std::string initials;  // of the capitalized words, last word first
  size_t end = before.size();
  while (end > 0 && initials.size() < abbreviation.size() + 2) {
    while (end > 0 && before[end - 1] == ' ') --end;
    size_t start = end;
    while (start > 0 && before[start - 1] != ' ') --start;
    if (start == end) break;
    const char c = before[start];
    if (c >= 'A' && c <= 'Z') {
      initials.insert(initials.begin(), c);
    } else if (!(c >= 'a' && c <= 'z') || end - start > 4) {
      break;  // a long lower-case word ends the name ("The ... of")
    }
    end = start;
  }
  std::string letters;
  for (char c : abbreviation)
    if (c >= 'A' && c <= 'Z') letters += c;
  if (letters.size() < 2 || initials.size() < 2) return false;
  // The last words' initials, in order, are among the abbreviation's capitals (ASEAN: A S A N;
  // "Southeast" gives only S) and start it; words before them ("The") may stand outside.
  for (size_t from = 0; from + 2 <= initials.size(); ++from) {
    if (initials[from] != letters.front()) continue;
    size_t at = 0;
    bool all = true;
    for (size_t k = from; k < initials.size() && all; ++k) {
      at = letters.find(initials[k], at);
      all = at != std::string::npos;
      ++at;
    }
    if (all) return true;
  }
  return false;
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
    // "МОСКВА, 28 мая — РИА Новости. ...": the place and date, a dash, then the agency closed by
    // a full stop.
    for (std::string_view sep : {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {
      size_t at = head.find(sep);
      if (at == std::string_view::npos || at == 0 || at > 50) continue;
      std::string_view rest = head.substr(at + sep.size());
      size_t stop = rest.find(". ");
      if (stop == std::string_view::npos || stop > 40) continue;
      const Outlet* o = outlets.find(rest.substr(0, stop));
      if (o && (o->kind == "wire" || o->kind == "state-media")) return o;
    }
    // "央视网消息（新闻联播）：", "环球网报道 记者 ...", "中国日报网6月5日讯": an outlet's name
    // opening the paragraph before a news marker. Not "据新华社报道" (a source it cites).
    for (std::string_view marker : {"\xE6\xB6\x88\xE6\x81\xAF", "\xE6\x8A\xA5\xE9\x81\x93",
                                    "\xE5\xA0\xB1\xE5\xB0\x8E", "\xE8\xAE\xAF", "\xE8\xA8\x8A"}) {
      size_t at = head.find(marker);
      if (at == std::string_view::npos || at == 0 || at > 45) continue;
      // A credit stands apart: "环球网报道 记者 ...", "央视网消息（...）：". Words running on cite
      // it: "美联社报道，...", "新华社报道称 ..." ("AP reported ...").
      std::string_view next = head.substr(at + marker.size());
      bool apart = next.empty();
      for (std::string_view sep : {" ", "\xEF\xBC\x88", "(", ":", "\xEF\xBC\x9A", "\xE3\x80\x80"})
        apart |= next.starts_with(sep);
      if (!apart) continue;
      std::string_view name = head.substr(0, at);
      if (const Outlet* o = outlets.find(name)) return o;
      if (const Outlet* o = outlets.find_in(name); o && o->kind != "official") {
        // Only a date may follow the name: "中国日报网6月5日".
        bool dated = false;
        for (char c : name) dated |= c >= '0' && c <= '9';
        if (dated) return o;
      }
    }
    // Round brackets, the CJK lenticular ones (【ワシントン共同】, 【看中国2018年6月15日讯】),
    // square ones ("[서울=뉴시스]"), or slashes ("ВАШИНГТОН, 15 ноября. /ТАСС/."). A bracket a
    // word runs on from is an aside, not a credit: "중국국제텔레비전(CGTN)은 ..." ("CGTN said
    // ...").
    for (auto [open_mark, close_mark] : {std::pair<std::string_view, std::string_view>{"(", ")"},
                                         {"\xE3\x80\x90", "\xE3\x80\x91"},
                                         {"[", "]"},
                                         {"\xEF\xBC\x88", "\xEF\xBC\x89"},
                                         {"/", "/"}}) {
      size_t open = head.find(open_mark);
      if (open == std::string_view::npos) continue;
      size_t from = open + open_mark.size();
      size_t close = head.find(close_mark, from);
      if (close == std::string_view::npos) continue;
      std::string_view after = std::string_view(paragraphs[p]).substr(close + close_mark.size());
      if (open_mark == "(" && !after.empty() && word_byte(after[0])) continue;
      // Full-width ones credit only opening the paragraph ("（中央社記者某某華盛頓15日專電）"):
      // elsewhere they gloss a name ("中国国际电视台（CGTN）报道").
      if (open_mark == "\xEF\xBC\x88" && open != 0) continue;
      std::string_view inner = head.substr(from, close - from);
      // "The Association of Southeast Asian Nations (ASEAN) ...": the name's abbreviation, no
      // credit.
      if (open_mark == "(" && abbreviates(head.substr(0, open), inner)) continue;
      // "서울=뉴시스", "ワシントン=共同": the place, then the agency. Square brackets credit only
      // so: "[Photo/Xinhua]" is a picture's credit.
      if (size_t eq = inner.rfind('='); eq != std::string_view::npos)
        inner = inner.substr(eq + 1);
      else if (open_mark == "[")
        continue;
      if (const Outlet* o = known_outlet(inner, outlets)) return o;
    }
  }
  return nullptr;
}

bool has_ascii_letter(std::string_view s) {
  for (char c : s)
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return true;
  return false;
}

// Lower-case ASCII letters and digits only: "Radio Free Asia" -> "radiofreeasia".
std::string squeeze(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c >= 'A' && c <= 'Z')
      out += static_cast<char>(c - 'A' + 'a');
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      out += c;
  }
  return out;
}

// The outlet a name alone on a line credits: "Reuters", "XINHUA/APP", "人民日报海外版". A line
// that only begins with a government's name is a heading ("白宫声明全文"); a social network or a
// blog platform alone on a line is a share button ("Facebook", "Threads"), never a credit.
const Outlet* bare_outlet(std::string_view name, const Outlets& outlets) {
  if (const Outlet* o = outlets.find(name))
    return o->kind == "social" || o->kind == "platform" ? nullptr : o;
  const Outlet* o = known_outlet(name, outlets);
  return o && o->kind == "official" ? nullptr : o;
}

// Photo credits repeat under every picture ("Reuters" after each caption of a gallery); a credit
// for the story is given once or twice.
bool repeated(std::string_view name, const std::vector<std::string>* bare) {
  if (!bare) return false;
  size_t n = 0;
  for (const std::string& b : *bare) n += b == name;
  return n >= 3;
}

// A short line above the article that is an outlet's whole name ("Global Times", "U.S.
// DEPARTMENT OF THE TREASURY", "Office of the Spokesperson"), or its name then a date and time
// ("TRT Haber 30.10.2025 05:40"), or after a portal's "© Provided by": a masthead or a credit.
const Outlet* top_line_outlet(const SourceEvidence& ev, const Outlets& outlets,
                              const Outlet* site) {
  if (!ev.top_lines) return nullptr;
  for (const std::string& line : *ev.top_lines) {
    std::string_view t = trim(line);
    if (t.size() > 60 || repeated(t, ev.bare_credits)) continue;
    // A portal's credit of the original: "© Provided by Example Daily", "Provided by X".
    for (std::string_view prefix : {"\xC2\xA9 ", "Provided by ", "provided by "})
      if (t.starts_with(prefix)) t = trim(t.substr(prefix.size()));
    if (const Outlet* o = outlets.find(t)) {
      // The reposting site's own masthead ("Head Topics" on headtopics.com) credits nobody.
      if (o != site && o->kind != "platform" && o->kind != "social") return o;
      continue;
    }
    // The name, then only digits and punctuation.
    size_t end = t.size();
    while (end > 0 && !((t[end - 1] | 0x20) >= 'a' && (t[end - 1] | 0x20) <= 'z') &&
           static_cast<unsigned char>(t[end - 1]) < 0x80)
      --end;
    if (end == t.size() || end == 0) continue;
    std::string_view tail = t.substr(end);
    size_t digits = 0;
    for (char c : tail) digits += c >= '0' && c <= '9';
    if (digits < 4) continue;
    if (const Outlet* o = outlets.find(trim(t.substr(0, end))))
      if (o != site && o->kind != "platform" && o->kind != "social") return o;
  }
  return nullptr;
}

// A known outlet holding the rights to a page on a site outlets.json does not know (a mirror, a
// syndication partner) or on an aggregator: "Copyright © 2025 Example Daily Online. All Rights
// Reserved.", "<저작권자 ⓒ 연합뉴스, 무단 전재-재배포 금지>", "新华网版权所有". Only a line
// reserving the rights: a bare "© AFP" is a photo's credit.
const Outlet* copyright_outlet(const SourceEvidence& ev, const Outlets& outlets,
                               const Outlet* site) {
  if (!ev.copyright_lines) return nullptr;
  static constexpr std::string_view kReserved[] = {"all rights reserved",
                                                   "무단 전재",
                                                   "무단전재",
                                                   "版权所有",
                                                   "版權所有",
                                                   "禁止转载",
                                                   "無断転載",
                                                   "todos los derechos reservados",
                                                   "tous droits réservés",
                                                   "alle rechte vorbehalten",
                                                   "todos os direitos reservados",
                                                   "tutti i diritti riservati",
                                                   "все права защищены",
                                                   "جميع الحقوق محفوظة"};
  static constexpr std::string_view kMarks[] = {"copyright", "\xC2\xA9", "\xE2\x93\x92", "(c)"};
  for (const std::string& line : *ev.copyright_lines) {
    const std::string lower = ascii_lower(line);
    size_t at = std::string::npos;
    for (std::string_view r : kReserved) at = std::min(at, lower.find(r));
    if (at == std::string::npos) continue;
    // The words before the reservation, after the last copyright mark.
    std::string_view holder = std::string_view(line).substr(0, at);
    size_t mark_end = 0;
    for (std::string_view m : kMarks)
      if (size_t m_at = lower.rfind(m, at); m_at != std::string::npos && m_at < at)
        mark_end = std::max(mark_end, m_at + m.size());
    holder = trim(holder.substr(std::min(mark_end, holder.size())));
    if (mark_end == 0 && !has_ascii_letter(holder))  // "北京某公司主办 某某网版权所有"
      if (size_t space = holder.rfind(' '); space != std::string_view::npos)
        holder = trim(holder.substr(space + 1));
    // Years and punctuation around the name; the name ends at a comma or " & " ("한국경제 &
    // hankyung.com,").
    while (!holder.empty() && ((holder.front() >= '0' && holder.front() <= '9') ||
                               holder.front() == '-' || holder.front() == ' '))
      holder.remove_prefix(1);
    for (std::string_view end : {",", " & ", " |", "\xEF\xBC\x8C"})
      holder = holder.substr(0, holder.find(end));
    while (!holder.empty() && (holder.back() == '.' || holder.back() == ' '))
      holder.remove_suffix(1);
    // The whole name, or the name before a company's legal form ("Example Daily Inc."): the
    // start of a longer name is another publisher ("The Hill Times" is not The Hill).
    const Outlet* o = outlets.find(holder);
    for (std::string_view form : {" Inc", " Ltd", " LLC", " Limited", " Co", " Corporation"})
      if (!o && holder.ends_with(form))
        o = outlets.find(trim(holder.substr(0, holder.size() - form.size())));
    if (o && o != site && o->kind != "platform" && o->kind != "social") return o;
  }
  return nullptr;
}

// A publisher's name that the domain cannot spell, from the page's chrome: the name before the
// site's own address ("海口网 http://www.example.net 时间: ..."), or the holder of a copyright
// line ("中国每日新讯网版权所有", "جميع الحقوق محفوظة ..."). Only names without Latin letters:
// a Latin name is better given by the domain than by a company's legal name.
std::string chrome_name(const SourceEvidence& ev, std::string_view domain) {
  auto clean = [](std::string_view name) {
    static constexpr std::array<std::string_view, 8> kDrop = {
        "\xC2\xA9",  "\xE2\x93\x92", "版权所有", "版權所有",
        "copyright", "Copyright",    ":",        "\xEF\xBC\x9A"};
    std::string out(name);
    for (std::string_view d : kDrop)
      for (size_t at = out.find(d); at != std::string::npos; at = out.find(d))
        out.erase(at, d.size());
    // Years and spaces around the name.
    std::string_view v = trim(out);
    while (!v.empty() && ((v.front() >= '0' && v.front() <= '9') || v.front() == '-'))
      v = trim(v.substr(1));
    while (!v.empty() && ((v.back() >= '0' && v.back() <= '9') || v.back() == '-' ||
                          v.back() == '.' || v.back() == '|'))
      v = trim(v.substr(0, v.size() - 1));
    return std::string(v);
  };
  auto usable = [](const std::string& name) {
    return name.size() >= 6 && name.size() <= 45 && !has_ascii_letter(name) &&
           name.find(' ') == std::string::npos;
  };
  if (ev.top_lines && !domain.empty()) {
    for (const std::string& line : *ev.top_lines) {
      size_t at = line.find(domain);
      if (at == std::string::npos) continue;
      // Back to the start of the address: "http://www.", "www.". A label ("网址：") is not a name.
      size_t start = line.rfind(' ', at);
      start = start == std::string::npos ? 0 : start;
      std::string_view before = trim(std::string_view(line).substr(0, start));
      if (before.ends_with(":") || before.ends_with("\xEF\xBC\x9A")) continue;
      std::string name = clean(before);
      if (usable(name)) return name;
    }
  }
  if (ev.copyright_lines) {
    for (const std::string& line : *ev.copyright_lines) {
      // "北京某某公司主办 中国每日新讯网版权所有": the last words before the mark.
      std::string_view t = trim(line);
      for (std::string_view mark : {"版权所有", "版權所有"}) {
        size_t at = t.find(mark);
        if (at == std::string_view::npos) continue;
        std::string_view before = trim(t.substr(0, at));
        size_t space = before.rfind(' ');
        std::string name =
            clean(space == std::string_view::npos ? before : before.substr(space + 1));
        if (usable(name)) return name;
      }
    }
  }
  return "";
}

// An outlet outside outlets.json credited by a Chinese source label ("发布时间:... 来源:中国报道",
// "來源：某某日報"): the name as written, 2 to 12 Han characters up to the first space. Not a label
// that credits nobody in particular ("来源:网络", "来源：本网综合").
std::string credited_han_name(const SourceEvidence& ev) {
  if (!ev.credit_lines) return "";
  static constexpr std::string_view kNobody[] = {
      "本网", "本網", "本站", "网络", "網絡", "網路", "互联网", "互聯網", "综合", "綜合",
      "原创", "原創", "网友", "網友", "未知", "其他", "转载",   "轉載",   "作者"};
  for (const std::string& line : *ev.credit_lines) {
    std::string_view name = trim(line);
    name = name.substr(0, name.find(' '));
    size_t chars = 0;
    bool han = !name.empty();
    for (size_t i = 0; i < name.size() && han;) {
      uint32_t cp = 0;
      i += utf8_decode(name, i, cp);
      han = is_han(cp);
      ++chars;
    }
    if (!han || chars < 2 || chars > 12) continue;
    bool nobody = false;
    for (std::string_view w : kNobody) nobody |= name.find(w) != std::string_view::npos;
    if (!nobody) return std::string(name);
  }
  return "";
}

// An outlet whose whole name a label of the host spells: the CDN host
// "radiofreeasia-prod.web.cdn.example" is Radio Free Asia's.
const Outlet* host_spells_outlet(std::string_view host, const Outlets& outlets) {
  // Only the labels before the registrable domain: a domain of its own ("guardian.example")
  // may be another outlet of the same name.
  std::string domain = registrable_domain(host);
  if (host.size() <= domain.size()) return nullptr;
  host = host.substr(0, host.size() - domain.size() - 1);
  std::vector<std::string> parts;
  std::string part;
  for (size_t i = 0; i <= host.size(); ++i) {
    if (i < host.size() && host[i] != '.' && host[i] != '-') {
      part += host[i];
      continue;
    }
    if (part.size() >= 6) parts.push_back(part);
    part.clear();
  }
  if (parts.empty()) return nullptr;
  for (const Outlet& o : outlets.all()) {
    if (o.kind == "platform" || o.kind == "social") continue;
    std::vector<std::string_view> names = {o.name};
    for (const std::string& a : o.aliases) names.push_back(a);
    for (std::string_view n : names) {
      std::string s = squeeze(n);
      if (s.size() < 6) continue;
      for (const std::string& p : parts)
        if (p == s) return &o;
    }
  }
  return nullptr;
}

}  // namespace

std::string resolve_source(const SourceEvidence& ev, const Outlets& outlets) {
  for (std::string_view credit : {ev.field, ev.issuer, ev.dateline_credit, ev.source_line}) {
    credit = trim(credit);
    if (credit.empty()) continue;
    // A credited address ("Source: www.example.ru") names its owner, else its domain; a
    // platform's or a social network's address credits nobody.
    if (outlets.find_in(credit) == nullptr && credit.find(' ') == std::string_view::npos) {
      if (std::string host = url_host(credit); !host.empty()) {
        if (const Outlet* o = outlet_at_address(credit, outlets)) return o->name;
        if (outlets.for_host(host)) continue;
        return registrable_domain(host);
      }
    }
    return outlets.canonical(credit);
  }
  if (ev.paragraphs)
    if (const Outlet* o = opening_credit(*ev.paragraphs, outlets)) return o->name;
  if (ev.credit_lines)
    for (const std::string& line : *ev.credit_lines)
      if (const Outlet* o = known_outlet(line, outlets)) return o->name;
  if (ev.bare_credits)
    for (const std::string& name : *ev.bare_credits)
      if (const Outlet* o = bare_outlet(name, outlets); o && !repeated(name, ev.bare_credits))
        return o->name;
  std::string host = url_host(ev.url);
  const Outlet* owner = host.empty() ? nullptr : outlets.for_host(host);
  // A site that reposts others' articles (unknown, a platform, an aggregator) shows the
  // original's masthead or credit above it; on an outlet's own site such lines are its menus.
  if (!owner || owner->kind == "platform" || owner->kind == "aggregator")
    if (const Outlet* o = top_line_outlet(ev, outlets, owner)) return o->name;
  if (!owner || owner->kind == "platform" || owner->kind == "aggregator")
    if (const Outlet* o = copyright_outlet(ev, outlets, owner)) return o->name;
  if (host.empty()) return "";
  if (owner && owner->kind != "platform") return owner->name;
  if (!owner) {
    std::string domain = registrable_domain(host);
    if (const Outlet* o = host_spells_outlet(host, outlets)) return o->name;
    if (std::string credited = credited_han_name(ev); !credited.empty()) return credited;
    // The site's own name in its chrome, spelled by the domain or given twice ("NEWSru.com").
    std::string name = site_name_from_chrome(ev.top_lines, ev.copyright_lines, host, domain);
    if (!name.empty()) return outlets.canonical(name);
    name = chrome_name(ev, domain);
    if (name.empty()) name = masthead_name(ev.top_lines);
    if (!name.empty()) return outlets.canonical(name);
    return domain;
  }
  // A publishing platform (kind "platform": blogspot.com, hatenablog.com, ...) hosts many
  // publications: the one here is named by its whole host ("someone.hatenablog.com"), whose first
  // label is the publication's name.
  return host;
}

}  // namespace readouts
