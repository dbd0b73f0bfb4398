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
  // early when f returns false.
  template <class F>
  void match_at(const std::vector<Token>& toks, size_t i, F&& f) const {
    auto it = by_first_.find(toks[i].folded);
    if (it == by_first_.end()) return;
    for (uint32_t idx : it->second) {
      const Phrase& p = phrases_[idx];
      if (i + p.tokens.size() > toks.size()) continue;
      bool ok = true;
      for (size_t k = 0; k < p.tokens.size() && ok; ++k) {
        const Token& t = toks[i + k];
        ok = t.folded == p.tokens[k] && (!p.need_upper[k] || t.upper_initial);
      }
      if (ok && !f(p)) return;
    }
  }

 private:
  std::vector<Phrase> phrases_;
  std::unordered_map<std::string, std::vector<uint32_t>> by_first_;
};

// What a name phrase stands for: a person always (alias), or a person during a period (title).
struct NameTarget {
  uint32_t person = 0;
  bool title = false;
  std::string from, to;  // title period, ISO, "" = open
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
};

}  // namespace readouts
