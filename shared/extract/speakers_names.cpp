// Speaker names: unknown people by their capitalized names, remembered surnames, and the subject
// that ends before an attribution verb.
#include <algorithm>

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
  return s;
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
  if (end_at_[j] < 0 && t.kind == TokenKind::kWord && (t.folded == "he" || t.folded == "she"))
    return antecedent();  // "Liu He" is a name, not a pronoun
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
