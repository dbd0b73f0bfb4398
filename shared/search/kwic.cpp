// Keyword-in-context lines: context counted in words (CJK characters as half words), sort keys.
#include "shared/search/kwic.h"

#include <xapian.h>

#include <algorithm>

#include "shared/search/highlight.h"
#include "shared/text/utf8.h"

namespace readouts {

namespace {

// A word of a spaced script (weight 2) or one CJK character (weight 1): bytes [begin, end).
struct Unit {
  size_t begin, end;
  int weight;
};

std::vector<Unit> units_of(std::string_view text) {
  std::vector<Unit> out;
  size_t i = 0;
  while (i < text.size()) {
    uint32_t cp = 0;
    const size_t len = utf8_decode(text, i, cp);
    if (is_cjk_char(cp)) {
      out.push_back({i, i + len, 1});
      i += len;
      continue;
    }
    if (!Xapian::Unicode::is_wordchar(cp)) {
      i += len;
      continue;
    }
    const size_t j = word_end(text, i + len);
    out.push_back({i, j, 2});
    i = j;
  }
  return out;
}

std::string_view trimmed(std::string_view s) {
  const size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  const size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

std::string lower(std::string_view s) { return Xapian::Unicode::tolower(std::string(s)); }

// The words of a context, lower case, nearest the keyword first when `from_right`.
std::vector<std::string> sort_key(std::string_view context, bool from_right) {
  std::vector<std::string> out;
  for (const Unit& u : units_of(context))
    out.push_back(lower(context.substr(u.begin, u.end - u.begin)));
  if (from_right) std::reverse(out.begin(), out.end());
  return out;
}

bool relevance_less(const KwicLine& a, const KwicLine& b) {
  if (a.rank != b.rank) return a.rank < b.rank;
  if (a.passage != b.passage) return a.passage < b.passage;
  return a.offset < b.offset;
}

}  // namespace

std::optional<KwicSort> parse_kwic_sort(std::string_view text) {
  for (KwicSort s : {KwicSort::kRelevance, KwicSort::kLeft, KwicSort::kRight, KwicSort::kDate,
                     KwicSort::kSpeaker})
    if (text == kwic_sort_name(s)) return s;
  return std::nullopt;
}

const char* kwic_sort_name(KwicSort sort) {
  switch (sort) {
    case KwicSort::kRelevance:
      return "relevance";
    case KwicSort::kLeft:
      return "left";
    case KwicSort::kRight:
      return "right";
    case KwicSort::kDate:
      return "date";
    case KwicSort::kSpeaker:
      return "speaker";
  }
  return "relevance";
}

std::vector<KwicLine> kwic_lines(const Article& article, const Highlighter& highlighter,
                                 int context, size_t rank) {
  const int budget = 2 * std::clamp(context, 0, kKwicMaxContext);  // in half words
  std::vector<KwicLine> out;
  const std::string date = article.date.iso();
  for (size_t p = 0; p < article.passages.size(); ++p) {
    const Passage& passage = article.passages[p];
    const std::string_view text = passage.text;
    const std::vector<Highlighter::Match> found = highlighter.matches(text);
    if (found.empty()) continue;
    const std::vector<Unit> units = units_of(text);
    for (const Highlighter::Match& m : found) {
      KwicLine line;
      // Left: units ending at or before the keyword, nearest first, while the budget lasts.
      auto after_left = std::partition_point(units.begin(), units.end(),
                                             [&](const Unit& u) { return u.end <= m.begin; });
      size_t left_begin = m.begin;
      int spent = 0;
      for (auto it = after_left; it != units.begin();) {
        --it;
        if (spent + it->weight > budget) break;
        spent += it->weight;
        left_begin = it->begin;
      }
      line.left_cut = after_left != units.begin() && left_begin > units.front().begin;
      // Right: units starting at or after its end.
      auto first_right = std::partition_point(units.begin(), units.end(),
                                              [&](const Unit& u) { return u.begin < m.end; });
      size_t right_end = m.end;
      spent = 0;
      for (auto it = first_right; it != units.end(); ++it) {
        if (spent + it->weight > budget) break;
        spent += it->weight;
        right_end = it->end;
      }
      line.right_cut = first_right != units.end() && right_end < units.back().end;
      line.left = std::string(trimmed(text.substr(left_begin, m.begin - left_begin)));
      line.keyword = std::string(text.substr(m.begin, m.end - m.begin));
      line.right = std::string(trimmed(text.substr(m.end, right_end - m.end)));
      line.speaker = passage.speaker;
      line.id = article.id;
      line.title = article.title;
      line.date = date;
      line.source = article.source;
      line.language = article.language;
      line.rank = rank;
      line.passage = p;
      line.offset = m.begin;
      out.push_back(std::move(line));
    }
  }
  return out;
}

void sort_kwic(std::vector<KwicLine>& lines, KwicSort sort) {
  std::stable_sort(lines.begin(), lines.end(), relevance_less);
  if (sort == KwicSort::kRelevance) return;
  if (sort == KwicSort::kDate) {
    // Newest first; "2025" (a year only) before "2025-01-..." of the same year is fine: ISO
    // dates compare as text; undated ("") last.
    std::stable_sort(lines.begin(), lines.end(), [](const KwicLine& a, const KwicLine& b) {
      if (a.date.empty() != b.date.empty()) return b.date.empty();
      return a.date > b.date;
    });
    return;
  }
  if (sort == KwicSort::kSpeaker) {
    std::stable_sort(lines.begin(), lines.end(), [](const KwicLine& a, const KwicLine& b) {
      if (a.speaker.empty() != b.speaker.empty()) return b.speaker.empty();
      return a.speaker < b.speaker;
    });
    return;
  }
  // Left or right context: keys computed once per line.
  const bool left = sort == KwicSort::kLeft;
  struct Keyed {
    std::vector<std::string> context;
    std::string keyword;
    size_t index;
  };
  std::vector<Keyed> keyed;
  keyed.reserve(lines.size());
  for (size_t i = 0; i < lines.size(); ++i)
    keyed.push_back(
        {sort_key(left ? lines[i].left : lines[i].right, left), lower(lines[i].keyword), i});
  std::stable_sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
    if (a.context != b.context) return a.context < b.context;
    return a.keyword < b.keyword;
  });
  std::vector<KwicLine> sorted;
  sorted.reserve(lines.size());
  for (const Keyed& k : keyed) sorted.push_back(std::move(lines[k.index]));
  lines.swap(sorted);
}

}  // namespace readouts
