// Precompiled lookups built from a Knowledge: phrase matchers for person names/titles and topic
// terms over token streams (see tokenize.h). Built once per Knowledge (Knowledge::index()),
// immutable afterwards and safe to share between threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "shared/extract/tokenize.h"

namespace readouts {

// A phrase as tokens; upper-case initials in the phrase must be upper-case in the text too.
struct Phrase {
  std::vector<std::string> tokens;
  std::vector<uint8_t> need_upper;
  uint32_t payload = 0;  // index into the owner's table
};

// Finds phrases in token streams: lookup by first token, longest phrase first.
class PhraseMatcher {
 public:
  // Adds a phrase (tokenized like text). Empty phrases are ignored.
  void add(std::string_view text, uint32_t payload);
  void finalize();  // sorts candidates longest first; call once after the last add()
  bool empty() const { return by_first_.empty(); }

  // Calls f(phrase) for every phrase that matches tokens starting at i (longest first); stops
  // early when f returns false. With endings, a word may carry one: in a non-Latin script
  // ("Трампа" matches "Трамп"), or in Latin script after a stem of 4 letters or more
  // ("Trumpnak", "Jinpingiem"); the exact forms are tried first.
  template <class F>
  void match_at(const std::vector<Token>& toks, size_t i, F&& f) const {
    const std::string& first = toks[i].folded;
    if (!match_key(toks, i, first, f)) return;
    const std::vector<std::string>* endings = endings_for(first);
    if (!endings) return;
    for (const std::string& e : *endings) {
      if (first.size() >= e.size() + min_stem(first) && first.ends_with(e) &&
          !match_key(toks, i, first.substr(0, first.size() - e.size()), f))
        return;
    }
  }

  // Case endings a word may add to a name: of non-Latin alphabetic scripts ("а", "у", "ом") and
  // of Latin script ("nak", "iem").
  void set_endings(std::vector<std::string> endings, std::vector<std::string> latin) {
    endings_ = std::move(endings);
    latin_endings_ = std::move(latin);
  }

 private:
  static constexpr size_t kMinLatinStem = 4;
  // The endings a word may carry: a word of a non-Latin alphabet (first byte 2-byte UTF-8 lead:
  // Cyrillic, Greek, ...) or a Latin one; nullptr if none.
  const std::vector<std::string>* endings_for(std::string_view w) const {
    if (w.empty()) return nullptr;
    const unsigned char c = static_cast<unsigned char>(w[0]);
    if (c >= 0x80 && c < 0xE0) return endings_.empty() ? nullptr : &endings_;
    if (c >= 'a' && c <= 'z') return latin_endings_.empty() ? nullptr : &latin_endings_;
    return nullptr;
  }
  static size_t min_stem(std::string_view w) {
    return static_cast<unsigned char>(w[0]) < 0x80 ? kMinLatinStem : 1;
  }
  bool same_word(const std::string& text, const std::string& phrase) const {
    if (text == phrase) return true;
    const std::vector<std::string>* endings = endings_for(phrase);
    if (!endings || text.size() <= phrase.size() || phrase.size() < min_stem(phrase) ||
        !text.starts_with(phrase))
      return false;
    std::string_view rest = std::string_view(text).substr(phrase.size());
    for (const std::string& e : *endings)
      if (rest == e) return true;
    return false;
  }
  template <class F>
  bool match_key(const std::vector<Token>& toks, size_t i, const std::string& key, F& f) const {
    auto it = by_first_.find(key);
    if (it == by_first_.end()) return true;
    for (uint32_t idx : it->second) {
      const Phrase& p = phrases_[idx];
      if (i + p.tokens.size() > toks.size()) continue;
      bool ok = true;
      for (size_t k = 0; k < p.tokens.size() && ok; ++k) {
        const Token& t = toks[i + k];
        ok = (k == 0 || same_word(t.folded, p.tokens[k])) && (!p.need_upper[k] || t.upper_initial);
      }
      if (ok && !f(p)) return false;
    }
    return true;
  }

  std::vector<Phrase> phrases_;
  std::unordered_map<std::string, std::vector<uint32_t>> by_first_;
  std::vector<std::string> endings_, latin_endings_;
};

// What a name phrase stands for: a person always (alias), or a person during a period (title).
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
  kSubjectMarker
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
  PhraseMatcher attribution;  // payload: index into attribution_targets
  std::vector<AttributionTarget> attribution_targets;
};

}  // namespace readouts
