// Speaker names: unknown people by their capitalized names, remembered surnames, and the subject
// that ends before an attribution verb.
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
  if (end_at_[j] >= 0) return ref_name(end_at_[j]);
  if (t.kind == TokenKind::kWord && (t.folded == "he" || t.folded == "she")) return antecedent();
  if (t.kind == TokenKind::kWord && t.upper_initial) {
    if (auto it = surnames_.find(t.folded);
        it != surnames_.end() &&
        (j == tb || !toks_[j - 1].upper_initial || kNameStrip.count(toks_[j - 1].folded) ||
         kTitleWords.count(toks_[j - 1].folded)))
      return it->second;
    std::string u = unknown_name_ending_at(j, tb);
    if (!u.empty()) {
      register_name(u);
      return u;
    }
  }
  return "";
}

}  // namespace readouts::speakers_detail
