// The front matter parser: line-based, bounded, no recursion.
#include "shared/extract/front_matter.h"

#include "shared/text/utf8.h"

namespace readouts {

namespace {

constexpr size_t kMaxEntries = 200;
constexpr size_t kMaxFrontMatterBytes = 64 * 1024;

Error fm_error(size_t line, const std::string& what) {
  return make_error(Code::kParseError, "front matter line " + std::to_string(line) + ": " + what);
}

// Reads one scalar (quoted or plain) from s; sets end to the first byte after it.
Result<std::string> read_scalar(std::string_view s, size_t line, size_t& end, bool in_list) {
  size_t i = 0;
  while (i < s.size() && s[i] == ' ') ++i;
  if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
    const char q = s[i];
    std::string out;
    size_t k = i + 1;
    for (; k < s.size(); ++k) {
      char c = s[k];
      if (c == q) {
        if (q == '\'' && k + 1 < s.size() && s[k + 1] == '\'') {
          out += '\'';
          ++k;
          continue;
        }
        break;
      }
      if (q == '"' && c == '\\' && k + 1 < s.size()) {
        char n = s[++k];
        out += n == 'n' ? '\n' : n == 't' ? '\t' : n;
        continue;
      }
      out += c;
    }
    if (k >= s.size()) return fm_error(line, "unterminated quoted value (quote never closed)");
    end = k + 1;
    return out;
  }
  size_t k = i;
  if (in_list) {
    while (k < s.size() && s[k] != ',' && s[k] != ']') ++k;
  } else {
    k = s.size();
  }
  std::string_view v = s.substr(i, k - i);
  // " # comment" ends a plain value.
  if (size_t hash = v.find(" #"); hash != std::string_view::npos) v = v.substr(0, hash);
  end = k;
  return std::string(trim(v));
}

Result<std::vector<std::string>> read_inline_list(std::string_view s, size_t line) {
  // s starts with '['
  std::vector<std::string> items;
  size_t i = 1;
  while (true) {
    while (i < s.size() && s[i] == ' ') ++i;
    if (i >= s.size()) return fm_error(line, "unclosed list (missing ']')");
    if (s[i] == ']') break;
    size_t used = 0;
    auto v = read_scalar(s.substr(i), line, used, true);
    if (!v.ok()) return v.error();
    if (!v.value().empty()) items.push_back(v.value());
    i += used;
    while (i < s.size() && s[i] == ' ') ++i;
    if (i >= s.size()) return fm_error(line, "unclosed list (missing ']')");
    if (s[i] == ',') {
      ++i;
      continue;
    }
    if (i < s.size() && s[i] == ']') break;
    return fm_error(line, "expected ',' or ']' in list");
  }
  std::string_view rest = trim(s.substr(i + 1));
  if (!rest.empty() && rest[0] != '#') return fm_error(line, "unexpected text after ']'");
  return items;
}

}  // namespace

const FrontMatterEntry* FrontMatter::find(std::string_view key) const {
  for (const auto& e : entries)
    if (e.key == key) return &e;
  return nullptr;
}

bool has_front_matter(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  return text.starts_with("---\n") || text.starts_with("---\r\n") ||
         (text.starts_with("---") && trim(text.substr(3, text.find('\n') - 3)).empty() &&
          text.find('\n') != std::string_view::npos);
}

Result<FrontMatter> parse_front_matter(std::string_view text) {
  FrontMatter fm;
  size_t pos = text.find('\n');
  if (pos == std::string_view::npos) return fm_error(1, "front matter is never closed");
  ++pos;
  // A block without its closing fence is reported as such, whatever its lines look like.
  {
    bool fence = false;
    size_t p = pos;
    while (p < text.size() && p <= kMaxFrontMatterBytes + 4 && !fence) {
      size_t e = text.find('\n', p);
      if (e == std::string_view::npos) e = text.size();
      std::string_view t = trim(text.substr(p, e - p));
      fence = t == "---" || t == "...";
      p = e + 1;
    }
    if (!fence)
      return fm_error(1, "front matter is never closed (no closing --- line within 64 KB)");
  }
  size_t line_no = 1;
  FrontMatterEntry* open_list = nullptr;
  bool closed = false;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = eol + 1;
    ++line_no;
    if (pos > kMaxFrontMatterBytes + 4)
      return fm_error(line_no, "front matter is too long (over 64 KB) or never closed with ---");
    std::string_view t = trim(line);
    if (t == "---" || t == "...") {
      closed = true;
      break;
    }
    if (t.empty() || t[0] == '#') continue;
    if (t.starts_with("- ") || t == "-") {
      if (!open_list) return fm_error(line_no, "list item without a key above it");
      size_t used = 0;
      auto v = read_scalar(t.substr(1), line_no, used, false);
      if (!v.ok()) return v.error();
      if (!v.value().empty()) open_list->items.push_back(v.value());
      continue;
    }
    if (line[0] == ' ' || line[0] == '\t') {
      return fm_error(line_no, "nested values are not supported (indented line)");
    }
    size_t colon = t.find(':');
    if (colon == std::string_view::npos || colon == 0)
      return fm_error(line_no, "expected `key: value` (or the closing ---)");
    std::string key = ascii_lower(trim(t.substr(0, colon)));
    for (char c : key)
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
        return fm_error(line_no, "invalid key '" + key.substr(0, 40) + "'");
    if (fm.entries.size() >= kMaxEntries) return fm_error(line_no, "too many entries");
    std::string_view rest = trim(t.substr(colon + 1));
    FrontMatterEntry e;
    e.key = key;
    open_list = nullptr;
    if (rest.empty()) {
      e.is_list = true;  // a block list may follow; an empty value otherwise
    } else if (rest[0] == '[') {
      auto items = read_inline_list(rest, line_no);
      if (!items.ok()) return items.error();
      e.is_list = true;
      e.items = std::move(items.value());
    } else if (rest[0] == '{' || rest[0] == '&' || rest[0] == '*' || rest[0] == '!' ||
               rest[0] == '|' || rest[0] == '>') {
      return fm_error(line_no, "unsupported YAML syntax (maps, anchors, tags, block scalars)");
    } else {
      size_t used = 0;
      auto v = read_scalar(rest, line_no, used, false);
      if (!v.ok()) return v.error();
      std::string_view after = trim(rest.substr(used));
      if (!after.empty() && after[0] != '#')
        return fm_error(line_no, "unexpected text after the quoted value");
      e.value = v.value();
    }
    fm.entries.push_back(std::move(e));
    if (fm.entries.back().is_list && rest.empty()) open_list = &fm.entries.back();
  }
  if (!closed) return fm_error(line_no, "front matter is never closed (no closing --- line)");
  fm.body_offset = std::min(pos, text.size());
  return fm;
}

}  // namespace readouts
