// Speaker names: unknown people by their capitalized names, remembered surnames, and the subject
// that ends before an attribution verb.
#include <algorithm>

#include "shared/text/utf8.h"

#include "shared/extract/speakers_internal.h"

namespace readouts::speakers_detail {

std::string Attributor::unknown_name_ending_at(size_t j, size_t tb) const {
  size_t b = j + 1;
  while (b > tb && j + 1 - b < 4) {
    const Token& t = toks_[b - 1];
    if (t.kind != TokenKind::kWord || !t.upper_initial) break;
    if (b - 1 < j && t.possessive) break;
    if (kNameStrip.count(t.folded) || kTitleWords.count(t.folded)) break;
    --b;
  }
  if (j + 1 - b < 2) return "";
  // A run that continues into more capitalized words is not a name we can delimit safely,
  // unless it stopped at a title word.
  if (b > tb) {
    const Token& before = toks_[b - 1];
    if (before.kind == TokenKind::kWord && before.upper_initial && !before.possessive &&
        !kNameStrip.count(before.folded) && !kTitleWords.count(before.folded))
      return "";
    if (kOrgWords.count(before.folded) && before.upper_initial && !kTitleWords.count(before.folded))
      return "";
  }
  for (size_t k = b; k <= j; ++k)
    if (kOrgWords.count(toks_[k].folded)) return "";
  return name_text(b, j + 1);
}

std::string Attributor::unknown_name_starting_at(size_t i, size_t te) const {
  while (i < te && toks_[i].kind == TokenKind::kWord && toks_[i].upper_initial &&
         (kNameStrip.count(toks_[i].folded) || kTitleWords.count(toks_[i].folded)))
    ++i;
  size_t e = i;
  while (e < te && e - i < 4 && toks_[e].kind == TokenKind::kWord && toks_[e].upper_initial) {
    ++e;
    if (toks_[e - 1].possessive) break;
  }
  size_t first = i;
  while (first < e && kNameStrip.count(toks_[first].folded)) ++first;
  if (e - first < 2) return "";
  for (size_t k = first; k < e; ++k)
    if (kOrgWords.count(toks_[k].folded)) return "";
  return name_text(first, e);
}

std::string Attributor::name_text(size_t b, size_t e) const {
  std::string s;
  for (size_t k = b; k < e; ++k) {
    if (!s.empty()) s += ' ';
    std::string w(raw_.substr(toks_[k].begin, toks_[k].end - toks_[k].begin));
    if (toks_[k].possessive) w.resize(w.size() - (w.ends_with("'s") ? 2 : 4));
    s += w;
  }
  return known_spelling(s);
}

namespace {

constexpr size_t kMinMisspeltWord = 5;  // letters of the shorter form of the word that differs
constexpr size_t kMinSurnameLetters = 5;  // a last word alone ("Карни"), not "Си" or "بينغ"

bool ascii_word(std::string_view w) {
  for (unsigned char c : w)
    if (c >= 0x80) return false;
  return !w.empty();
}

// One substitution, insertion, deletion or swap of neighbours turns a into b.
bool one_edit_apart(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (i == a.size()) return b.size() == a.size() + 1;
  if (a.size() == b.size()) {
    if (a.substr(i + 1) == b.substr(i + 1)) return true;
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
           a.substr(i + 2) == b.substr(i + 2);
  }
  return a.substr(i) == b.substr(i + 1);
}

std::vector<std::string> folded_words(std::string_view name) {
  std::vector<std::string> out;
  for (const Token& t : tokenize(name))
    if (t.kind == TokenKind::kWord) out.push_back(t.folded);
  return out;
}

}  // namespace

std::string Attributor::known_spelling(const std::string& name) const {
  if (!ascii_word(name)) return name;
  const std::vector<std::string> words = folded_words(name);
  if (words.size() < 2 || words.size() > 4) return name;
  if (latin_names_.empty()) {
    const auto& people = k_.people();
    for (size_t p = 0; p < people.size(); ++p) {
      auto add = [&](const std::string& n) {
        if (!ascii_word(n)) return;
        std::vector<std::string> w = folded_words(n);
        if (w.size() >= 2) latin_names_.emplace_back(std::move(w), p);
      };
      add(people[p].name);
      for (const std::string& a : people[p].aliases) add(a);
    }
  }
  for (const auto& [known, person] : latin_names_) {
    if (known.size() != words.size()) continue;
    size_t differing = 0;
    bool close = true;
    for (size_t w = 0; w < words.size() && close; ++w) {
      if (words[w] == known[w]) continue;
      ++differing;
      close = differing == 1 && words[w][0] == known[w][0] &&
              std::min(words[w].size(), known[w].size()) >= kMinMisspeltWord &&
              one_edit_apart(words[w], known[w]);
    }
    if (close && differing == 1) return k_.people()[person].name;
  }
  return name;
}

int Attributor::surname_of_named(size_t i) const {
  const Token& t = toks_[i];
  if (t.kind != TokenKind::kWord || named_last_words_.empty()) return -1;
  const auto lead = static_cast<unsigned char>(t.folded[0]);
  // Latin: in English the surname rules of English and unknown names; in other languages a
  // capitalized word ("Dong, ... söyledi" after "Dong Jun").
  if (lead < 0x80) {
    if (!data_active_ || !t.upper_initial) return -1;
    auto it = named_last_words_.find(t.folded);
    return it == named_last_words_.end() ? -1 : static_cast<int>(it->second);
  }
  // A cased script needs a capital: Cyrillic А..Я (U+0410..U+042F, Ё U+0401), Greek Α..Ω.
  uint32_t cp = 0;
  utf8_decode(raw_, t.begin, cp);
  const bool cyrillic = cp >= 0x400 && cp <= 0x4FF, greek = cp >= 0x370 && cp <= 0x3FF;
  if ((cyrillic && !(cp <= 0x42F)) || (greek && !(cp >= 0x391 && cp <= 0x3A9))) return -1;
  auto it = named_last_words_.find(t.folded);
  return it == named_last_words_.end() ? -1 : static_cast<int>(it->second);
}

void Attributor::remember_last_word(const Ref& r) {
  if (r.title || r.inflected || r.e - r.b < 2) return;
  const Token& last = toks_[r.e - 1];
  if (last.kind != TokenKind::kWord) return;
  if (static_cast<unsigned char>(last.folded[0]) < 0x80) {
    // A Latin name in a language other than English: its first and its last word, either of
    // which may be the surname ("Dong Jun", "Antony Blinken"), of three letters or more.
    if (!data_active_) return;
    for (size_t k : {r.b, r.e - 1}) {
      const Token& w = toks_[k];
      if (w.kind != TokenKind::kWord || !w.upper_initial || w.folded.size() < 3 ||
          static_cast<unsigned char>(w.folded[0]) >= 0x80 || kNameStrip.count(w.folded) ||
          named_last_words_.size() >= kMaxSurnames)
        continue;
      named_last_words_.emplace(w.folded, static_cast<size_t>(r.person));
    }
    return;
  }
  size_t letters = 0;
  for (unsigned char c : last.folded) letters += (c & 0xC0) != 0x80;
  if (letters < kMinSurnameLetters || named_last_words_.size() >= kMaxSurnames) return;
  named_last_words_[last.folded] = static_cast<size_t>(r.person);
}

void Attributor::register_name(const std::string& full) {
  size_t sp = full.find(' ');
  if (sp == std::string::npos) return;
  for (std::string part : {full.substr(0, sp), full.substr(full.rfind(' ') + 1)}) {
    std::string key = fold_word(part);
    if (key.size() < 3 || kNameStrip.count(key) || kOrgWords.count(key)) continue;
    if (surnames_.size() < kMaxSurnames) surnames_.emplace(key, full);
  }
}

std::string Attributor::subject_ending_at(size_t j, size_t tb, bool& joint) {
  const Token& t = toks_[j];
  if (kJointSubjects.count(t.folded) && t.kind == TokenKind::kWord) {
    // Only a joint subject that opens the sentence ("The two sides agreed") is narration;
    // "what we agreed to" inside someone's remarks is not.
    if (j <= tb + 4) joint = true;
    return "";
  }
  if (end_at_[j] < 0 && t.kind == TokenKind::kWord && (t.folded == "he" || t.folded == "she")) {
    // A capital He inside a sentence ("..., though He expressed concern") is a family name: He
    // Lifeng's, when he is named before.
    // So is a He an appositive follows ("He, the top Chinese official ..., expressed"): a
    // pronoun takes none.
    const bool inside =
        j > 0 && toks_[j - 1].kind == TokenKind::kWord && !toks_[j - 1].upper_initial;
    const bool appositive =
        j + 2 < toks_.size() && toks_[j + 1].folded == "," &&
        (toks_[j + 2].folded == "the" || toks_[j + 2].folded == "a" || toks_[j + 2].folded == "an");
    if (t.folded == "he" && t.upper_initial && (inside || appositive))
      if (std::string who = family_name_named_before("he"); !who.empty()) return who;
    return antecedent();  // "Liu He" is a name, not a pronoun
  }
  std::string who;
  size_t start = j;  // first token of the subject
  if (end_at_[j] >= 0) {
    who = ref_name(end_at_[j]);
    start = refs_[static_cast<size_t>(end_at_[j])].b;
  } else if (t.kind == TokenKind::kWord && t.upper_initial) {
    if (auto it = surnames_.find(t.folded);
        it != surnames_.end() &&
        (j == tb || !toks_[j - 1].upper_initial || kNameStrip.count(toks_[j - 1].folded) ||
         kTitleWords.count(toks_[j - 1].folded))) {
      who = it->second;
    } else if (j > tb && toks_[j - 1].folded == "the" && kTitleWords.count(t.folded)) {
      // "The Secretary underscored": the holder of such a title named before in the article.
      who = role_named_before(t.folded);
      start = j - 1;
    } else {
      std::string u = unknown_name_ending_at(j, tb);
      if (!u.empty()) {
        if (coordinated_subject(
                j + 1 - static_cast<size_t>(std::count(u.begin(), u.end(), ' ')) - 1, tb))
          return "";
        register_name(u);
        return u;
      }
    }
  }
  // "Xi Jinping and his U.S. counterpart Donald Trump discussed": a joint subject, nobody.
  if (!who.empty() && coordinated_subject(start, tb)) return "";
  return who;
}

bool Attributor::coordinated_subject(size_t start, size_t tb) const {
  static const Set kModifiers = {"his", "her", "their",   "its",     "the",
                                 "us",  "u.s", "chinese", "american"};
  for (size_t k = start, steps = 0; k > tb + 1 && steps < 5; --k, ++steps) {
    const Token& w = toks_[k - 1];
    if (w.kind != TokenKind::kWord) return false;
    if (w.folded == "and") {
      const Token& before = toks_[k - 2];
      return before.kind == TokenKind::kWord && (before.upper_initial || end_at_[k - 2] >= 0);
    }
    if (!kModifiers.count(w.folded) && !kTitleWords.count(w.folded) && !kNameStrip.count(w.folded))
      return false;
  }
  return false;
}

std::string Attributor::family_name_named_before(const std::string& family) const {
  std::string found;
  for (const auto& [person, order] : mention_order_) {
    const std::string& name = k_.people()[person].name;
    const size_t space = name.find(' ');
    if (space == std::string::npos || fold_word(name.substr(0, space)) != family) continue;
    if (!found.empty() && found != name) return "";
    found = name;
  }
  return found;
}

std::string Attributor::role_named_before(const std::string& word) const {
  std::string best;
  size_t best_order = 0;
  for (const auto& [person, order] : mention_order_) {
    if (order <= best_order) continue;
    const Person& p = k_.people()[person];
    bool holds = false;
    auto has_word = [&](const std::string& phrase) {
      for (const Token& w : tokenize(phrase))
        if (w.folded == word) return true;
      return false;
    };
    for (const TitledPeriod& tp : p.titles) holds = holds || has_word(tp.title);
    for (const std::string& a : p.aliases) holds = holds || has_word(a);
    if (holds) {
      best = p.name;
      best_order = order;
    }
  }
  return best;
}

}  // namespace readouts::speakers_detail
