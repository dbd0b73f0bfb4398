// PhraseMatcher: tokenized phrases indexed by their first token (exactly, or by the prefix or
// suffix a '*' leaves), with Arabic clitics and the hangul word-start rule.
#include "shared/extract/knowledge_index.h"

#include <algorithm>

#include "shared/text/utf8.h"

namespace readouts {

namespace {

bool is_hangul(uint32_t cp) {
  return (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0x1100 && cp <= 0x11FF) ||
         (cp >= 0x3130 && cp <= 0x318F);
}

bool hangul_token(const Token& t) {
  if (t.kind != TokenKind::kCjk) return false;
  uint32_t cp;
  utf8_decode(t.folded, 0, cp);
  return is_hangul(cp);
}

bool matches_word(std::string_view pat, uint8_t wild, std::string_view s) {
  switch (wild) {
    case Phrase::kMoreAfter:
      return s.starts_with(pat);
    case Phrase::kMoreBefore:
      return s.ends_with(pat);
    case Phrase::kMoreAfter | Phrase::kMoreBefore:
      return s.find(pat) != std::string_view::npos;
    default:
      return s == pat;
  }
}

// Arabic letters (2 bytes each in UTF-8) written onto a word: a conjunction (و, ف), then a
// preposition (ب, ل, ك), then the article (ال; ل + ال is written لل).
constexpr std::string_view kWaw = "\xD9\x88", kFa = "\xD9\x81", kBa = "\xD8\xA8", kLam = "\xD9\x84",
                           kKaf = "\xD9\x83", kAl = "\xD8\xA7\xD9\x84", kLilA = "\xD9\x84\xD9\x84";
constexpr size_t kMinStem = 6;  // three letters

// The forms of an Arabic word without its clitics, longest first (the word itself excluded).
void arabic_stems(std::string_view w, std::vector<std::string_view>& out) {
  auto add = [&](std::string_view s) {
    if (s.size() >= kMinStem && s.size() < w.size() &&
        std::find(out.begin(), out.end(), s) == out.end())
      out.push_back(s);
  };
  for (std::string_view conj : {std::string_view(), kWaw, kFa}) {
    if (!w.starts_with(conj)) continue;
    std::string_view r1 = w.substr(conj.size());
    add(r1);
    if (r1.starts_with(kLilA)) add(r1.substr(kLilA.size()));  // لل: ل + ال
    for (std::string_view prep : {std::string_view(), kBa, kLam, kKaf}) {
      if (!r1.starts_with(prep)) continue;
      std::string_view r2 = r1.substr(prep.size());
      add(r2);
      if (r2.starts_with(kAl)) add(r2.substr(kAl.size()));
    }
  }
}

// A word after an elided article or preposition (French, Italian: "l'ukraine", "d'iran",
// "dell'ucraina", "all'intelligenza"): the part after an apostrophe within the first 5 bytes.
std::string_view after_elision(std::string_view w) {
  static constexpr std::string_view kElided[] = {
      "l",      "d",    "j",    "m",    "n",    "s",   "t",    "c",  "qu",    "jusqu", "lorsqu",
      "puisqu", "dell", "dall", "nell", "sull", "all", "coll", "un", "quest", "quell"};
  const size_t q = w.find('\'');
  if (q == std::string_view::npos || w.size() - q - 1 < 2) return {};
  for (std::string_view e : kElided)
    if (w.substr(0, q) == e) return w.substr(q + 1);
  return {};
}

// Other forms of a word that terms may match: without clitics or an elided article.
void word_forms(std::string_view w, std::vector<std::string_view>& out) {
  if (PhraseMatcher::is_arabic_word(w))
    arabic_stems(w, out);
  else if (std::string_view e = after_elision(w); !e.empty())
    out.push_back(e);
}

bool matches_token(std::string_view pat, uint8_t wild, const Token& t) {
  if (matches_word(pat, wild, t.folded)) return true;
  if (t.kind != TokenKind::kWord) return false;
  std::vector<std::string_view> forms;
  word_forms(t.folded, forms);
  for (std::string_view s : forms)
    if (matches_word(pat, wild, s)) return true;
  return false;
}

}  // namespace

bool phrase_word_matches(std::string_view pat, uint8_t wild, const Token& t) {
  return matches_token(pat, wild, t);
}

namespace {

size_t two_bytes(std::string_view s, bool tail) {
  const std::string_view b = tail ? s.substr(s.size() - 2) : s.substr(0, 2);
  return static_cast<size_t>(static_cast<unsigned char>(b[0])) << 8 |
         static_cast<unsigned char>(b[1]);
}

}  // namespace

bool PhraseMatcher::may_match_more(const Token& t, const std::string& w) const {
  if (t.kind != TokenKind::kWord) return false;
  if (has_arabic_ && is_arabic_word(w)) return true;
  if (w.find('\'') != std::string::npos) return true;
  if (!has_wild_ || w.size() < 2) return false;
  if (!prefix_heads_.empty() && prefix_heads_[two_bytes(w, false)]) return true;
  if (!suffix_tails_.empty() && suffix_tails_[two_bytes(w, true)]) return true;
  for (uint32_t idx : by_infix_)
    if (w.find(phrases_[idx].tokens[0]) != std::string::npos) return true;
  return false;
}

bool PhraseMatcher::is_arabic_word(std::string_view w) {
  return !w.empty() &&
         (static_cast<unsigned char>(w[0]) >= 0xD8 && static_cast<unsigned char>(w[0]) <= 0xDB);
}

void PhraseMatcher::add(std::string_view text, uint32_t payload) {
  std::vector<Token> toks = tokenize(text);
  Phrase p;
  p.payload = payload;
  auto is_star = [&](size_t k) {
    return toks[k].kind == TokenKind::kPunct && toks[k].folded == "*";
  };
  for (size_t k = 0; k < toks.size(); ++k) {
    const Token& t = toks[k];
    if (is_star(k)) {
      // A star right after a word: the word may go on in the text ("тайван*").
      if (!p.tokens.empty() && !is_star(k - 1) && toks[k - 1].end == t.begin)
        p.wild.back() |= Phrase::kMoreAfter;
      continue;
    }
    // Arabic words are compared without the article, which clitics can hide (لل = ل + ال).
    std::string_view w = t.folded;
    if (is_arabic_word(w) && w.starts_with(kAl) && w.size() >= kAl.size() + kMinStem)
      w.remove_prefix(kAl.size());
    p.tokens.emplace_back(w);
    p.need_upper.push_back(t.upper_initial ? 1 : 0);
    // A star right before a word: the text's word may start earlier ("*zölle").
    const bool star_before = k > 0 && is_star(k - 1) && toks[k - 1].end == t.begin;
    p.wild.push_back(star_before ? Phrase::kMoreBefore : 0);
  }
  if (p.tokens.empty()) return;
  // Wildcards apply to words; a hangul first token must start a word unless a star precedes it.
  for (size_t k = 0; k < p.tokens.size(); ++k) {
    uint32_t cp;
    utf8_decode(p.tokens[k], 0, cp);
    if (cp >= 0x80 && is_cjk_char(cp)) {
      if (k == 0)
        p.word_start = hangul_word_start_ && is_hangul(cp) && !(p.wild[0] & Phrase::kMoreBefore);
      p.wild[k] = 0;
    }
  }
  const uint32_t idx = static_cast<uint32_t>(phrases_.size());
  const std::string& key = p.tokens[0];
  if (p.wild[0] && key.size() < 2) p.wild[0] = 0;  // a one-byte stem would match too much
  switch (p.wild[0]) {
    case Phrase::kMoreAfter:
      if (prefix_heads_.empty()) prefix_heads_.assign(1u << 16, false);
      prefix_heads_[two_bytes(key, false)] = true;
      by_prefix_[key].push_back(idx);
      if (std::find(prefix_lens_.begin(), prefix_lens_.end(), key.size()) == prefix_lens_.end())
        prefix_lens_.push_back(key.size());
      has_wild_ = true;
      break;
    case Phrase::kMoreBefore:
      if (suffix_tails_.empty()) suffix_tails_.assign(1u << 16, false);
      suffix_tails_[two_bytes(key, true)] = true;
      by_suffix_[key].push_back(idx);
      if (std::find(suffix_lens_.begin(), suffix_lens_.end(), key.size()) == suffix_lens_.end())
        suffix_lens_.push_back(key.size());
      has_wild_ = true;
      break;
    case Phrase::kMoreAfter | Phrase::kMoreBefore:
      by_infix_.push_back(idx);
      has_wild_ = true;
      break;
    default:
      by_first_[key].push_back(idx);
  }
  has_arabic_ |= is_arabic_word(key);
  phrases_.push_back(std::move(p));
}

void PhraseMatcher::finalize() {
  auto longest_first = [&](uint32_t a, uint32_t b) {
    return phrases_[a].tokens.size() > phrases_[b].tokens.size();
  };
  for (Map* m : {&by_first_, &by_prefix_, &by_suffix_})
    for (auto& [key, list] : *m) std::stable_sort(list.begin(), list.end(), longest_first);
}

bool PhraseMatcher::matches(const Phrase& p, const std::vector<Token>& toks, size_t i) const {
  if (i + p.tokens.size() > toks.size()) return false;
  if (p.word_start && i > 0 && toks[i - 1].end == toks[i].begin && hangul_token(toks[i - 1]))
    return false;
  for (size_t k = 0; k < p.tokens.size(); ++k) {
    const Token& t = toks[i + k];
    if (p.need_upper[k] && !t.upper_initial) return false;
    if (!matches_token(p.tokens[k], p.wild[k], t) &&
        !(p.wild[k] == 0 &&
          (with_ending(t.folded, p.tokens[k]) || with_stem_change(t.folded, p.tokens[k]))))
      return false;
  }
  return true;
}

void PhraseMatcher::more_candidates(const std::string& w, std::vector<uint32_t>& cand) const {
  std::vector<std::string_view> forms{w};
  word_forms(w, forms);
  auto take = [&](const Map& m, std::string_view key) {
    auto it = m.find(key);
    if (it != m.end()) cand.insert(cand.end(), it->second.begin(), it->second.end());
  };
  for (size_t f = 0; f < forms.size(); ++f) {
    std::string_view s = forms[f];
    if (f > 0) take(by_first_, s);
    for (size_t len : prefix_lens_)
      if (len <= s.size()) take(by_prefix_, s.substr(0, len));
    for (size_t len : suffix_lens_)
      if (len <= s.size()) take(by_suffix_, s.substr(s.size() - len));
    for (uint32_t idx : by_infix_)
      if (s.find(phrases_[idx].tokens[0]) != std::string_view::npos) cand.push_back(idx);
  }
  std::sort(cand.begin(), cand.end(), [&](uint32_t a, uint32_t b) {
    const size_t la = phrases_[a].tokens.size(), lb = phrases_[b].tokens.size();
    return la != lb ? la > lb : a < b;
  });
  cand.erase(std::unique(cand.begin(), cand.end()), cand.end());
}

namespace {
constexpr size_t kMinLatinStem = 4;
size_t min_stem(std::string_view w) {
  return static_cast<unsigned char>(w[0]) < 0x80 ? kMinLatinStem : 1;
}
}  // namespace

// A word of a non-Latin alphabet (its first byte a 2-byte UTF-8 lead: Cyrillic, Greek, ...) or a
// Latin one; nullptr when no endings are set for its script.
const std::vector<std::string>* PhraseMatcher::endings_for(std::string_view w) const {
  if (w.empty()) return nullptr;
  const unsigned char c = static_cast<unsigned char>(w[0]);
  if (c >= 0x80 && c < 0xE0) return endings_.empty() ? nullptr : &endings_;
  if (c >= 'a' && c <= 'z') return latin_endings_.empty() ? nullptr : &latin_endings_;
  return nullptr;
}

bool PhraseMatcher::with_ending(std::string_view text, std::string_view phrase_word) const {
  const std::vector<std::string>* endings = endings_for(phrase_word);
  if (!endings || text.size() <= phrase_word.size() || phrase_word.size() < min_stem(phrase_word) ||
      !text.starts_with(phrase_word))
    return false;
  std::string_view rest = text.substr(phrase_word.size());
  for (const std::string& e : *endings)
    if (rest == e) return true;
  return false;
}

bool PhraseMatcher::with_stem_change(std::string_view text, std::string_view phrase_word) const {
  if (endings_for(phrase_word) != &endings_) return false;  // only non-Latin alphabets
  for (const auto& [final_letter, list] : stem_changes_) {
    if (!phrase_word.ends_with(final_letter) || phrase_word.size() < final_letter.size() + 4)
      continue;
    const std::string_view stem = phrase_word.substr(0, phrase_word.size() - final_letter.size());
    if (!text.starts_with(stem)) continue;
    const std::string_view rest = text.substr(stem.size());
    for (const std::string& e : list)
      if (rest == e) return true;
  }
  return false;
}

void PhraseMatcher::stem_candidates(const std::string& w, std::vector<uint32_t>& cand) const {
  const std::vector<std::string>* endings = endings_for(w);
  if (!endings) return;
  bool added = false;
  for (const std::string& e : *endings) {
    if (w.size() < e.size() + min_stem(w) || !w.ends_with(e)) continue;
    auto it = by_first_.find(std::string_view(w).substr(0, w.size() - e.size()));
    if (it == by_first_.end()) continue;
    cand.insert(cand.end(), it->second.begin(), it->second.end());
    added = true;
  }
  if (endings == &endings_)
    for (const auto& [final_letter, list] : stem_changes_)
      for (const std::string& e : list) {
        if (w.size() < e.size() + min_stem(w) || !w.ends_with(e)) continue;
        const std::string base = w.substr(0, w.size() - e.size()) + final_letter;
        auto it = by_first_.find(base);
        if (it == by_first_.end()) continue;
        cand.insert(cand.end(), it->second.begin(), it->second.end());
        added = true;
      }
  if (!added) return;
  std::stable_sort(cand.begin(), cand.end(), [&](uint32_t a, uint32_t b) {
    return phrases_[a].tokens.size() > phrases_[b].tokens.size();
  });
  std::vector<uint32_t> unique;
  for (uint32_t c : cand)
    if (std::find(unique.begin(), unique.end(), c) == unique.end()) unique.push_back(c);
  cand.swap(unique);
}

}  // namespace readouts
