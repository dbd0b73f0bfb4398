// Precompiled lookups built from a Knowledge: phrase matchers for person names/titles and topic
// terms over token streams (see tokenize.h). Built once per Knowledge (Knowledge::index()),
// immutable afterwards and safe to share between threads.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "shared/text/tokenize.h"

namespace readouts {

struct SvHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// A phrase as tokens; upper-case initials in the phrase must be upper-case in the text too.
//
// A '*' written against a word of a phrase lets the text's word go on past it: "тайван*" matches
// Тайвань, Тайваня, тайваньский; "*zölle" matches Strafzölle; "*zöll*" both. Words in Arabic
// script are compared without the article ال and also match after the clitics written onto them
// (و ف ب ل ك: "وتايوان", "بالرسوم" and "رسوم" for "الرسوم", "للصين" for "الصين"); a word
// after an elided article or preposition matches alone ("l'ukraine", "dell'ucraina"). A phrase
// starting in hangul must start a word (Korean writes particles after nouns, "대만은", which match
// as they follow; "이란" must not match inside another word), unless written with a leading '*'
// ("*관세" also in 보복관세).
struct Phrase {
  enum : uint8_t { kMoreAfter = 1, kMoreBefore = 2 };
  std::vector<std::string> tokens;
  std::vector<uint8_t> need_upper;
  std::vector<uint8_t> wild;  // kMoreAfter / kMoreBefore per token
  bool word_start = false;    // hangul: the first token must not continue a word
  uint32_t payload = 0;       // index into the owner's table
};

// Finds phrases in token streams: lookup by first token, longest phrase first.
class PhraseMatcher {
 public:
  // Adds a phrase (tokenized like text). Empty phrases are ignored.
  void add(std::string_view text, uint32_t payload);
  void finalize();  // sorts candidates longest first; call after the last add() (again after more)
  bool empty() const { return by_first_.empty() && !has_wild_; }

  // Calls f(phrase) for every phrase that matches tokens starting at i (longest first); stops
  // early when f returns false. With endings, a word may carry one: in a non-Latin script
  // ("Трампа" matches "Трамп"), or in Latin script after a stem of 4 letters or more
  // ("Trumpnak", "Jinpingiem"); the exact forms are tried first.
  template <class F>
  void match_at(const std::vector<Token>& toks, size_t i, F&& f) const {
    const std::string& w = toks[i].folded;
    auto it = by_first_.find(w);
    const bool endings = has_endings(w);
    if (!endings && !may_match_more(toks[i], w)) {
      if (it == by_first_.end()) return;
      for (uint32_t idx : it->second)
        if (matches(phrases_[idx], toks, i) && !f(phrases_[idx])) return;
      return;
    }
    std::vector<uint32_t> cand;
    if (it != by_first_.end()) cand = it->second;
    if (toks[i].kind == TokenKind::kWord) more_candidates(w, cand);
    if (endings) stem_candidates(w, cand);
    for (uint32_t idx : cand)
      if (matches(phrases_[idx], toks, i) && !f(phrases_[idx])) return;
  }

  // A word in Arabic script (its first letter in U+0600..U+06FF).
  static bool is_arabic_word(std::string_view folded);

  // Case endings a word may add to a phrase's word: of non-Latin alphabetic scripts ("а", "у",
  // "ом": "Трампа" matches "Трамп") and of Latin script after a stem of 4 letters or more ("nak",
  // "iem": "Trumpnak", "Jinpingiem"); the exact forms are tried first.
  // Whether a phrase in hangul must start a word (true: topic terms and names; attribution words
  // such as "고 말했다" attach to the word before them). Set before add().
  void set_hangul_word_start(bool on) { hangul_word_start_ = on; }

  // Stem changes: endings that replace a word's final letter of a non-Latin alphabet ("ь" ->
  // "я": "Цзяня" matches "Цзянь").
  using StemChanges = std::vector<std::pair<std::string, std::vector<std::string>>>;
  void set_endings(std::vector<std::string> endings, std::vector<std::string> latin,
                   StemChanges stem_changes = {}) {
    endings_ = std::move(endings);
    latin_endings_ = std::move(latin);
    stem_changes_ = std::move(stem_changes);
  }

 private:
  using Map = std::unordered_map<std::string, std::vector<uint32_t>, SvHash, std::equal_to<>>;
  bool matches(const Phrase& p, const std::vector<Token>& toks, size_t i) const;
  // Whether a phrase may match `w` other than exactly: a wildcard key shares its first or last
  // two bytes, an infix occurs in it, or it carries Arabic clitics or an elided article.
  bool may_match_more(const Token& t, const std::string& w) const;
  // Adds the phrases whose first token matches `w` other than exactly (wildcards, clitics), then
  // orders all longest first (ties in insertion order) without duplicates.
  void more_candidates(const std::string& w, std::vector<uint32_t>& cand) const;
  // Case endings (set_endings): whether `w` is of a script that has them; the phrases whose first
  // word is `w` without one of them (then ordered as more_candidates does); whether a text word
  // is a phrase word with an ending.
  bool has_endings(std::string_view w) const { return endings_for(w) != nullptr; }
  void stem_candidates(const std::string& w, std::vector<uint32_t>& cand) const;
  bool with_ending(std::string_view text, std::string_view phrase_word) const;
  bool with_stem_change(std::string_view text, std::string_view phrase_word) const;
  const std::vector<std::string>* endings_for(std::string_view w) const;

  std::vector<Phrase> phrases_;
  Map by_first_;                    // exact first token
  Map by_prefix_;                   // first token "x*"
  Map by_suffix_;                   // first token "*x"
  std::vector<uint32_t> by_infix_;  // first token "*x*"
  std::vector<size_t> prefix_lens_, suffix_lens_;
  std::vector<bool> prefix_heads_, suffix_tails_;  // first / last two bytes of keys (65536 bits)
  bool has_wild_ = false, has_arabic_ = false;
  std::vector<std::string> endings_, latin_endings_;
  StemChanges stem_changes_;
  bool hangul_word_start_ = true;
};

// What a name phrase stands for: a person always (alias), or a person during a period (title).
// Whether a text token matches a phrase word without a case ending (folded forms, wildcards).
bool phrase_word_matches(std::string_view pat, uint8_t wild, const Token& t);

struct NameTarget {
  uint32_t person = 0;
  bool title = false;
  std::string from, to;  // title period, ISO, "" = open
};

// What an attribution phrase of data/attribution.json is (speakers_multilingual.cpp).
enum class AttributionKind : uint8_t {
  kVerb,
  kVerbInverted,
  kVerbPronoun,
  kAccordingTo,
  kAccordingToAfter,
  kPronoun,
  kJointSubject,
  kSubjectMarker,
  kComplementizer,  // "que", "что", "أن": the reported content starts, no subject after it
  kSurnameTitle,    // "氏", "부장": after a known person's surname ("董氏", "둥 부장")
  kPreposition,     // "mit", "с": the person after it is not the subject
  kInstitution      // "政権", "정부": after a person's name, their government speaks, not them
};
struct AttributionTarget {
  uint32_t language = 0;  // index into Knowledge::attribution()
  AttributionKind kind = AttributionKind::kVerb;
};

struct KnowledgeIndex {
  PhraseMatcher names;  // payload: index into name_targets
  std::vector<NameTarget> name_targets;
  PhraseMatcher topic_terms;  // payload: index into term_targets
  struct TermTarget {
    uint32_t topic = 0;
    double weight = 1.0;
  };
  std::vector<TermTarget> term_targets;
  // Knowledge::account_words(), negators(), negation_words(), negated_discussion(); the payload
  // is the list (SentenceWord).
  enum SentenceWord : uint32_t { kAccount, kNegator, kNegationWord, kNegatedDiscussion };
  PhraseMatcher sentence_words;
  PhraseMatcher attribution;  // payload: index into attribution_targets
  std::vector<AttributionTarget> attribution_targets;
  // A person's short Chinese name, simplified (short_chinese_names()): "米勒" of "马修·米勒",
  // "汪洋" of "副总理汪洋"; the name it stands for once the article has named the person or
  // right after a title ("发言人米勒"). Names two people share are left out.
  std::unordered_map<std::string, uint32_t> zh_short_names;
};

// The short forms a Chinese alias gives (simplified): the part after the last middle dot of a
// transliterated name ("马修·米勒" -> "米勒"), or the name left when a title opens or closes the
// alias ("副总理汪洋" -> "汪洋", "罗斯商务部长" -> "罗斯"); two or three characters. Empty when
// none.
std::vector<std::string> short_chinese_names(std::string_view alias);

}  // namespace readouts
