// Markdown to plain text, and front matter fields to a RawRecord.
#include "shared/extract/markdown_reader.h"

#include "shared/extract/front_matter.h"
#include "shared/text/utf8.h"

namespace readouts {

namespace {

// Inline syntax: images dropped, links to their text, emphasis and code markers removed.
std::string strip_inline(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if ((c == '!' && i + 1 < s.size() && s[i + 1] == '[') || c == '[') {
      const bool image = c == '!';
      size_t open = image ? i + 1 : i;
      // Bounded searches: a link text is under 500 bytes, its target under 2000 (no quadratic
      // rescans on inputs full of brackets).
      size_t close = s.substr(open, 500).find(']');
      if (close != std::string_view::npos) close += open;
      if (close != std::string_view::npos && close + 1 < s.size() && s[close + 1] == '(') {
        size_t paren = s.substr(close + 2, 2000).find(')');
        if (paren != std::string_view::npos) {
          paren += close + 2;
          if (!image) out.append(strip_inline(s.substr(open + 1, close - open - 1)));
          i = paren + 1;
          continue;
        }
      }
      out += c;
      ++i;
      continue;
    }
    if (c == '*' || c == '`') {
      ++i;
      continue;
    }
    if (c == '_' && i + 1 < s.size() && s[i + 1] == '_') {
      i += 2;
      continue;
    }
    out += c;
    ++i;
  }
  return out;
}

}  // namespace

std::string markdown_to_text(std::string_view body, std::string* title) {
  std::string out;
  size_t pos = 0;
  bool in_fence = false, in_comment = false;
  auto block = [&](std::string_view text) {
    if (!out.empty() && !out.ends_with("\n\n")) out += out.ends_with('\n') ? "\n" : "\n\n";
    out.append(text);
    out += "\n\n";
  };
  while (pos < body.size()) {
    size_t eol = body.find('\n', pos);
    if (eol == std::string_view::npos) eol = body.size();
    std::string_view line = body.substr(pos, eol - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = eol + 1;
    std::string_view t = trim(line);
    if (in_comment) {
      if (t.find("-->") != std::string_view::npos) in_comment = false;
      continue;
    }
    if (t.starts_with("<!--")) {
      if (t.find("-->") == std::string_view::npos) in_comment = true;
      continue;
    }
    if (t.starts_with("```") || t.starts_with("~~~")) {
      in_fence = !in_fence;
      continue;
    }
    if (in_fence) {
      out.append(line);
      out += '\n';
      continue;
    }
    if (t.empty()) {
      if (!out.empty() && !out.ends_with("\n\n")) out += '\n';
      continue;
    }
    if (t[0] == '#') {
      size_t level = 0;
      while (level < t.size() && t[level] == '#') ++level;
      if (level <= 6 && (level == t.size() || t[level] == ' ')) {
        std::string_view h = trim(t.substr(level));
        while (!h.empty() && h.back() == '#') h = trim(h.substr(0, h.size() - 1));
        std::string text = strip_inline(h);
        if (level == 1 && title && title->empty()) {
          *title = text;
        } else if (!text.empty()) {
          block(text);
        }
        continue;
      }
    }
    // Setext underline / horizontal rules.
    if (t.find_first_not_of("=-*_ ") == std::string_view::npos && t.size() >= 3) {
      if (!out.empty() && !out.ends_with("\n\n")) out += '\n';
      continue;
    }
    // Reference link definitions "[1]: http://..."
    if (t[0] == '[' && t.find("]:") != std::string_view::npos && t.find("]:") < 60) continue;
    // Quotes and list markers.
    while (!t.empty() && t[0] == '>') t = trim(t.substr(1));
    bool item = false;
    if (t.size() > 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && t[1] == ' ') {
      t = trim(t.substr(2));
      item = true;
    } else {
      size_t d = 0;
      while (d < t.size() && d < 3 && t[d] >= '0' && t[d] <= '9') ++d;
      if (d > 0 && d + 1 < t.size() && (t[d] == '.' || t[d] == ')') && t[d + 1] == ' ') {
        t = trim(t.substr(d + 2));
        item = true;
      }
    }
    std::string text = strip_inline(t);
    if (item) {
      block(text);
    } else {
      out.append(text);
      out += '\n';
    }
  }
  return out;
}

Result<RawRecord> read_markdown(std::string_view text) {
  RawRecord r;
  r.format = "markdown";
  std::string_view body = text;
  if (has_front_matter(text)) {
    auto fm = parse_front_matter(text);
    if (!fm.ok()) return fm.error();
    const FrontMatter& f = fm.value();
    body = text.substr(f.body_offset);
    auto scalar = [&](const char* key) -> std::string {
      const FrontMatterEntry* e = f.find(key);
      if (!e) return "";
      if (e->is_list) return e->items.empty() ? "" : e->items.front();
      return e->value;
    };
    auto list = [&](const char* key) -> std::optional<std::vector<std::string>> {
      const FrontMatterEntry* e = f.find(key);
      if (!e) return std::nullopt;
      if (e->is_list) return e->items;
      std::vector<std::string> items;
      // "speakers: Xi Jinping, Donald J. Trump"
      std::string_view v = e->value;
      size_t start = 0;
      while (start <= v.size()) {
        size_t comma = v.find(',', start);
        if (comma == std::string_view::npos) comma = v.size();
        std::string_view item = trim(v.substr(start, comma - start));
        if (!item.empty()) items.emplace_back(item);
        start = comma + 1;
      }
      return items;
    };
    r.id = scalar("id");
    r.title = scalar("title");
    r.date = scalar("date");
    if (r.date.empty()) r.date = scalar("published");
    if (!r.date.empty()) r.date_evidence = "front matter";
    r.source = scalar("source");
    r.url = scalar("url");
    r.language = scalar("language");
    if (r.language.empty()) r.language = scalar("lang");
    r.speakers = list("speakers");
    r.topics = list("topics");
    if (r.topics && r.topics->empty() && !f.find("topics")->is_list) r.topics.reset();
  }
  r.body = markdown_to_text(body, &r.title);
  return r;
}

}  // namespace readouts
