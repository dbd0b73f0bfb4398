// Marks query words (by stem) and CJK words and names (whole) in passages; cuts snippets.
#include "shared/search/highlight.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "shared/search/query_interpreter.h"
#include "shared/text/chinese_script.h"
#include "shared/text/utf8.h"

namespace readouts {

namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";
constexpr std::string_view kOpen = "<mark>", kClose = "</mark>";

void append_escaped(std::string& out, std::string_view text) {
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
      default:
        out += c;
    }
  }
}

bool has_cjk(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    uint32_t cp = 0;
    i += utf8_decode(s, i, cp);
    if (is_cjk_char(cp)) return true;
  }
  return false;
}

// The start of the code point at or before i.
size_t char_start(std::string_view s, size_t i) {
  while (i > 0 && i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return i;
}

// Xapian's word characters (letters, digits, marks, "_"), without a table look-up for ASCII.
bool word_char(uint32_t cp) {
  if (cp < 0x80)
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
           cp == '_';
  return Xapian::Unicode::is_wordchar(cp);
}

// utf8_decode with ASCII decoded in line (most of most passages).
size_t decode(std::string_view text, size_t i, uint32_t& cp) {
  const auto b = static_cast<unsigned char>(text[i]);
  if (b < 0x80) {
    cp = b;
    return 1;
  }
  return utf8_decode(text, i, cp);
}

// is_cjk_char without a call for the characters below U+1100 (no CJK character is).
bool cjk(uint32_t cp) { return cp >= 0x1100 && is_cjk_char(cp); }

// Xapian::Unicode::tolower, ASCII in line.
uint32_t lower(uint32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp;
  return Xapian::Unicode::tolower(cp);
}

// Xapian::Unicode::tolower of a word, an ASCII word in line.
std::string lower_word(std::string_view word) {
  std::string out(word);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) >= 0x80) return Xapian::Unicode::tolower(out);
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  }
  return out;
}

// The first byte of a code point's UTF-8 form.
unsigned char utf8_lead_byte(uint32_t cp) {
  if (cp < 0x80) return static_cast<unsigned char>(cp);
  if (cp < 0x800) return static_cast<unsigned char>(0xC0 | (cp >> 6));
  if (cp < 0x10000) return static_cast<unsigned char>(0xE0 | (cp >> 12));
  return static_cast<unsigned char>(0xF0 | (cp >> 18));
}

}  // namespace

Highlighter::Highlighter(const Xapian::Query& query, const std::vector<std::string>& phrases) {
  std::set<std::string> stems, exact;
  for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t) {
    const std::string& term = *t;
    if (term.empty() || has_cjk(term)) continue;  // CJK n-grams: the phrases say what to mark
    if (term[0] == 'Z' && term.size() > 1 && !(term[1] >= 'A' && term[1] <= 'Z'))
      stems.insert(term.substr(1));
    else if (!(term[0] >= 'A' && term[0] <= 'Z') && (term.size() > 1 || std::isdigit(term[0])))
      exact.insert(term);  // not "a" of "Mar-a-Lago": it would mark every "a"
  }
  // Stop words come from phrases of the synonyms ("at" of "Annenberg Retreat at Sunnylands"):
  // marking each "at" of a passage would hide the real matches. Kept when they are all there is.
  auto drop_stop_words = [](std::set<std::string>& words) {
    std::set<std::string> kept;
    for (const std::string& w : words)
      if (!is_stop_word(w)) kept.insert(w);
    if (!kept.empty()) words.swap(kept);
  };
  drop_stop_words(stems);
  drop_stop_words(exact);
  stems_.assign(stems.begin(), stems.end());
  exact_.assign(exact.begin(), exact.end());
  std::set<std::string> folded;
  for (const std::string& p : phrases) {
    if (has_cjk(p)) {
      folded.insert(to_simplified(p));
      continue;
    }
    // A name in a spaced script ("Xi Jinping", "Си Цзиньпин"): its words of two letters or more.
    std::string word;
    for (size_t i = 0; i <= p.size(); ++i) {
      uint32_t cp = 0;
      const size_t len = i < p.size() ? utf8_decode(p, i, cp) : 1;
      if (i < p.size() && Xapian::Unicode::is_wordchar(cp)) {
        word.append(p, i, len);
      } else {
        if (word.size() >= 2) exact_.push_back(Xapian::Unicode::tolower(word));
        word.clear();
      }
      i += len - 1;
    }
  }
  std::sort(exact_.begin(), exact_.end());
  // The English stemmer keeps a word's first letter: a word whose first letter opens no stem
  // and no exact word is never marked, and is not stemmed.
  for (const auto* list : {&stems_, &exact_})
    for (const std::string& w : *list)
      if (!w.empty()) first_bytes_[static_cast<unsigned char>(w[0])] = true;
  exact_.erase(std::unique(exact_.begin(), exact_.end()), exact_.end());
  phrases_.assign(folded.begin(), folded.end());
  std::stable_sort(phrases_.begin(), phrases_.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

size_t word_end(std::string_view text, size_t i) {
  while (i < text.size()) {
    uint32_t next = 0;
    const size_t len = decode(text, i, next);
    if (!word_char(next) || cjk(next)) break;
    i += len;
  }
  return i;
}

std::vector<Highlighter::Span> Highlighter::spans(std::string_view text) const {
  std::vector<Span> out;
  const std::string folded = phrases_.empty() ? std::string() : to_simplified(text);
  const Xapian::Stem stem("english");
  size_t i = 0;
  while (i < text.size()) {
    uint32_t cp = 0;
    const size_t len = decode(text, i, cp);
    if (cjk(cp)) {
      size_t matched = 0;
      for (size_t p = 0; p < phrases_.size() && !matched; ++p)
        if (folded.compare(i, phrases_[p].size(), phrases_[p]) == 0) {
          matched = phrases_[p].size();
          out.push_back({i, i + matched, stems_.size() + exact_.size() + p});
        }
      i += matched ? matched : len;
      continue;
    }
    if (!word_char(cp)) {
      i += len;
      continue;
    }
    const size_t j = word_end(text, i + len);
    if (!first_bytes_[utf8_lead_byte(lower(cp))]) {
      i = j;
      continue;
    }
    const std::string word = lower_word(text.substr(i, j - i));
    if (auto e = std::lower_bound(exact_.begin(), exact_.end(), word);
        e != exact_.end() && *e == word) {
      out.push_back({i, j, stems_.size() + static_cast<size_t>(e - exact_.begin())});
    } else if (!stems_.empty()) {
      // Stemming is most of a word's cost: each word is stemmed once per highlighter.
      auto [known, fresh] = stem_of_.try_emplace(word, -1);
      if (fresh) {
        const std::string s = stem(word);
        if (auto it = std::lower_bound(stems_.begin(), stems_.end(), s);
            it != stems_.end() && *it == s)
          known->second = static_cast<int>(it - stems_.begin());
      }
      if (known->second >= 0) out.push_back({i, j, static_cast<size_t>(known->second)});
    }
    i = j;
  }
  return out;
}

std::vector<Highlighter::Match> Highlighter::matches(std::string_view text) const {
  const std::vector<Span> found = spans(text);
  std::vector<Match> out;
  for (size_t k = 0; k < found.size(); ++k) {
    const size_t begin = found[k].begin;
    size_t stop = found[k].end;
    auto joins = [&](size_t next) {
      return found[next].begin == stop ||
             (found[next].begin == stop + 1 && (text[stop] == ' ' || text[stop] == '-'));
    };
    while (k + 1 < found.size() && joins(k + 1)) stop = found[++k].end;
    out.push_back({begin, stop});
  }
  return out;
}

std::string Highlighter::plain(std::string_view text, size_t max_bytes) {
  std::string out;
  append_escaped(out,
                 text.size() <= max_bytes ? std::string(text) : truncate_text(text, max_bytes));
  return out;
}

std::string Highlighter::snippet(std::string_view text, size_t max_bytes, size_t* distinct) const {
  const std::vector<Span> found = spans(text);
  if (distinct) {
    std::set<size_t> needles;
    for (const Span& s : found) needles.insert(s.needle);
    *distinct = needles.size();
  }
  if (found.empty()) return "";
  size_t begin = 0, end = text.size();
  if (text.size() > max_bytes) {
    // The window that starts a little before a match and holds the most distinct needles.
    const size_t lead = std::min<size_t>(60, max_bytes / 4);
    size_t best_distinct = 0, best_count = 0;
    for (const Span& first : found) {
      const size_t start = first.begin > lead ? first.begin - lead : 0;
      std::set<size_t> in_window;
      size_t count = 0;
      for (const Span& s : found)
        if (s.begin >= first.begin && s.end <= start + max_bytes)
          in_window.insert(s.needle), ++count;
      if (in_window.size() > best_distinct ||
          (in_window.size() == best_distinct && count > best_count)) {
        best_distinct = in_window.size();
        best_count = count;
        begin = start;
      }
    }
    begin = char_start(text, begin);
    // Start at a word: after the next space if one is near (spaced scripts).
    if (begin > 0) {
      const size_t space = text.find(' ', begin);
      if (space != std::string_view::npos && space < begin + 20 && space + 1 < text.size())
        begin = space + 1;
    }
    end = char_start(text, std::min(text.size(), begin + max_bytes));
    if (end < text.size()) {
      const size_t space = text.rfind(' ', end);
      if (space != std::string_view::npos && space > begin && end - space < 30) end = space;
    }
  }
  std::string out;
  if (begin > 0) out += kEllipsis;
  size_t at = begin;
  for (size_t k = 0; k < found.size(); ++k) {
    const Span& s = found[k];
    if (s.begin < at || s.end > end) continue;
    append_escaped(out, text.substr(at, s.begin - at));
    // Adjacent matches (習近平 then 主席, "Xi Jinping") share one mark.
    size_t stop = s.end;
    // So do matches a space or hyphen apart ("Xi Jinping", "Mar-a-Lago").
    auto joins = [&](size_t next) {
      return found[next].begin == stop ||
             (found[next].begin == stop + 1 && (text[stop] == ' ' || text[stop] == '-'));
    };
    while (k + 1 < found.size() && joins(k + 1) && found[k + 1].end <= end) stop = found[++k].end;
    out += kOpen;
    append_escaped(out, text.substr(s.begin, stop - s.begin));
    out += kClose;
    at = stop;
  }
  append_escaped(out, text.substr(at, end - at));
  if (end < text.size()) out += kEllipsis;
  return out;
}

}  // namespace readouts
