// Tokenizer for extraction: words, numbers, CJK characters and punctuation, with folded forms.
#include "shared/extract/tokenize.h"

#include <array>

#include "shared/extract/utf8.h"

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
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    out += c;
    ++i;
  }
  if (out.size() > 2 && out.ends_with("'s")) out.resize(out.size() - 2);
  if (!out.empty() && out.back() == '\'') out.pop_back();
  return out;
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
      t.folded.assign(text.substr(i, len));
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
          if (is_word_cp(c3) && !(c2 == '.' && all_digits)) {
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
      t.upper_initial = text[b] >= 'A' && text[b] <= 'Z';
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
