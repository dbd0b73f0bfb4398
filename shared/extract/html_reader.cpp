// The HTML scanner: tags, attributes, skipped elements, block breaks and character references.
#include "shared/extract/html_reader.h"

#include <array>

#include "shared/text/utf8.h"

namespace readouts {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

struct Tag {
  std::string name;  // lower case, without '/'
  bool closing = false;
  bool self_closing = false;
  std::string_view attrs;  // raw attribute text
};

// Reads an attribute value by (lower-case) name from raw attribute text.
std::string attr(std::string_view attrs, std::string_view name) {
  size_t i = 0;
  while (i < attrs.size()) {
    while (i < attrs.size() && (is_space(attrs[i]) || attrs[i] == '/')) ++i;
    size_t ks = i;
    while (i < attrs.size() && !is_space(attrs[i]) && attrs[i] != '=' && attrs[i] != '>') ++i;
    std::string key = ascii_lower(attrs.substr(ks, i - ks));
    while (i < attrs.size() && is_space(attrs[i])) ++i;
    std::string value;
    if (i < attrs.size() && attrs[i] == '=') {
      ++i;
      while (i < attrs.size() && is_space(attrs[i])) ++i;
      if (i < attrs.size() && (attrs[i] == '"' || attrs[i] == '\'')) {
        char q = attrs[i++];
        size_t vs = i;
        while (i < attrs.size() && attrs[i] != q) ++i;
        value = std::string(attrs.substr(vs, i - vs));
        if (i < attrs.size()) ++i;
      } else {
        size_t vs = i;
        while (i < attrs.size() && !is_space(attrs[i])) ++i;
        value = std::string(attrs.substr(vs, i - vs));
      }
    }
    if (key == name) return decode_entities(value);
    if (ks == i) ++i;  // no progress: skip a stray byte
  }
  return "";
}

bool is_block(std::string_view n) {
  static constexpr std::array<std::string_view, 30> kBlocks = {
      "p",     "div", "br",     "li",      "ul",      "ol",      "h1",         "h2",
      "h3",    "h4",  "h5",     "h6",      "section", "article", "blockquote", "tr",
      "table", "dd",  "dt",     "dl",      "pre",     "hr",      "main",       "body",
      "td",    "th",  "center", "address", "figure",  "details"};
  for (auto b : kBlocks)
    if (n == b) return true;
  return false;
}

bool is_skipped(std::string_view n) {
  static constexpr std::array<std::string_view, 14> kSkip = {
      "script", "style",  "nav",  "header", "footer",     "aside",    "noscript",
      "svg",    "iframe", "form", "button", "figcaption", "template", "select"};
  for (auto s : kSkip)
    if (n == s) return true;
  return false;
}

const std::array<std::pair<std::string_view, uint32_t>, 32> kEntities = {{
    {"amp", '&'},       {"lt", '<'},       {"gt", '>'},       {"quot", '"'},      {"apos", '\''},
    {"nbsp", 0xA0},     {"mdash", 0x2014}, {"ndash", 0x2013}, {"hellip", 0x2026}, {"rsquo", 0x2019},
    {"lsquo", 0x2018},  {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"middot", 0xB7},   {"copy", 0xA9},
    {"reg", 0xAE},      {"trade", 0x2122}, {"bull", 0x2022},  {"laquo", 0xAB},    {"raquo", 0xBB},
    {"eacute", 0xE9},   {"egrave", 0xE8},  {"aacute", 0xE1},  {"oacute", 0xF3},   {"uuml", 0xFC},
    {"ouml", 0xF6},     {"auml", 0xE4},    {"ccedil", 0xE7},  {"iacute", 0xED},   {"ntilde", 0xF1},
    {"thinsp", 0x2009}, {"ensp", 0x2002},
}};

}  // namespace

std::string decode_entities(std::string_view t) {
  std::string out;
  out.reserve(t.size());
  size_t i = 0;
  while (i < t.size()) {
    if (t[i] != '&') {
      out += t[i++];
      continue;
    }
    size_t semi = t.substr(i, 14).find(';');  // bounded: "&&&&..." stays linear
    if (semi != std::string_view::npos) semi += i;
    if (semi == std::string_view::npos || semi - i > 12) {
      out += t[i++];
      continue;
    }
    std::string_view name = t.substr(i + 1, semi - i - 1);
    uint32_t cp = 0;
    if (!name.empty() && name[0] == '#') {
      bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
      uint64_t v = 0;
      bool ok = name.size() > (hex ? 2u : 1u);
      for (size_t k = hex ? 2 : 1; k < name.size() && ok; ++k) {
        char c = name[k];
        int d = (c >= '0' && c <= '9')          ? c - '0'
                : hex && (c >= 'a' && c <= 'f') ? c - 'a' + 10
                : hex && (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                                : -1;
        if (d < 0) ok = false;
        v = v * (hex ? 16 : 10) + static_cast<uint64_t>(d < 0 ? 0 : d);
        if (v > 0x10FFFF) ok = false;
      }
      if (ok) cp = static_cast<uint32_t>(v);
      if (ok && (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF))) cp = 0xFFFD;
    } else {
      for (const auto& [n, c] : kEntities)
        if (n == name) cp = c;
    }
    if (cp == 0) {
      out += t[i++];
      continue;
    }
    utf8_append(out, cp);
    i = semi + 1;
  }
  return out;
}

bool looks_like_html(std::string_view text) {
  std::string head = ascii_lower(trim(text.substr(0, 1024)));
  return head.starts_with("<!doctype html") || head.starts_with("<html") ||
         head.find("<html") != std::string::npos || head.find("<body") != std::string::npos ||
         (head.starts_with("<") &&
          (head.find("<p>") != std::string::npos || head.find("<div") != std::string::npos ||
           head.find("<head") != std::string::npos));
}

RawRecord read_html(std::string_view html) {
  RawRecord r;
  r.format = "html";
  r.body_is_paragraphs = true;
  std::string body, title_text, h1_text, current;
  std::string skip_tag;  // the element being skipped ("script", "nav", ...)
  int skip_depth = 0;
  bool in_title = false, in_h1 = false;
  std::string meta_date, meta_date_source, time_date, og_title;
  auto flush_block = [&]() {
    std::string p = collapse_spaces(decode_entities(current));
    current.clear();
    if (p.empty()) return;
    if (!body.empty()) body += "\n\n";
    body += p;
  };
  size_t i = 0;
  const size_t n = html.size();
  while (i < n) {
    if (html[i] != '<') {
      size_t next = html.find('<', i);
      if (next == std::string_view::npos) next = n;
      std::string_view text = html.substr(i, next - i);
      if (skip_depth == 0) {
        if (in_title)
          title_text.append(text);
        else
          current.append(text);
        if (in_h1) h1_text.append(text);
      }
      i = next;
      continue;
    }
    // Comments, doctype, CDATA.
    if (html.compare(i, 4, "<!--") == 0) {
      size_t e = html.find("-->", i + 4);
      i = e == std::string_view::npos ? n : e + 3;
      continue;
    }
    if (i + 1 < n && (html[i + 1] == '!' || html[i + 1] == '?')) {
      size_t e = html.find('>', i);
      i = e == std::string_view::npos ? n : e + 1;
      continue;
    }
    size_t k = i + 1;
    Tag tag;
    if (k < n && html[k] == '/') {
      tag.closing = true;
      ++k;
    }
    size_t ns = k;
    while (k < n && ((html[k] >= 'a' && html[k] <= 'z') || (html[k] >= 'A' && html[k] <= 'Z') ||
                     (html[k] >= '0' && html[k] <= '9') || html[k] == '-' || html[k] == ':'))
      ++k;
    if (k == ns) {  // a lone '<' in text
      if (skip_depth == 0 && !in_title) current += '<';
      ++i;
      continue;
    }
    tag.name = ascii_lower(html.substr(ns, k - ns));
    // Find the end of the tag, honouring quoted attribute values.
    size_t e = k;
    char quote = 0;
    while (e < n) {
      char c = html[e];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        break;
      }
      ++e;
    }
    if (e >= n) break;  // truncated tag: stop
    tag.attrs = html.substr(k, e - k);
    tag.self_closing = e > k && html[e - 1] == '/';
    i = e + 1;

    if (skip_depth > 0) {
      if (tag.name == skip_tag) {
        if (tag.closing) {
          --skip_depth;
        } else if (!tag.self_closing) {
          ++skip_depth;
        }
      }
      continue;
    }
    if (tag.name == "script" || tag.name == "style") {
      // Raw text elements: jump to the closing tag directly.
      std::string close = "</" + tag.name;
      size_t pos = i;
      while (true) {
        size_t c = html.find("</", pos);
        if (c == std::string_view::npos) {
          i = n;
          break;
        }
        if (istarts_with(html.substr(c), close)) {
          size_t gt = html.find('>', c);
          i = gt == std::string_view::npos ? n : gt + 1;
          break;
        }
        pos = c + 2;
      }
      continue;
    }
    if (!tag.closing && !tag.self_closing && is_skipped(tag.name)) {
      skip_tag = tag.name;
      skip_depth = 1;
      flush_block();
      continue;
    }
    if (tag.name == "title") {
      in_title = !tag.closing;
      continue;
    }
    if (tag.name == "h1") {
      in_h1 = !tag.closing;
    }
    if (tag.name == "html" && !tag.closing && r.language.empty()) {
      r.language = attr(tag.attrs, "lang");
    }
    if (tag.name == "meta") {
      std::string key = ascii_lower(attr(tag.attrs, "property"));
      if (key.empty()) key = ascii_lower(attr(tag.attrs, "name"));
      if (key.empty()) key = ascii_lower(attr(tag.attrs, "itemprop"));
      std::string content = attr(tag.attrs, "content");
      if (content.empty()) continue;
      if (key == "article:published_time" || key == "og:published_time" || key == "datepublished" ||
          key == "publishdate" || key == "pubdate" || key == "date" || key == "dc.date" ||
          key == "dc.date.issued" || key == "parsely-pub-date" || key == "sailthru.date" ||
          key == "publication_date") {
        if (meta_date.empty() || key == "article:published_time") meta_date = content;
      } else if (key == "og:title" || key == "twitter:title") {
        if (og_title.empty()) og_title = content;
      } else if (key == "og:site_name") {
        r.source = content;
      } else if (key == "og:url") {
        if (r.url.empty()) r.url = content;
      } else if (key == "og:locale" && r.language.empty()) {
        r.language = content;
      }
      continue;
    }
    if (tag.name == "link" && ascii_lower(attr(tag.attrs, "rel")) == "canonical") {
      std::string href = attr(tag.attrs, "href");
      if (!href.empty()) r.url = href;
      continue;
    }
    if (tag.name == "time" && !tag.closing && time_date.empty()) {
      time_date = attr(tag.attrs, "datetime");
    }
    if (is_block(tag.name)) flush_block();
  }
  flush_block();
  std::string t = collapse_spaces(decode_entities(title_text));
  if (t.empty()) t = og_title;
  if (t.empty()) t = collapse_spaces(decode_entities(h1_text));
  r.title = t;
  if (!meta_date.empty()) {
    r.date = meta_date;
    r.date_evidence = "html meta";
  } else if (!time_date.empty()) {
    r.date = time_date;
    r.date_evidence = "html time";
  }
  // "en-US" -> "en"; "zh-CN" -> "zh-Hans"; "zh-TW"/"zh-HK" -> "zh-Hant".
  std::string lang = ascii_lower(r.language);
  for (char& c : lang)
    if (c == '_') c = '-';
  if (lang.starts_with("zh")) {
    r.language = (lang.find("tw") != std::string::npos || lang.find("hk") != std::string::npos ||
                  lang.find("hant") != std::string::npos)
                     ? "zh-Hant"
                     : (lang == "zh" ? "" : "zh-Hans");
  } else if (lang.size() >= 2) {
    r.language = lang.substr(0, lang.find('-'));
  } else {
    r.language.clear();
  }
  r.body = std::move(body);
  return r;
}

}  // namespace readouts
