// Tokenizer for extraction: words, numbers, CJK characters and punctuation, with folded forms.
#include "shared/text/tokenize.h"

#include <array>

#include "shared/text/chinese_script.h"
#include "shared/text/utf8.h"

namespace readouts {

namespace {

bool ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool ascii_alnum(char c) { return ascii_alpha(c) || ascii_digit(c); }

// Abbreviations whose trailing dot does not end a sentence.
bool is_abbreviation(std::string_view lower_word) {
  static constexpr std::array<std::string_view, 34> kAbbrev = {
      "mr",   "mrs", "ms",  "dr",  "st",   "gen", "sen", "rep", "gov",  "jr",  "sr",  "co",
      "inc",  "ltd", "vs",  "etc", "jan",  "feb", "mar", "apr", "jun",  "jul", "aug", "sep",
      "sept", "oct", "nov", "dec", "prof", "lt",  "col", "no",  "corp", "amb"};
  for (auto a : kAbbrev)
    if (a == lower_word) return true;
  return false;
}

// Letters of Latin, Greek, Cyrillic and other alphabetic scripts (anything non-ASCII that is not
// CJK, space or punctuation) continue a word.
bool is_word_cp(uint32_t cp) {
  if (cp < 0x80) return ascii_alnum(static_cast<char>(cp));
  return !is_cjk_char(cp) && !is_unicode_space(cp) && !is_unicode_punct(cp) && cp != 0xFFFD;
}

// Lower case (and a matching form) of a non-ASCII letter: Latin-1 and Latin Extended-A/Additional
// capitals, Greek, Cyrillic (ё as е); Arabic alef forms as bare alef, Persian kaf/yeh and alef
// maqsura as Arabic kaf/yeh. Returns 0 for a mark to drop (Arabic harakat and tatweel, soft
// hyphen, zero-width joiners), which texts use or omit at will.
uint32_t fold_cp(uint32_t cp) {
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 0x20;
  if (cp == 0xAD || cp == 0x200C || cp == 0x200D) return 0;
  if (cp >= 0x100 && cp <= 0x17F) {
    if (cp == 0x130) return 'i';
    if (cp == 0x178) return 0xFF;
    const bool odd_upper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    if (odd_upper) return cp % 2 == 1 ? cp + 1 : cp;
    if (cp == 0x131 || cp == 0x138 || cp == 0x149 || cp == 0x17F) return cp;
    return cp % 2 == 0 ? cp + 1 : cp;
  }
  if (cp >= 0x370 && cp <= 0x3FF) {
    if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) return cp + 0x20;
    if (cp == 0x386) return 0x3AC;
    if (cp >= 0x388 && cp <= 0x38A) return cp + 0x25;
    if (cp == 0x38C) return 0x3CC;
    if (cp == 0x38E || cp == 0x38F) return cp + 0x3F;
    if (cp == 0x3C2) return 0x3C3;  // final sigma
    return cp;
  }
  if (cp >= 0x400 && cp <= 0x4FF) {
    if (cp == 0x401 || cp == 0x451) return 0x435;  // Ё, ё -> е
    if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
    if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;
    if ((cp >= 0x460 && cp <= 0x481) || (cp >= 0x48A && cp <= 0x4BF) ||
        (cp >= 0x4D0 && cp <= 0x4FF))
      return cp % 2 == 0 ? cp + 1 : cp;
    return cp;
  }
  if (cp >= 0x600 && cp <= 0x6FF) {
    if (cp == 0x622 || cp == 0x623 || cp == 0x625 || cp == 0x671) return 0x627;
    if ((cp >= 0x64B && cp <= 0x652) || cp == 0x670 || cp == 0x640) return 0;
    if (cp == 0x6A9) return 0x643;
    if (cp == 0x6CC || cp == 0x649) return 0x64A;
    return cp;
  }
  if (cp >= 0x1E00 && cp <= 0x1EFF && !(cp >= 0x1E96 && cp <= 0x1E9F))
    return cp % 2 == 0 ? cp + 1 : cp;
  return cp;
}

}  // namespace

std::string fold_word(std::string_view w) {
  std::string out;
  out.reserve(w.size());
  size_t i = 0;
  while (i < w.size()) {
    char c = w[i];
    if (c == '.') {
      ++i;
      continue;
    }
    if (w.compare(i, 3, "\xE2\x80\x99") == 0) {  // ’
      out += '\'';
      i += 3;
      continue;
    }
    if (static_cast<unsigned char>(c) >= 0x80) {
      uint32_t cp;
      const size_t len = utf8_decode(w, i, cp);
      const uint32_t f = fold_cp(cp);
      if (f == cp)
        out.append(w.substr(i, len));
      else if (f != 0)
        utf8_append(out, f);
      i += len;
      continue;
    }
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    out += c;
    ++i;
  }
  if (out.size() > 2 && out.ends_with("'s")) out.resize(out.size() - 2);
  if (!out.empty() && out.back() == '\'') out.pop_back();
  return out;
}

bool starts_upper(std::string_view text) {
  if (text.empty()) return false;
  if (text[0] >= 'A' && text[0] <= 'Z') return true;
  if (static_cast<unsigned char>(text[0]) < 0x80) return false;
  uint32_t cp;
  utf8_decode(text, 0, cp);
  return cp < 0x500 && fold_cp(cp) != cp && fold_cp(cp) != 0 && cp != 0x3C2 && cp != 0x451;
}

// Scraped pages run paragraphs together ("...verdi.Çin Devlet..."): a dot between a word of two or
// more letters ending in a lower-case one, which is no abbreviation, and a capital ends a
// sentence, while "U.S.", "e.g." and "Mr.Xi" stay one word.
bool run_together_sentences(std::string_view text, size_t word_begin, size_t dot, size_t next) {
  uint32_t last = 0, after = 0;  // the letters either side of the dot
  size_t at = dot - 1;
  while (at > word_begin && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  utf8_decode(text, at, last);
  utf8_decode(text, next, after);
  // Arabic script has no capitals: a dot between two of its letters ("الخلافات.وأكد") ends a
  // sentence; it writes no abbreviation so.
  auto arabic = [](uint32_t cp) {
    return (cp >= 0x600 && cp <= 0x6FF) || (cp >= 0x750 && cp <= 0x77F);
  };
  if (arabic(last) && arabic(after)) return true;
  if (!starts_upper(text.substr(next))) return false;
  std::string_view w = text.substr(word_begin, dot - word_begin);
  if (w.size() < 2 || w.find('.') != std::string_view::npos) return false;
  if (last < 0x80 && !(last >= 'a' && last <= 'z')) return false;
  return !is_abbreviation(ascii_lower(w));
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> out;
  out.reserve(text.size() / 5 + 4);
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    uint32_t cp;
    size_t len = utf8_decode(text, i, cp);
    if (is_unicode_space(cp) || cp < 0x20) {
      i += len;
      continue;
    }
    if (is_cjk_char(cp)) {
      Token t;
      t.begin = static_cast<uint32_t>(i);
      t.end = static_cast<uint32_t>(i + len);
      t.kind = TokenKind::kCjk;
      // Traditional and simplified Chinese as one form (習 and 习 fold alike).
      utf8_append(t.folded, simplified_char(cp));
      out.push_back(std::move(t));
      i += len;
      continue;
    }
    if (is_word_cp(cp)) {
      size_t b = i;
      bool all_digits = true;
      while (i < n) {
        uint32_t c2;
        size_t l2 = utf8_decode(text, i, c2);
        if (is_word_cp(c2)) {
          if (c2 < '0' || c2 > '9') all_digits = false;
          i += l2;
          continue;
        }
        // Internal joiners: '.', '-', apostrophes, when followed by a word character.
        bool joiner = c2 == '.' || c2 == '-' || c2 == '\'' || c2 == 0x2019;
        if (joiner && i + l2 < n) {
          uint32_t c3;
          utf8_decode(text, i + l2, c3);
          if (is_word_cp(c3) && !(c2 == '.' && all_digits) &&
              !(c2 == '.' && run_together_sentences(text, b, i, i + l2))) {
            all_digits = false;
            i += l2;
            continue;
          }
        }
        break;
      }
      // A trailing dot belongs to initials ("J."), dotted abbreviations ("U.S.") and titles.
      if (i < n && text[i] == '.') {
        std::string_view w = text.substr(b, i - b);
        bool dotted = w.find('.') != std::string_view::npos;
        bool initial = w.size() == 1 && ascii_alpha(w[0]) && w[0] >= 'A' && w[0] <= 'Z';
        if (dotted || initial || is_abbreviation(ascii_lower(w))) ++i;
      }
      Token t;
      t.begin = static_cast<uint32_t>(b);
      t.end = static_cast<uint32_t>(i);
      t.kind = all_digits ? TokenKind::kNumber : TokenKind::kWord;
      t.upper_initial = starts_upper(text.substr(b));  // "Çin", "Şi", "Председатель" too
      std::string_view w = text.substr(b, i - b);
      t.possessive = w.size() > 2 && (w.ends_with("'s") || w.ends_with("\xE2\x80\x99s"));
      t.folded = fold_word(w);
      out.push_back(std::move(t));
      continue;
    }
    Token t;
    t.begin = static_cast<uint32_t>(i);
    t.end = static_cast<uint32_t>(i + len);
    t.kind = TokenKind::kPunct;
    t.folded.assign(text.substr(i, len));
    out.push_back(std::move(t));
    i += len;
  }
  return out;
}

}  // namespace readouts
