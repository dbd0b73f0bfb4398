// PhraseMatcher: tokenized phrases indexed by their first token.
#include "shared/extract/knowledge_index.h"

#include <algorithm>

namespace readouts {

void PhraseMatcher::add(std::string_view text, uint32_t payload) {
  std::vector<Token> toks = tokenize(text);
  if (toks.empty()) return;
  Phrase p;
  p.payload = payload;
  for (const Token& t : toks) {
    p.tokens.push_back(t.folded);
    p.need_upper.push_back(t.upper_initial ? 1 : 0);
  }
  by_first_[p.tokens[0]].push_back(static_cast<uint32_t>(phrases_.size()));
  phrases_.push_back(std::move(p));
}

void PhraseMatcher::finalize() {
  for (auto& [key, list] : by_first_) {
    std::stable_sort(list.begin(), list.end(), [&](uint32_t a, uint32_t b) {
      return phrases_[a].tokens.size() > phrases_[b].tokens.size();
    });
  }
}

}  // namespace readouts
