// A search hit's snippet: the passage that best shows the query's words (hit_snippet.h).
#include "shared/search/hit_snippet.h"

#include <algorithm>

#include "shared/text/chinese_script.h"

namespace readouts {

namespace {

constexpr size_t kSnippetBytes = 320;
constexpr size_t kMaxPassagesForSnippet = 200;
// Passages per hit that MSet::snippet scores (the best by distinct_needles).
constexpr size_t kSnippetCandidates = 3;

// How many of the needles the passage contains (ASCII case-insensitively). `fold`: some needle
// is not ASCII (an n-gram, simplified as indexed), so a passage with Han characters is folded to
// simplified Chinese; folding changes no ASCII byte, so ASCII needles find the same without it.
// `lowered` is a reusable buffer.
size_t distinct_needles(const std::string& text, const std::vector<std::string>& needles, bool fold,
                        std::string& lowered) {
  if (needles.empty()) return 0;
  // One pass lowers ASCII and sees whether a Han character may be there (a byte from 0xE3 up
  // opens one); folding and lowering touch different bytes, so their order does not matter.
  // Through unaliased pointers, so that the compiler can do it a vector of bytes at a time.
  lowered.resize(text.size());
  const auto* __restrict in = reinterpret_cast<const unsigned char*>(text.data());
  auto* __restrict out = reinterpret_cast<unsigned char*>(lowered.data());
  const size_t size = text.size();
  unsigned char high = 0;
  for (size_t i = 0; i < size; ++i) {
    const unsigned char c = in[i];
    high |= c >= 0xE3 ? 1 : 0;
    out[i] = c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c + ('a' - 'A')) : c;
  }
  if (fold && high) fold_to_simplified(lowered);
  size_t n = 0;
  for (const auto& needle : needles)
    if (lowered.find(needle) != std::string::npos) ++n;
  return n;
}

}  // namespace

// What a passage must contain (lower-cased, as a substring) to be worth a snippet: for every
// word term of the query (unprefixed, or a Z stem), its first letters. Stems are mostly prefixes
// of the words they come from ("countri" from "country"), hence the last letter is dropped; CJK
// n-grams are kept whole. An empty list means "no word terms": every passage is a candidate.
std::vector<std::string> snippet_needles(const Xapian::Query& query) {
  std::vector<std::string> out;
  for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t) {
    std::string term = *t;
    if (term.empty()) continue;
    if (term[0] == 'Z') term.erase(0, 1);
    if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) continue;  // a prefixed term
    const bool ascii = std::all_of(term.begin(), term.end(),
                                   [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (ascii && term.size() > 3) term.pop_back();
    out.push_back(std::move(term));
  }
  return out;
}

// The best passage for this hit: most highlighted words, the preferred speakers' first.
// MSet::snippet tokenises, stems and scores a whole passage, so it runs only on the few
// passages that look best by a cheap test: how many of the query's words they contain
// (distinct_needles), the preferred speakers' counting double, as in the final score. No
// background model (a term-frequency look-up per word of the passage) and not exhaustive:
// docs/benchmarks.md, "Search".
void fill_snippet(SearchHit& hit, const Article& a, const Highlighter& highlighter,
                  const std::vector<std::string>& preferred,
                  const std::vector<std::string>& needles) {
  auto is_preferred = [&](const Passage& p) {
    return !p.speaker.empty() &&
           std::find(preferred.begin(), preferred.end(), p.speaker) != preferred.end();
  };
  auto score_of = [](double words, bool preferred_speaker) {
    return preferred_speaker ? 2 * words + 0.5 : words;  // the asked-for speaker saying them
  };
  struct Candidate {
    size_t index;
    double score;
  };
  std::vector<Candidate> candidates;
  std::string lowered;
  const bool fold = std::any_of(needles.begin(), needles.end(), [](const std::string& n) {
    return std::any_of(n.begin(), n.end(),
                       [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
  });
  // The best score a passage can have: every needle, said by a preferred speaker. The first
  // kSnippetCandidates passages that have it are the ones a full scan would keep (among equals
  // the earlier first), so the scan stops there: a common word need not be sought in every
  // passage of every hit.
  const double best_possible = score_of(static_cast<double>(needles.size()), !preferred.empty());
  size_t at_best = 0;
  for (size_t i = 0; i < a.passages.size() && i < kMaxPassagesForSnippet; ++i) {
    const Passage& p = a.passages[i];
    const size_t found = distinct_needles(p.text, needles, fold, lowered);
    if (found == 0 && !needles.empty()) continue;
    const double score = score_of(static_cast<double>(found), is_preferred(p));
    candidates.push_back({i, score});
    if (score >= best_possible && ++at_best == kSnippetCandidates) break;
  }
  // Stable: among equals, the earlier passage first.
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& x, const Candidate& y) { return x.score > y.score; });
  if (candidates.size() > kSnippetCandidates) candidates.resize(kSnippetCandidates);
  double best_score = 0;
  for (const Candidate& c : candidates) {
    const Passage& p = a.passages[c.index];
    size_t matched = 0;
    std::string s = highlighter.snippet(p.text, kSnippetBytes, &matched);
    const double score = score_of(static_cast<double>(matched), is_preferred(p));
    if (score > best_score) {
      if (s.empty()) continue;
      best_score = score;
      hit.snippet = std::move(s);
      hit.snippet_speaker = p.speaker;
    }
  }
  if (hit.snippet.empty() && !a.passages.empty()) {
    hit.snippet = Highlighter::plain(a.passages.front().text, kSnippetBytes);
    hit.snippet_speaker = a.passages.front().speaker;
  }
}

}  // namespace readouts
