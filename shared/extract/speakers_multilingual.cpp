// Attribution in the languages of data/attribution.json (Russian, Spanish, Japanese, Korean,
// Arabic, ...): a verb with a known person as subject before or after it, "according to" forms,
// and in verb-final languages the person marked as the subject ("トランプ氏は ... と述べた").
#include <algorithm>

#include "shared/extract/speakers_internal.h"

namespace readouts::speakers_detail {

namespace {

constexpr size_t kSubjectReach = 8;  // tokens between a subject and its verb (adverbs, titles)
constexpr size_t kAfterReach = 4;    // tokens between a verb-first verb and its subject
constexpr size_t kMarkerReach = 6;   // tokens between a name and its subject marker (titles)

// A token after which a verb may come first: a comma, a closing quotation, a dash, a colon.
bool inversion_point(const Token& t) {
  if (t.kind != TokenKind::kPunct) return false;
  const std::string& f = t.folded;
  return f == "," || f == "\xD8\x8C" /* ، */ || f == ":" || f == "\xE2\x80\x94" /* — */ ||
         f == "\xE2\x80\x93" /* – */ || f == "-" || f == "\xC2\xBB" /* » */ ||
         f == "\xE3\x80\x8D" /* 」 */ || is_quote_like(t);
}

// Punctuation a subject search does not cross: sentence ends, quotations, brackets, colons.
bool subject_barrier(const Token& t) {
  if (t.kind != TokenKind::kPunct) return false;
  const std::string& f = t.folded;
  if (f == "," || f == "\xD8\x8C" || f == "\xE3\x80\x81" /* 、 */) return false;
  return true;
}

}  // namespace

void Attributor::set_language(std::string_view language) {
  const auto& langs = k_.attribution();
  active_.assign(langs.size(), 0);
  exact_.assign(langs.size(), 0);
  data_active_ = false;
  zh_rules_ = true;
  std::string primary(language.substr(0, language.find('-')));
  for (char& c : primary)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (primary == "en" || primary == "zh") return;  // built-in rules
  const bool unknown = primary.empty() || primary == "und";
  for (size_t l = 0; l < langs.size(); ++l) {
    exact_[l] = langs[l].language == primary;
    active_[l] = exact_[l] || unknown;
    data_active_ |= active_[l] != 0;
    if (exact_[l] && langs[l].verb_final) zh_rules_ = false;  // 強調した is not Chinese 强调
  }
}

size_t Attributor::data_phrase_at(size_t i, size_t te, AttributionTarget& target) const {
  size_t best = 0;
  idx_.attribution.match_at(toks_, i, [&](const Phrase& p) {
    if (i + p.tokens.size() > te) return true;
    const AttributionTarget& t = idx_.attribution_targets[p.payload];
    if (!active_[t.language]) return true;
    // Words that only count verb-first ("so", "ani") belong to the article's own language.
    if (t.kind == AttributionKind::kVerbInverted && !exact_[t.language]) return true;
    if (p.tokens.size() > best) {
      best = p.tokens.size();
      target = t;
    }
    return true;
  });
  return best;
}

std::string Attributor::data_sentence(const Sentence& s) {
  for (size_t i = s.tb; i < s.te; ++i) {
    AttributionTarget t;
    size_t len = data_phrase_at(i, s.te, t);
    if (!len) continue;
    std::string who;
    const bool verb_final = k_.attribution()[t.language].verb_final;
    switch (t.kind) {
      case AttributionKind::kVerb:
        if (verb_final) {
          who = marked_subject_before(i, s);
        } else {
          // After a quotation or comma the verb comes first ("«...», — заявил Путин"): the words
          // before it are the quotation, not the subject.
          const bool inverted = i > s.tb && inversion_point(toks_[i - 1]);
          if (!inverted) who = data_subject_before(i, s.tb);
          if (who.empty()) who = data_subject_after(i + len, s.te);
        }
        break;
      case AttributionKind::kVerbInverted:
        if (i > s.tb && inversion_point(toks_[i - 1])) who = data_subject_after(i + len, s.te);
        break;
      case AttributionKind::kVerbPronoun:  // "«...», a-t-il ajouté": the last speaker
        who = last_;
        break;
      case AttributionKind::kAccordingTo:
        who = data_subject_after(i + len, s.te);
        break;
      case AttributionKind::kAccordingToAfter:
        who = data_subject_before(i, s.tb);
        break;
      default:
        break;
    }
    if (!who.empty()) return who;
    i += len - 1;
  }
  return "";
}

std::string Attributor::data_subject_before(size_t v, size_t tb) const {
  for (size_t j = v, steps = 0; j > tb && steps < kSubjectReach; --j, ++steps) {
    const Token& t = toks_[j - 1];
    if (subject_barrier(t)) break;
    if (end_at_[j - 1] >= 0) return ref_name(end_at_[j - 1]);
    AttributionTarget a;
    if (data_phrase_at(j - 1, v, a) == 1 && a.kind == AttributionKind::kPronoun) return last_;
    if (t.kind == TokenKind::kWord && t.upper_initial)
      if (auto it = surnames_.find(t.folded); it != surnames_.end()) return it->second;
  }
  return "";
}

std::string Attributor::data_subject_after(size_t n, size_t te) const {
  for (size_t k = n; k < te && k < n + kAfterReach + 1; ++k) {
    const Token& t = toks_[k];
    if (start_at_[k] >= 0) return ref_name(start_at_[k]);
    AttributionTarget a;
    if (k == n && data_phrase_at(k, te, a) && a.kind == AttributionKind::kPronoun)
      return last_;  // "sagte er", "dijo él"
    if (t.kind == TokenKind::kPunct) break;
    if (t.kind == TokenKind::kWord && t.upper_initial)
      if (auto it = surnames_.find(t.folded); it != surnames_.end()) return it->second;
  }
  return "";
}

// Verb-final languages: the first person (or pronoun) before the verb followed by a subject marker
// ("習主席は", "트럼프 대통령은"); a person followed by another particle ("トランプ氏との",
// "시진핑 주석과") is not the subject.
std::string Attributor::marked_subject_before(size_t v, const Sentence& s) const {
  for (size_t k = s.tb; k < v; ++k) {
    if (start_at_[k] >= 0) {
      const Ref& r = refs_[static_cast<size_t>(start_at_[k])];
      if (r.e <= v && subject_marked_at(r.e, v)) return ref_name(start_at_[k]);
      continue;
    }
    AttributionTarget a;
    size_t len = data_phrase_at(k, v, a);
    // A pronoun starts its word and its marker follows at once ("그는", not "그러나 ... 는").
    if (len && a.kind == AttributionKind::kPronoun &&
        !(k > s.tb && hangul_token(toks_[k]) && hangul_token(toks_[k - 1]) &&
          toks_[k - 1].end == toks_[k].begin) &&
        subject_marked_at(k + len, std::min(v, k + len + 1)))
      return last_;
  }
  return "";
}

// Whether a subject marker follows within a few tokens of k (titles between: "氏", "대통령"),
// before any punctuation; a Korean marker must end its word ("대통령은 ", not "국가").
bool Attributor::subject_marked_at(size_t k, size_t limit) const {
  for (size_t m = k; m < limit && m < k + kMarkerReach; ++m) {
    if (toks_[m].kind == TokenKind::kPunct) return false;
    AttributionTarget a;
    size_t len = data_phrase_at(m, limit, a);
    if (!len || a.kind != AttributionKind::kSubjectMarker) continue;
    const Token& last = toks_[m + len - 1];
    if (hangul_token(last) && m + len < toks_.size() && hangul_token(toks_[m + len]) &&
        toks_[m + len].begin == last.end)
      continue;  // inside a word
    return true;
  }
  return false;
}

}  // namespace readouts::speakers_detail
