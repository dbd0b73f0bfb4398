// Finds reposts among the accounts of one event. Pure.
#include "shared/events/copies.h"

#include <algorithm>
#include <unordered_set>

#include "shared/core/hash.h"
#include "shared/events/exchange.h"
#include "shared/text/tokenize.h"

namespace readouts {

namespace {

constexpr size_t kShingleWords = 4;

std::unordered_set<uint64_t> shingles(const Article& a) {
  std::vector<std::string> words;
  for (const Passage& p : a.passages)
    for (const Token& t : tokenize(p.text))
      if (t.kind == TokenKind::kWord) words.push_back(t.folded);
  std::unordered_set<uint64_t> out;
  if (words.size() < kShingleWords) {
    if (!words.empty()) {
      uint64_t h = fnv1a64("");
      for (const auto& w : words) h = fnv1a64(w, h);
      out.insert(h);
    }
    return out;
  }
  for (size_t i = 0; i + kShingleWords <= words.size(); ++i) {
    uint64_t h = fnv1a64("");
    for (size_t k = 0; k < kShingleWords; ++k) h = fnv1a64(words[i + k], fnv1a64(" ", h));
    out.insert(h);
  }
  return out;
}

double jaccard(const std::unordered_set<uint64_t>& a, const std::unordered_set<uint64_t>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t common = 0;
  const auto& small = a.size() < b.size() ? a : b;
  const auto& large = a.size() < b.size() ? b : a;
  for (uint64_t h : small) common += large.count(h);
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

// a is a better original than b.
bool better_original(const Article& a, const Article& b) {
  if (is_government_side(a.side) != is_government_side(b.side)) return is_government_side(a.side);
  if (a.date.known() && b.date.known() && a.date.sortable() != b.date.sortable())
    return a.date.sortable() < b.date.sortable();
  return false;
}

}  // namespace

double text_overlap(const Article& a, const Article& b) {
  return jaccard(shingles(a), shingles(b));
}

std::vector<int> find_copies(const std::vector<const Article*>& articles) {
  const size_t n = articles.size();
  std::vector<std::unordered_set<uint64_t>> sets;
  for (const Article* a : articles) sets.push_back(shingles(*a));
  // Groups of one text (single linkage on the overlap).
  std::vector<size_t> group(n);
  for (size_t i = 0; i < n; ++i) group[i] = i;
  auto root = [&](size_t x) {
    while (group[x] != x) x = group[x];
    return x;
  };
  for (size_t i = 0; i < n; ++i)
    for (size_t j = i + 1; j < n; ++j)
      if (articles[i]->language == articles[j]->language &&
          jaccard(sets[i], sets[j]) >= kCopyOverlap)
        group[root(j)] = root(i);
  // One original per group: the best by better_original, the first given among equals.
  std::vector<int> best(n, -1);
  for (size_t i = 0; i < n; ++i) {
    const size_t r = root(i);
    if (best[r] < 0 || better_original(*articles[i], *articles[static_cast<size_t>(best[r])]))
      best[r] = static_cast<int>(i);
  }
  std::vector<int> original(n, -1);
  for (size_t i = 0; i < n; ++i) {
    const int b = best[root(i)];
    if (b != static_cast<int>(i)) original[i] = b;
  }
  return original;
}

}  // namespace readouts
